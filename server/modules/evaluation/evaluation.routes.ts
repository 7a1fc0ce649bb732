import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staff } from '../../plugins/auth.ts';
import { readDb } from '../../plugins/read-routing.ts';
import { POPULATION_WRITER_ROLES, SCHEME_WRITER_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { fileBody, IdOnly, XLSX } from '../../schemas.ts';
import { sendXlsx } from '../../xlsx.ts';
import { listPopulation, ranking, setPopulation, setScheme, viewScheme } from './evaluation.service.ts';
import { exportRanking } from './evaluation.export.ts';
import { PopulationList, Ranking, SchemeView, populationBody, rankingQuery, regionQuery, schemeBody } from './evaluation.schemas.ts';

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const tags = ['evaluation'];
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  app.get(
    '/api/evaluation/ranking',
    { config: READ, schema: { tags, summary: '考评排名：下级地区各项指标（分子、分母、得分）、加权总分与名次，及所用权重方案', querystring: rankingQuery, response: { 200: Ranking } } },
    async (req) => ranking(db, staff(req), req.query),
  );
  app.get(
    '/api/evaluation/ranking/export',
    {
      config: { ...READ, reads: 'replica' },
      schema: {
        tags, summary: '导出考评排名（Excel，含各项指标与权重方案，记入审计）', querystring: rankingQuery, produces: [XLSX],
        response: { 200: fileBody('Excel 文件；X-Export-Rows 为行数') },
      },
    },
    async (req, reply) => sendXlsx(reply, await exportRanking(readDb(req), staff(req), req.query), 'evaluation-ranking', '考评排名'),
  );
  app.get(
    '/api/evaluation/scheme',
    { config: READ, schema: { tags, summary: '考评权重：现行方案（本级、上级或默认）及本级历次设置', querystring: regionQuery, response: { 200: SchemeView } } },
    async (req) => viewScheme(db, staff(req), req.query.region),
  );
  app.post(
    '/api/evaluation/scheme',
    {
      config: { access: 'staff', roles: [...SCHEME_WRITER_ROLES] },
      schema: { tags, summary: '设置本级考评权重（合计 100，保留历史，记入审计）', body: schemeBody, response: { 201: IdOnly } },
    },
    async (req, reply) => reply.status(201).send(await setScheme(db, staff(req), req.body)),
  );
  app.get(
    '/api/evaluation/population',
    { config: READ, schema: { tags, summary: '本地区及下级地区的 60 岁以上常住人口（现行数字与历史）', querystring: regionQuery, response: { 200: PopulationList } } },
    async (req) => listPopulation(db, staff(req), req.query.region),
  );
  app.post(
    '/api/evaluation/population',
    {
      config: { access: 'staff', roles: [...POPULATION_WRITER_ROLES] },
      schema: { tags, summary: '登记某地区的 60 岁以上常住人口（本级或上级专项办，保留历史，记入审计）', body: populationBody, response: { 201: IdOnly } },
    },
    async (req, reply) => reply.status(201).send(await setPopulation(db, staff(req), req.body)),
  );
};
