import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DotEnvError, loadDotEnv, parseDotEnv, SETTING_NAMES } from './config.ts';

const dir = () => mkdtempSync(join(inject('tmpRoot'), 'dotenv-'));

describe('.env parsing (the same on Node 20 and later)', () => {
  it('reads NAME=value lines, quotes, multi-line values, export and comments', () => {
    const text = [
      '\uFEFF# Shouhu settings',
      'PORT=9090',
      '  # an indented comment (Node 20 would read it into the next name)',
      'HOST = 127.0.0.1   # inline comment',
      'export DATA_DIR=./somewhere',
      '',
      "SHOUHU_ADMIN_PASSWORD='Quoted#Pass 1'",
      'SHOUHU_SECRET="line one',
      'line two"',
      'LOG_LEVEL=\twarn\t',
      'SHOUHU_DEMO=',
      'TRUST_PROXY=it\'s',
      'PGSSLMODE=require',
    ].join('\r\n');
    const r = parseDotEnv(text);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.values).toEqual({
      PORT: '9090', HOST: '127.0.0.1', DATA_DIR: './somewhere', SHOUHU_ADMIN_PASSWORD: 'Quoted#Pass 1',
      SHOUHU_SECRET: 'line one\nline two', LOG_LEVEL: 'warn', SHOUHU_DEMO: '', TRUST_PROXY: "it's", PGSSLMODE: 'require',
    });
    expect(Object.fromEntries(r.lines)).toMatchObject({ PORT: 2, HOST: 4, DATA_DIR: 5, SHOUHU_SECRET: 8, LOG_LEVEL: 10 });
  });

  it('refuses what the parsers of Node 20 and 24 read differently or what would silently cut a value, each with its line', () => {
    const r = parseDotEnv(['PORT=1', 'DATA_DIR', '=6', 'E F=5', 'SHOUHU_SECRET=abc#def', 'A="x" y', 'PORT=2', 'B="never closed', 'C=1'].join('\n'));
    expect(r.values).toEqual({});
    expect(r.problems).toEqual([
      expect.stringMatching(/^第 2 行：应为「名称=值」 \/ line 2: expected NAME=value$/),
      expect.stringContaining('line 3: expected NAME=value'),
      expect.stringContaining('line 4: expected NAME=value'),
      expect.stringMatching(/^第 5 行：SHOUHU_SECRET 的值含 #.*quote the value$/),
      expect.stringContaining('line 6: text after the closing quote of A'),
      expect.stringContaining('line 8: the " quote of B is never closed'),
    ]);
    // A value is never echoed: a secret pasted on a line of its own stays out of the log.
    expect(parseDotEnv('0123456789abcdef0123456789abcdef-secret').problems.join()).not.toContain('secret');
  });

  it('warns about a name that is not a setting (a typo would otherwise do nothing) and about one set twice (the last wins)', () => {
    const r = parseDotEnv('SHOUHU_DEM=off\nNODE_OPTIONS=--max-old-space-size=4096\nSHOUHU_DEMO=on\nPORT=1\nSHOUHU_DEMO=off\n');
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([
      expect.stringContaining('SHOUHU_DEM (line 1) is not a Shouhu setting'),
      'SHOUHU_DEMO 在第 3 行和第 5 行都有设置，以第 5 行为准 / SHOUHU_DEMO is set on lines 3 and 5: line 5 wins',
    ]);
    expect(r.values.SHOUHU_DEMO).toBe('off');
    expect(r.lines.get('SHOUHU_DEMO')).toBe(5);
    // .env.example documents every setting server/config.ts reads, and nothing else.
    const example = parseDotEnv(readFileSync(new URL('../.env.example', import.meta.url), 'utf8').replace(/^# ([A-Z_]+=)/gm, '$1'));
    expect(example.problems).toEqual([]);
    expect([...example.lines.keys()].sort()).toEqual([...SETTING_NAMES].sort());
  });
});

describe('loading .env into the environment', () => {
  it('fills what the environment lacks, keeps what it has (even empty), and names where each came from', () => {
    const d = dir();
    writeFileSync(join(d, '.env'), 'PORT=9090\nDATA_DIR=./from-file\nDATABASE_URL=postgres://x@y/z\nSHOUHU_JOBS=off\n');
    const env: NodeJS.ProcessEnv = { DATA_DIR: '/from/env', DATABASE_URL: '' };
    const loaded = loadDotEnv(join(d, '.env'), env);
    expect(env).toEqual({ PORT: '9090', DATA_DIR: '/from/env', DATABASE_URL: '', SHOUHU_JOBS: 'off' });
    expect(loaded!.overridden).toEqual(['DATA_DIR', 'DATABASE_URL']);
    expect(Object.fromEntries(loaded!.lines)).toEqual({ PORT: 1, SHOUHU_JOBS: 4 });
  });

  it('is fine without a file, and throws a bilingual error naming the file for a malformed one', () => {
    const d = dir();
    const env: NodeJS.ProcessEnv = {};
    expect(loadDotEnv(join(d, '.env'), env)).toBeNull();
    expect(env).toEqual({});
    writeFileSync(join(d, '.env'), 'PORT=1\nDATA_DIR\n');
    const err = (() => {
      try {
        loadDotEnv(join(d, '.env'), env);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DotEnvError);
    expect((err as Error).message).toBe(`${join(d, '.env')} 有误，未启动 / ${join(d, '.env')} is malformed, nothing started:\n  第 2 行：应为「名称=值」 / line 2: expected NAME=value`);
    expect(env, 'nothing of a malformed file is applied').toEqual({});
  });
});
