import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staff } from '../../plugins/auth.ts';
import { SUPERVISED_ROLES, SUPERVISION_ROLES, TIP_READER_ROLES } from '../../../shared/domain.ts';
import { fileBody, IdOnly, Ok } from '../../schemas.ts';
import {
  addFinding, createRound, findingAttachment, listRounds, mySupervision, roundDetail, staffOptions, submitFeedback, unitOptions, verifyFinding,
} from './supervision.service.ts';
import { answerRecheck, drawRoundSample, judgeRecheck, recordCallback, tipSupervision } from './samples.service.ts';
import { listGamingFlags } from './gaming.service.ts';
import { sendStaffCopy } from '../uploads/strip.ts';
import { EVIDENCE_MIMES } from '../uploads/sniff.ts';
import {
  GamingFlags, MySupervision, RoundCreated, RoundDetail, RoundPage, SampleDrawn, StaffOptions, TipSupervision, callbackBody, feedbackBody, findingBody, flagsQuery,
  idParams, recheckAnswerBody, recheckJudgeBody, roundBody, roundListQuery, sampleBody, verifyBody,
} from './supervision.schemas.ts';

/** 督导检查. Thin: each route calls one service function, which decides (jurisdiction.ts: canSeeRound, runsRound). */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, keys, dataDir } = app.deps;
  const READ = { access: 'staff' as const, roles: [...TIP_READER_ROLES] };
  const RUN = { access: 'staff' as const, roles: [...SUPERVISION_ROLES] };
  const ANSWER = { access: 'staff' as const, roles: [...SUPERVISED_ROLES] };
  const tags = ['supervision'];
  const search = z.object({ q: z.string().trim().max(40).optional() });

  app.get('/api/supervision/rounds', { config: READ, schema: { tags, summary: '督导检查列表（本辖区开展的、本单位参加或被督导的，分页；含统计期内督导检查轮次）', querystring: roundListQuery, response: { 200: RoundPage } } },
    async (req) => listRounds(db, staff(req), req.query));
  app.post('/api/supervision/rounds', { config: RUN, schema: { tags, summary: '开展督导检查：督导单位为本专项办，被督导单位须在本辖区内，可同时登记发现的问题', body: roundBody, response: { 201: RoundCreated } } },
    async (req, reply) => reply.status(201).send(await createRound(db, staff(req), req.body)));
  app.get('/api/supervision/rounds/:id', { config: READ, schema: { tags, summary: '督导检查详情：被督导单位、发现问题及整改、抽查样本', params: idParams, response: { 200: RoundDetail } } },
    async (req) => roundDetail(db, staff(req), req.params.id));
  app.post('/api/supervision/rounds/:id/findings', { config: RUN, schema: { tags, summary: '登记督导发现的问题（整改要求、时限）', params: idParams, body: findingBody, response: { 201: IdOnly } } },
    async (req, reply) => reply.status(201).send(await addFinding(db, staff(req), req.params.id, req.body)));
  app.post('/api/supervision/rounds/:id/samples', { config: RUN, schema: { tags, summary: '从被督导单位已办结的线索中随机抽取样本（回访或二次核查），随机种子留存可复现', params: idParams, body: sampleBody, response: { 201: SampleDrawn } } },
    async (req, reply) => reply.status(201).send(await drawRoundSample(db, staff(req), req.params.id, req.body)));
  app.post('/api/supervision/findings/:id/feedback', { config: ANSWER, schema: { tags, summary: '整改反馈（被督导单位，可附整改材料）', params: idParams, body: feedbackBody, response: { 200: Ok } } },
    async (req) => submitFeedback(db, staff(req), req.params.id, req.body));
  app.post('/api/supervision/findings/:id/verify', { config: RUN, schema: { tags, summary: '核验整改：通过则销号，不通过退回继续整改', params: idParams, body: verifyBody, response: { 200: Ok } } },
    async (req) => verifyFinding(db, staff(req), req.params.id, req.body));
  app.get('/api/supervision/findings/:id/attachments/:uploadId', {
    config: READ,
    schema: { tags, summary: '查看整改材料（图片为去除 EXIF/GPS 等元数据的副本）', params: idParams.extend({ uploadId: z.uuid('附件编号无效') }), produces: EVIDENCE_MIMES, response: { 200: fileBody('附件内容') } },
  }, async (req, reply) => sendStaffCopy(reply, await findingAttachment(db, keys, dataDir, staff(req), req.params.id, req.params.uploadId), req.params.uploadId));
  app.post('/api/supervision/samples/items/:id/callback', { config: RUN, schema: { tags, summary: '记录回访结果（是否联系上、是否确已处理、是否满意）', params: idParams, body: callbackBody, response: { 200: Ok } } },
    async (req) => recordCallback(db, staff(req), req.params.id, req.body));
  app.post('/api/supervision/samples/items/:id/answer', { config: ANSWER, schema: { tags, summary: '答复二次核查（原承办单位）', params: idParams, body: recheckAnswerBody, response: { 200: Ok } } },
    async (req) => answerRecheck(db, staff(req), req.params.id, req.body));
  app.post('/api/supervision/samples/items/:id/judge', { config: RUN, schema: { tags, summary: '评定二次核查：通过，或不通过（线索退回重新办理）', params: idParams, body: recheckJudgeBody, response: { 200: Ok } } },
    async (req) => judgeRecheck(db, staff(req), req.params.id, req.body));
  app.get('/api/supervision/mine', { config: READ, schema: { tags, summary: '本单位待整改的督导问题（至核验销号）和待答复的二次核查', response: { 200: MySupervision } } },
    async (req) => mySupervision(db, staff(req)));
  app.get('/api/tips/:id/supervision', { config: READ, schema: { tags, summary: '线索的督导抽查记录（回访、二次核查）', params: idParams, response: { 200: TipSupervision } } },
    async (req) => tipSupervision(db, staff(req), req.params.id));
  app.get('/api/supervision/gaming-flags', { config: RUN, schema: { tags, summary: '异常办理识别：按单位和统计期，与同类单位比较', querystring: flagsQuery, response: { 200: GamingFlags } } },
    async (req) => listGamingFlags(db, staff(req), req.query));
  app.get('/api/supervision/staff', { config: RUN, schema: { tags, summary: '可列为督导组成员的人员（本辖区）', querystring: search, response: { 200: StaffOptions } } },
    async (req) => staffOptions(db, staff(req), req.query.q));
  app.get('/api/supervision/units', { config: RUN, schema: { tags, summary: '可列为被督导对象的单位（本辖区，不含本单位）', querystring: search, response: { 200: StaffOptions } } },
    async (req) => unitOptions(db, staff(req), req.query.q));
};
