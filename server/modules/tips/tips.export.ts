import { newSheet } from '../../xlsx.ts';
import type { Db } from '../../db/client.ts';
import { FRAUD_TYPES, TIP_SOURCES } from '../../../shared/domain.ts';
import { audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { listTips } from './tips.query.service.ts';
import type { ListQuery } from './tips.schemas.ts';

export const EXPORT_MAX_ROWS = 10_000;
const fmt = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The current filter of the tip list as an .xlsx workbook (at most EXPORT_MAX_ROWS rows), audited. */
export async function exportTips(db: Db, user: SessionUser, filter: Omit<ListQuery, 'cursor' | 'limit'>): Promise<{ buffer: Buffer; rows: number; truncated: boolean }> {
  const { book, sheet } = newSheet('线索', [
    { header: '查询码', key: 'code', width: 16 },
    { header: '状态', key: 'status', width: 12 },
    { header: '来源', key: 'source', width: 14 },
    { header: '类型', key: 'types', width: 28 },
    { header: '地区', key: 'region', width: 16 },
    { header: '收到时间', key: 'received', width: 18 },
    { header: '办理时限', key: 'deadline', width: 18 },
    { header: '是否超期', key: 'overdue', width: 10 },
    { header: '摘要', key: 'summary', width: 60 },
  ]);
  let cursor: string | undefined;
  let rows = 0;
  let truncated = false;
  do {
    const page = await listTips(db, user, { ...filter, cursor, limit: 200 });
    for (const t of page.items) {
      if (rows >= EXPORT_MAX_ROWS) {
        truncated = true;
        break;
      }
      sheet.addRow({
        code: t.trackingCode, status: t.statusLabel, source: TIP_SOURCES[t.source as keyof typeof TIP_SOURCES] ?? t.source,
        types: t.fraudTypes.map((c) => FRAUD_TYPES[c as keyof typeof FRAUD_TYPES] ?? c).join('、'), region: t.regionName,
        received: fmt(t.receivedAt), deadline: fmt(t.deadlineAt), overdue: t.overdue ? '是' : '否', summary: t.summary,
      });
      rows++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && !truncated);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  await audit(db, { id: user.id, name: user.username }, { action: 'tip.exported', entity: 'tip', detail: { filter, rows, truncated } });
  return { buffer, rows, truncated };
}
