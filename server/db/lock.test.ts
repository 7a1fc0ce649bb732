import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { lockDataDir } from './lock.ts';

describe('data directory lock', () => {
  it('refuses a directory held by a live process, takes over one left by a dead process, and releases', () => {
    const dir = mkdtempSync(join(inject('tmpRoot'), 'lock-'));
    const file = join(dir, 'shouhu.pid');
    writeFileSync(file, String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir, '启动')).toThrow(/正被另一个进程.*请先停止它再启动/);
    expect(readFileSync(file, 'utf8')).toBe(String(process.ppid));

    writeFileSync(file, '2147483646'); // no such process
    const unlock = lockDataDir(dir, '启动');
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    unlock();
    expect(existsSync(file)).toBe(false);
  });
});
