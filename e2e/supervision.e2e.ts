/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, chooseOptions, consoleLogin, shot, startE2E, type E2E } from './harness.ts';

/** 督导检查 in a real browser: a city supervisor opens a round with a finding; the county police rectify and report it. */
describe('a supervision round and its finding, in a real browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('the supervisor opens a round with a finding; the target unit sees it on its workbench and submits its rectification', async () => {
    const deadline = new Date(Date.now() + 8 * 3600_000 + 10 * 86400_000).toISOString().slice(0, 10);
    const sup = await consoleLogin(e, 'yt_supervisor');
    await sup.getByRole('menuitem', { name: '督导检查' }).click();
    await sup.getByRole('heading', { name: '督导检查' }).waitFor();
    await sup.getByRole('button', { name: '开展督导检查' }).click();
    const dialog = sup.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('名称').fill('龙口市线索办理质量实地督导');
    await dialog.getByLabel('被督导单位').fill('龙口市公安');
    await chooseOptions(sup, dialog, '被督导单位', ['龙口市公安局（龙口市）']);
    await dialog.getByLabel('发现的问题').click();
    await dialog.getByLabel('发现的问题').fill('部分线索办理结果未附核查笔录');
    await dialog.getByLabel('整改要求').fill('补齐核查笔录，建立办理台账');
    await dialog.getByLabel('整改时限').fill(deadline);
    // Enter takes the typed date, and submits the form as Enter does in any form field.
    await dialog.getByLabel('整改时限').press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 15_000 }).catch(async (err) => {
      throw new Error(`对话框未关闭：${await dialog.innerText().catch(() => '?')}`, { cause: err });
    });
    await sup.getByRole('heading', { name: '龙口市线索办理质量实地督导' }).waitFor();
    await sup.getByRole('cell', { name: '部分线索办理结果未附核查笔录' }).waitFor();
    await sup.getByText('待整改', { exact: true }).waitFor();
    expect(await axe(sup)).toEqual([]);
    await shot(sup, 'supervision-round');

    const police = await consoleLogin(e, 'lk_police');
    const card = police.getByTestId('supervision-tasks');
    await card.waitFor();
    await card.getByRole('cell', { name: '部分线索办理结果未附核查笔录' }).waitFor();
    await card.getByText(deadline).waitFor();
    await card.getByRole('button', { name: '整改反馈' }).click();
    const fb = police.getByRole('dialog');
    await fb.getByLabel('整改情况').fill('已补齐 12 份核查笔录并建立办理台账');
    await fb.getByRole('button', { name: '提交' }).click();
    await fb.waitFor({ state: 'detached', timeout: 15_000 });
    await card.getByText('已反馈待核验').waitFor();
    await card.getByText('已补齐 12 份核查笔录并建立办理台账').waitFor();
    expect(await card.getByRole('button', { name: '整改反馈' }).count()).toBe(0);
    await shot(police, 'supervision-workbench');

    // Back at the supervisor: the feedback is there to verify.
    await sup.reload();
    await sup.getByText('已补齐 12 份核查笔录并建立办理台账').waitFor();
    await sup.getByRole('button', { name: '核验' }).waitFor();
  });
});
