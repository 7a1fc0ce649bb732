import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { oneFile } from '../../multipart.ts';
import { staff } from '../../plugins/auth.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { PUBLICITY_WRITER_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { fileBody, IdOnly, XLSX } from '../../schemas.ts';
import { sendXlsx } from '../../xlsx.ts';
import { DEFAULT_UPLOAD_LIMITS } from '../uploads/capacity.ts';
import { MAX_UPLOAD_BYTES } from '../uploads/uploads.service.ts';
import { activityDetail, addPhoto, correctActivity, createActivity, listActivities, photo, publicitySummary } from './publicity.service.ts';
import { exportActivities } from './publicity.export.ts';
import { errorSheet, importActivities, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, template } from './publicity.import.ts';
import {
  activityBody, activityExportQuery, activityListQuery, activityUpdateBody, ActivityDetail, ActivityPage, idParams, ImportResult, Photo, photoParams, PublicitySummary, summaryQuery,
} from './publicity.schemas.ts';

export const publicityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, keys, dataDir } = app.deps;
  const limits = app.deps.uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  const WRITE = { access: 'staff' as const, roles: [...PUBLICITY_WRITER_ROLES] };
  const tags = ['publicity'];

  app.get(
    '/api/publicity/activities',
    { config: READ, schema: { tags, summary: '宣传活动（本辖区，分页，含总数及筛选范围内各项数量合计）', querystring: activityListQuery, response: { 200: ActivityPage } } },
    async (req) => listActivities(db, staff(req), req.query),
  );

  app.get(
    '/api/publicity/activities/export',
    {
      config: { ...READ, reads: 'replica' },
      schema: {
        tags, summary: '导出宣传活动（Excel，本辖区，按当前筛选，末行合计，记入审计）', querystring: activityExportQuery, produces: [XLSX],
        response: { 200: fileBody('Excel 文件；X-Export-Rows 为行数，X-Export-Truncated 为 true 时超出上限未全部导出') },
      },
    },
    async (req, reply) => sendXlsx(reply, await exportActivities(readDb(req), staff(req), req.query), 'publicity-activities', '宣传活动'),
  );

  app.post(
    '/api/publicity/activities',
    { config: WRITE, schema: { tags, summary: '登记一次宣传活动（本单位组织）', body: activityBody, response: { 201: IdOnly } } },
    async (req, reply) => reply.status(201).send(await createActivity(db, staff(req), req.body)),
  );

  app.get(
    '/api/publicity/activities/:id',
    { config: READ, schema: { tags, summary: '宣传活动详情（含照片列表）', params: idParams, response: { 200: ActivityDetail } } },
    async (req) => activityDetail(db, staff(req), req.params.id),
  );

  app.put(
    '/api/publicity/activities/:id',
    {
      config: WRITE,
      schema: { tags, summary: '更正宣传活动（仅组织单位；记入审计，统计期已上报的须说明理由）', params: idParams, body: activityUpdateBody, response: { 200: ActivityDetail } },
    },
    async (req) => correctActivity(db, staff(req), req.params.id, req.body),
  );

  app.post(
    '/api/publicity/activities/:id/photos',
    {
      config: WRITE,
      bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
      schema: { tags, summary: '上传活动照片（multipart 字段 file；JPG/PNG，≤ 20 MB，每个活动最多 9 张）', params: idParams, consumes: ['multipart/form-data'], response: { 201: Photo } },
    },
    async (req, reply) => {
      const user = staff(req);
      const { data } = await oneFile(req, MAX_UPLOAD_BYTES, '单张照片不能超过 20 MB');
      return reply.status(201).send(await addPhoto(db, keys, dataDir, limits, user, req.params.id, data));
    },
  );

  app.get(
    '/api/publicity/activities/:id/photos/:uploadId',
    { config: READ, schema: { tags, summary: '查看活动照片（去除 EXIF/GPS 等元数据的副本）', params: photoParams, produces: ['image/jpeg', 'image/png'], response: { 200: fileBody('照片') } } },
    async (req, reply) => {
      const p = await photo(db, keys, dataDir, staff(req), req.params.id, req.params.uploadId);
      void reply
        .header('Content-Type', p.mime)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', `inline; filename="photo-${req.params.uploadId.slice(0, 8)}.${p.mime === 'image/png' ? 'png' : 'jpg'}"`);
      return reply.send(p.data);
    },
  );

  app.get(
    '/api/publicity/summary',
    { config: { ...READ, reads: 'replica' }, schema: { tags, summary: '宣传统计（本辖区、统计期，按活动开始日期计）：活动场次及各项数量', querystring: summaryQuery, response: { 200: PublicitySummary } } },
    async (req) => publicitySummary(readDb(req), staff(req), req.query),
  );

  app.get(
    '/api/publicity/template',
    { config: WRITE, schema: { tags, summary: '下载宣传活动导入模板（Excel）', produces: [XLSX], response: { 200: fileBody('Excel 模板') } } },
    async (req, reply) => {
      const buffer = await template(db, staff(req));
      return sendXlsx(reply, { buffer, rows: 0, truncated: false }, 'publicity-template', '宣传活动导入模板');
    },
  );

  app.post(
    '/api/publicity/imports',
    {
      config: WRITE,
      bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: `从 Excel 批量导入宣传活动（multipart 字段 file；≤ 5 MB、${MAX_IMPORT_ROWS} 行；逐行校验，有误的行不导入并列入错误表，同一文件重复导入不重复登记）`,
        consumes: ['multipart/form-data'],
        response: { 201: ImportResult },
      },
    },
    async (req, reply) => {
      const user = staff(req);
      const { data } = await oneFile(req, MAX_IMPORT_BYTES, '导入文件不能超过 5 MB，请分成几个文件导入');
      return reply.status(201).send(await importActivities(db, user, data));
    },
  );

  app.get(
    '/api/publicity/imports/:id/errors',
    { config: WRITE, schema: { tags, summary: '下载一次导入的错误行（Excel：原表行号、原因、原内容；仅导入单位）', params: idParams, produces: [XLSX], response: { 200: fileBody('Excel 文件') } } },
    async (req, reply) => sendXlsx(reply, await errorSheet(db, staff(req), req.params.id), 'publicity-import-errors', '宣传活动导入错误行'),
  );
};
