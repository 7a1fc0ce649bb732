import sharp from 'sharp';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors.ts';
import { EXTENSION, type EvidenceMime } from './sniff.ts';

/**
 * The copy of an evidence image that staff see: re-encoded without any metadata (EXIF with GPS
 * position, camera serial, XMP, IPTC, comments, PNG text chunks), turned upright first so that a
 * phone photo does not lose its orientation with its EXIF. The stored original is not changed — it
 * is the evidence. Other types pass through unchanged.
 */
export async function staffCopy(mime: string, data: Buffer): Promise<Buffer> {
  if (mime !== 'image/jpeg' && mime !== 'image/png' && mime !== 'image/webp') return data;
  try {
    // sharp writes no metadata unless asked to (withMetadata / keepExif); rotate() applies EXIF orientation.
    const image = sharp(data, { failOn: 'error' }).rotate();
    const copy = mime === 'image/jpeg' ? image.jpeg({ quality: 90, mozjpeg: false }) : mime === 'image/webp' ? image.webp({ quality: 90 }) : image.png();
    return await copy.toBuffer();
  } catch {
    throw new AppError('ATTACHMENT_UNREADABLE');
  }
}

/**
 * Answers with the staff copy of a stored file: a server-made name and nosniff, so nothing the
 * uploader chose reaches a header.
 */
export async function sendStaffCopy(reply: FastifyReply, file: { mime: string; data: Buffer }, uploadId: string) {
  const data = await staffCopy(file.mime, file.data);
  void reply
    .header('Content-Type', file.mime)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Disposition', `inline; filename="attachment-${uploadId.slice(0, 8)}.${EXTENSION[file.mime as EvidenceMime]}"`);
  return reply.send(data);
}
