/**
 * npm run backup -- [file]   writes a backup of the database and evidence files (default: ./backups/)
 * npm run restore -- <file>  restores one into an empty database (a new DATA_DIR or an empty PostgreSQL)
 * Both read the same settings as the server (.env, then the environment over it; .env.example). On
 * the embedded database the server must be stopped first; on PostgreSQL a backup runs beside live
 * servers (one consistent snapshot).
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fail, openForCommand } from '../cli/open.ts';
import { BackupError, restoreBackup, writeBackup } from './backup.ts';

const [command, fileArg] = process.argv.slice(2);
if (command !== 'backup' && command !== 'restore') fail('用法：npm run backup -- [备份文件]  或  npm run restore -- <备份文件>');
const { db, keys, dataDir, close } = await openForCommand(command === 'backup' ? '备份' : '恢复');
const started = Date.now();
try {
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const file = resolve(fileArg ?? `backups/shouhu-${stamp}.backup.gz`);
    if (existsSync(file)) fail(`${file} 已存在，不会覆盖。`);
    mkdirSync(dirname(file), { recursive: true });
    const s = await writeBackup(db, keys, dataDir, createWriteStream(file, { mode: 0o600, flags: 'wx' }));
    console.log(`已备份到 ${file}（${Object.values(s.tables).reduce((a, b) => a + b, 0)} 行，${s.files} 个附件，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    if (s.missingFiles.length) console.warn(`警告：${s.missingFiles.length} 个附件在磁盘上找不到，未能备份：${s.missingFiles.join(', ')}`);
    console.log('请把备份文件与密钥（SHOUHU_SECRET 或 secret.key）分开保管：没有密钥，备份中的身份信息和附件无法解密。');
  } else {
    if (!fileArg) fail('请指定要恢复的备份文件：npm run restore -- <备份文件>');
    if (!existsSync(resolve(fileArg))) fail(`找不到备份文件：${resolve(fileArg)}`);
    const s = await restoreBackup(db, keys, dataDir, createReadStream(resolve(fileArg)));
    console.log(`已恢复：${Object.entries(s.tables).map(([t, n]) => `${t} ${n}`).join('，')}；附件 ${s.files} 个（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）。现在可以 npm start。`);
  }
} catch (err) {
  if (err instanceof BackupError) fail(`失败：${err.message}`);
  throw err;
} finally {
  await close();
}
