/// <reference lib="dom" />
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, consoleLogin, newPage, PASSWORD, shot, startE2E, type E2E } from './harness.ts';

const codeAt = (secret: string, at: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });

describe('two-factor sign-in in the console', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('a lead turns it on with a QR code, then signs in with password and a code; the admin sees it and can reset it', async () => {
    const page = await consoleLogin(e, 'lk_lead');
    await page.getByRole('button', { name: '账号安全' }).click();
    await page.getByRole('button', { name: '开启两步验证' }).click();
    await page.locator('canvas').first().waitFor(); // the QR code
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'console-10-two-factor');
    // A wrong code is refused with a plain message; the right one (with the password) turns it on.
    await page.getByLabel('当前密码').fill(PASSWORD);
    await page.getByLabel('动态码').fill('000000');
    await page.getByRole('button', { name: '确认开启' }).click();
    // The server's field message stands beside the code field, its full message above the card.
    await page.getByText('动态码不正确', { exact: true }).waitFor();
    await page.getByText(/^动态码不正确：/).waitFor();
    await page.getByLabel('动态码').fill(codeAt(secret, Date.now()));
    await page.getByRole('button', { name: '确认开启' }).click();
    await page.getByText(/^已开启/).waitFor();
    await page.getByRole('button', { name: '退出' }).click();

    // Password alone → the form asks for the code; with the next code → in.
    await page.getByLabel('用户名').fill('lk_lead');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByLabel('动态码').waitFor();
    await page.getByLabel('动态码').fill(codeAt(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出' }).waitFor();
    await page.context().close();

    const admin = await consoleLogin(e, 'sd_admin');
    await admin.getByRole('menuitem', { name: '管理' }).click();
    await admin.getByRole('tab', { name: '用户' }).click();
    const row = admin.getByRole('row').filter({ hasText: 'lk_lead' });
    await row.getByText('已开启').waitFor();
    await row.getByRole('button', { name: '重置两步验证' }).click();
    await admin.getByRole('button', { name: '重置', exact: true }).click();
    await admin.getByText('已重置两步验证').waitFor();
    await row.getByText('未开启').waitFor();
    await admin.context().close();

    // After the reset the password alone signs in again.
    const again = await newPage(e, 'desk');
    await again.goto(`${e.url}/console`);
    await again.getByLabel('用户名').fill('lk_lead');
    await again.getByLabel('密码').fill(PASSWORD);
    await again.getByRole('button', { name: '登录' }).click();
    await again.getByRole('button', { name: '退出' }).waitFor();
    await again.context().close();
  });
});
