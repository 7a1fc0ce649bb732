import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUscc } from '../../../shared/validators.ts';
import { staff } from '../../plugins/auth.ts';
import { SCREENER_ROLES, SUBJECT_KIND_CODES } from '../../../shared/domain.ts';
import { IdOnly } from '../../schemas.ts';
import { registerSubject } from './subjects.service.ts';

const subjectBody = z
  .object({
    regionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '请选择有效的地区'),
    kind: z.enum(SUBJECT_KIND_CODES),
    name: z.string().trim().min(2).max(100),
    uscc: z.string().trim().toUpperCase().refine(isUscc, '统一社会信用代码无效（校验位不符）').optional(),
    address: z.string().trim().max(200).optional(),
  })
  .strict();

export const subjectRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;

  app.post(
    '/api/subjects',
    {
      // Offices and the member units that screen (market regulation, civil affairs…) register subjects.
      config: { access: 'staff', roles: [...SCREENER_ROLES] },
      schema: { tags: ['subjects'], summary: '登记主体（养老机构、企业等）', body: subjectBody, response: { 201: IdOnly } },
    },
    async (req, reply) => reply.status(201).send(await registerSubject(db, staff(req), req.body)),
  );
};
