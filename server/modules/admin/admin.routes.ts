import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_CODES, UNIT_KIND_CODES } from '../../../shared/domain.ts';
import { staff } from '../../plugins/auth.ts';
import { createUnit, createUser, listUnits, listUsers, resetPassword, resetTotp, setUserDisabled, setUserRoles } from './admin.service.ts';
import { IdOnly } from '../../schemas.ts';
import { AdminUnitPage, AdminUserPage, UserDisabled, UserRoles } from './admin.schemas.ts';

const ADMIN = { access: 'staff', roles: ['admin'] } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
/** A page of units: keyset cursor "regionCode:id" as the previous page returned it. */
export const unitPageQuery = z.object({
  regionPrefix: z.string().regex(/^\d{0,9}$/, '地区代码应为数字').optional(),
  cursor: z.string().regex(/^\d{0,9}:[1-9]\d{0,14}$/, '分页游标无效').optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
const roles = z.array(z.enum(ROLE_CODES)).min(1, '至少选择一个角色').max(8).refine((r) => new Set(r).size === r.length, '角色不能重复');

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;

  app.post(
    '/api/admin/units',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: '新建单位',
        body: z.object({
          regionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})?$/, '地区代码格式不正确'),
          kind: z.enum(UNIT_KIND_CODES),
          name: z.string().trim().min(2).max(60),
        }).strict(),
        response: { 201: IdOnly },
      },
    },
    async (req, reply) => reply.status(201).send(await createUnit(db, staff(req), req.body)),
  );

  app.get(
    '/api/admin/units',
    { config: ADMIN, schema: { tags: ['admin'], summary: '单位列表（本辖区，按地区分页）', querystring: unitPageQuery, response: { 200: AdminUnitPage } } },
    async (req) => listUnits(db, staff(req), req.query),
  );

  app.post(
    '/api/admin/users',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: '新建用户',
        body: z.object({
          username: z.string().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或横线'),
          displayName: z.string().trim().min(1).max(40),
          unitId: z.number().int().positive(),
          roles,
          password: z.string().min(1).max(128),
        }).strict(),
        response: { 201: IdOnly },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(db, staff(req), req.body)),
  );

  app.get(
    '/api/admin/users',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: '用户列表（本辖区）',
        querystring: z.object({
          q: z.string().max(40).optional(),
          unitId: z.coerce.number().int().positive().optional(),
          cursor: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: AdminUserPage },
      },
    },
    async (req) => listUsers(db, staff(req), req.query),
  );

  app.post('/api/admin/users/:id/disable', { config: ADMIN, schema: { tags: ['admin'], summary: '停用用户（立即结束其会话）', params: idParam, response: { 200: UserDisabled } } }, async (req) =>
    setUserDisabled(db, staff(req), req.params.id, true),
  );
  app.post('/api/admin/users/:id/enable', { config: ADMIN, schema: { tags: ['admin'], summary: '启用用户', params: idParam, response: { 200: UserDisabled } } }, async (req) =>
    setUserDisabled(db, staff(req), req.params.id, false),
  );
  app.post(
    '/api/admin/users/:id/password',
    { config: ADMIN, schema: { tags: ['admin'], summary: '重置密码', params: idParam, body: z.object({ password: z.string().min(1).max(128) }).strict(), response: { 200: IdOnly } } },
    async (req) => resetPassword(db, staff(req), req.params.id, req.body.password),
  );
  app.post('/api/admin/users/:id/totp-reset', { config: ADMIN, schema: { tags: ['admin'], summary: '重置两步验证（手机丢失时；结束其会话）', params: idParam, response: { 200: IdOnly } } }, async (req) =>
    resetTotp(db, staff(req), req.params.id),
  );
  app.put(
    '/api/admin/users/:id/roles',
    { config: ADMIN, schema: { tags: ['admin'], summary: '修改角色', params: idParam, body: z.object({ roles }).strict(), response: { 200: UserRoles } } },
    async (req) => setUserRoles(db, staff(req), req.params.id, req.body.roles),
  );
};
