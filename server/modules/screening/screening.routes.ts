import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staff } from '../../plugins/auth.ts';
import { chinaToday } from '../../../shared/time.ts';
import {
  CHECKLIST_ITEM_CODES, HAZARD_CATEGORY_CODES, HAZARD_MEASURE_CODES, HAZARD_STATUS_CODES, RISK_GRADE_CODES, SCREENER_ROLES, SCREENING_LEAD_ROLES,
  SUBJECT_KIND_CODES, TIP_READER_ROLES,
} from '../../../shared/domain.ts';
import {
  hazardLedger, listSubjects, overrideRisk, recordHazard, recordInspection, reopenHazard, reportRectified, screeningSummary, startRectifying, subjectDetail,
  verifyRectified,
} from './screening.service.ts';
import { exportLedger } from './screening.export.ts';
import { sendXlsx } from '../../xlsx.ts';
import { fileBody, IdOnly, XLSX } from '../../schemas.ts';
import { HazardMoved, InspectionRecorded, Ledger, RiskAssessment, ScreeningSummary, SubjectDetail, SubjectList } from './screening.schemas.ts';

const id = z.object({ id: z.coerce.number().int().positive() });
const day = z.iso.date('请填写有效的日期（YYYY-MM-DD）');
const notFuture = day.refine((d) => d <= chinaToday(), '检查日期不能晚于今天');
const hazard = z
  .object({
    description: z.string().trim().min(4, '请描述隐患（至少 4 个字）').max(2000),
    category: z.enum(HAZARD_CATEGORY_CODES),
    serious: z.boolean().default(false),
    measure: z.enum(HAZARD_MEASURE_CODES),
    deadline: day,
    responsible: z.string().trim().min(2, '请填写整改责任人').max(60),
    fineYuan: z.number().min(0).max(1e10).optional(),
  })
  .strict();

export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  const WRITE = { access: 'staff' as const, roles: [...SCREENER_ROLES] };
  const LEAD = { access: 'staff' as const, roles: [...SCREENING_LEAD_ROLES] };

  app.get(
    '/api/subjects',
    {
      config: READ,
      schema: {
        tags: ['screening'],
        summary: '主体名录（本辖区），含风险等级及其依据',
        querystring: z.object({ q: z.string().trim().max(60).optional(), kind: z.enum(SUBJECT_KIND_CODES).optional(), grade: z.enum([...RISK_GRADE_CODES, 'none']).optional() }),
        response: { 200: SubjectList },
      },
    },
    async (req) => listSubjects(db, staff(req), req.query),
  );

  app.get('/api/subjects/:id', { config: READ, schema: { tags: ['screening'], summary: '主体详情：风险等级、检查记录、隐患、相关线索', params: id, response: { 200: SubjectDetail } } }, async (req) =>
    subjectDetail(db, staff(req), req.params.id));

  app.post(
    '/api/subjects/:id/inspections',
    {
      config: WRITE,
      schema: {
        tags: ['screening'],
        summary: '录入一次检查（检查清单、发现的隐患）',
        params: id,
        body: z
          .object({
            inspectedOn: notFuture,
            inspectors: z.number().int().min(1, '检查人数至少 1 人').max(100),
            checklist: z.partialRecord(z.enum(CHECKLIST_ITEM_CODES), z.boolean()),
            findings: z.string().trim().max(5000).optional(),
            hazards: z.array(hazard).max(50).default([]),
          })
          .strict(),
        response: { 201: InspectionRecorded },
      },
    },
    async (req, reply) => reply.status(201).send(await recordInspection(db, staff(req), req.params.id, req.body)),
  );

  app.post(
    '/api/subjects/:id/hazards',
    { config: WRITE, schema: { tags: ['screening'], summary: '登记隐患', params: id, body: hazard, response: { 201: IdOnly } } },
    async (req, reply) => reply.status(201).send(await recordHazard(db, staff(req), req.params.id, req.body)),
  );

  app.post(
    '/api/subjects/:id/risk-override',
    {
      config: LEAD,
      schema: {
        tags: ['screening'],
        summary: '人工调整风险等级（须说明理由；grade 为 null 时恢复自动评级）',
        params: id,
        body: z.object({ grade: z.enum(RISK_GRADE_CODES).nullable(), reason: z.string().trim().min(4, '请说明调整理由（至少 4 个字）').max(500) }).strict(),
        response: { 200: RiskAssessment },
      },
    },
    async (req) => overrideRisk(db, staff(req), req.params.id, req.body.grade, req.body.reason),
  );

  const ledgerQuery = z.object({ status: z.enum(HAZARD_STATUS_CODES).optional(), overdue: z.stringbool().optional() });
  app.get(
    '/api/hazards/export',
    { config: READ, schema: { tags: ['screening'], summary: '导出隐患整改台账（Excel，记入审计）', querystring: ledgerQuery, produces: [XLSX], response: { 200: fileBody('Excel 文件；X-Export-Rows 为行数，X-Export-Truncated 为 true 时超出上限未全部导出') } } },
    async (req, reply) => sendXlsx(reply, await exportLedger(db, staff(req), req.query), 'hazards', '隐患整改台账'),
  );

  app.get(
    '/api/screening/summary',
    {
      config: READ,
      schema: {
        tags: ['screening'],
        summary: '排查整治统计（本辖区、统计期）：排查主体、检查人次、发现隐患、整改销号，及当前风险等级分布',
        querystring: z
          .object({ from: day.optional(), to: day.optional() })
          .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
        response: { 200: ScreeningSummary },
      },
    },
    async (req) => {
      const to = req.query.to ?? chinaToday();
      return screeningSummary(db, staff(req), req.query.from ?? `${to.slice(0, 4)}-01-01`, to);
    },
  );

  app.get(
    '/api/hazards',
    {
      config: READ,
      schema: { tags: ['screening'], summary: '隐患整改台账（本辖区）', querystring: ledgerQuery, response: { 200: Ledger } },
    },
    async (req) => hazardLedger(db, staff(req), req.query),
  );

  app.post(
    '/api/hazards/:id/actions',
    {
      config: WRITE,
      schema: {
        tags: ['screening'],
        summary: '隐患整改：开始整改、报告已整改、验收销号、验收不通过',
        params: id,
        body: z.discriminatedUnion('action', [
          z.object({ action: z.literal('start') }).strict(),
          z.object({ action: z.literal('rectified'), note: z.string().trim().min(4, '请说明整改情况（至少 4 个字）').max(2000) }).strict(),
          z.object({ action: z.literal('verify') }).strict(),
          z.object({ action: z.literal('reopen'), note: z.string().trim().min(4, '请说明验收不通过的理由（至少 4 个字）').max(2000) }).strict(),
        ]),
        response: { 200: HazardMoved },
      },
    },
    async (req) => {
      const user = staff(req);
      const b = req.body;
      if (b.action === 'start') return startRectifying(db, user, req.params.id);
      if (b.action === 'rectified') return reportRectified(db, user, req.params.id, b.note);
      if (b.action === 'verify') return verifyRectified(db, user, req.params.id);
      return reopenHazard(db, user, req.params.id, b.note);
    },
  );
};
