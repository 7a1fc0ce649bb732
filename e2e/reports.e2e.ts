/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, consoleLogin, shot, startE2E, type E2E } from './harness.ts';

/** Clicks a download button and returns the file it saved, with its suggested name. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('a province lead writes, edits and signs off a weekly report, and downloads it', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    // Tips received this week in the province, so the report has figures to write about.
    for (const regionCode of ['370681001', '370602001']) {
      const r = await fetch(`${e.url}/api/public/tips`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ regionCode, description: '有人在社区开“健康讲座”，向老人推销保健品，说能治糖尿病，已有三十多位老人被骗。', fraudTypes: ['elderly_product'], reporter: { anonymous: true } }),
      });
      expect(r.status).toBe(201);
    }
  });
  afterAll(() => e?.close());

  it('opens 工作报告, generates a weekly report, edits the narrative, signs it off and downloads the Word and Excel files', async () => {
    const page = await consoleLogin(e, 'sd_lead');
    await page.getByRole('menuitem', { name: '工作报告' }).click();
    await page.getByRole('heading', { name: '工作报告' }).waitFor();
    // No report yet: the empty list says how to make one.
    await page.getByText('尚无工作报告。点击上方“生成报告”').waitFor();
    await page.getByRole('button', { name: '生成报告' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The defaults: a weekly report of the lead's own province, starting a week ago.
    await dialog.getByText('山东省', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: '生成' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    const title = page.getByRole('heading', { name: /^山东省打击整治养老诈骗专项行动总结周报/ });
    await title.waitFor();
    await page.getByText('一、工作开展情况').waitFor();
    await page.getByText(/本周受理线索2条/).waitFor();
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: '编辑正文' }).click();
    const work = page.getByLabel('一、工作开展情况');
    await work.fill('本周全省受理线索2条，各地对线索逐条核查。另：全省开展集中宣传日活动。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('另：全省开展集中宣传日活动。').waitFor();
    await shot(page, 'console-reports-draft');

    await page.getByRole('button', { name: '签发' }).click();
    await page.getByRole('button', { name: '确认签发' }).click();
    await page.getByText('本报告已签发').waitFor();
    await expect(page.getByRole('button', { name: '编辑正文' }).count()).resolves.toBe(0);
    const [row] = await e.db.query<{ status: string; work: string }>(`select status, sections->>'work' as work from work_reports order by id desc limit 1`);
    expect(row).toEqual({ status: 'signed_off', work: '本周全省受理线索2条，各地对线索逐条核查。另：全省开展集中宣传日活动。' });

    const word = await download(page, '下载 Word');
    expect(word.name).toMatch(/\.docx$/);
    expect(word.bytes.length).toBeGreaterThan(2000);
    expect(word.bytes.subarray(0, 2).toString()).toBe('PK');
    const excel = await download(page, '下载 Excel');
    expect(excel.name).toMatch(/\.xlsx$/);
    expect(excel.bytes.length).toBeGreaterThan(2000);
    expect(excel.bytes.subarray(0, 2).toString()).toBe('PK');
    await shot(page, 'console-reports-signed');

    // The list shows it, signed off by the lead.
    await page.getByRole('button', { name: '← 工作报告列表' }).click();
    await page.getByRole('row').filter({ hasText: '已签发' }).first().waitFor();
    await page.context().close();
  });
});
