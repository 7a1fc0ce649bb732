import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Popconfirm, QRCode, Space, Steps, Typography } from 'antd';
import { ApiError, api } from '../api/client.ts';
import type { Me, TotpSetup, TotpStatus as Status } from '../api/routes.ts';
import { useServerFieldErrors } from './hooks.ts';
import { fmt } from './labels.ts';

const codeRules = [{ required: true, message: '请输入 6 位动态码' }, { pattern: /^\d{6}$/, message: '动态码是 6 位数字' }];

/** 账号安全: the signed-in user's own two-factor sign-in (security.md §8). */
export default function Account({ me }: { me: Me }) {
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<Status | null>(null);
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const { form, show } = useServerFieldErrors();
  const enableForm = useServerFieldErrors();

  useEffect(() => {
    api('GET', '/api/auth/totp').then(setStatus, () => setStatus(null));
  }, []);

  /** Runs a request; a refusal shows above the card and, per field, beside the form's fields. */
  const run = async (fn: () => Promise<void>, showFields?: (e: unknown) => boolean) => {
    setBusy(true);
    setError('');
    try {
      await fn();
    } catch (err) {
      showFields?.(err);
      setError(err instanceof ApiError ? err.message : '操作失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>账号安全</Typography.Title>
      <Descriptions bordered size="small" column={1} items={[
        { key: 'u', label: '用户名', children: me.username },
        { key: 'n', label: '姓名', children: me.displayName },
        { key: 'unit', label: '单位', children: me.unitName },
      ]} />
      <Card title="两步验证（登录时除密码外再输入手机动态码）">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        {status?.enabled ? (
          <>
            <Alert type="success" showIcon message={`已开启${status.enabledAt ? `（${fmt(status.enabledAt)}）` : ''}`} style={{ marginBottom: 16 }} />
            <Form form={form} layout="vertical" style={{ maxWidth: 360 }} onFinish={(v: { password: string; code: string }) => run(async () => {
              setStatus(await api('POST', '/api/auth/totp/disable', v));
              form.resetFields();
              message.success('已关闭两步验证');
            }, show)}>
              <Form.Item label="当前密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item label="动态码" name="code" rules={codeRules}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
              </Form.Item>
              <Popconfirm title="确定关闭两步验证？" description="关闭后仅凭密码即可登录，账号安全性降低。" okText="关闭" cancelText="取消" onConfirm={() => form.submit()}>
                <Button danger loading={busy}>关闭两步验证</Button>
              </Popconfirm>
            </Form>
          </>
        ) : setup ? (
          <>
            <Steps direction="vertical" size="small" current={1} items={[
              { title: '在手机上安装验证器应用', description: '如 Microsoft Authenticator、Google 身份验证器、腾讯身份验证器（免费，任选其一）。' },
              { title: '用验证器扫描二维码', description: (
                <Space align="start" wrap>
                  <QRCode value={setup.uri} size={176} bordered aria-label="两步验证二维码：请用手机验证器扫描" />
                  <div>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>无法扫码时，在应用中手动输入密钥：</Typography.Paragraph>
                    <Typography.Text code copyable={{ text: setup.secret }} style={{ fontSize: 16 }} data-testid="totp-secret">
                      {setup.secret.match(/.{1,4}/g)!.join(' ')}
                    </Typography.Text>
                  </div>
                </Space>
              ) },
              { title: '输入当前密码和应用显示的 6 位动态码', description: (
                <Form form={enableForm.form} layout="inline" onFinish={(v: { password: string; code: string }) => run(async () => {
                  setStatus(await api('POST', '/api/auth/totp/enable', v));
                  setSetup(null);
                  message.success('两步验证已开启，其他设备上的登录已退出；下次登录时需要输入动态码');
                }, enableForm.show)}>
                  <Form.Item name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
                    <Input.Password aria-label="当前密码" placeholder="当前密码" autoComplete="current-password" style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name="code" rules={codeRules}>
                    <Input aria-label="动态码" inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 140, letterSpacing: 4 }} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy}>确认开启</Button>
                </Form>
              ) },
            ]} />
          </>
        ) : (
          <>
            <Typography.Paragraph>
              开启后，登录时除了密码还需输入手机验证器应用中每 30 秒变化一次的动态码。即使密码泄露，他人也无法登录您的账号。手机丢失时请联系管理员重置。
            </Typography.Paragraph>
            <Button type="primary" loading={busy} disabled={!status} onClick={() => run(async () => setSetup(await api('POST', '/api/auth/totp/setup')))}>开启两步验证</Button>
          </>
        )}
      </Card>
    </Space>
  );
}
