import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { hasAny, inJurisdiction, selfAndAbove } from '../access/jurisdiction.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { unitsAbove } from '../cases/cases.repository.ts';
import { notifyUnit } from '../notifications/notifications.service.ts';
import { REPORT_SIGNER_ROLES, REPORT_WRITER_ROLES } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { yuanText } from '../../../shared/money.ts';
import * as repo from './reports.repository.ts';
import { reportFigures } from './reports.figures.ts';
import { draftSections, reportTitle } from './reports.narrative.ts';
import { reportDocx } from './reports.docx.ts';
import { reportXlsx } from './reports.xlsx.ts';
import type { EditInput, ListQuery, ReportInput, UrgentInput } from './reports.schemas.ts';

/**
 * Work reports: generated for a region of the user's jurisdiction and a period from the indicator
 * engine (a few engine calls: the region with 环比/同比, the same by child region), the narrative
 * pre-filled from the figures; edited by the issuing office while a draft; signed off by that
 * office's lead, after which the row is frozen (the trigger of 0023). Outside the jurisdiction is 404,
 * another office's report 403, a signed-off one 409. 要情随报 go to the office above at once.
 */

/** The issuing office may change its draft; its lead signs it off. */
const mayEdit = (user: SessionUser, r: repo.ReportRow) => r.status === 'draft' && r.unitId === user.unitId && hasAny(user, REPORT_WRITER_ROLES);
const maySignOff = (user: SessionUser, r: repo.ReportRow) => r.status === 'draft' && r.unitId === user.unitId && hasAny(user, REPORT_SIGNER_ROLES);

async function regionInScope(q: Queryable, user: SessionUser, code: string, path = 'regionCode') {
  const region = await findRegion(q, code);
  if (!region || !inJurisdiction(user, code)) throw new AppError('NOT_FOUND', [{ path, message: '所选地区不在本单位辖区内' }]);
  return region;
}

export async function generateReport(db: Db, user: SessionUser, b: ReportInput) {
  const region = await regionInScope(db, user, b.regionCode);
  const figures = await reportFigures(db, user, region.code, b.from, b.to);
  const sections = draftSections(b.kind, region.name, b.from, b.to, figures.indicators, figures.urgent);
  const title = reportTitle(b.kind, region.name, b.from, b.to);
  return db.tx(async (q) => {
    const id = await repo.insertReport(q, user, { kind: b.kind, regionCode: region.code, from: b.from, to: b.to, title, issuedOn: chinaToday(), sections, figures });
    await audit(q, actorOf(user), { action: 'report.generated', entity: 'work_report', entityId: id, detail: { kind: b.kind, regionCode: region.code, from: b.from, to: b.to } });
    return { id };
  });
}

async function visibleReport(q: Queryable, user: SessionUser, id: number, forUpdate = false) {
  const r = await repo.findReport(q, user, id, forUpdate);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

export async function reportDetail(db: Db, user: SessionUser, id: number) {
  const r = await visibleReport(db, user, id);
  const { regionCode, regionName, figures, unitId: _unit, ...rest } = r;
  return {
    ...rest, region: { code: regionCode, name: regionName }, ...figures,
    canEdit: mayEdit(user, r), canSignOff: maySignOff(user, r),
  };
}

export async function listReports(db: Db, user: SessionUser, f: ListQuery) {
  const { items, total } = await repo.reportPage(db, user, f);
  return {
    items: items.map(({ regionCode, regionName, unitId: _unit, ...r }) => ({ ...r, region: { code: regionCode, name: regionName } })),
    total, page: f.page, pageSize: f.pageSize,
  };
}

/** A signed-off report is 409 before anything else: nobody may change it, whoever asks. */
function refuseFrozen(r: repo.ReportRow) {
  if (r.status === 'signed_off') throw new AppError('REPORT_SIGNED_OFF');
}

export const editReport = (db: Db, user: SessionUser, id: number, b: EditInput) =>
  db.tx(async (q) => {
    const r = await visibleReport(q, user, id, true);
    refuseFrozen(r);
    if (!mayEdit(user, r)) throw new AppError('FORBIDDEN', undefined, '只有发文单位可以修改本报告');
    await repo.updateSections(q, id, b.title ?? r.title, b.sections);
    await audit(q, actorOf(user), { action: 'report.edited', entity: 'work_report', entityId: id, detail: { titleChanged: b.title !== undefined && b.title !== r.title } });
    return { ok: true };
  });

export const signOffReport = (db: Db, user: SessionUser, id: number) =>
  db.tx(async (q) => {
    const r = await visibleReport(q, user, id, true);
    refuseFrozen(r);
    if (!maySignOff(user, r)) throw new AppError('FORBIDDEN', undefined, '只有发文单位的专项办负责人可以签发本报告');
    const issuedOn = chinaToday();
    await repo.signOff(q, id, user.id, issuedOn);
    await audit(q, actorOf(user), { action: 'report.signed_off', entity: 'work_report', entityId: id, detail: { kind: r.kind, regionCode: r.regionCode, issuedOn } });
    return { ok: true };
  });

/** The file names of a report: ASCII and the Chinese title. */
export const fileNames = (r: repo.ReportRow) => ({ ascii: `report-${r.id}`, chinese: r.title });

export async function reportWord(db: Db, user: SessionUser, id: number) {
  const r = await visibleReport(db, user, id);
  const buffer = await reportDocx(r);
  await audit(db, actorOf(user), { action: 'report.exported', entity: 'work_report', entityId: id, detail: { format: 'docx' } });
  return { buffer, names: fileNames(r) };
}

export async function reportExcel(db: Db, user: SessionUser, id: number) {
  const r = await visibleReport(db, user, id);
  return { file: await reportXlsx(db, user, r), names: fileNames(r) };
}

// ── 要情随报 ─────────────────────────────────────────────────────────────────────────────────────

/** Who hears of a 要情 in the office above: its intake, its lead and the leaders who read. */
const URGENT_READERS = ['intake', 'office_lead', 'viewer'] as const;

/**
 * An office sends a 要情 about a place in its jurisdiction to the nearest campaign office above it:
 * recorded, that office's staff notified in the same transaction, and it appears in the reports of
 * every region above the place for the day it was sent (the office above's 日报 among them).
 */
export const sendUrgent = (db: Db, user: SessionUser, b: UrgentInput) =>
  db.tx(async (q) => {
    const region = await regionInScope(q, user, b.regionCode);
    const [above] = await unitsAbove(q, 'campaign_office', selfAndAbove(user.unitRegionCode).slice(1));
    if (!above) throw new AppError('NO_OFFICE_ABOVE');
    const id = await repo.insertUrgent(q, user, above.id, b);
    const facts = [b.amountFen !== undefined ? `涉案金额${yuanText(b.amountFen)}元` : '', b.victims !== undefined ? `受害人${b.victims}人` : ''].filter(Boolean).join('，');
    const notified = await notifyUnit(q, above.id, [...URGENT_READERS], {
      kind: 'urgent_report', tipId: null, dedupeKey: `urgent:${id}`,
      text: `【要情随报】${user.unitName}报送：${region.name}，${b.title}${facts ? `（${facts}）` : ''}`,
    });
    await audit(q, actorOf(user), { action: 'urgent_report.sent', entity: 'urgent_report', entityId: id, detail: { regionCode: region.code, toUnitId: above.id, title: b.title } });
    return { id, toUnit: above.name, notified };
  });

export async function listUrgent(db: Db, user: SessionUser, f: { page: number; pageSize: number }) {
  return { ...(await repo.urgentPage(db, user, f)), page: f.page, pageSize: f.pageSize };
}
