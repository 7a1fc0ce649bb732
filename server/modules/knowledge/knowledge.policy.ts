import { ARTICLE_REVIEWER_ROLES, ARTICLE_WRITER_ROLES, type ArticleStatus } from '../../../shared/domain.ts';
import { hasAny, isOffice } from '../access/jurisdiction.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import type { ArticleAction } from './knowledge.schemas.ts';

/**
 * Who may change a portal article and from which state — the one place these rules live, for the
 * API and for the buttons the console shows. Out of jurisdiction is 404 (the repository does not find
 * it), the wrong person 403, the wrong state 409. The four-eyes rule: nobody who wrote the text
 * being published (`editors`) may approve it; the database refuses it too (0020).
 */

export interface ArticleFacts {
  status: ArticleStatus;
  unitId: number;
  editors: number[];
}

/** A writer of the office that wrote the article. */
const ofWritingOffice = (u: SessionUser, a: ArticleFacts) => isOffice(u) && hasAny(u, ARTICLE_WRITER_ROLES) && u.unitId === a.unitId;
const reviewer = (u: SessionUser) => isOffice(u) && hasAny(u, ARTICLE_REVIEWER_ROLES);
/** A reviewer who wrote none of the text. */
const secondPair = (u: SessionUser, a: ArticleFacts) => reviewer(u) && !a.editors.includes(u.id);

interface ArticleRule {
  who: (u: SessionUser, a: ArticleFacts) => boolean;
  /** Why `who` failed, in the user's words. */
  refusal: string;
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  audit: string;
}

export const ARTICLE_RULES: Record<ArticleAction | 'edit', ArticleRule> = {
  // Editing a pending article takes it back from review: the reviewer must see the new text.
  edit: { who: ofWritingOffice, refusal: '只有撰写单位可以修改这篇文章', from: ['draft', 'pending', 'withdrawn'], to: 'draft', audit: 'article.edited' },
  submit: { who: ofWritingOffice, refusal: '只有撰写单位可以提交审核', from: ['draft'], to: 'pending', audit: 'article.submitted' },
  approve: { who: secondPair, refusal: '须由未参与撰写、修改的专项办负责人审核发布', from: ['pending'], to: 'published', audit: 'article.published' },
  return: { who: secondPair, refusal: '须由未参与撰写、修改的专项办负责人审核', from: ['pending'], to: 'draft', audit: 'article.returned' },
  withdraw: { who: (u, a) => ofWritingOffice(u, a) || reviewer(u), refusal: '只有撰写单位或专项办负责人可以撤下', from: ['published'], to: 'withdrawn', audit: 'article.withdrawn' },
};

/** Throws 403 or 409 unless the user may do this to an article (already found in scope) now. */
export function permitArticle(user: SessionUser, a: ArticleFacts, action: ArticleAction | 'edit'): ArticleRule {
  const rule = ARTICLE_RULES[action];
  if (!rule.who(user, a)) throw new AppError('FORBIDDEN', undefined, rule.refusal);
  if (!rule.from.includes(a.status)) throw new AppError('ARTICLE_INVALID_TRANSITION');
  return rule;
}

/** The actions the user may take on the article now, for the console. */
export const articleActions = (user: SessionUser, a: ArticleFacts) =>
  (['submit', 'approve', 'return', 'withdraw'] as const).filter((k) => ARTICLE_RULES[k].who(user, a) && ARTICLE_RULES[k].from.includes(a.status));

export const mayEditArticle = (user: SessionUser, a: ArticleFacts) => ARTICLE_RULES.edit.who(user, a) && ARTICLE_RULES.edit.from.includes(a.status);
