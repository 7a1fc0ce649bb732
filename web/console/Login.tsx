import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { ApiError, api } from '../api/client.ts';
import type { Me } from '../api/routes.ts';
import { useServerFieldErrors } from './hooks.ts';

export function Login({ onLogin }: { onLogin: (u: Me) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Set when the account has two factors: the same form then also asks for the authenticator code.
  const [needCode, setNeedCode] = useState(false);
  const { form, show } = useServerFieldErrors();
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>守护 · 专项办工作平台</Typography.Title>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v: { username: string; password: string; totp?: string }) => {
            setBusy(true);
            setError('');
            try {
              onLogin((await api('POST', '/api/auth/login', v)).user);
            } catch (err) {
              if (err instanceof ApiError && err.code === 'TOTP_REQUIRED') {
                setNeedCode(true);
                return;
              }
              show(err);
              setError(err instanceof ApiError ? err.message : '登录失败，请重试');
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {needCode && (
            <Form.Item
              label="动态码"
              name="totp"
              extra="打开手机上的验证器应用，输入“守护”显示的 6 位数字"
              rules={[{ required: true, message: '请输入 6 位动态码' }, { pattern: /^\d{6}$/, message: '动态码是 6 位数字' }]}
            >
              <Input autoFocus inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ letterSpacing: 4, fontSize: 18 }} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
      </Card>
    </main>
  );
}
