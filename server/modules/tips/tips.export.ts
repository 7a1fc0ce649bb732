import { finishExport, newSheet } from '../../xlsx.ts';
import { sql, type Db } from '../../db/client.ts';
import { FRAUD_TYPES, MEASURES, TIP_SOURCES, TIP_STATUSES, VERDICTS } from '../../../shared/domain.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { listTips } from './tips.query.service.ts';
import type { FilterQuery } from './tips.schemas.ts';
import { regionPathSql } from '../regions/regions.repository.ts';
import { chinaDate, chinaDateTime } from '../../../shared/time.ts';

export const EXPORT_MAX_ROWS = 10_000;
const PAGE = 200;
// Beijing time, whatever zone the server process runs in.
const fmt = (d: Date | null) => (d ? chinaDateTime(d) : '');
const day = (d: Date | null) => (d ? chinaDate(d) : '');
const label = <T extends Record<string, string>>(labels: T, code: string | null) => (code ? (labels[code as keyof T] ?? code) : '');

/** The 线索台账 columns, in the order an office keeps its ledger. */
const COLUMNS = [
  { header: '查询码', key: 'code', width: 16 },
  { header: '来源', key: 'source', width: 14 },
  { header: '收到时间', key: 'received', width: 18 },
  { header: '地区', key: 'region', width: 28 },
  { header: '类型', key: 'types', width: 28 },
  { header: '被反映对象', key: 'subject', width: 28 },
  { header: '涉及金额（元）', key: 'amount', width: 14 },
  { header: '受害人数', key: 'victims', width: 10 },
  { header: '受理单位', key: 'office', width: 30 },
  { header: '主办单位', key: 'lead', width: 24 },
  { header: '协办单位', key: 'assisting', width: 30 },
  { header: '办理时限', key: 'deadline', width: 18 },
  { header: '状态', key: 'status', width: 10 },
  { header: '是否超期', key: 'overdue', width: 10 },
  { header: '核查结论', key: 'verdict', width: 12 },
  { header: '处理措施', key: 'measures', width: 24 },
  { header: '办结日期', key: 'closed', width: 12 },
  { header: '答复内容', key: 'answer', width: 50 },
  { header: '举报人评价', key: 'rating', width: 20 },
  { header: '线索描述', key: 'description', width: 80 },
];

interface LedgerRow {
  id: number;
  region_path: string;
  subject: { name?: string; uscc?: string } | null;
  amount_involved: number | null;
  victim_count: number | null;
  office_name: string;
  lead_name: string | null;
  assisting: string | null;
  verdict: string | null;
  measures: string[] | null;
  closed_at: Date | null;
  public_answer: string | null;
  rating_satisfied: boolean | null;
  rating_comment: string | null;
  rated_at: Date | null;
  description: string;
}

/**
 * The ledger facts of tips already selected by the list (so already visible to the user): the full
 * description, the region's whole path, the receiving office, the current lead unit with its result,
 * and the assisting units still on the tip.
 */
const ledgerRows = (db: Db, ids: number[]) =>
  db.query<LedgerRow>(sql`
    select t.id, t.subject, t.amount_involved, t.victim_count, t.closed_at, t.public_answer, t.rating_satisfied, t.rating_comment,
      t.rated_at, t.description, o.name as office_name, lu.name as lead_name,
      ${regionPathSql('t.region_code')} as region_path,
      (select string_agg(u.name, '、' order by a.id) from tip_assignments a join units u on u.id = a.unit_id
        where a.tip_id = t.id and a.active and a.role = 'assist') as assisting,
      l.verdict, l.measures
    from tips t join units o on o.id = t.office_unit_id left join units lu on lu.id = t.lead_unit_id
    left join lateral (select a.verdict, a.measures from tip_assignments a
                       where a.tip_id = t.id and a.active and a.role = 'lead' order by a.id desc limit 1) l on true
    where t.id = any(${ids}::bigint[])`);

/**
 * The current filter of the tip list as a 线索台账 workbook (at most EXPORT_MAX_ROWS rows), audited.
 * Rows come from the list itself, page by page, so the export holds exactly the tips the user may see
 * under that filter — never one that accuses the user's unit.
 */
export async function exportTips(db: Db, user: SessionUser, filter: FilterQuery): Promise<{ buffer: Buffer; rows: number; truncated: boolean }> {
  const { book, sheet } = newSheet('线索台账', COLUMNS);
  sheet.getColumn('description').alignment = { wrapText: true, vertical: 'top' };
  let cursor: string | undefined;
  let rows = 0;
  let truncated = false;
  do {
    const page = await listTips(db, user, { ...filter, cursor, limit: PAGE });
    const items = page.items.slice(0, EXPORT_MAX_ROWS - rows);
    truncated = items.length < page.items.length;
    const facts = new Map((await ledgerRows(db, items.map((t) => t.id))).map((r) => [r.id, r]));
    for (const t of items) {
      const x = facts.get(t.id)!;
      sheet.addRow({
        code: t.trackingCode, source: label(TIP_SOURCES, t.source), received: fmt(t.receivedAt), region: x.region_path,
        types: t.fraudTypes.map((c) => label(FRAUD_TYPES, c)).join('、'),
        subject: [x.subject?.name, x.subject?.uscc].filter(Boolean).join('；'),
        amount: x.amount_involved ?? '', victims: x.victim_count ?? '', office: x.office_name, lead: x.lead_name ?? '', assisting: x.assisting ?? '',
        deadline: fmt(t.deadlineAt), status: label(TIP_STATUSES, t.status), overdue: t.overdue ? '是' : '否',
        verdict: label(VERDICTS, x.verdict), measures: (x.measures ?? []).map((m) => label(MEASURES, m)).join('、'),
        closed: day(x.closed_at), answer: x.public_answer ?? '',
        rating: x.rated_at ? `${x.rating_satisfied ? '满意' : '不满意'}${x.rating_comment ? `：${x.rating_comment}` : ''}` : '',
        description: x.description,
      });
      rows++;
    }
    cursor = page.nextCursor ?? undefined;
    if (rows >= EXPORT_MAX_ROWS && cursor) truncated = true;
  } while (cursor && !truncated);
  return finishExport(db, user, book, { action: 'tip.exported', entity: 'tip', filter, rows, truncated });
}
