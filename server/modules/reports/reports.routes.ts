import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { sendXlsx } from '../../xlsx.ts';
import { fileBody, IdOnly, Ok, XLSX } from '../../schemas.ts';
import { REPORT_SIGNER_ROLES, REPORT_WRITER_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { editReport, generateReport, listReports, listUrgent, reportDetail, reportExcel, reportWord, sendUrgent, signOffReport } from './reports.service.ts';
import { ReportDetail, ReportPage, UrgentPage, UrgentSent, editBody, idParams, listQuery, reportBody, urgentBody, urgentQuery } from './reports.schemas.ts';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Work reports (工作报告) and 要情随报. Thin: each route calls one service function, which decides. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  const WRITE = { access: 'staff' as const, roles: [...REPORT_WRITER_ROLES] };
  const tags = ['reports'];

  app.get('/api/reports', { config: READ, schema: { tags, summary: '工作报告列表（本辖区，可按地区、类型筛选，分页，含总数）', querystring: listQuery, response: { 200: ReportPage } } },
    async (req) => listReports(db, staff(req), req.query));

  app.post(
    '/api/reports',
    { config: { ...WRITE, reads: 'replica' }, schema: { tags, summary: '生成工作报告（动态日报、总结周报、阶段工作总结）：由统计指标生成数字表和初稿', body: reportBody, response: { 201: IdOnly } } },
    async (req, reply) => reply.status(201).send(await generateReport(readDb(req), staff(req), req.body)),
  );

  app.get('/api/reports/:id', { config: READ, schema: { tags, summary: '工作报告：正文、数字（含环比、同比）、下级地区数字、要情随报、签发情况', params: idParams, response: { 200: ReportDetail } } },
    async (req) => reportDetail(db, staff(req), req.params.id));

  app.put(
    '/api/reports/:id',
    { config: WRITE, schema: { tags, summary: '修改报告标题和正文（签发前，发文单位）', params: idParams, body: editBody, response: { 200: Ok } } },
    async (req) => editReport(db, staff(req), req.params.id, req.body),
  );

  app.post(
    '/api/reports/:id/sign-off',
    { config: { access: 'staff', roles: [...REPORT_SIGNER_ROLES] }, schema: { tags, summary: '签发报告（发文单位专项办负责人）：签发后内容和数字固定', params: idParams, response: { 200: Ok } } },
    async (req) => signOffReport(db, staff(req), req.params.id),
  );

  app.get(
    '/api/reports/:id/docx',
    { config: { ...READ, reads: 'replica' }, schema: { tags, summary: '下载报告（Word，公文格式，记入审计）', params: idParams, produces: [DOCX], response: { 200: fileBody('Word 文件') } } },
    async (req, reply) => {
      const { buffer, names } = await reportWord(readDb(req), staff(req), req.params.id);
      const day = chinaToday();
      return reply
        .header('Content-Type', DOCX)
        .header('Content-Disposition', `attachment; filename="${names.ascii}-${day}.docx"; filename*=UTF-8''${encodeURIComponent(`${names.chinese}.docx`)}`)
        .send(buffer);
    },
  );

  app.get(
    '/api/reports/:id/xlsx',
    { config: { ...READ, reads: 'replica' }, schema: { tags, summary: '下载报告数字（Excel，按下级地区，含合计，记入审计）', params: idParams, produces: [XLSX], response: { 200: fileBody('Excel 文件') } } },
    async (req, reply) => {
      const { file, names } = await reportExcel(readDb(req), staff(req), req.params.id);
      return sendXlsx(reply, file, names.ascii, names.chinese);
    },
  );

  app.get('/api/urgent-reports', { config: READ, schema: { tags, summary: '要情随报（本辖区、本单位报送或报送本单位的），新的在前', querystring: urgentQuery, response: { 200: UrgentPage } } },
    async (req) => listUrgent(db, staff(req), req.query));

  app.post(
    '/api/urgent-reports',
    { config: WRITE, schema: { tags, summary: '报送要情：立即通知上一级专项办，并列入其当日动态日报', body: urgentBody, response: { 201: UrgentSent } } },
    async (req, reply) => reply.status(201).send(await sendUrgent(db, staff(req), req.body)),
  );
};
