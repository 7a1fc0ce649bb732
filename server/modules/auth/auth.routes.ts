import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, staff } from '../../plugins/auth.ts';
import { login, logout, SESSION_ABSOLUTE_MS } from './auth.service.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: app.deps.loginRateLimit ?? 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '工作人员登录',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) }),
      },
    },
    async (req, reply) => {
      const old = req.cookies[SESSION_COOKIE];
      if (old) await logout(app.deps.db, old, null);
      const { token, user } = await login(app.deps.db, app.deps.keys, req.body.username, req.body.password);
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

  app.post('/api/auth/logout', { config: { access: 'staff' }, schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    await logout(app.deps.db, req.cookies[SESSION_COOKIE]!, staff(req));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { config: { access: 'staff' }, schema: { tags: ['auth'], summary: '当前登录用户' } }, async (req) => ({
    user: staff(req),
  }));
};
