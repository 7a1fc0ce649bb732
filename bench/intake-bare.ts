/**
 * The reference for bench/intake: a bare Fastify + pg server writing what a public submission
 * writes — the tip, its timeline event, its audit row, its Idempotency-Key row and, for a report
 * with a photo, the upload row and its attachment — one statement per request, with no validation,
 * encryption, rate limits, security headers or group commit. Started by bench/intake.ts in its own
 * process: PORT, DATABASE_URL, OFFICE_ID, UPLOAD_DIR.
 */
import Fastify from 'fastify';
import multipart from '@fastify/multipart';
import pg from 'pg';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 32 });
const office = Number(process.env.OFFICE_ID);
const dir = process.env.UPLOAD_DIR!;
const app = Fastify();
await app.register(multipart);

app.post('/api/public/uploads', async (req, reply) => {
  const file = await req.file();
  const data = await file!.toBuffer();
  const id = randomUUID();
  await writeFile(join(dir, id), data);
  await pool.query('insert into uploads (id, mime, size_bytes, storage_name) values ($1, $2, $3, $4)', [id, 'image/jpeg', data.length, 'bare-' + id]);
  return reply.status(201).send({ id });
});

app.post('/api/public/tips', async (req, reply) => {
  const b = req.body as { regionCode: string; description: string; fraudTypes?: string[]; subject?: object; amountInvolved?: number; reporter: { anonymous: boolean }; attachmentIds?: string[] };
  const trackingCode = String(randomInt(1e11, 1e12));
  const accessKey = randomBytes(8).toString('hex');
  await pool.query(
    `with t as (
       insert into tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description, fraud_types,
                         subject, amount_involved, reporter_anonymous, reporter_enc, search_tsv)
       values ($1, $2, 'portal', 'submitted', $3, $4, $5, $6, $7, $8, $9, $10, to_tsvector('simple', $5))
       returning id),
     e as (insert into tip_events (tip_id, kind, text, public, unit_id) select id, 'submitted', '您的举报已提交，等待受理', true, $4 from t),
     a as (insert into audit_log (actor_name, action, entity, entity_id, detail) select 'public', 'tip.submitted', 'tip', id::text, '{"source":"portal"}' from t),
     k as (insert into idempotency_keys (key_hash, request_hash, response_enc) values ($11, $12, $13))
     update uploads set tip_id = (select id from t) where id = any($14::uuid[])`,
    [
      trackingCode, randomBytes(32).toString('base64url'), b.regionCode, office, b.description, b.fraudTypes ?? [], b.subject ?? null,
      b.amountInvolved ?? null, b.reporter.anonymous, b.reporter.anonymous ? null : JSON.stringify(b.reporter),
      String(req.headers['idempotency-key']), 'x', JSON.stringify({ trackingCode, accessKey }), b.attachmentIds ?? [],
    ],
  );
  return reply.status(201).send({ trackingCode, accessKey, status: 'submitted' });
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare server 已启动');
