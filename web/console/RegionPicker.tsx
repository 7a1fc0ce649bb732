import type { CSSProperties } from 'react';
import { api } from '../api/client.ts';
import type { RegionHit } from '../api/routes.ts';
import { RemoteSelect, type RemoteOption } from './RemoteSelect.tsx';

const NATION: RemoteOption = { value: '', label: '全国' };
const option = (r: RegionHit): RemoteOption => ({ value: r.code, label: r.path });

/**
 * The console's one region field: type a place name (龙口, 芝罘) and pick it from the list, shown with
 * its full path (山东省 / 烟台市 / 龙口市) — never a raw code. The value is the region's code. With
 * `nation`, 全国 (code '') is a choice too (routing rules).
 */
export function RegionPicker({ nation = false, ...props }: { value?: string; onChange?: (v: string | undefined) => void; id?: string; style?: CSSProperties; nation?: boolean; 'aria-label'?: string }) {
  return (
    <RemoteSelect
      {...props}
      search={async (text) => [...(nation && (!text || '全国'.includes(text)) ? [NATION] : []), ...(text ? (await api('GET', `/api/regions?q=${encodeURIComponent(text)}`)).map(option) : [])]}
      resolve={async (code) => (code === '' ? NATION : (await api('GET', `/api/regions?code=${encodeURIComponent(code)}`)).map(option)[0] ?? null)}
      placeholder="输入地名，如 龙口"
      hint={nation ? '选择“全国”，或输入地名（省、市、区县、乡镇街道）' : '输入地名（省、市、区县、乡镇街道）后选择'}
      notFound="没有找到这个地名，请换个说法，如“龙口”“芝罘”"
    />
  );
}
