import type { Db } from '../../db/client.ts';
import type { Keys } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { TIP_SOURCES, TIP_STATUSES } from '../../../shared/domain.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { isOffice } from '../access/jurisdiction.ts';
import { findCase, insertLinks } from '../cases/cases.repository.ts';
import { notifyUnit } from '../notifications/notifications.service.ts';
import { checkIntakeRegion, receivingOffice, writeStaffTip } from '../tips/tips.intake.service.ts';
import { handoverRows } from './intake.repository.ts';
import type { HandoverInput } from './intake.schemas.ts';

/**
 * 移交: a member unit (market regulation after an inspection, a court with its 线索摸排卡, civil
 * affairs, the police …) hands a tip over to its campaign office — the office of its region, or the
 * nearest one above that the tip does not accuse. The tip is written with its source and the handing
 * unit, lands in that office's intake queue (submitted, to accept), the office's clerks and leads are
 * notified, and the hand-over is audited. A court card may come with a case the court can see: the
 * tip is linked to it (行刑衔接) in the same transaction.
 */
export async function handOver(db: Db, keys: Keys, user: SessionUser, input: HandoverInput) {
  if (isOffice(user)) throw new AppError('FORBIDDEN', undefined, '专项办请在“线索登记”中直接登记线索，无需移交');
  if (input.source === 'court_card' && user.unitKind !== 'court') {
    throw new AppError('VALIDATION_FAILED', [{ path: 'source', message: '线索摸排卡由人民法院移交；请选择“部门移交”或“排查发现”' }]);
  }
  await checkIntakeRegion(db, user, input.regionCode);
  const { source, sourceRef, caseId, ...fields } = input;
  const officeUnitId = await receivingOffice(db, user, { unitIds: [], subjectName: input.subject?.name });
  return db.tx(async (q) => {
    if (caseId !== undefined && !(await findCase(q, user, caseId))) {
      throw new AppError('NOT_FOUND', [{ path: 'caseId', message: '未找到该案件，或该案件不属于本单位' }], '未找到该案件，或该案件不属于本单位');
    }
    const tip = await writeStaffTip(q, keys, fields, {
      source, officeUnitId, createdBy: user, accusedUnitIds: [],
      origin: { sourceRef: sourceRef ?? null, handedOverByUnitId: user.unitId },
      eventText: `${user.unitName}移交线索（来源：${TIP_SOURCES[source]}${sourceRef ? `，编号 ${sourceRef}` : ''}）`,
    });
    await audit(q, actorOf(user), { action: 'tip.handed_over', entity: 'tip', entityId: tip.id, detail: { unitId: user.unitId, officeUnitId, source, sourceRef, caseId } });
    if (caseId !== undefined) {
      await insertLinks(q, user.id, caseId, [tip.id], []);
      await audit(q, actorOf(user), { action: 'case.linked', entity: 'case', entityId: caseId, detail: { tipIds: [tip.id], subjectIds: [] } });
    }
    await notifyUnit(q, officeUnitId, ['intake', 'office_lead'], { kind: 'handed_over', tipId: tip.id, text: `${user.unitName}移交线索，请受理`, dedupeKey: 'handover' });
    const [office] = await q.query<{ name: string }>('select name from units where id = $1', [officeUnitId]);
    return { id: tip.id, trackingCode: tip.trackingCode, officeName: office.name };
  });
}

/** The unit's hand-overs, newest first: where each went and where it stands (jurisdiction: canFollowHandover). */
export async function listHandovers(db: Db, user: SessionUser, f: { cursor?: string; limit: number }) {
  const rows = await handoverRows(db, user, f);
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((r) => ({
      id: r.id, trackingCode: r.tracking_code, source: r.source, sourceRef: r.source_ref, status: r.status, statusLabel: TIP_STATUSES[r.status],
      officeName: r.office_name, regionName: r.region_name, receivedAt: r.received_at, closedAt: r.closed_at, summary: r.summary,
    })),
    nextCursor: rows.length > f.limit ? String(page[page.length - 1].id) : null,
  };
}
