import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analyze, MAX_TEXT } from './analyze.ts';
import { extractFigures } from './figures.ts';
import { scamCheck } from './scam-check.ts';
import { TIP_WORKER_ROLES } from '../../../shared/domain.ts';
import { staff } from '../../plugins/auth.ts';
import { exportLabelledData } from './intel.service.ts';
import { fileBody } from '../../schemas.ts';
import { Analysis, ExtractedFigures, ScamCheckResult } from './intel.schemas.ts';

const textBody = (max: number) =>
  z.object({ text: z.string().trim().min(1, '请输入要分析的文字').max(max, `文字不能超过 ${max} 字`) }).strict();
const WORKERS = TIP_WORKER_ROLES;

export const intelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/intel/analyze',
    { config: { access: 'staff', roles: [...WORKERS] }, schema: { tags: ['intel'], summary: '分析线索文字：类型、预警信号、实体', body: textBody(MAX_TEXT), response: { 200: Analysis } } },
    async (req) => analyze(req.body.text),
  );

  app.post(
    '/api/intel/extract-figures',
    { config: { access: 'staff', roles: [...WORKERS, 'viewer'] }, schema: { tags: ['intel'], summary: '从工作总结中提取统计数字', body: textBody(MAX_TEXT), response: { 200: ExtractedFigures } } },
    async (req) => extractFigures(req.body.text),
  );

  app.get(
    '/api/intel/labelled-data',
    {
      config: { access: 'staff', roles: ['office_lead'] },
      schema: {
        tags: ['intel'],
        summary: '导出人工更正的线索类型（JSON Lines 标注数据，记入审计）',
        produces: ['application/x-ndjson'],
        response: { 200: fileBody('每行一条 JSON：text, labels, suggested, at, source') },
      },
    },
    async (req, reply) =>
      reply
        .header('Content-Type', 'application/x-ndjson; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="type-corrections.jsonl"')
        .send(await exportLabelledData(app.deps.db, staff(req))),
  );

  app.post(
    '/api/public/scam-check',
    {
      config: { access: 'public', rateLimit: { max: app.deps.publicRateLimit * 3, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: '这是不是骗局？（不保存任何内容）', body: textBody(5000), response: { 200: ScamCheckResult } },
    },
    async (req) => scamCheck(req.body.text),
  );
};
