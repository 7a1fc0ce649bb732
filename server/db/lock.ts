import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process at a time on an embedded database: PGlite has no server, and two processes writing
 * one data directory would corrupt it. The lock is a pid file; a file left by a killed process is
 * taken over, because that pid no longer runs.
 */
export function lockDataDir(dataDir: string, what: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'shouhu.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
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
