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
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!req.routeOptions.url?.startsWith('/api/')) return;
    const config = req.routeOptions.config as RouteAccess;
    if (!SAFE_METHODS.has(req.method) && config.access !== 'public' && crossSite(req)) throw new AppError('CROSS_SITE_REQUEST');
    // A body is JSON, so a form or text/plain post from another page (no CORS preflight) cannot be one.
    if (req.routeOptions.schema?.body && hasBody(req) && !/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 application/json 提交');
    }
  });
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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const hasBody = (req: FastifyRequest) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Did a page of another origin send this? Browsers say so in Sec-Fetch-Site (not settable by
 * scripts; 'same-site' is refused too: another port of this host is another origin), else in Origin.
 * A request with neither comes from no browser of the last five years — curl, scripts, the tests —
 * and carries a session only if its sender holds one, so it passes (docs/ARCHITECTURE.md).
 */
function crossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.host;
  } catch {
    return true; // 'null' (sandboxed frames, data: pages) and anything unparsable
  }
}

/** The signed-in user of a staff route (the preHandler guarantees one). */
export function staff(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError('UNAUTHENTICATED');
  return req.user;
}
