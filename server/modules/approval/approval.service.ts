import { sql, type Db, type Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { UnitKind } from '../../../shared/domain.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { hasAny, inJurisdiction } from '../access/jurisdiction.ts';

/**
 * 单位负责人审核 as a unit's own setting (units.report_approval, 0025). A unit's staff read it; its
 * unit lead switches it (a one-person unit has no second person to approve), and so may an
 * administrator whose jurisdiction covers the unit. Another unit's setting is 404 out of sight and
 * 403 within it. Campaign offices are not concerned: their closings are reviewed by the office above.
 */
interface UnitSetting { id: number; name: string; kind: UnitKind; region_code: string; report_approval: boolean }

async function unitFor(q: Queryable, user: SessionUser, unitId: number, forUpdate = false): Promise<UnitSetting> {
  const [unit] = await q.query<UnitSetting>(
    sql`select id, name, kind, region_code, report_approval from units where id = ${unitId} ${forUpdate ? sql`for update` : sql``}`,
  );
  const admin = hasAny(user, ['admin']);
  if (!unit || !inJurisdiction(user, unit.region_code)) throw new AppError('NOT_FOUND');
  if (!admin && unit.id !== user.unitId) throw new AppError('FORBIDDEN', undefined, '只能查看或修改本单位的审核设置');
  return unit;
}

const mayChange = (user: SessionUser, unit: UnitSetting) => hasAny(user, ['admin']) || (hasAny(user, ['unit_lead']) && unit.id === user.unitId);

const view = (user: SessionUser, u: UnitSetting) => ({
  unitId: u.id, unitName: u.name, unitKind: u.kind, required: u.kind !== 'campaign_office' && u.report_approval,
  canChange: u.kind !== 'campaign_office' && mayChange(user, u),
});

export async function reportApproval(db: Db, user: SessionUser, unitId: number) {
  return view(user, await unitFor(db, user, unitId));
}

/** Switches the unit's approval on or off; a change is audited with what it was. */
export async function setReportApproval(db: Db, user: SessionUser, unitId: number, required: boolean) {
  return db.tx(async (q) => {
    const unit = await unitFor(q, user, unitId, true);
    if (!mayChange(user, unit)) throw new AppError('FORBIDDEN', undefined, '只有本单位负责人或系统管理员可以修改审核设置');
    if (unit.kind === 'campaign_office') {
      throw new AppError('UNIT_INVALID', [{ path: 'required', message: '专项办的办结意见由上级专项办审核，不适用单位负责人审核设置' }]);
    }
    if (unit.report_approval !== required) {
      await q.query(sql`update units set report_approval = ${required} where id = ${unit.id}`);
      await audit(q, actorOf(user), { action: 'unit.report_approval_changed', entity: 'unit', entityId: unit.id, detail: { from: unit.report_approval, to: required } });
    }
    return view(user, { ...unit, report_approval: required });
  });
}
