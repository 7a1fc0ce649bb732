import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUscc } from '../../../shared/validators.ts';
import { AppError } from '../../errors.ts';
import { staff } from '../../plugins/auth.ts';
import { audit } from '../audit/audit.service.ts';
import { findRegion, inSubtree } from '../regions/regions.repository.ts';
import { normalizeOrg } from '../intel/entities.ts';
import { SCREENER_ROLES, SUBJECT_KIND_CODES } from '../../../shared/domain.ts';
import { IdOnly } from '../../schemas.ts';

export const subjectRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;

  app.post(
    '/api/subjects',
    {
      // Offices and the member units that screen (market regulation, civil affairs…) register subjects.
      config: { access: 'staff', roles: [...SCREENER_ROLES] },
      schema: {
        tags: ['subjects'],
        summary: '登记主体（养老机构、企业等）',
        body: z
          .object({
            regionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '请选择有效的地区'),
            kind: z.enum(SUBJECT_KIND_CODES),
            name: z.string().trim().min(2).max(100),
            uscc: z.string().trim().toUpperCase().refine(isUscc, '统一社会信用代码无效（校验位不符）').optional(),
            address: z.string().trim().max(200).optional(),
          })
          .strict(),
        response: { 201: IdOnly },
      },
    },
    async (req, reply) => {
      const user = staff(req);
      const b = req.body;
      if (!(await findRegion(db, b.regionCode))) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '所选地区不存在' }]);
      if (!inSubtree(b.regionCode, user.unitRegionCode)) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '地区不在本单位辖区内' }]);
      const id = await db.tx(async (q) => {
        if (b.uscc && (await q.query('select 1 from subjects where uscc = $1', [b.uscc])).length) {
          throw new AppError('CONFLICT', [{ path: 'uscc', message: '该统一社会信用代码已登记' }]);
        }
        const [{ id }] = await q.query<{ id: number }>(
          `insert into subjects (region_code, kind, name, normalized_name, uscc, address, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
          [b.regionCode, b.kind, b.name, normalizeOrg(b.name), b.uscc ?? null, b.address ?? null, user.id],
        );
        await audit(q, { id: user.id, name: user.username }, { action: 'subject.created', entity: 'subject', entityId: id, detail: { name: b.name, uscc: b.uscc ?? null } });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );
};
