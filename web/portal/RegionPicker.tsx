import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Region } from '../api/routes.ts';

export type RegionChoice = Pick<Region, 'code' | 'name'>;

const LABELS = ['省（自治区、直辖市）', '市', '区、县（知道就选）', '乡镇、街道（知道就选）'];

/** Cascading selects from the regions API, province down to township. value is the chosen chain. */
export function RegionPicker({ value, onChange, error }: { value: RegionChoice[]; onChange: (v: RegionChoice[]) => void; error?: string }) {
  const [options, setOptions] = useState<Region[][]>([]);
  const [loadError, setLoadError] = useState('');

  useEffect(() => {
    let live = true;
    const parents = ['', ...value.map((v) => v.code)].slice(0, 4);
    Promise.all(parents.map((p) => api('GET', p ? `/api/public/regions?parent=${p}` : '/api/public/regions')))
      .then((lists) => live && (setOptions(lists.filter((l, i) => i === 0 || l.length)), setLoadError('')))
      .catch(() => live && setLoadError('地区列表加载失败，请检查网络后重试'));
    return () => {
      live = false;
    };
  }, [value.map((v) => v.code).join('/')]);

  return (
    <fieldset className="field">
      <legend>在哪里发生的？</legend>
      {options.map((list, level) => (
        <div key={level} className="select">
          <label htmlFor={`region-${level}`}>{LABELS[level]}</label>
          <select
            id={`region-${level}`}
            value={value[level]?.code ?? ''}
            aria-invalid={!!error && !value[level]}
            aria-describedby={error && !value[level] ? 'region-err' : undefined}
            onChange={(e) => {
              const picked = list.find((r) => r.code === e.target.value);
              onChange([...value.slice(0, level), ...(picked ? [{ code: picked.code, name: picked.name }] : [])]);
            }}
          >
            <option value="">请选择</option>
            {list.map((r) => (
              <option key={r.code} value={r.code}>{r.name}</option>
            ))}
          </select>
        </div>
      ))}
      {(error || loadError) && <p className="error" id="region-err" role="alert">{error || loadError}</p>}
    </fieldset>
  );
}
