/// <reference lib="dom" />
/**
 * bench/web-budget: what a browser really downloads on first load of the portal home and the
 * console (JavaScript, gzipped as a server would send it), and the portal home's time to
 * interactive on localhost — until the "我要举报" button is visible and enabled — median of 7 cold loads.
 *
 *   npm run build:web && npm run bench:web
 */
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { newPage, startE2E } from '../e2e/harness.ts';

const e = await startE2E();

async function firstLoadJs(path: string) {
  const page = await newPage(e, 'desk');
  const sizes: { url: string; raw: number; gz: number }[] = [];
  page.on('response', async (res) => {
    if (!res.url().endsWith('.js')) return;
    const body = await res.body();
    sizes.push({ url: new URL(res.url()).pathname, raw: body.length, gz: gzipSync(body).length });
  });
  await page.goto(`${e.url}${path}`, { waitUntil: 'networkidle' });
  await page.context().close();
  return { files: sizes, raw: sizes.reduce((s, f) => s + f.raw, 0), gz: sizes.reduce((s, f) => s + f.gz, 0) };
}

async function portalTti() {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const page = await newPage(e, 'phone');
    await page.goto(`${e.url}/`, { waitUntil: 'commit' });
    await page.getByRole('button', { name: '我要举报' }).waitFor({ state: 'visible' });
    times.push(await page.evaluate(() => performance.now()));
    await page.context().close();
  }
  times.sort((a, b) => a - b);
  return { median: times[3], min: times[0], max: times[6] };
}

const kb = (n: number) => (n / 1024).toFixed(1) + ' KB';
const portal = await firstLoadJs('/');
const consoleLoad = await firstLoadJs('/console');
const tti = await portalTti();
console.log(`web budgets — ${cpus().length} cores (${cpus()[0].model}), Node ${process.version}, Chromium headless`);
console.log(`portal first-load JS: ${kb(portal.gz)} gzipped (${kb(portal.raw)} raw) in ${portal.files.length} files — budget 200 KB`);
console.log(`console first-load JS: ${kb(consoleLoad.gz)} gzipped (${kb(consoleLoad.raw)} raw) in ${consoleLoad.files.length} files`);
console.log(`portal home time to interactive (localhost, 360 px phone profile): median ${tti.median.toFixed(0)} ms (min ${tti.min.toFixed(0)}, max ${tti.max.toFixed(0)}, 7 loads)`);
for (const f of [...portal.files, ...consoleLoad.files]) console.log(`  ${f.url}  ${kb(f.gz)} gz`);
await e.close();
process.exit(0);
