import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { ARTICLE_WRITER_ROLES } from '../../../shared/domain.ts';
import { hasAny, isOffice } from '../access/jurisdiction.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { checkRegion } from '../publicity/publicity.service.ts';
import { articleActions, mayEditArticle, permitArticle } from './knowledge.policy.ts';
import * as repo from './knowledge.repository.ts';
import type { ArticleInput, ArticleListQuery, ChannelInput } from './knowledge.schemas.ts';

/**
 * Portal articles (knowledge, warnings): an office writes one for a region of its
 * jurisdiction, someone who did not write it approves it, and only then the portal shows it to
 * visitors of that region. Reporting channels: each campaign office keeps and publishes its own.
 */


const toNew = (b: ArticleInput): repo.NewArticle => ({
  kind: b.kind, regionCode: b.regionCode, fraudType: b.fraudType ?? null, title: b.title, summary: b.summary, body: b.body, expiresOn: b.expiresOn ?? null,
});

/** Campaign offices write for the public; a member unit's staff are refused, whatever their role. */
function mustBeOfficeWriter(user: SessionUser, what: string) {
  if (!isOffice(user) || !hasAny(user, ARTICLE_WRITER_ROLES)) throw new AppError('FORBIDDEN', undefined, `${what}由专项办维护`);
}

export async function createArticle(db: Db, user: SessionUser, b: ArticleInput) {
  mustBeOfficeWriter(user, '门户文章');
  await checkRegion(db, user, b.regionCode);
  return db.tx(async (q) => {
    const id = await repo.insertArticle(q, user, toNew(b));
    await audit(q, actorOf(user), { action: 'article.created', entity: 'public_article', entityId: id, detail: { kind: b.kind, regionCode: b.regionCode, title: b.title } });
    return { id };
  });
}

async function visible(q: Queryable, user: SessionUser, id: number, forUpdate = false) {
  const a = await repo.findArticle(q, user, id, forUpdate);
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

export async function articleDetail(db: Queryable, user: SessionUser, id: number) {
  const { editors, unitId, ...a } = await visible(db, user, id);
  const facts = { status: a.status, unitId, editors };
  return { ...a, editable: mayEditArticle(user, facts), actions: articleActions(user, facts) };
}

/** New text from the writing office: back to draft (a pending article leaves review), its editor recorded. */
export async function editArticle(db: Db, user: SessionUser, id: number, b: ArticleInput) {
  return db.tx(async (q) => {
    const before = await visible(q, user, id, true);
    const rule = permitArticle(user, before, 'edit');
    await checkRegion(q, user, b.regionCode);
    await repo.updateArticle(q, user.id, id, toNew(b));
    await audit(q, actorOf(user), { action: rule.audit, entity: 'public_article', entityId: id, detail: { from: before.status, title: b.title } });
    return articleDetail(q, user, id);
  });
}

export async function actOnArticle(db: Db, user: SessionUser, id: number, body: { action: 'submit' | 'approve' | 'return' | 'withdraw'; note?: string }) {
  return db.tx(async (q) => {
    const before = await visible(q, user, id, true);
    const rule = permitArticle(user, before, body.action);
    await repo.moveArticle(q, user.id, id, rule.to, body.note ?? null);
    await audit(q, actorOf(user), {
      action: rule.audit, entity: 'public_article', entityId: id, detail: { from: before.status, to: rule.to, ...(body.note ? { note: body.note } : {}) },
    });
    return articleDetail(q, user, id);
  });
}

export async function listArticles(db: Db, user: SessionUser, f: ArticleListQuery) {
  const where = repo.articleWhere(user, f);
  const rows = await repo.articleRows(db, where, f.pageSize, (f.page - 1) * f.pageSize);
  return { items: rows.map(({ editors: _e, unitId: _u, ...r }) => r), total: await repo.countArticles(db, where), page: f.page, pageSize: f.pageSize };
}

// ── Public ───────────────────────────────────────────────────────────────────────────────────

export async function listPublicArticles(db: Db, q: { regionCode?: string; kind?: string; page: number; pageSize: number }) {
  const { items, total } = await repo.publicArticles(db, q.regionCode ?? '', q.kind, q.pageSize, (q.page - 1) * q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** A published article; anything else (draft, in review, withdrawn, expired, unknown) is the same 404. */
export async function readPublicArticle(db: Db, id: number) {
  const a = await repo.publicArticle(db, id);
  if (!a) throw new AppError('NOT_FOUND', undefined, '没有找到这篇文章，它可能已经撤下');
  return a;
}

export async function listPublicChannels(db: Db, regionCode: string | undefined) {
  return { items: await repo.publicChannels(db, regionCode ?? '') };
}

// ── Reporting channels (staff) ───────────────────────────────────────────────────────────────

export async function saveChannel(db: Db, user: SessionUser, c: ChannelInput) {
  mustBeOfficeWriter(user, '举报方式');
  return db.tx(async (q) => {
    const before = await repo.channelOf(q, user.unitId);
    await repo.upsertChannel(q, user, c);
    await audit(q, actorOf(user), { action: 'channel.saved', entity: 'unit', entityId: user.unitId, detail: { before, after: c } });
    return { id: user.unitId };
  });
}

export async function listOfficeChannels(db: Db, user: SessionUser, p: { page: number; pageSize: number }) {
  const { items, total } = await repo.officeChannels(db, user, p.pageSize, (p.page - 1) * p.pageSize);
  return { items, total, page: p.page, pageSize: p.pageSize };
}
