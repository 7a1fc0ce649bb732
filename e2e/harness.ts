/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { openPglite } from '../server/db/client.ts';
import { deriveKeys } from '../server/crypto.ts';
import type { DemoStructure } from '../server/db/seed/seed.ts';
import { buildApp } from '../server/app.ts';
import { PASSWORD } from './password.ts';
import { seedTemplate } from './global-setup.ts';

export { PASSWORD };
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

export interface E2E {
  url: string;
  db: import('../server/db/client.ts').Db;
  world: DemoStructure;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The real server (the same buildApp as production, with the built web) on a fresh embedded
 * database holding the demo province's offices, units and staff, and a headless Chromium.
 */
export async function startE2E(): Promise<E2E> {
  const root = mkdtempSync(join(tmpdir(), 'shouhu-e2e-'));
  // A copy of the run's seeded template (e2e/global-setup.ts); outside vitest (bench/web-budget) its own.
  let template = '';
  try {
    template = inject('e2eTemplate');
  } catch {
    template = join(root, 'template');
    await seedTemplate(template);
  }
  cpSync(join(template, 'pglite'), join(root, 'pglite'), { recursive: true });
  const db = await openPglite(join(root, 'pglite'));
  const saved = JSON.parse(readFileSync(join(template, 'world.json'), 'utf8')) as DemoStructure & { units: [string, number][]; users: [string, number][] };
  const world: DemoStructure = { ...saved, units: new Map(saved.units), users: new Map(saved.users) };
  const app = await buildApp({
    db, keys: deriveKeys(randomBytes(32).toString('hex')), dataDir: join(root, 'data'),
    // E2E_WEB_DIR: CI builds the journeys' own copy of the web, so the smoke's `npm start` (which rebuilds dist/web in its
    // prestart) can run beside the journeys without emptying the folder they are served from.
    webDir: process.env.E2E_WEB_DIR ?? fileURLToPath(new URL('../dist/web', import.meta.url)), publicRateLimit: 1000, loginRateLimit: 1000,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url, world, browser, db,
    async close() {
      await browser.close();
      await app.close();
      await db.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A phone-sized page (360 × 740, touch) or a desk-sized one, asking for reduced motion (no animations to click into). CSP is bypassed only so axe-core can be injected.
 * The browser's clock is on UTC whatever the host's zone: pages must still show Beijing time (a staff laptop or an elder's phone may be left on UTC).
 */
export async function newPage(e: E2E, kind: 'phone' | 'desk'): Promise<Page> {
  const ctx = await e.browser.newContext(
    kind === 'phone'
      ? { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'UTC', bypassCSP: true, reducedMotion: 'reduce' }
      : { viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'UTC', bypassCSP: true, reducedMotion: 'reduce' },
  );
  return ctx.newPage();
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits until no animation or transition runs in the page (a dialog zooming in, a list fading out), at most `ms`. */
export async function settled(page: Page, ms = 3000) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: ms }).catch(() => undefined);
}

/** axe-core in the page: the serious and critical violations, as "rule: target" lines. */
export async function axe(page: Page): Promise<string[]> {
  const source = fileURLToPath(import.meta.resolve('axe-core/axe.min.js'));
  await page.addScriptTag({ path: source });
  // A dialog, alert or message still fading in is measured at part of its opacity, and its text
  // then "fails" contrast: wait until no animation or transition is running (at most 3 s).
  await settled(page);
  const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v: any) => v.nodes.map((n: any) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
}

/**
 * The portal's physical promises on the current page: no horizontal scroll, and every button,
 * link, input and select at least 44 px tall. Returns what breaks them.
 */
export async function elderChecks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth) problems.push(`horizontal scroll: ${document.documentElement.scrollWidth} > ${innerWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input:not([type=radio]):not([type=file]), select, textarea, .choice')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // hidden
      if (r.height < 44) problems.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 20)}" is ${Math.round(r.height)} px tall`);
    }
    return problems;
  });
}

/** Signs a staff member into the console on a desk-sized page. */
export async function consoleLogin(e: E2E, username: string): Promise<Page> {
  const page = await newPage(e, 'desk');
  await page.goto(`${e.url}/console`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
  return page;
}

/**
 * Picks options of an Ant Design select and makes sure each one took: under load a click on an
 * option while the dropdown is still opening can be lost, and the form then fails validation (the
 * cause of rare failures in full runs). A multiple select's dropdown is left open, as it stays.
 */
export async function chooseOptions(page: Page, scope: Page | Locator, label: string | RegExp, options: string[], multiple = true) {
  const field = scope.getByLabel(label);
  // `has` is matched inside each .ant-select, so it takes a locator without the outer scope.
  const select = scope.locator('.ant-select', { has: page.getByLabel(label) });
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (const option of options) {
    const chosen = multiple ? select.locator(`.ant-select-selection-item[title="${option}"]`) : select.filter({ hasText: option });
    for (let attempt = 0; !(await chosen.count()); attempt++) {
      if (attempt === 3) throw new Error(`选项「${option}」未能选中`);
      if (!(await dropdown.count())) await field.click();
      await dropdown.getByTitle(option, { exact: true }).click();
      await chosen.waitFor({ timeout: 2000 }).catch(() => undefined);
    }
  }
}

/** Ticks a checkbox and makes sure it stays ticked: a click while its dialog is still opening can be undone. */
export async function tick(box: Locator) {
  for (let attempt = 0; !(await box.isChecked()); attempt++) {
    if (attempt === 3) throw new Error('复选框未能勾选');
    await box.click();
    await box.page().waitForTimeout(200);
  }
}


/** Fills a hazard's fields in an inspection or hazard form (description, 类别, 处置措施, 整改责任人), each select closed before the next. */
export async function fillHazard(page: Page, form: Locator, h: { description: string; category: string; measure: string; responsible: string }) {
  await form.getByLabel('隐患描述').fill(h.description);
  await chooseOptions(page, form, '类别', [h.category], false);
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  await chooseOptions(page, form, '处置措施', [h.measure], false);
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  await form.getByLabel('整改责任人').fill(h.responsible);
}
