/**
 * Response building blocks every module's `<module>.schemas.ts` uses. Pure zod and shared/ only:
 * the web imports the inferred types from these files (type-only), so nothing here may reach
 * server code (docs/ARCHITECTURE.md, "Typed API").
 */
import { z } from 'zod';
import type { ERRORS } from './errors.ts';

/**
 * A point in time. The database hands us Date objects; the wire and the web see the ISO string
 * JSON.stringify made of them before responses had schemas ("2025-01-02T03:04:05.678Z").
 */
export const timestamp = z
  .union([z.date(), z.string()])
  .transform((v) => (typeof v === 'string' ? v : v.toISOString()))
  .pipe(z.string())
  .meta({ format: 'date-time' });

/** A calendar day, 'YYYY-MM-DD' (date columns are read as text, never as a local-time Date). */
export const day = z.string().meta({ format: 'date' });
/** A list's filter on one unit's records (a statistics by=unit row links to it: docs/indicators.md, "Links"). */
export const unitIdFilter = z.coerce.number('请选择有效的单位').int('请选择有效的单位').positive('请选择有效的单位').optional();

/** Keyset pagination: the cursor of the next page, or null on the last one. */
export const nextCursor = z.string().nullable();

export const Ok = z.object({ ok: z.boolean() });
export const IdOnly = z.object({ id: z.number() });

const errorCodes = [
  'VALIDATION_FAILED', 'INVALID_JSON', 'UNAUTHENTICATED', 'SESSION_EXPIRED', 'LOGIN_FAILED', 'LOGIN_LOCKED', 'TOTP_REQUIRED', 'TOTP_INVALID',
  'FORBIDDEN', 'CROSS_SITE_REQUEST', 'NOT_FOUND', 'TIP_NOT_FOUND', 'ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED', 'TIP_INVALID_TRANSITION',
  'HAZARD_INVALID_TRANSITION', 'ARTICLE_INVALID_TRANSITION', 'CASE_STAGE_ORDER', 'CASE_ENTRY_CORRECTED', 'TYPICAL_CASE_STATE', 'SUPERVISION_INVALID_TRANSITION', 'REPORT_SIGNED_OFF', 'CONFLICT', 'DUPLICATE_SOURCE_REF', 'USERNAME_TAKEN', 'TOTP_ALREADY_ENABLED', 'TOTP_NOT_STARTED', 'TOTP_NOT_ENABLED', 'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE', 'IDEMPOTENCY_KEY_REUSED', 'UNKNOWN_REGION', 'IMPORT_INVALID', 'UPLOAD_INVALID', 'UPLOAD_TYPE_NOT_ALLOWED', 'ATTACHMENT_UNREADABLE',
  'DEADLINE_INVALID', 'DISPATCH_UNIT_INVALID', 'DISPATCH_ACCUSED_UNIT', 'MERGE_TARGET_INVALID', 'UNIT_INVALID', 'NO_OFFICE_ABOVE', 'CASE_RECOVERY_EXCEEDS', 'CASE_TIP_NOT_FOUND', 'TYPICAL_CASE_UNMASKED', 'TOTP_CODE_WRONG', 'PASSWORD_WRONG',
  'PASSWORD_WEAK', 'TOO_MANY_REQUESTS', 'UPLOADS_CLIENT_FULL', 'UPLOADS_FULL', 'DISK_LOW', 'INTERNAL',
] as const satisfies readonly (keyof typeof ERRORS)[];
// Listed here rather than taken from ERRORS so this file stays free of server code; the test
// "error codes" in server/app.test.ts keeps both lists equal.
export const ERROR_CODES = errorCodes;

export const FieldError = z.object({ path: z.string(), message: z.string(), link: z.string().optional() });
export type FieldError = z.output<typeof FieldError>;

/** Every error the API returns (server/errors.ts): `fields` names the inputs a 400/409/422 is about. */
export const ErrorBody = z
  .object({ error: z.object({ code: z.enum(errorCodes), message: z.string(), fields: z.array(FieldError).optional() }) })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.output<typeof ErrorBody>;

/** A file the route streams (Excel, JSON Lines, an attachment): documented, never serialized. */
export const fileBody = (description: string) => z.unknown().meta({ type: 'string', format: 'binary', description });

/**
 * One of the domain's codes. Services type many codes as plain strings (they come from the
 * database); the check happens here, and the web sees the narrow union.
 */
export const oneOf = <const T extends readonly [string, ...string[]]>(codes: T) => z.string().pipe(z.enum(codes));

/** ok; degraded: disk below the upload reserve (uploads refused, reports taken); critical (503): below a quarter of it, or no database. */
export const Health = z.object({
  status: z.enum(['ok', 'degraded', 'critical']),
  db: z.enum(['pglite', 'postgres']),
  disk: z.object({ freeBytes: z.number(), reserveBytes: z.number() }),
  /** With DATABASE_READ_URL: the read replica's lag (0 when it has replayed everything). */
  replica: z
    .object({ state: z.enum(['streaming', 'primary', 'unreachable']), lagBytes: z.number().nullable(), lagSeconds: z.number().nullable() })
    .optional(),
});
/** GET /api/ready: may a balancer send this process requests? */
export const Ready = z.object({
  status: z.enum(['ready', 'shutting_down', 'database_unreachable', 'migrations_pending']),
  pendingMigrations: z.number().int(),
});
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
