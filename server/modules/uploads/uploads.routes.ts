import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { staff } from '../../plugins/auth.ts';
import { TIP_READER_ROLES, TIP_WORKER_ROLES } from '../../../shared/domain.ts';
import { loadVisible } from '../tips/tips.actions.service.ts';
import { EVIDENCE_MIMES } from './sniff.ts';
import { sendStaffCopy } from './strip.ts';
import { MAX_UPLOAD_BYTES, readAttachment, storeUpload } from './uploads.service.ts';
import { fileBody } from '../../schemas.ts';
import { Upload } from './uploads.schemas.ts';
import { checkCapacity, DEFAULT_UPLOAD_LIMITS } from './capacity.ts';
import { hmac } from '../../crypto.ts';

export const uploadRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, keys, dataDir, publicRateLimit } = app.deps;
  const limits = app.deps.uploadLimits ?? DEFAULT_UPLOAD_LIMITS;

  /**
   * One upload, as the portal and the console both send it: refused before the body is read when the
   * disk or a quota is already full, then sniffed and stored unattached until a report names it.
   * `client` is whose share of the pending quota it counts against (a keyed hash, never an address).
   */
  const receive = async (req: FastifyRequest, reply: FastifyReply, client: string) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 multipart/form-data 上传文件');
    await checkCapacity(db, dataDir, limits, client);
    const file = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES } });
    if (!file) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '请选择文件' }]);
    const data = await file.toBuffer();
    if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', undefined, '单个文件不能超过 20 MB');
    const stored = await storeUpload(db, keys, dataDir, data, { limits, client });
    return reply.status(201).send(stored);
  };

  app.post(
    '/api/public/uploads',
    {
      config: { access: 'public', rateLimit: { max: publicRateLimit * 3, timeWindow: '1 minute' } },
      bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
      schema: { tags: ['public'], summary: '上传证据（multipart 字段 file；JPG/PNG/WebP/PDF/MP3/M4A/AMR/MP4，≤ 20 MB）', consumes: ['multipart/form-data'], response: { 201: Upload } },
    },
    async (req, reply) => receive(req, reply, hmac(keys.lookupMac, 'upload:' + req.ip)),
  );

  // Staff attach documents to a unit's report or a hazard's rectification and penalty the same way:
  // upload first, then the action names them (tips.actions.service.ts, screening.service.ts). Same
  // checks and quotas; each user's share is counted apart.
  app.post(
    '/api/uploads',
    {
      config: { access: 'staff', roles: TIP_WORKER_ROLES },
      bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
      schema: { tags: ['tips'], summary: '上传办理材料（multipart 字段 file；与举报证据相同的类型与大小），随办理反馈、整改报告或处罚记录提交', consumes: ['multipart/form-data'], response: { 201: Upload } },
    },
    async (req, reply) => receive(req, reply, hmac(keys.lookupMac, `staff-upload:${staff(req).id}`)),
  );

  app.get(
    '/api/tips/:id/attachments/:uploadId',
    {
      config: { access: 'staff', roles: TIP_READER_ROLES },
      schema: {
        tags: ['tips'],
        summary: '查看线索附件（图片为去除 EXIF/GPS 等元数据的副本）',
        params: z.object({ id: z.coerce.number().int().positive(), uploadId: z.uuid() }),
        produces: EVIDENCE_MIMES,
        response: { 200: fileBody('附件内容') },
      },
    },
    async (req, reply) => {
      await loadVisible(db, staff(req), req.params.id);
      return sendStaffCopy(reply, await readAttachment(db, keys, dataDir, { tipId: req.params.id }, req.params.uploadId), req.params.uploadId);
    },
  );
};
