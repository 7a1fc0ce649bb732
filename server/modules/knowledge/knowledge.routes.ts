import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { ARTICLE_WRITER_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { IdOnly } from '../../schemas.ts';
import {
  actOnArticle, articleDetail, createArticle, editArticle, listArticles, listOfficeChannels, listPublicArticles, listPublicChannels, readPublicArticle, saveChannel,
} from './knowledge.service.ts';
import {
  articleActionBody, articleBody, ArticleDetail, articleListQuery, ArticlePage, articleParams, channelBody, channelListQuery, OfficeChannelList,
  PublicArticleDetail, publicArticleQuery, PublicArticlePage, publicChannelQuery, PublicChannelList,
} from './knowledge.schemas.ts';

export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  // Who may do what to an article beyond the role (writing office, four eyes) is knowledge.policy.ts.
  const WRITE = { access: 'staff' as const, roles: [...ARTICLE_WRITER_ROLES] };
  // Reads, like the scam check: what one page view needs, well inside the limit, and a scraper is slowed.
  const PUBLIC = { access: 'public' as const, rateLimit: { max: app.deps.publicRateLimit * 3, timeWindow: '1 minute' } };
  const tags = ['publicity'];

  app.get(
    '/api/publicity/articles',
    { config: READ, schema: { tags, summary: '门户文章（防骗知识、预警提示；本辖区，分页）', querystring: articleListQuery, response: { 200: ArticlePage } } },
    async (req) => listArticles(db, staff(req), req.query),
  );

  app.post(
    '/api/publicity/articles',
    { config: WRITE, schema: { tags, summary: '撰写门户文章（草稿；专项办）', body: articleBody, response: { 201: IdOnly } } },
    async (req, reply) => reply.status(201).send(await createArticle(db, staff(req), req.body)),
  );

  app.get(
    '/api/publicity/articles/:id',
    { config: READ, schema: { tags, summary: '门户文章详情（含正文、审核情况和当前可做的操作）', params: articleParams, response: { 200: ArticleDetail } } },
    async (req) => articleDetail(db, staff(req), req.params.id),
  );

  app.put(
    '/api/publicity/articles/:id',
    { config: WRITE, schema: { tags, summary: '修改门户文章（撰写单位；修改后回到草稿，须重新提交审核）', params: articleParams, body: articleBody, response: { 200: ArticleDetail } } },
    async (req) => editArticle(db, staff(req), req.params.id, req.body),
  );

  app.post(
    '/api/publicity/articles/:id/actions',
    {
      config: WRITE,
      schema: { tags, summary: '提交审核、通过发布、退回修改或撤下（发布须由未参与撰写的专项办负责人审核）', params: articleParams, body: articleActionBody, response: { 200: ArticleDetail } },
    },
    async (req) => actOnArticle(db, staff(req), req.params.id, req.body),
  );

  app.get(
    '/api/publicity/channels',
    { config: READ, schema: { tags, summary: '本辖区各专项办的举报方式（本单位在前）', querystring: channelListQuery, response: { 200: OfficeChannelList } } },
    async (req) => listOfficeChannels(db, staff(req), req.query),
  );

  app.put(
    '/api/publicity/channel',
    { config: WRITE, schema: { tags, summary: '维护本专项办的举报方式（电话、地址、邮箱、办公时间；可选择在门户公布）', body: channelBody, response: { 200: IdOnly } } },
    async (req) => saveChannel(db, staff(req), req.body),
  );

  app.get(
    '/api/public/articles',
    { config: PUBLIC, schema: { tags: ['public'], summary: '防骗知识和预警提示（已发布、适用于所选地区，最新在前）', querystring: publicArticleQuery, response: { 200: PublicArticlePage } } },
    async (req) => listPublicArticles(db, req.query),
  );

  app.get(
    '/api/public/articles/:id',
    { config: PUBLIC, schema: { tags: ['public'], summary: '一篇已发布的文章', params: articleParams, response: { 200: PublicArticleDetail } } },
    async (req) => readPublicArticle(db, req.params.id),
  );

  app.get(
    '/api/public/channels',
    { config: PUBLIC, schema: { tags: ['public'], summary: '所选地区及上级专项办公布的举报方式（最近的在前）', querystring: publicChannelQuery, response: { 200: PublicChannelList } } },
    async (req) => listPublicChannels(db, req.query.regionCode),
  );
};
