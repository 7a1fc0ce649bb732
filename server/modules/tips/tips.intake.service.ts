import type { Db, Queryable } from '../../db/client.ts';
import { decrypt, encrypt, hmac, randomDigits, sha256, type Keys } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { TIP_SOURCES, type TipSource } from '../../../shared/domain.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { ancestry, findRegion, inSubtree } from '../regions/regions.repository.ts';
import { segmentForIndex } from './search.ts';
import type { PublicTipInput, StaffTipInput } from './tips.schemas.ts';
import { attachUploads, insertSubmittedTips, officesOnPath, unitNameKey, type NewTip } from './tips.repository.ts';
import { IntakeBatcher } from './intake-batcher.ts';
import { linkKeys } from '../intel/linking.ts';

export interface SubmitResult {
  id: number;
  trackingCode: string;
  accessKey: string;
  status: 'submitted';
}

export const accessKeyHash = (keys: Keys, accessKey: string) => hmac(keys.accessKeyMac, accessKey);

class IdempotencyConflict extends Error {}

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

interface IntakeContext {
  source: TipSource;
  officeUnitId: number;
  createdBy: SessionUser | null;
  accusedUnitIds: number[];
}

type InsertOne = (tip: NewTip) => Promise<{ id: number } | null>;
const insertWith = (q: Queryable): InsertOne => async (tip) => (await insertSubmittedTips(q, [tip]))[0] ?? null;

/**
 * Writes the tip, its first timeline event and audit row (one statement), then its attachments.
 * Pass a transaction when there are attachments or an idempotency key to store with it.
 */
async function writeTip(q: Queryable, keys: Keys, input: PublicTipInput, ctx: IntakeContext, insert: InsertOne = insertWith(q)): Promise<SubmitResult> {
  const searchText = segmentForIndex([input.description, input.subject?.name, input.subject?.address].filter(Boolean).join(' '));
  const accessKey = randomDigits(16);
  const ids = [...new Set(input.attachmentIds ?? [])];
  const links = linkKeys(input.description, input.subject).map(({ kind, normalized }) => ({ kind, normalized }));
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingCode = randomDigits(12);
    const row = await insert({
      trackingCode,
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
      eventText: ctx.createdBy ? `工作人员录入线索（来源：${TIP_SOURCES[ctx.source]}）` : '您的举报已提交，等待受理',
      actorName: ctx.createdBy?.username ?? 'public',
      auditDetail: { source: ctx.source, officeUnitId: ctx.officeUnitId, attachments: ids.length },
      links,
    });
    if (!row) continue;
    if ((await attachUploads(q, row.id, ids)) !== ids.length) {
      throw new AppError('UPLOAD_INVALID', [{ path: 'attachmentIds', message: '附件不存在或已被其他举报使用' }]);
    }
    return { id: row.id, trackingCode, accessKey, status: 'submitted' };
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

/**
 * A public submission, landing in the queue of the campaign office nearest above its region.
 * With an Idempotency-Key, a retry of the same body gets the first response, another body 422.
 */
export async function submitPublicTip(db: Db, keys: Keys, input: PublicTipInput, idempotencyKey?: string): Promise<SubmitResult> {
  const officeUnitId = await officeFor(db, input.regionCode, { unitIds: [], subjectName: input.subject?.name });
  const ctx: IntakeContext = { source: 'portal', officeUnitId, createdBy: null, accusedUnitIds: [] };
  if (!idempotencyKey) {
    if (input.attachmentIds?.length) return db.tx((q) => writeTip(q, keys, input, ctx));
    // Without attachments the tip is one statement, atomic by itself, group-committed with its neighbours.
    let batcher = batchers.get(db);
    if (!batcher) batchers.set(db, (batcher = new IntakeBatcher(db)));
    const b = batcher;
    return writeTip(db, keys, input, ctx, (tip) => b.insert(tip));
  }
  const keyHash = hmac(keys.lookupMac, 'idem:' + idempotencyKey);
  const requestHash = sha256(JSON.stringify(input));
  const replay = async () => {
    const [row] = await db.query<{ request_hash: string; response_enc: string }>(
      'select request_hash, response_enc from idempotency_keys where key_hash = $1',
      [keyHash],
    );
    if (!row) return null;
    if (row.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return JSON.parse(decrypt(keys.encryption, row.response_enc).toString('utf8')) as SubmitResult;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await db.tx(async (q) => {
      const result = await writeTip(q, keys, input, ctx);
      // The response holds the access key, so it is stored encrypted. A concurrent twin that committed
      // first makes this insert a no-op: roll back our tip and answer with theirs.
      const stored = await q.query(
        `insert into idempotency_keys (key_hash, request_hash, response_enc) values ($1, $2, $3)
         on conflict (key_hash) do nothing returning key_hash`,
        [keyHash, requestHash, encrypt(keys.encryption, JSON.stringify(result))],
      );
      if (!stored.length) throw new IdempotencyConflict();
      return result;
    });
  } catch (err) {
    if (!(err instanceof IdempotencyConflict)) throw err;
    const twin = await replay();
    if (!twin) throw new AppError('INTERNAL');
    return twin;
  }
}

/** A tip entered by staff from another source: it lands in their own office's queue, or the one above when it accuses their office. */
export async function createStaffTip(db: Db, keys: Keys, user: SessionUser, input: StaffTipInput): Promise<SubmitResult> {
  if (!(await findRegion(db, input.regionCode))) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '所选地区不存在' }]);
  if (!inSubtree(input.regionCode, user.unitRegionCode)) {
    throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '地区不在本单位辖区内' }]);
  }
  const { source, accusedUnitIds, ...fields } = input;
  const accused = { unitIds: accusedUnitIds ?? [], subjectName: input.subject?.name };
  const own = user.unitKind === 'campaign_office' && !accuses(accused, { id: user.unitId, name: user.unitName });
  const officeUnitId = own ? user.unitId : await officeFor(db, user.unitRegionCode, accused);
  return db.tx((q) => writeTip(q, keys, fields, { source, officeUnitId, createdBy: user, accusedUnitIds: accusedUnitIds ?? [] }));
}
