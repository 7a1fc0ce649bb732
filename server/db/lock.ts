import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process at a time on an embedded database: PGlite has no server, and two processes writing
 * one data directory would corrupt it. The lock is a pid file; a file left by a killed process is
 * taken over, because that pid no longer runs.
 */
export function lockDataDir(dataDir: string, what: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'shouhu.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch {
    const other = Number(readFileSync(file, 'utf8'));
    if (other && other !== process.pid && alive(other)) {
      throw new Error(`数据目录 ${dataDir} 正被另一个进程（pid ${other}）使用，请先停止它再${what}（若确认没有其他进程在运行，可删除 ${file}）。`);
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The data directory holds the database, the evidence and the secret: owner only. New files get
 * that from the process umask (0o077, set at start); this fixes what older versions created
 * (PGlite wrote its files 0666). Symbolic links are left alone.
 */
export function restrictDataDir(dir: string): void {
  const st = lstatSync(dir);
  if (st.isDirectory()) {
    if ((st.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) restrictDataDir(join(dir, name));
  } else if (st.isFile() && (st.mode & 0o077) !== 0) {
    chmodSync(dir, st.mode & 0o700);
  }
}
