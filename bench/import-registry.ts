/**
 * bench/import, part 2 (run by bench/import.ts on its database): a registry file of care institutions,
 * BENCH_REGISTRY_ROWS rows (default 50,000) with 1 % bad rows (wrong check characters, unknown
 * regions), through the real route and its job, polled until done; then the same file again (nothing
 * new). Target < 60 s and peak RSS < 500 MB on PGlite. BENCH_STAGE=write writes the file (a stream, in
 * its own process); BENCH_STAGE=import opens the database and imports it, so the peak measured is the import's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { openPglite } from '../server/db/client.ts';
import { deriveKeys } from '../server/crypto.ts';
import { buildApp } from '../server/app.ts';
import { testUscc } from '../server/modules/subjects/registry.fixtures.ts';
import { columnsOf, SHEET } from '../server/modules/subjects/registry.import.ts';

const ROWS = Number(process.env.BENCH_REGISTRY_ROWS ?? 50_000);
const dir = process.env.BENCH_DIR!;
const file = join(dir, 'registry.xlsx');
const towns = ['370681', '370681001', '370681002', '龙口市'];

if (process.env.BENCH_STAGE === 'write') {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = writer.addWorksheet(SHEET);
  ws.addRow(columnsOf('elderly_care_institution').map((c) => c.header)).commit();
  for (let i = 0; i < ROWS; i++) {
    const bad = i % 100 === 99;
    const code = testUscc(i);
    const uscc = bad && i % 200 === 199 ? code.slice(0, 17) + (code[17] === '0' ? '1' : '0') : i % 3 ? code : '';
    ws.addRow([`第${i + 1}号颐养院`, uscc, bad && i % 200 !== 199 ? '379999' : towns[i % towns.length], `龙口市某街道${i + 1}号`, '是', `民养证${i}`, 20 + (i % 200),
      '龙口市民政局', '王某', '13800000000', '2026-01-15']).commit();
  }
  ws.commit();
  await writer.commit();
} else {
  const db = await openPglite(join(dir, 'db'));
  const app = await buildApp({ db, keys: deriveKeys(randomBytes(32).toString('hex')), dataDir: dir, publicRateLimit: 1000, logLevel: 'warn' });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lk_intake', password: process.env.BENCH_PASSWORD } });
    const cookie = `shouhu_session=${login.cookies.find((c) => c.name === 'shouhu_session')!.value}`;
    const data = readFileSync(file);
    const boundary = 'bench' + randomBytes(6).toString('hex');
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="registry.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    // BENCH_TRACE=1: the RSS and JS heap every second, to see which stage the peak belongs to.
    if (process.env.BENCH_TRACE) {
      const t0 = performance.now();
      setInterval(() => console.log(`  ${((performance.now() - t0) / 1000).toFixed(0)} s: RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, JS heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`), 1000).unref();
    }
    console.log(`registry: RSS with the database open and the file read: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
    const run = async () => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/subjects/imports?kind=elderly_care_institution', payload, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } });
      if (res.statusCode !== 202) throw new Error(`${res.statusCode} ${res.body}`);
      const { id } = JSON.parse(res.body) as { id: number };
      for (;;) {
        const s = JSON.parse((await app.inject({ method: 'GET', url: `/api/subjects/imports/${id}`, headers: { cookie } })).body) as {
          status: string; created: number; updated: number; unchanged: number; refused: number; errors: { row: number; reason: string }[];
        };
        if (s.status !== 'running') return { ms: performance.now() - t0, ...s };
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const first = await run();
    console.log(`registry: peak RSS after the first import ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    const again = await run();
    const rssMb = process.resourceUsage().maxRSS / 1024;
    console.log(`registry file ${(data.length / 1024).toFixed(0)} KB, ${ROWS} rows (1 % bad)`);
    console.log(`registry first import: ${(first.ms / 1000).toFixed(2)} s (${first.status}; created ${first.created}, refused ${first.refused})`);
    console.log(`registry same file again: ${(again.ms / 1000).toFixed(2)} s (created ${again.created}, updated ${again.updated}, unchanged ${again.unchanged}, refused ${again.refused})`);
    console.log(`registry: peak RSS of the importing process ${rssMb.toFixed(0)} MB`);
    const ok = first.status === 'done' && first.created === ROWS * 0.99 && first.refused === ROWS * 0.01 && again.created === 0 && again.updated === 0
      && first.ms < 60_000 && rssMb < 500;
    if (first.refused !== ROWS * 0.01) {
      const [{ errors }] = await db.query<{ errors: { row: number; reason: string }[] }>('select errors from registry_imports order by id limit 1');
      console.log('unexpected refusals:', errors.filter((e) => (e.row - 2) % 100 !== 99).slice(0, 5));
    }
    console.log(ok ? 'PASS registry (< 60 s, < 500 MB, re-import creates nothing)' : 'FAIL registry');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await app.close();
    await db.close();
  }
}
