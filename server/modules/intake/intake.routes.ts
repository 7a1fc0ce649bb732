import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staff } from '../../plugins/auth.ts';
import { HANDOVER_ROLES, OFFICE_ROLES, TIP_STATUSES } from '../../../shared/domain.ts';
import { fileBody, XLSX } from '../../schemas.ts';
import { sendXlsx } from '../../xlsx.ts';
import { oneFile } from '../../multipart.ts';
import { sourceRefTwins } from '../tips/tips.intake.service.ts';
import { handOver, listHandovers } from './handover.service.ts';
import { errorSheet, importBatch, listImports, MAX_BATCH_BYTES, MAX_BATCH_ROWS, resultsExport } from './batch12337.ts';
import { handoverBody, HandoverCreated, HandoverPage, handoverQuery, SourceRefTwins, sourceRefQuery, TipImportList, TipImportResult } from './intake.schemas.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Intake beyond the portal: member units' hand-overs (移交), the duplicate check by reference number, the 12337 batch. */
export const intakeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, keys } = app.deps;
  const tags = ['intake'];
  const OFFICE = { access: 'staff' as const, roles: [...OFFICE_ROLES] };
  const UNIT = { access: 'staff' as const, roles: [...HANDOVER_ROLES] };

  app.post(
    '/api/handovers',
    { config: UNIT, schema: { tags, summary: '成员单位向专项办移交线索（进入本地区专项办的待受理；法院摸排卡可关联案件；记入审计）', body: handoverBody, response: { 201: HandoverCreated } } },
    async (req, reply) => reply.status(201).send(await handOver(db, keys, staff(req), req.body)),
  );

  app.get(
    '/api/handovers',
    { config: UNIT, schema: { tags, summary: '本单位移交的线索及其办理状态（反映本单位的线索不显示）', querystring: handoverQuery, response: { 200: HandoverPage } } },
    async (req) => listHandovers(db, staff(req), req.query),
  );

  app.get(
    '/api/tips/source-ref',
    { config: OFFICE, schema: { tags, summary: '按来源和来源编号查找已登记的线索（登记时提示重复；仅本人可见的线索）', querystring: sourceRefQuery, response: { 200: SourceRefTwins } } },
    async (req) => ({
      items: (await sourceRefTwins(db, staff(req), req.query.source, req.query.ref)).map((t) => ({ ...t, statusLabel: TIP_STATUSES[t.status] })),
    }),
  );

  app.post(
    '/api/tip-imports',
    {
      config: OFFICE,
      bodyLimit: MAX_BATCH_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: `导入上级下发的 12337 线索清单（multipart 字段 file；.xlsx ≤ 5 MB、${MAX_BATCH_ROWS} 行；列：编号、时间、地区、被举报对象、内容、办理期限；有误的行列入错误表；同一编号不重复登记）`,
        consumes: ['multipart/form-data'],
        response: { 201: TipImportResult },
      },
    },
    async (req, reply) => {
      const user = staff(req);
      const { data, filename } = await oneFile(req, MAX_BATCH_BYTES, '导入文件不能超过 5 MB，请分成几个文件导入');
      return reply.status(201).send(await importBatch(db, keys, user, data, filename ? filename.slice(0, 200) : null));
    },
  );

  app.get(
    '/api/tip-imports',
    { config: OFFICE, schema: { tags, summary: '本专项办导入的 12337 批次（最近 100 批）', response: { 200: TipImportList } } },
    async (req) => listImports(db, staff(req)),
  );

  app.get(
    '/api/tip-imports/:id/errors',
    { config: OFFICE, schema: { tags, summary: '下载一批的错误行（Excel：原表行号、原因、原内容；仅导入的专项办）', params: idParams, produces: [XLSX], response: { 200: fileBody('Excel 文件') } } },
    async (req, reply) => sendXlsx(reply, await errorSheet(db, staff(req), req.params.id), 'tip-import-errors', '12337导入错误行'),
  );

  app.get(
    '/api/tip-imports/:id/results',
    {
      config: OFFICE,
      schema: { tags, summary: '导出一批的办理结果（Excel：编号、核查结论、处理措施、答复内容、办结日期；记入审计），用于向上级报送', params: idParams, produces: [XLSX], response: { 200: fileBody('Excel 文件') } },
    },
    async (req, reply) => sendXlsx(reply, await resultsExport(db, staff(req), req.params.id), 'tip-import-results', '12337办理结果'),
  );
};
