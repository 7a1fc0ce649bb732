import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { staff } from '../../plugins/auth.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { SCREENER_ROLES, SCREENING_LEAD_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { fileBody, IdOnly, XLSX } from '../../schemas.ts';
import { sendXlsx } from '../../xlsx.ts';
import { editSubject, mergeSubjects, registerSubject, subjectRegistry } from './subjects.service.ts';
import { errorSheet, importsSettled, importStatus, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, startImport, template } from './registry.import.ts';
import { exportRegistry } from './registry.export.ts';
import { recentImports } from './subjects.repository.ts';
import { exportQuery, idParams, ImportList, ImportStatus, kindQuery, mergeBody, subjectFacts, SubjectRegistry } from './subjects.schemas.ts';

export const subjectRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  // Offices and the member units that screen (market regulation, civil affairs…) keep the registry.
  const WRITE = { access: 'staff' as const, roles: [...SCREENER_ROLES] };
  const LEAD = { access: 'staff' as const, roles: [...SCREENING_LEAD_ROLES] };
  const tags = ['subjects'];
  app.addHook('onClose', async () => { await importsSettled(); });

  app.post(
    '/api/subjects',
    {
      config: WRITE,
      schema: { tags, summary: '登记主体（各类别的登记信息；信用代码或同地区同名同地址重复时 409，附已登记记录的链接）', body: subjectFacts, response: { 201: IdOnly } },
    },
    async (req, reply) => reply.status(201).send(await registerSubject(db, staff(req), req.body)),
  );

  app.get(
    '/api/subjects/:id/registry',
    { config: READ, schema: { tags, summary: '主体登记信息、计数单位、合并情况及修改记录', params: idParams, response: { 200: SubjectRegistry } } },
    async (req) => subjectRegistry(db, staff(req), req.params.id),
  );

  app.put(
    '/api/subjects/:id',
    { config: WRITE, schema: { tags, summary: '修改主体登记信息（记入修改记录和审计）', params: idParams, body: subjectFacts, response: { 200: SubjectRegistry } } },
    async (req) => editSubject(db, staff(req), req.params.id, req.body),
  );

  app.post(
    '/api/subjects/:id/merge',
    {
      config: LEAD,
      schema: { tags, summary: '将本记录合并到同一主体的另一条记录（检查、隐患、案件关联和执法文书随之转移；记入审计）', params: idParams, body: mergeBody, response: { 200: SubjectRegistry } },
    },
    async (req) => mergeSubjects(db, staff(req), req.params.id, req.body.into, req.body.reason),
  );

  app.get(
    '/api/subjects/template',
    { config: WRITE, schema: { tags, summary: '下载某一类别的主体名录导入模板（Excel）', querystring: kindQuery, produces: [XLSX], response: { 200: fileBody('Excel 模板') } } },
    async (req, reply) => {
      const buffer = await template(db, staff(req), req.query.kind);
      return sendXlsx(reply, { buffer, rows: 0, truncated: false }, `registry-template-${req.query.kind}`, '主体名录导入模板');
    },
  );

  app.post(
    '/api/subjects/imports',
    {
      config: WRITE,
      bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: `从 Excel 导入某一类别的主体名录（multipart 字段 file；≤ 20 MB、${MAX_IMPORT_ROWS} 行）：立即返回导入任务，进度用 GET /api/subjects/imports/:id 查询`,
        querystring: kindQuery,
        consumes: ['multipart/form-data'],
        response: { 202: ImportStatus },
      },
    },
    async (req, reply) => {
      const user = staff(req);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 multipart/form-data 上传文件');
      const file = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES } });
      if (!file) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '请选择文件' }]);
      const data = await file.toBuffer();
      if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', undefined, '导入文件不能超过 20 MB，请分成几个文件导入');
      const { id } = await startImport(db, user, req.query.kind, data, file.filename || null);
      return reply.status(202).send(await importStatus(db, user, id));
    },
  );

  app.get(
    '/api/subjects/imports',
    { config: WRITE, schema: { tags, summary: '本单位最近的主体名录导入', response: { 200: ImportList } } },
    async (req) => ({ items: await recentImports(db, staff(req)) }),
  );

  app.get(
    '/api/subjects/imports/:id',
    { config: WRITE, schema: { tags, summary: '主体名录导入的进度和结果（仅导入单位）', params: idParams, response: { 200: ImportStatus } } },
    async (req) => importStatus(db, staff(req), req.params.id),
  );

  app.get(
    '/api/subjects/imports/:id/errors',
    { config: WRITE, schema: { tags, summary: '下载一次主体名录导入的错误行（Excel：原表行号、原因、原内容）', params: idParams, produces: [XLSX], response: { 200: fileBody('Excel 文件') } } },
    async (req, reply) => sendXlsx(reply, await errorSheet(db, staff(req), req.params.id), 'registry-import-errors', '主体名录导入错误行'),
  );

  app.get(
    '/api/subjects/export',
    {
      config: { ...READ, reads: 'replica' },
      schema: {
        tags, summary: '导出辖区（或其中一个地区）的主体名录（Excel，可按类别；记入审计）', querystring: exportQuery, produces: [XLSX],
        response: { 200: fileBody('Excel 文件；X-Export-Rows 为行数，X-Export-Truncated 为 true 时超出上限未全部导出') },
      },
    },
    async (req, reply) => sendXlsx(reply, await exportRegistry(readDb(req), staff(req), req.query), 'registry', '主体名录'),
  );
};
