import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { inJurisdiction } from '../access/jurisdiction.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { normalizeOrg } from '../intel/entities.ts';
import { insertSubject } from './subjects.repository.ts';

export interface SubjectInput {
  regionCode: string; kind: string; name: string; uscc?: string; address?: string;
}

/** Registers a subject in the user's jurisdiction; a credit code registered before is 409. */
export async function registerSubject(db: Db, user: SessionUser, b: SubjectInput): Promise<{ id: number }> {
  if (!(await findRegion(db, b.regionCode))) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '所选地区不存在' }]);
  if (!inJurisdiction(user, b.regionCode)) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '地区不在本单位辖区内' }]);
  return db.tx(async (q) => {
    const id = await insertSubject(q, {
      regionCode: b.regionCode, kind: b.kind, name: b.name, normalizedName: normalizeOrg(b.name), uscc: b.uscc ?? null, address: b.address ?? null, createdBy: user.id,
    });
    if (id === null) throw new AppError('CONFLICT', [{ path: 'uscc', message: '该统一社会信用代码已登记' }]);
    await audit(q, actorOf(user), { action: 'subject.created', entity: 'subject', entityId: id, detail: { name: b.name, uscc: b.uscc ?? null } });
    return { id };
  });
}
