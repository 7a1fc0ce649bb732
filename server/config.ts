import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // Redis (redis:// or rediss://): rate limits and guess throttles counted there, shared by every
  // process. Unset: in PostgreSQL when DATABASE_URL is set (also shared), else in memory.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // A streaming replica (PostgreSQL only, with DATABASE_URL): dashboards, statistics, exports and
  // report generation read there through a second pool of DATABASE_POOL_SIZE connections.
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // GET /metrics requires "Authorization: Bearer <token>" when set; unset, it answers loopback only.
  SHOUHU_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SHOUHU_ADMIN_PASSWORD: z.string().optional(),
  SHOUHU_DEMO: z.enum(['on', 'off']).default('on'),
  SHOUHU_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Public submissions and uploads allowed per client per minute (keyed by a hash of the address).
  SHOUHU_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  // Uploads waiting for the report that names them (removed after 2 hours): in all, and per client.
  SHOUHU_UPLOADS_PENDING_MB: z.coerce.number().int().min(1).default(2048),
  SHOUHU_UPLOADS_PENDING_PER_CLIENT_MB: z.coerce.number().int().min(1).default(200),
  // Free space under DATA_DIR kept for the database: below it uploads are refused and health degrades.
  SHOUHU_DISK_RESERVE_MB: z.coerce.number().int().min(0).default(1024),
  SHOUHU_JOBS: z.enum(['on', 'off']).default('on'),
  // Seconds between two runs of the periodic jobs (each job runs once per interval across all processes).
  SHOUHU_JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  // The reverse proxies whose X-Forwarded-For is believed: a hop count, or addresses/CIDRs/names
  // (loopback, linklocal, uniquelocal) separated by commas. Unset: the connection's own address.
  TRUST_PROXY: z
    .string()
    .regex(/^(\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, 'a hop count, or addresses/CIDRs separated by commas')
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : v.split(',').map((s) => s.trim())))
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema>;
export const SETTING_NAMES = Object.keys(schema.shape) as (keyof Config)[];

/** Parses the environment once; on any problem, prints them all (with the .env line each came from) and exits. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, fromDotEnv?: DotEnv | null): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      const line = fromDotEnv?.lines.get(name);
      return `  ${i.path.join('.')}: ${i.message}${line ? `（${fromDotEnv!.file} 第 ${line} 行 / line ${line}）` : ''}`;
    });
    console.error(`设置有误，未启动 / Invalid settings, nothing started:\n${lines.join('\n')}`);
    process.exit(1);
  }
  return parsed.data;
}

/** What a .env file gave: where each setting came from, and which ones the environment overrode. */
export interface DotEnv {
  file: string;
  /** Line number by name, for the settings taken from the file. */
  lines: Map<string, number>;
  /** Names set in both: the environment's value was kept. */
  overridden: string[];
  warnings: string[];
}

/** The problems that make a .env unusable, each with its line, in Chinese and English. */
export class DotEnvError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file} 有误，未启动 / ${file} is malformed, nothing started:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

// Names a .env may carry for others than Shouhu (node-postgres reads PG*, Node its own) without a warning.
const FOREIGN_NAME = /^(PG[A-Z]+|NODE_[A-Z_]+|TZ|UV_THREADPOOL_SIZE)$/;
const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;
const QUOTES = ['"', "'", '`'];

/**
 * Checks a .env text strictly and rewrites it into the plain form (one NAME=value a line, comments,
 * blank lines and `export` gone) that Node's own parser (util.parseEnv) reads the same on Node 20
 * and later. The parsers differ on the rest: Node 20 merges a line without "=" or an indented
 * comment into the next name, and silently drops what follows a stray "=". So anything but
 * NAME=value, a quote left open or a "#" glued to a value (it would start a comment and cut a
 * password short) is refused here, with its line. (process.loadEnvFile would hand the file to the
 * same parser unchecked, so the file is read here and only the checked text is parsed.)
 */
export function parseDotEnv(text: string): { values: Record<string, string>; lines: Map<string, number>; problems: string[]; warnings: string[] } {
  const src = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: string[] = [];
  const warnings: string[] = [];
  const lines = new Map<string, number>();
  const plain: string[] = [];
  for (let i = 0; i < src.length; i++) {
    const n = i + 1;
    const t = src[i].trim();
    if (!t || t.startsWith('#')) continue;
    const m = ASSIGNMENT.exec(t);
    if (!m) {
      // The line itself is not echoed: it may be a secret pasted on its own.
      problems.push(`第 ${n} 行：应为「名称=值」 / line ${n}: expected NAME=value`);
      continue;
    }
    const [, name, raw] = m;
    const value = raw.trim();
    const q = value[0];
    const start = n;
    if (QUOTES.includes(q)) {
      // A quoted value may span lines; after its closing quote only a comment may follow.
      let body = value.slice(1);
      let end = body.indexOf(q);
      while (end < 0 && i + 1 < src.length) {
        body += '\n' + src[++i];
        end = body.indexOf(q);
      }
      if (end < 0) {
        problems.push(`第 ${start} 行：${name} 的引号 ${q} 没有闭合 / line ${start}: the ${q} quote of ${name} is never closed`);
        continue;
      }
      const after = body.slice(end + 1).trim();
      if (after && !after.startsWith('#')) {
        problems.push(`第 ${i + 1} 行：${name} 的引号之后还有内容 / line ${i + 1}: text after the closing quote of ${name}`);
        continue;
      }
      plain.push(`${name}=${q}${body.slice(0, end)}${q}`);
    } else {
      const hash = raw.search(/(^|\S)#/);
      if (hash >= 0) {
        problems.push(`第 ${n} 行：${name} 的值含 #，# 之后会被当作注释；请给值加引号 / line ${n}: "#" in the value of ${name} starts a comment: quote the value`);
        continue;
      }
      plain.push(`${name}=${raw.replace(/\s#.*$/, '').trim()}`);
    }
    // Set twice (say, .env.example copied and a line appended): the last wins, as in both Node parsers.
    if (lines.has(name)) warnings.push(`${name} 在第 ${lines.get(name)} 行和第 ${start} 行都有设置，以第 ${start} 行为准 / ${name} is set on lines ${lines.get(name)} and ${start}: line ${start} wins`);
    lines.set(name, start);
    if (!(SETTING_NAMES as string[]).includes(name) && !FOREIGN_NAME.test(name)) {
      warnings.push(`${name}（第 ${n} 行）不是守护的设置，见 .env.example / ${name} (line ${n}) is not a Shouhu setting, see .env.example`);
    }
  }
  return { values: problems.length ? {} : (parseEnv(plain.join('\n')) as Record<string, string>), lines, problems, warnings };
}

/**
 * Reads `file` (default: .env in the working directory, the project folder under npm) into `env`.
 * A variable already in the environment wins, even when set empty (`DATABASE_URL= npm start` means
 * "not PostgreSQL" whatever the file says). No file is fine; a malformed one throws DotEnvError.
 */
export function loadDotEnv(file = resolve('.env'), env: NodeJS.ProcessEnv = process.env): DotEnv | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DotEnvError(file, [`无法读取 / cannot be read: ${(err as Error).message}`]);
  }
  const { values, lines, problems, warnings } = parseDotEnv(text);
  if (problems.length) throw new DotEnvError(file, problems);
  const overridden: string[] = [];
  for (const name of [...lines.keys()]) {
    const value = values[name];
    if (value === undefined) continue;
    if (env[name] !== undefined) {
      overridden.push(name);
      lines.delete(name);
    } else env[name] = value;
  }
  return { file, lines, overridden, warnings };
}

/**
 * What every entry point (the server, backup/restore, the password command) starts with: .env, then
 * the environment over it, validated. On any problem it prints them (Chinese and English) and exits 1.
 */
export function loadSettings(): { config: Config; dotEnv: DotEnv | null } {
  let dotEnv: DotEnv | null;
  try {
    dotEnv = loadDotEnv();
  } catch (err) {
    if (!(err instanceof DotEnvError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  for (const w of dotEnv?.warnings ?? []) console.warn(`注意 / note: ${w}`);
  return { config: loadConfig(process.env, dotEnv), dotEnv };
}
