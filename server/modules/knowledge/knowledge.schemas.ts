import { z } from 'zod';
import { boundedDate } from '../../../shared/validators.ts';
import { ARTICLE_KIND_CODES, ARTICLE_STATUS_CODES, FRAUD_TYPE_CODES } from '../../../shared/domain.ts';
import { day, oneOf, timestamp } from '../../schemas.ts';
import { regionCode } from '../publicity/publicity.schemas.ts';

/**
 * Public knowledge and warnings for the portal (防骗知识/预警; typical cases are the cases module's), with their
 * review, and each campaign office's reporting channels (举报方式公告).
 */

export const MAX_ARTICLE_CHARS = 20_000;

export const articleBody = z
  .object({
    kind: z.enum(ARTICLE_KIND_CODES, '请选择文章类型'),
    /** The scope: visitors who pick this region or one inside it see the article once published. */
    regionCode,
    fraudType: z.enum(FRAUD_TYPE_CODES, '请选择诈骗类型').nullish(),
    title: z.string().trim().min(4, '标题至少 4 个字').max(60, '标题不能超过 60 字'),
    summary: z.string().trim().min(4, '摘要至少 4 个字').max(200, '摘要不能超过 200 字'),
    // Plain text; blank lines separate paragraphs. Never rendered as HTML.
    body: z.string().trim().min(10, '正文至少 10 个字').max(MAX_ARTICLE_CHARS, `正文不能超过 ${MAX_ARTICLE_CHARS} 字`),
    /** A warning is about now: after this day the portal no longer shows it. */
    expiresOn: boundedDate({ past: 0, future: 366 }, '截止日期').nullish(),
  })
  .strict();
export type ArticleInput = z.infer<typeof articleBody>;

export const articleActionBody = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('submit') }).strict(),
    z.object({ action: z.literal('approve') }).strict(),
    z.object({ action: z.literal('return'), note: z.string().trim().min(4, '请说明退回理由（至少 4 个字）').max(500, '退回理由不能超过 500 字') }).strict(),
    z.object({ action: z.literal('withdraw'), note: z.string().trim().max(500, '撤下理由不能超过 500 字').optional() }).strict(),
  ],
  { error: '请选择操作：提交审核、通过发布、退回修改或撤下' },
);
export type ArticleAction = z.infer<typeof articleActionBody>['action'];

export const articleListQuery = z.object({
  status: z.enum(ARTICLE_STATUS_CODES).optional(),
  kind: z.enum(ARTICLE_KIND_CODES).optional(),
  /** Only what the user may review now (pending, written by others). */
  review: z.stringbool().optional(),
  mine: z.stringbool().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

export const publicArticleQuery = z.object({
  /** The visitor's region: articles whose scope covers it. Without one, only nationwide articles. */
  regionCode: regionCode.optional(),
  kind: z.enum(ARTICLE_KIND_CODES).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export const publicChannelQuery = z.object({ regionCode: regionCode.optional() });

export const articleParams = z.object({ id: z.coerce.number().int().positive() });

// Hotlines are numbers people dial: 12345, 96110, 0535-1234567, 13800000000.
export const channelBody = z
  .object({
    hotline: z.string().trim().regex(/^[0-9][0-9-]{2,19}$/, '举报电话只能包含数字和“-”，如 0535-8881234 或 12345'),
    address: z.string().trim().max(200, '地址不能超过 200 字').nullish(),
    // An emptied field arrives as ''; that means "none".
    email: z.preprocess((v) => (v === '' ? null : v), z.email('请填写有效的电子邮箱').max(100, '电子邮箱不能超过 100 个字符').nullish()),
    hours: z.string().trim().max(100, '办公时间不能超过 100 字').nullish(),
    note: z.string().trim().max(300, '说明不能超过 300 字').nullish(),
    published: z.boolean({ error: '请选择是否在门户公布' }),
  })
  .strict();
export type ChannelInput = z.infer<typeof channelBody>;

// ── Responses ────────────────────────────────────────────────────────────────────────────────

const articleOut = {
  id: z.number(),
  kind: oneOf(ARTICLE_KIND_CODES),
  regionCode: z.string(),
  regionName: z.string(),
  unitName: z.string(),
  fraudType: oneOf(FRAUD_TYPE_CODES).nullable(),
  title: z.string(),
  summary: z.string(),
  expiresOn: day.nullable(),
  publishedAt: timestamp.nullable(),
};

export const ArticleListItem = z.object({
  ...articleOut,
  status: oneOf(ARTICLE_STATUS_CODES),
  authorName: z.string(),
  updatedAt: timestamp,
});
export type ArticleListItem = z.output<typeof ArticleListItem>;
export const ArticlePage = z.object({ items: z.array(ArticleListItem), total: z.number(), page: z.number(), pageSize: z.number() });

export const ArticleDetail = z.object({
  ...ArticleListItem.shape,
  body: z.string(),
  reviewNote: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reviewedAt: timestamp.nullable(),
  /** The user's unit wrote it and may change it in its current state. */
  editable: z.boolean(),
  /** The actions this user may take now (the policy's answer, so the console shows only those). */
  actions: z.array(z.enum(['submit', 'approve', 'return', 'withdraw'])),
});
export type ArticleDetail = z.output<typeof ArticleDetail>;

/** What the portal shows: published articles only, nothing about their review. */
export const PublicArticle = z.object(articleOut);
export type PublicArticle = z.output<typeof PublicArticle>;
export const PublicArticlePage = z.object({ items: z.array(PublicArticle), total: z.number(), page: z.number(), pageSize: z.number() });
export const PublicArticleDetail = z.object({ ...articleOut, body: z.string() });
export type PublicArticleDetail = z.output<typeof PublicArticleDetail>;

const channelFields = {
  hotline: z.string(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  hours: z.string().nullable(),
  note: z.string().nullable(),
};
export const PublicChannel = z.object({ unitName: z.string(), regionCode: z.string(), regionName: z.string(), ...channelFields });
export type PublicChannel = z.output<typeof PublicChannel>;
/** Nearest office first (the visitor's county, then city, province). */
export const PublicChannelList = z.object({ items: z.array(PublicChannel) });

/** Staff: every campaign office of the jurisdiction, with its channels if it has entered them. */
export const OfficeChannel = z.object({
  unitId: z.number(),
  unitName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** The user's own office: the one they may edit. */
  mine: z.boolean(),
  channel: z.object({ ...channelFields, published: z.boolean(), updatedAt: timestamp }).nullable(),
});
export type OfficeChannel = z.output<typeof OfficeChannel>;
export const OfficeChannelList = z.object({ items: z.array(OfficeChannel), total: z.number(), page: z.number(), pageSize: z.number() });
export const channelListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
