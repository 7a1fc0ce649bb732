import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, staff } from '../../plugins/auth.ts';
import { login, logout, SESSION_ABSOLUTE_MS } from './auth.service.ts';
import { beginTotpSetup, disableTotp, enableTotp, totpStatus } from './totp.ts';
import { Ok } from '../../schemas.ts';
import { MeBody, TotpSetup, TotpStatus } from './auth.schemas.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: app.deps.loginRateLimit ?? 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '工作人员登录',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128), totp: z.string().max(12).optional() }),
        response: { 200: MeBody },
      },
    },
    async (req, reply) => {
      const old = req.cookies[SESSION_COOKIE];
      if (old) await logout(app.deps.db, old, null);
      const { token, user } = await login(app.deps.db, app.deps.keys, req.body.username, req.body.password, req.body.totp);
      void reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: 'auto',
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
      return { user };
    },
  );

  app.post('/api/auth/logout', { config: { access: 'staff' }, schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok } } }, async (req, reply) => {
    await logout(app.deps.db, req.cookies[SESSION_COOKIE]!, staff(req));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  // Two factors: every staff member manages their own; an administrator can only reset (lost phone).
  const code = z.string().min(1, '请输入动态码').max(12);
  app.get('/api/auth/totp', { config: { access: 'staff' }, schema: { tags: ['auth'], summary: '两步验证状态', response: { 200: TotpStatus } } }, async (req) =>
    totpStatus(app.deps.db, staff(req).id));
  app.post('/api/auth/totp/setup', { config: { access: 'staff' }, schema: { tags: ['auth'], summary: '生成两步验证密钥（用手机验证器扫码）', response: { 200: TotpSetup } } }, async (req) =>
    beginTotpSetup(app.deps.db, app.deps.keys, staff(req)));
  const password = z.string().min(1, '请输入当前密码').max(128);
  app.post(
    '/api/auth/totp/enable',
    {
      // Checks the password, so it is throttled like the login.
      config: { access: 'staff', rateLimit: { max: app.deps.loginRateLimit ?? 30, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '输入当前密码和动态码，开启两步验证（其他登录会话将退出）', body: z.object({ password, code }).strict(), response: { 200: TotpStatus } },
    },
    async (req) => enableTotp(app.deps.db, app.deps.keys, staff(req), req.cookies[SESSION_COOKIE]!, req.body.password, req.body.code),
  );
  app.post(
    '/api/auth/totp/disable',
    { config: { access: 'staff' }, schema: { tags: ['auth'], summary: '关闭两步验证（需密码和动态码）', body: z.object({ password, code }).strict(), response: { 200: TotpStatus } } },
    async (req) => disableTotp(app.deps.db, app.deps.keys, staff(req), req.body.password, req.body.code),
  );

  app.get('/api/auth/me', { config: { access: 'staff' }, schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: MeBody } } }, async (req) => ({
    user: staff(req),
  }));
};
