import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { chinaToday } from '../../../shared/time.ts';
import { SCREENER_ROLES, SCREENING_LEAD_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import {
  hazardAttachment, hazardLedger, listSubjects, overrideRisk, recordHazard, recordInspection, recordPenalty, reopenHazard, reportRectified, screeningSummary,
  startRectifying, subjectDetail, verifyRectified,
} from './screening.service.ts';
import {
  attachmentParams, hazardActionBody, standaloneHazardBody, idParams, inspectionBody, ledgerFilter, ledgerQuery, overrideBody, subjectListQuery, summaryQuery, tableQuery,
} from './screening.schemas.ts';
import { OFFICIAL_TABLES, officialTableXlsx, type OfficialTable } from './screening.tables.ts';
import { exportLedger } from './screening.export.ts';
import { sendXlsx } from '../../xlsx.ts';
import { fileBody, IdOnly, XLSX } from '../../schemas.ts';
import { sendStaffCopy } from '../uploads/strip.ts';
import { EVIDENCE_MIMES } from '../uploads/sniff.ts';
import { HazardMoved, InspectionRecorded, LedgerPage, RiskAssessment, ScreeningSummary, SubjectDetail, SubjectPage } from './screening.schemas.ts';

export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  const WRITE = { access: 'staff' as const, roles: [...SCREENER_ROLES] };
  const LEAD = { access: 'staff' as const, roles: [...SCREENING_LEAD_ROLES] };

  app.get(
    '/api/subjects',
    {
      config: READ,
      schema: { tags: ['screening'], summary: '主体名录（本辖区或其中一个地区，分页，含总数），含风险等级及其依据', querystring: subjectListQuery, response: { 200: SubjectPage } },
    },
    async (req) => listSubjects(db, staff(req), req.query),
  );

  app.get('/api/subjects/:id', { config: READ, schema: { tags: ['screening'], summary: '主体详情：风险等级、检查记录、隐患、相关线索', params: idParams, response: { 200: SubjectDetail } } }, async (req) =>
    subjectDetail(db, staff(req), req.params.id));

  app.post(
    '/api/subjects/:id/inspections',
    { config: WRITE, schema: { tags: ['screening'], summary: '录入一次检查（检查清单、发现的隐患）', params: idParams, body: inspectionBody, response: { 201: InspectionRecorded } } },
    async (req, reply) => reply.status(201).send(await recordInspection(db, staff(req), req.params.id, req.body)),
  );

  app.post(
    '/api/subjects/:id/hazards',
    { config: WRITE, schema: { tags: ['screening'], summary: '登记隐患（不随检查录入：须写明来源——线索、投诉、督导检查发现或某次检查）', params: idParams, body: standaloneHazardBody, response: { 201: IdOnly } } },
    async (req, reply) => reply.status(201).send(await recordHazard(db, staff(req), req.params.id, req.body)),
  );

  app.post(
    '/api/subjects/:id/risk-override',
    {
      config: LEAD,
      schema: { tags: ['screening'], summary: '人工调整风险等级（须说明理由；grade 为 null 时恢复自动评级）', params: idParams, body: overrideBody, response: { 200: RiskAssessment } },
    },
    async (req) => overrideRisk(db, staff(req), req.params.id, req.body.grade, req.body.reason),
  );

  app.get(
    '/api/hazards/export',
    { config: { ...READ, reads: 'replica' }, schema: { tags: ['screening'], summary: '导出隐患整改台账（Excel，记入审计）', querystring: ledgerFilter, produces: [XLSX], response: { 200: fileBody('Excel 文件；X-Export-Rows 为行数，X-Export-Truncated 为 true 时超出上限未全部导出') } } },
    async (req, reply) => sendXlsx(reply, await exportLedger(readDb(req), staff(req), req.query), 'hazards', '隐患整改台账'),
  );

  app.get(
    '/api/screening/summary',
    {
      config: { ...READ, reads: 'replica' },
      schema: {
        tags: ['screening'],
        summary: '排查整治统计（本辖区或其中一个地区、统计期）：排查主体、检查人次、发现隐患、整改销号，及当前未销号隐患和风险等级分布',
        querystring: summaryQuery,
        response: { 200: ScreeningSummary },
      },
    },
    async (req) => {
      const to = req.query.to ?? chinaToday();
      return screeningSummary(readDb(req), staff(req), req.query.from ?? `${to.slice(0, 4)}-01-01`, to, req.query.region);
    },
  );

  app.get(
    '/api/hazards',
    { config: READ, schema: { tags: ['screening'], summary: '隐患整改台账（本辖区，分页，含总数）', querystring: ledgerQuery, response: { 200: LedgerPage } } },
    async (req) => hazardLedger(db, staff(req), req.query),
  );

  app.get(
    '/api/hazards/:id/attachments/:uploadId',
    {
      config: READ,
      schema: { tags: ['screening'], summary: '查看隐患整改附件（图片为去除 EXIF/GPS 等元数据的副本）', params: attachmentParams, produces: EVIDENCE_MIMES, response: { 200: fileBody('附件内容') } },
    },
    async (req, reply) =>
      sendStaffCopy(reply, await hazardAttachment(db, app.deps.keys, app.deps.dataDir, staff(req), req.params.id, req.params.uploadId), req.params.uploadId),
  );

  app.post(
    '/api/hazards/:id/actions',
    {
      config: WRITE,
      schema: { tags: ['screening'], summary: '隐患整改：开始整改、报告已整改（可附整改材料）、验收销号、验收不通过、记录行政处罚（罚没金额，可附处罚决定书）', params: idParams, body: hazardActionBody, response: { 200: HazardMoved } },
    },
    async (req) => {
      const user = staff(req);
      const b = req.body;
      if (b.action === 'start') return startRectifying(db, user, req.params.id);
      if (b.action === 'rectified') return reportRectified(db, user, req.params.id, b.note, b.attachmentIds);
      if (b.action === 'penalty') return recordPenalty(db, user, req.params.id, b);
      if (b.action === 'verify') return verifyRectified(db, user, req.params.id);
      return reopenHazard(db, user, req.params.id, b.note);
    },
  );

  // The official tables (统计表): one route each, so the route matrix names both.
  for (const table of Object.keys(OFFICIAL_TABLES) as OfficialTable[]) {
    const t = OFFICIAL_TABLES[table];
    app.get(
      `/api/screening/tables/${table}.xlsx`,
      {
        config: READ,
        schema: {
          tags: ['screening'], summary: `${t.title}（Excel：一个下级地区一行，含合计；统计期默认本年度）`, querystring: tableQuery, produces: [XLSX],
          response: { 200: fileBody('Excel 文件；X-Export-Rows 为地区行数') },
        },
      },
      async (req, reply) => sendXlsx(reply, await officialTableXlsx(db, staff(req), table, req.query), t.file, t.title),
    );
  }
};
