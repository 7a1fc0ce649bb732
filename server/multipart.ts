import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** The one file of a multipart request (field `file`), refused with 413 past `max` bytes and 415 when not multipart. */
export async function oneFile(req: FastifyRequest, max: number, tooLarge: string): Promise<{ data: Buffer; filename: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 multipart/form-data 上传文件');
  const file = await req.file({ limits: { fileSize: max } });
  if (!file) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '请选择文件' }]);
  const data = await file.toBuffer();
  if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', undefined, tooLarge);
  return { data, filename: file.filename };
}
