import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { PUBLICITY_WRITER_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { fileBody, IdOnly, XLSX } from '../../schemas.ts';
import { sendXlsx } from '../../xlsx.ts';
import { exportRounds } from './publicity.export.ts';
import { correctRound, createRound, listRounds, monitoringSummary, roundDetail } from './monitoring.service.ts';
import { MonitoringSummary, monitoringSummaryQuery, roundBody, RoundDetail, roundExportQuery, roundListQuery, RoundPage, roundUpdateBody } from './monitoring.schemas.ts';
import { idParams } from './publicity.schemas.ts';

export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  // The unit kind (market regulation, cyberspace, office) is checked by the service.
  const WRITE = { access: 'staff' as const, roles: [...PUBLICITY_WRITER_ROLES] };
  const tags = ['publicity'];

  app.get(
    '/api/publicity/monitoring',
    { config: READ, schema: { tags, summary: '广告监测（本辖区，分页，含总数及筛选范围内各项合计）', querystring: roundListQuery, response: { 200: RoundPage } } },
    async (req) => listRounds(db, staff(req), req.query),
  );

  app.post(
    '/api/publicity/monitoring',
    { config: WRITE, schema: { tags, summary: '登记一轮广告监测（市场监管、网信部门或专项办）', body: roundBody, response: { 201: IdOnly } } },
    async (req, reply) => reply.status(201).send(await createRound(db, staff(req), req.body)),
  );

  app.get(
    '/api/publicity/monitoring/export',
    {
      config: { ...READ, reads: 'replica' },
      schema: {
        tags, summary: '导出广告监测（Excel，本辖区，按当前筛选，末行合计，记入审计）', querystring: roundExportQuery, produces: [XLSX],
        response: { 200: fileBody('Excel 文件；X-Export-Rows 为行数，X-Export-Truncated 为 true 时超出上限未全部导出') },
      },
    },
    async (req, reply) => sendXlsx(reply, await exportRounds(readDb(req), staff(req), req.query), 'ads-monitoring', '广告监测'),
  );

  app.get(
    '/api/publicity/monitoring/summary',
    { config: { ...READ, reads: 'replica' }, schema: { tags, summary: '广告监测统计（本辖区、统计期，按开始日期计）', querystring: monitoringSummaryQuery, response: { 200: MonitoringSummary } } },
    async (req) => monitoringSummary(readDb(req), staff(req), req.query),
  );

  app.get(
    '/api/publicity/monitoring/:id',
    { config: READ, schema: { tags, summary: '广告监测详情', params: idParams, response: { 200: RoundDetail } } },
    async (req) => roundDetail(db, staff(req), req.params.id),
  );

  app.put(
    '/api/publicity/monitoring/:id',
    { config: WRITE, schema: { tags, summary: '更正广告监测（仅登记单位；记入审计，统计期已上报的须说明理由）', params: idParams, body: roundUpdateBody, response: { 200: RoundDetail } } },
    async (req) => correctRound(db, staff(req), req.params.id, req.body),
  );
};
