import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FRAUD_TYPE_CODES, UNIT_KIND_CODES } from '../../../shared/domain.ts';
import { staff } from '../../plugins/auth.ts';
import { unitPageQuery } from '../admin/admin.routes.ts';
import { deleteRule, dispatchSuggestions, dispatchableUnits, listRules, ruleHistory, upsertRule } from './routing.service.ts';
import { IdOnly } from '../../schemas.ts';
import { DispatchSuggestions, DispatchUnitPage, RoutingRule, RoutingRuleList, RuleHistoryPage } from './routing.schemas.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });

export const routingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;

  app.get('/api/routing-rules', { config: { access: 'staff' }, schema: { tags: ['routing'], summary: '分流规则（线索类型 × 地区 → 主办单位类型）', response: { 200: RoutingRuleList } } }, async (req) => listRules(db, req.user!));

  app.get(
    '/api/routing-rules/history',
    {
      config: { access: 'staff', roles: ['admin', 'office_lead'] },
      schema: {
        tags: ['routing'],
        summary: '分流规则修改历史（分页）',
        querystring: z.object({
          ruleId: z.coerce.number().int().positive().optional(),
          cursor: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: RuleHistoryPage },
      },
    },
    async (req) => ruleHistory(db, req.user!, req.query),
  );

  app.put(
    '/api/admin/routing-rules',
    {
      config: { access: 'staff', roles: ['admin'] },
      schema: {
        tags: ['routing'],
        summary: '新增或修改分流规则',
        body: z.object({
          regionPrefix: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})?$/, '地区无效：请选择“全国”，或输入地名后从列表中选择').default(''),
          fraudType: z.enum(FRAUD_TYPE_CODES),
          leadKind: z.enum(UNIT_KIND_CODES),
          assistKinds: z.array(z.enum(UNIT_KIND_CODES)).max(8).default([]),
        }).strict(),
        response: { 200: RoutingRule },
      },
    },
    async (req) => upsertRule(db, staff(req), req.body),
  );

  app.delete('/api/admin/routing-rules/:id', { config: { access: 'staff', roles: ['admin'] }, schema: { tags: ['routing'], summary: '删除分流规则', params: idParam, response: { 200: IdOnly } } }, async (req) =>
    deleteRule(db, staff(req), req.params.id),
  );

  app.get('/api/units', { config: { access: 'staff', roles: ['intake', 'office_lead', 'supervisor'] }, schema: { tags: ['routing'], summary: '可交办的单位（本辖区，按地区分页）', querystring: unitPageQuery.omit({ regionPrefix: true }), response: { 200: DispatchUnitPage } } }, async (req) =>
    dispatchableUnits(db, staff(req), req.query),
  );

  app.get(
    '/api/tips/:id/dispatch-suggestions',
    { config: { access: 'staff', roles: ['intake', 'office_lead'] }, schema: { tags: ['routing'], summary: '按分流规则推荐承办单位', params: idParam, response: { 200: DispatchSuggestions } } },
    async (req) => dispatchSuggestions(db, staff(req), req.params.id),
  );
};
