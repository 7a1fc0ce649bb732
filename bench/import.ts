/**
 * Part 2 is bench/import-registry.ts (50,000 registry rows), run as a child process on the same
 * database; BENCH_ONLY=registry skips the publicity part.
 *
 * bench/import: 5,000 publicity activity rows imported from one .xlsx through the real route
 * (multipart upload, workbook parse, every row validated, one insert statement, audit row), target
 * < 10 s on PGlite. Then the same file again (every row a duplicate, nothing written). A fresh
 * embedded database in a temporary directory, removed afterwards.
 *
 *   npm run bench:import           (BENCH_ROWS=1000 for another size)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openPglite } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadRegions } from '../server/modules/regions/regions.loader.ts';
import { ensureAdmin, seedStructure } from '../server/db/seed/seed.ts';
import { deriveKeys } from '../server/crypto.ts';
import { buildApp } from '../server/app.ts';
import { goodRow, publicityWorkbook } from '../server/modules/publicity/publicity.fixtures.ts';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chinaToday } from '../shared/time.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const ONLY = process.env.BENCH_ONLY;
const PASSWORD = 'Bench-Passw0rd!';
const dir = mkdtempSync(join(tmpdir(), 'shouhu-import-'));
const db = await openPglite(join(dir, 'db'));
try {
  await migrate(db);
  await loadRegions(db);
  await ensureAdmin(db, PASSWORD);
  await seedStructure(db, PASSWORD);
  const app = await buildApp({ db, keys: deriveKeys(randomBytes(32).toString('hex')), dataDir: dir, publicRateLimit: 1000, logLevel: 'warn' });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lk_intake', password: PASSWORD } });
  const cookie = `shouhu_session=${login.cookies.find((c) => c.name === 'shouhu_session')!.value}`;
  let ok = true;
  const boundary = 'bench' + randomBytes(6).toString('hex');
  console.log(`bench:import on ${db.kind}, ${cpus().length}× ${cpus()[0]?.model}, ${new Date().toISOString()}`);
  if (ONLY !== 'registry') {
    const today = Date.parse(chinaToday());
    const towns = ['370681', '龙口市', '370681001', '370681002'];
    const rows = Array.from({ length: ROWS }, (_, i) =>
      goodRow(new Date(today - (1 + (i % 300)) * 86400_000).toISOString().slice(0, 10), towns[i % towns.length], `第${i + 1}场防范养老诈骗宣传`, 1 + (i % 7)));
    const file = await publicityWorkbook(rows);
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const run = async () => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/publicity/imports', payload, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } });
      const ms = performance.now() - t0;
      if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
      return { ms, ...(JSON.parse(res.body) as { created: number; duplicates: number; refused: number }) };
    };
    const first = await run();
    const again = await run();
    console.log(`file ${(file.length / 1024).toFixed(0)} KB, ${ROWS} rows`);
    console.log(`first import: ${(first.ms / 1000).toFixed(2)} s (created ${first.created}, duplicates ${first.duplicates}, refused ${first.refused})`);
    console.log(`same file again: ${(again.ms / 1000).toFixed(2)} s (created ${again.created}, duplicates ${again.duplicates}, refused ${again.refused})`);
    ok = first.created === ROWS && again.created === 0 && first.ms < 10_000;
    console.log(ok ? 'PASS (< 10 s, re-import creates nothing)' : 'FAIL');
  }

  await app.close();
  await db.close();
  // Part 2 in a process of its own on the same database (bench/import-registry.ts), so its peak memory is the import's.
  const stage = (name: string) => spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./import-registry.ts', import.meta.url))], {
    stdio: 'inherit', env: { ...process.env, BENCH_DIR: dir, BENCH_PASSWORD: PASSWORD, BENCH_STAGE: name },
  }).status === 0;
  ok = stage('write') && stage('import') && ok;
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
