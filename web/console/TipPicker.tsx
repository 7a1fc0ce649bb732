import type { CSSProperties } from 'react';
import { api } from '../api/client.ts';
import type { TipListItem } from '../api/routes.ts';
import { TIP_STATUSES, type TipStatus } from '../../shared/domain.ts';
import { RemoteSelect, type RemoteOption } from './RemoteSelect.tsx';

const option = (t: Pick<TipListItem, 'trackingCode' | 'statusLabel' | 'summary'>): RemoteOption => ({
  value: t.trackingCode,
  label: `${t.trackingCode}（${t.statusLabel}）${t.summary.slice(0, 24)}`,
});

/**
 * Names a tip as staff see it: type its 12-digit tracking code, or words of it, and pick from the
 * tips the user may see. The value is the tracking code (what the API takes), never an internal id.
 */
export function TipPicker({ statuses = [], exclude, ...props }: {
  value?: string; onChange?: (v: string | undefined) => void; id?: string; style?: CSSProperties; 'aria-label'?: string;
  /** Only tips in these statuses (all when empty). */
  statuses?: TipStatus[];
  /** A tip not to offer (the one being worked on), by id. */
  exclude?: number;
}) {
  const filter = statuses.map((s) => `&status=${s}`).join('');
  return (
    <RemoteSelect
      {...props}
      search={async (text) => {
        const page = await api('GET', `/api/tips?limit=10${filter}${text ? `&q=${encodeURIComponent(text)}` : ''}`);
        return page.items.filter((t) => t.id !== exclude).map(option);
      }}
      resolve={async (code) => option(await api('GET', `/api/tips/by-code/${encodeURIComponent(code)}`))}
      placeholder="输入 12 位查询码或线索中的词语"
      hint="输入查询码或词语查找您可见的线索"
      notFound={statuses.length ? `没有找到：请核对查询码或换个词语（只列出${statuses.map((st) => TIP_STATUSES[st]).join('、')}的线索）` : '没有找到：请核对查询码，或换个词语'}
    />
  );
}
