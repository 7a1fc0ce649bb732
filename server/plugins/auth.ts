import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Role } from '../../shared/domain.ts';
import { resolveSession, type SessionUser } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'shouhu_session';

/** Each route says who may call it; a route that says nothing is staff-only (fail closed). */
export interface RouteAccess {
  access?: 'public' | 'staff';
  /** Staff routes: any of these roles (none listed: any signed-in staff member). */
  roles?: readonly Role[];
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteAccess {}
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/** Finds the session behind the cookie and enforces each route's access config in one place. */
export const authPlugin = fp(async (app) => {
  app.decorateRequest('user', null);
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const config = req.routeOptions.config as RouteAccess;
    if (!req.routeOptions.url || config.access === 'public') return;
    if (!req.routeOptions.url.startsWith('/api/') || req.routeOptions.url.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    const resolved = await resolveSession(app.deps.db, token);
    if (resolved === 'expired') {
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw new AppError('SESSION_EXPIRED');
    }
    if (!resolved) throw new AppError('UNAUTHENTICATED');
    req.user = resolved;
    if (config.roles && !config.roles.some((r) => resolved.roles.includes(r))) throw new AppError('FORBIDDEN');
  });
});

/** The signed-in user of a staff route (the preHandler guarantees one). */
export function staff(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError('UNAUTHENTICATED');
  return req.user;
}
