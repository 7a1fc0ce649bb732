import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestApp, json, multipart, photoWithLocation, PHOTO_MARKS, validTip, type TestApp } from '../../test/helpers.ts';
import { readAttachment } from './uploads.service.ts';
import { removeStaleUploads } from './uploads.service.ts';
import { sniffMime } from './sniff.ts';

const PNG = await photoWithLocation('png');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-evidence')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj');
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(20, 1)]);
const M4A = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypM4A '), Buffer.alloc(16)]);
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(16)]);
const WEBP = await photoWithLocation('webp');
// A voice note as phones and WeChat save it: the AMR magic line, then 20 ms speech frames.
const AMR = Buffer.concat([Buffer.from('#!AMR\n'), Buffer.alloc(32 * 13, 0x3c)]);
const AMR_WB = Buffer.concat([Buffer.from('#!AMR-WB\n'), Buffer.alloc(61 * 13, 0x44)]);

describe('evidence uploads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const upload = (data: Buffer, filename = 'photo.jpg', type = 'image/jpeg') => t.app.inject({ method: 'POST', url: '/api/public/uploads', ...multipart(data, filename, type) });
  const countUploads = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from uploads'))[0].n;

  it('tells the evidence types by magic bytes, not by name', () => {
    expect([PNG, JPEG, WEBP, PDF, MP3, M4A, AMR, AMR_WB, MP4].map(sniffMime)).toEqual([
      'image/png', 'image/jpeg', 'image/webp', 'application/pdf', 'audio/mpeg', 'audio/mp4', 'audio/amr', 'audio/amr-wb', 'video/mp4',
    ]);
    // Near misses: another RIFF form (a WAV file), an AMR line without its newline, a script that names itself AMR.
    expect(sniffMime(Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '), Buffer.alloc(16)]))).toBeNull();
    expect(sniffMime(Buffer.from('#!AMR-NB this is not a voice note'))).toBeNull();
    expect(sniffMime(Buffer.from('#!/bin/sh\nrm -rf / # AMR'))).toBeNull();
    expect(sniffMime(Buffer.from('RIFFWEBP'))).toBeNull();
    expect(sniffMime(Buffer.from('MZ\x90\x00 this is an exe file'))).toBeNull();
    expect(sniffMime(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffMime(Buffer.from([0xff, 0xd8]))).toBeNull();
  });

  it('stores a file encrypted under a server-made name and attaches it to a tip staff can open', async () => {
    const res = await upload(PNG, '../../etc/passwd.png', 'image/png');
    expect(res.statusCode).toBe(201);
    const { id, mime, size } = json(res);
    expect(mime).toBe('image/png');
    expect(size).toBe(PNG.length);
    const files = readdirSync(join(t.dataDir, 'uploads'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{32}$/);
    const onDisk = readFileSync(join(t.dataDir, 'uploads', files[0]));
    expect(onDisk.includes(Buffer.from(PHOTO_MARKS.description))).toBe(false);

    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ attachmentIds: [id] }) }));
    const [{ id: tipId }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const cookie = await t.login('lk_intake');
    const detail = json(await t.app.inject({ method: 'GET', url: `/api/tips/${tipId}`, headers: { cookie } }));
    expect(detail.attachments).toEqual([expect.objectContaining({ id, mime: 'image/png', size: PNG.length })]);
    const file = await t.app.inject({ method: 'GET', url: `/api/tips/${tipId}/attachments/${id}`, headers: { cookie } });
    expect(file.statusCode).toBe(200);
    expect((await sharp(file.rawPayload).metadata()).format).toBe('png');
    expect(file.headers['content-disposition']).toBe(`inline; filename="attachment-${id.slice(0, 8)}.png"`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    // Another county cannot fetch it; the upload cannot be attached twice.
    expect((await t.app.inject({ method: 'GET', url: `/api/tips/${tipId}/attachments/${id}`, headers: { cookie: await t.login('zf_intake') } })).statusCode).toBe(404);
    const twice = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ attachmentIds: [id] }) });
    expect(twice.statusCode).toBe(422);
  });

  it('shows staff photos without their metadata (GPS, camera, description), upright, and keeps the original as evidence', async () => {
    const cookie = await t.login('lk_intake');
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const original = await photoWithLocation(format);
      expect(original.includes(Buffer.from(PHOTO_MARKS.description)), format).toBe(true);
      expect((await sharp(original).metadata()).exif, format).toBeDefined();
      const { id } = json(await upload(original, `photo.${format}`, `image/${format}`));
      const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ attachmentIds: [id] }) }));
      const [{ id: tipId }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
      const seen = (await t.app.inject({ method: 'GET', url: `/api/tips/${tipId}/attachments/${id}`, headers: { cookie } })).rawPayload;
      const meta = await sharp(seen).metadata();
      expect(meta.format, format).toBe(format);
      expect(meta.exif, format).toBeUndefined();
      expect(meta.xmp, format).toBeUndefined();
      expect(seen.includes(Buffer.from(PHOTO_MARKS.description)), format).toBe(false);
      expect(seen.includes(Buffer.from(PHOTO_MARKS.make)), format).toBe(false);
      // Turned upright: the 40×20 shot with orientation 6 is shown 20 wide, 40 high.
      expect([meta.width, meta.height], format).toEqual([20, 40]);
      // The stored evidence is the file as the reporter sent it.
      expect((await readAttachment(t.db, t.keys, t.dataDir, { tipId }, id)).data.equals(original), format).toBe(true);
    }
    // A damaged image (right magic bytes, broken body) is refused rather than shown with its metadata.
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), Buffer.from(`Exif ${PHOTO_MARKS.description}`), randomBytes(200)]);
    const { id } = json(await upload(broken, 'broken.jpg', 'image/jpeg'));
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ attachmentIds: [id] }) }));
    const [{ id: tipId }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const res = await t.app.inject({ method: 'GET', url: `/api/tips/${tipId}/attachments/${id}`, headers: { cookie } });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.code).toBe('ATTACHMENT_UNREADABLE');
    expect(res.body).not.toContain(PHOTO_MARKS.description);
  });

  it('refuses a forged type (an executable named .jpg), a too-large file (413) and a non-multipart body', async () => {
    const before = await countUploads();
    const forged = await upload(Buffer.from('MZ\x90\x00\x03\x00\x00\x00 executable pretending to be a photo'), 'photo.jpg', 'image/jpeg');
    expect(forged.statusCode).toBe(422);
    expect(json(forged).error.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const big = await upload(Buffer.concat([JPEG, Buffer.alloc(20 * 1024 * 1024 + 10)]));
    expect(big.statusCode).toBe(413);
    // The new types are under the same limit: a WebP photo or an AMR voice note over 20 MB is refused too.
    for (const [head, name] of [[WEBP, 'big.webp'], [AMR, 'big.amr']] as [Buffer, string][]) {
      expect((await upload(Buffer.concat([head, Buffer.alloc(20 * 1024 * 1024 + 10)]), name, 'application/octet-stream')).statusCode, name).toBe(413);
    }
    // A WAV file named .amr is not a voice note we take.
    const wav = await upload(Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '), Buffer.alloc(64)]), 'voice.amr', 'audio/amr');
    expect(wav.statusCode).toBe(422);
    const notMultipart = await t.app.inject({ method: 'POST', url: '/api/public/uploads', payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
    expect(await countUploads()).toBe(before);
  });

  it('accepts every allowed type and removes uploads left unattached', async () => {
    const all = [[JPEG, 'a.jpg'], [WEBP, 'a.webp'], [PDF, 'a.pdf'], [MP3, 'a.mp3'], [M4A, 'a.m4a'], [AMR, 'a.amr'], [AMR_WB, 'b.amr'], [MP4, 'a.mp4']] as [Buffer, string][];
    for (const [data, name] of all) {
      expect((await upload(data, name, 'application/octet-stream')).statusCode, name).toBe(201);
    }
    const before = readdirSync(join(t.dataDir, 'uploads')).length;
    await t.db.query(`update uploads set created_at = now() - interval '2 days' where tip_id is null`);
    expect(await removeStaleUploads(t.db, t.dataDir)).toBe(all.length);
    expect(readdirSync(join(t.dataDir, 'uploads')).length).toBe(before - all.length);
  });

  it('gives staff an AMR voice note as it was sent, with its own type and a server-made .amr name', async () => {
    const { id, mime } = json(await upload(AMR, '录音 (1).amr', 'audio/amr'));
    expect(mime).toBe('audio/amr');
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ attachmentIds: [id] }) }));
    const [{ id: tipId }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const res = await t.app.inject({ method: 'GET', url: `/api/tips/${tipId}/attachments/${id}`, headers: { cookie: await t.login('lk_intake') } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/amr');
    expect(res.headers['content-disposition']).toBe(`inline; filename="attachment-${id.slice(0, 8)}.amr"`);
    expect(res.rawPayload.equals(AMR)).toBe(true);
  });
});
