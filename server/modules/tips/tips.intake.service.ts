import { sql, type Db, type Queryable } from '../../db/client.ts';
import { decrypt, encrypt, hmac, randomDigits, sha256, type Keys } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { TIP_SOURCES, type TipSource, type TipStatus } from '../../../shared/domain.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { ancestry, findRegion } from '../regions/regions.repository.ts';
import { inJurisdiction, tipVisibleSql } from '../access/jurisdiction.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import { segmentForIndex } from './search.ts';
import type { PublicTipInput, StaffTipInput } from './tips.schemas.ts';
import { insertSubmittedTips, officesOnPath, unitNameKey, type NewTip, type TipOrigin } from './tips.repository.ts';
import { IntakeBatcher, type Inserted } from './intake-batcher.ts';
import { linkKeys } from '../intel/linking.ts';

export interface SubmitResult {
  id: number;
  trackingCode: string;
  accessKey: string;
  status: 'submitted';
}

export const accessKeyHash = (keys: Keys, accessKey: string) => hmac(keys.accessKeyMac, accessKey);

/** The reporter's identity as stored: one AES-GCM ciphertext, nothing in the clear. */
function sealReporter(keys: Keys, reporter: PublicTipInput['reporter']): string | null {
  if (reporter.anonymous) return null;
  const { anonymous: _, ...identity } = reporter;
  return encrypt(keys.encryption, JSON.stringify(identity));
}

export function openReporter(keys: Keys, sealed: string | null) {
  if (!sealed) return null;
  return JSON.parse(decrypt(keys.encryption, sealed).toString('utf8')) as {
    name: string;
    phone: string;
    idNumber?: string;
    onBehalfOf?: { name: string; relation: string; phone?: string };
  };
}

export interface IntakeContext {
  source: TipSource;
  officeUnitId: number;
  createdBy: SessionUser | null;
  accusedUnitIds: number[];
  /** The source's reference number, deadline and time, the handing unit, the batch (0026). */
  origin?: TipOrigin;
  /** The first timeline event's text, when not the default for its author. */
  eventText?: string;
}

type InsertOne = (tip: NewTip) => Promise<Inserted>;
const insertWith = (q: Queryable): InsertOne => async (tip) => (await insertSubmittedTips(q, [tip]))[0];

/** Writes one tip entered by staff or handed over by a member unit, inside the caller's transaction. */
export const writeStaffTip = async (q: Queryable, keys: Keys, input: PublicTipInput, ctx: IntakeContext): Promise<SubmitResult> =>
  (await writeTip(keys, input, ctx, insertWith(q)))!;
const isCodeCollision = (err: unknown) => (err as { constraint?: string })?.constraint === 'tips_tracking_code_key';

interface KeyRow {
  keyHash: string;
  requestHash: string;
}

/** A tip as the intake statement writes it, with a fresh tracking code (the access key is the caller's). */
export function newTip(keys: Keys, input: PublicTipInput, ctx: IntakeContext, accessKey: string): NewTip {
  const searchText = segmentForIndex([input.description, input.subject?.name, input.subject?.address].filter(Boolean).join(' '));
  const ids = [...new Set(input.attachmentIds ?? [])];
  return {
    trackingCode: randomDigits(12),
    accessKeyHash: accessKeyHash(keys, accessKey),
    source: ctx.source,
    regionCode: input.regionCode,
    officeUnitId: ctx.officeUnitId,
    description: input.description,
    fraudTypes: [...new Set(input.fraudTypes ?? [])],
    subject: input.subject && Object.keys(input.subject).length ? input.subject : null,
    accusedUnitIds: ctx.accusedUnitIds,
    amountInvolved: input.amountInvolved ?? null,
    victimCount: input.victimCount ?? null,
    occurredOn: input.occurredOn ?? null,
    reporterAnonymous: input.reporter.anonymous,
    reporterEnc: sealReporter(keys, input.reporter),
    searchText,
    createdBy: ctx.createdBy?.id ?? null,
    eventText: ctx.eventText ?? (ctx.createdBy ? `工作人员录入线索（来源：${TIP_SOURCES[ctx.source]}）` : '您的举报已提交，等待受理'),
    actorName: ctx.createdBy?.username ?? 'public',
    auditDetail: { source: ctx.source, officeUnitId: ctx.officeUnitId, attachments: ids.length, ...(ctx.origin ?? {}) },
    links: linkKeys(input.description, input.subject).map(({ kind, normalized }) => ({ kind, normalized })),
    attachmentIds: ids,
    origin: ctx.origin,
  };
}

/**
 * Writes the tip, its first timeline event, audit row, attachments and (with a key) its
 * Idempotency-Key row, all in one statement. Null: the key was taken by a twin first (replay it).
 */
async function writeTip(keys: Keys, input: PublicTipInput, ctx: IntakeContext, insert: InsertOne, key?: KeyRow): Promise<SubmitResult | null> {
  const accessKey = randomDigits(16);
  for (let attempt = 0; attempt < 5; attempt++) {
    // The response holds the access key, so it is stored encrypted.
    const draft = newTip(keys, input, ctx, accessKey);
    const response = { trackingCode: draft.trackingCode, accessKey, status: 'submitted' as const };
    let row: Inserted;
    try {
      row = await insert({ ...draft, idempotency: key && { ...key, responseEnc: encrypt(keys.encryption, JSON.stringify(response)) } });
    } catch (err) {
      if (isCodeCollision(err)) continue;
      throw err;
    }
    switch (row.outcome) {
      case 'inserted':
        return { id: row.id!, ...response };
      case 'code_taken':
        continue;
      case 'key_taken':
        return null;
      case 'uploads_taken':
        // A twin holding the same key may have taken them: let the caller replay it first.
        if (key) return null;
        throw new AppError('UPLOAD_INVALID', [{ path: 'attachmentIds', message: '附件不存在或已被其他举报使用' }]);
    }
  }
  throw new AppError('INTERNAL');
}

// Regions never change and offices rarely do: which office receives a region's tips is cached
// briefly, so a public submission costs one database round trip. A new office takes over its
// region's queue within OFFICE_CACHE_MS.
const OFFICE_CACHE_MS = 30_000;
type Office = { id: number; name: string };
type OfficeCache = Map<string, { offices: Office[]; known: boolean; at: number }>;
const officeCaches = new WeakMap<Db, OfficeCache>();
const batchers = new WeakMap<Db, IntakeBatcher>();

async function routeRegion(db: Db, regionCode: string) {
  let officeCache = officeCaches.get(db);
  if (!officeCache) officeCaches.set(db, (officeCache = new Map()));
  const hit = officeCache.get(regionCode);
  if (hit && Date.now() - hit.at < OFFICE_CACHE_MS) return hit;
  const known = !!(await findRegion(db, regionCode));
  const offices = known ? await officesOnPath(db, [...ancestry(regionCode), '']) : [];
  const entry = { offices, known, at: Date.now() };
  if (officeCache.size > 50_000) officeCache.clear();
  officeCache.set(regionCode, entry);
  return entry;
}

/** The units a tip accuses: named by staff, or whose name is the tip's subject. */
interface Accused {
  unitIds: number[];
  subjectName?: string;
}
const accuses = (a: Accused, unit: Office) =>
  a.unitIds.includes(unit.id) || (!!a.subjectName && unitNameKey(a.subjectName) === unitNameKey(unit.name));

/** The office nearest above the region that the tip does not accuse: an accused office never receives its accusation. */
async function officeFor(db: Db, regionCode: string, accused: Accused = { unitIds: [] }): Promise<number> {
  const { known, offices } = await routeRegion(db, regionCode);
  if (!known) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '所选地区不存在' }]);
  const office = offices.find((o) => !accuses(accused, o))?.id;
  if (!office) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '该地区暂未设立专项办，暂不能受理网上举报' }]);
  return office;
}

/** Resolves when the group commit on `db` has written everything queued (graceful shutdown). */
export const intakeIdle = (db: Db): Promise<void> => batchers.get(db)?.idle() ?? Promise.resolve();

/**
 * A public submission, landing in the queue of the campaign office nearest above its region, and
 * group-committed with its neighbours (intake-batcher.ts) — with or without a key or attachments.
 * With an Idempotency-Key, a retry of the same body gets the first response, another body 422, and
 * concurrent twins make one tip: the key row is written in the tip's own statement.
 */
export async function submitPublicTip(db: Db, keys: Keys, input: PublicTipInput, idempotencyKey?: string): Promise<SubmitResult> {
  const officeUnitId = await officeFor(db, input.regionCode, { unitIds: [], subjectName: input.subject?.name });
  const ctx: IntakeContext = { source: 'portal', officeUnitId, createdBy: null, accusedUnitIds: [] };
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new IntakeBatcher(db)));
  const b = batcher;
  const insert: InsertOne = (tip) => b.insert(tip);
  if (!idempotencyKey) return (await writeTip(keys, input, ctx, insert))!;

  const key = { keyHash: hmac(keys.lookupMac, 'idem:' + idempotencyKey), requestHash: sha256(JSON.stringify(input)) };
  const replay = async (): Promise<SubmitResult | null> => {
    const [row] = await db.query<{ request_hash: string; response_enc: string }>(
      'select request_hash, response_enc from idempotency_keys where key_hash = $1',
      [key.keyHash],
    );
    if (!row) return null;
    if (row.request_hash !== key.requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    const stored = JSON.parse(decrypt(keys.encryption, row.response_enc).toString('utf8')) as Omit<SubmitResult, 'id'> & { id?: number };
    // Responses stored before the key row moved into the tip's statement carry the id; later ones do not.
    const [tip] = stored.id ? [{ id: stored.id }] : await db.query<{ id: number }>('select id from tips where tracking_code = $1', [stored.trackingCode]);
    return { ...stored, id: tip.id };
  };
  // No look-up first: a retry's key row conflicts inside the statement, which then writes nothing
  // for it, and only then is the first response read — one round trip for the usual first attempt.
  const written = await writeTip(keys, input, ctx, insert, key);
  if (written) return written;
  const twin = await replay();
  if (twin) return twin;
  // Not a twin after all: the uploads are missing or used by another report.
  throw new AppError('UPLOAD_INVALID', [{ path: 'attachmentIds', message: '附件不存在或已被其他举报使用' }]);
}

/**
 * The campaign office that receives a tip entered by staff or handed over by a member unit: the
 * user's own office, or — when the user is a member unit, or the tip accuses the user's office — the
 * nearest office above the user's unit that the tip does not accuse.
 */
export async function receivingOffice(db: Db, user: SessionUser, accused: Accused): Promise<number> {
  const own = user.unitKind === 'campaign_office' && !accuses(accused, { id: user.unitId, name: user.unitName });
  return own ? user.unitId : officeFor(db, user.unitRegionCode, accused);
}

/** The region of a tip entered by staff: known, and inside the user's jurisdiction. */
export async function checkIntakeRegion(db: Db, user: SessionUser, regionCode: string): Promise<void> {
  if (!(await findRegion(db, regionCode))) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '所选地区不存在' }]);
  if (!inJurisdiction(user, regionCode)) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '地区不在本单位辖区内' }]);
}

/**
 * A tip entered by staff from another source: it lands in their own office's queue, or the one above
 * when it accuses their office. A reference number already registered for the same source (among the
 * tips the user may see) is refused with 409 DUPLICATE_SOURCE_REF naming the tips, unless the user
 * confirms (`confirmDuplicate`): then it is written, and the confirmation is audited.
 */
export async function createStaffTip(db: Db, keys: Keys, user: SessionUser, input: StaffTipInput): Promise<SubmitResult> {
  await checkIntakeRegion(db, user, input.regionCode);
  const { source, accusedUnitIds, sourceRef, sourceDueOn, confirmDuplicate, ...fields } = input;
  const accused = { unitIds: accusedUnitIds ?? [], subjectName: input.subject?.name };
  const officeUnitId = await receivingOffice(db, user, accused);
  const origin = { sourceRef: sourceRef ?? null, sourceDueOn: sourceDueOn ?? null };
  return db.tx(async (q) => {
    const twins = sourceRef ? await sourceRefTwins(q, user, source, sourceRef) : [];
    if (twins.length && !confirmDuplicate) {
      const named = twins.slice(0, 3).map((t) => t.trackingCode).join('、');
      throw new AppError('DUPLICATE_SOURCE_REF', [{ path: 'sourceRef', message: `该编号已登记（查询码 ${named}），确认不是同一件事后再登记` }]);
    }
    const written = await writeStaffTip(q, keys, fields, { source, officeUnitId, createdBy: user, accusedUnitIds: accusedUnitIds ?? [], origin });
    if (twins.length) {
      await audit(q, actorOf(user), { action: 'tip.duplicate_confirmed', entity: 'tip', entityId: written.id, detail: { source, sourceRef, duplicateOf: twins.map((t) => t.id) } });
    }
    return written;
  });
}

/** Tips the user may see with this source and reference number: the form warns before the duplicate is made. */
export const sourceRefTwins = (q: Queryable, user: SessionUser, source: TipSource, sourceRef: string) =>
  q.query<{ id: number; trackingCode: string; status: TipStatus; receivedAt: Date }>(
    sql`select t.id, t.tracking_code as "trackingCode", t.status, t.received_at as "receivedAt" from tips t
        where t.source_ref = ${sourceRef} and t.source = ${source} and ${tipVisibleSql(user)} order by t.id limit 20`,
  );
