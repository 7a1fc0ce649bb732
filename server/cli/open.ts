import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSettings, type Config } from '../config.ts';
import { deriveKeys, readSecret, SecretError, type Keys } from '../crypto.ts';
import { openPglite, openPostgres, type Db } from '../db/client.ts';
import { lockDataDir } from '../db/lock.ts';

/** Prints the reason and ends a command: 1 = it cannot run here (settings, database, secret), 2 = refused. */
export function fail(message: string, code: 1 | 2 = 1): never {
  console.error(message);
  process.exit(code);
}

export interface CommandContext {
  config: Config;
  dataDir: string;
  keys: Keys;
  db: Db;
  /** Closes the database and frees the data directory. */
  close(): Promise<void>;
}

/**
 * What the commands beside the server (backup, restore, admin:password) start with: the same
 * settings (.env, then the environment), the secret of DATA_DIR, and the database — on the embedded
 * one only while no server runs on it (the data directory's lock). `what` names the command in the
 * lock's message; `existing` refuses to create an embedded database that is not there.
 */
export async function openForCommand(what: string, opts: { existing?: boolean } = {}): Promise<CommandContext> {
  const { config } = loadSettings();
  const dataDir = resolve(config.DATA_DIR);
  let secret: string | null;
  try {
    secret = readSecret(config.SHOUHU_SECRET, dataDir);
  } catch (err) {
    if (err instanceof SecretError) fail(err.message);
    throw err;
  }
  if (!secret) fail(`找不到密钥：请设置 SHOUHU_SECRET，或把原数据目录中的 secret.key 复制到 ${dataDir}。`);
  const pgliteDir = resolve(dataDir, 'pglite');
  if (!config.DATABASE_URL && opts.existing && !existsSync(pgliteDir)) {
    fail(`找不到数据库：${pgliteDir} 不存在。请设置与服务器相同的 DATA_DIR（或 DATABASE_URL）。/ No database at ${pgliteDir}.`);
  }
  let unlock = () => undefined as void;
  try {
    if (!config.DATABASE_URL) unlock = lockDataDir(dataDir, what);
  } catch (err) {
    fail((err as Error).message);
  }
  const db = config.DATABASE_URL ? openPostgres(config.DATABASE_URL, 2) : await openPglite(pgliteDir);
  return {
    config, dataDir, keys: deriveKeys(secret), db,
    close: async () => {
      await db.close();
      unlock();
    },
  };
}
