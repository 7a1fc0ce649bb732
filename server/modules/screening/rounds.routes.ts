import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { SCREENER_ROLES, SCREENING_LEAD_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { IdOnly } from '../../schemas.ts';
import { checklists, closeRound, createRound, editChecklist, editRound, listRounds, roundCoverage, roundDetail } from './rounds.service.ts';
import {
  checklistBody, ChecklistVersion, Checklists, Coverage, coverageQuery, idParams, roundBody, RoundDetail, roundListQuery, RoundPage, roundPatch, sectorParams,
} from './rounds.schemas.ts';

/** Screening rounds (排查批次) with their coverage, and the sectors' versioned checklists. */
export const roundRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  // As inspections: screeners; the service admits offices and the departments that screen a sector.
  const WRITE = { access: 'staff' as const, roles: [...SCREENER_ROLES] };
  const LEAD = { access: 'staff' as const, roles: [...SCREENING_LEAD_ROLES] };
  const tags = ['screening'];

  app.post(
    '/api/screening/rounds',
    { config: WRITE, schema: { tags, summary: '创建排查批次（名称、期限、行业、排查方式；本单位辖区内的地区）', body: roundBody, response: { 201: IdOnly } } },
    async (req, reply) => reply.status(201).send(await createRound(db, staff(req), req.body)),
  );

  app.get(
    '/api/screening/rounds',
    {
      config: READ,
      schema: { tags, summary: '排查批次（本辖区及上级的，分页，含总数）；forSubject：该主体的检查可加入的进行中批次', querystring: roundListQuery, response: { 200: RoundPage } },
    },
    async (req) => listRounds(db, staff(req), req.query),
  );

  app.get(
    '/api/screening/rounds/:id',
    { config: READ, schema: { tags, summary: '排查批次详情', params: idParams, response: { 200: RoundDetail } } },
    async (req) => roundDetail(db, staff(req), req.params.id),
  );

  app.patch(
    '/api/screening/rounds/:id',
    { config: WRITE, schema: { tags, summary: '修改进行中的排查批次的名称或期限（创建单位；记入审计）', params: idParams, body: roundPatch, response: { 200: RoundDetail } } },
    async (req) => editRound(db, staff(req), req.params.id, req.body),
  );

  app.post(
    '/api/screening/rounds/:id/close',
    { config: LEAD, schema: { tags, summary: '结束排查批次（创建单位负责人；结束后不再加入检查）', params: idParams, response: { 200: RoundDetail } } },
    async (req) => closeRound(db, staff(req), req.params.id),
  );

  app.get(
    '/api/screening/rounds/:id/coverage',
    {
      config: READ,
      schema: { tags, summary: '排查覆盖率：按下级地区统计范围内主体数、本批次已检查主体数及覆盖率，及合计', params: idParams, querystring: coverageQuery, response: { 200: Coverage } },
    },
    async (req) => roundCoverage(db, staff(req), req.params.id),
  );

  app.get(
    '/api/screening/checklists',
    { config: { access: 'staff' as const }, schema: { tags, summary: '各行业当前的检查表及历史版本', response: { 200: Checklists } } },
    async () => checklists(db),
  );

  app.put(
    '/api/screening/checklists/:sector',
    {
      config: { access: 'staff' as const, roles: ['admin' as const] },
      schema: { tags, summary: '修改某一行业的检查表（系统管理员；保存为新版本，已录入的检查保留原版本）', params: sectorParams, body: checklistBody, response: { 200: ChecklistVersion } },
    },
    async (req) => editChecklist(db, staff(req), req.params.sector, req.body.items),
  );
};
