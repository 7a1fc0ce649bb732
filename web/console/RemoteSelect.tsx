import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Select } from 'antd';

export interface RemoteOption {
  value: string;
  label: string;
}

export interface RemoteSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Options for what the user typed ('' when the field opens empty). */
  search: (text: string) => Promise<RemoteOption[]>;
  /** The option of a value set from outside (a URL, a saved form), to show its words instead of its code. */
  resolve: (value: string) => Promise<RemoteOption | null>;
  placeholder: string;
  /** What the empty dropdown says before anything is typed. */
  hint: string;
  notFound: string;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

/**
 * A select that searches the server as the user types (debounced, late answers dropped) and shows
 * words, never codes: the one way console fields pick a region or a tip (RegionPicker, TipPicker).
 */
export function RemoteSelect({ value, onChange, search, resolve, placeholder, hint, notFound, id, style, ...aria }: RemoteSelectProps) {
  const [options, setOptions] = useState<RemoteOption[]>([]);
  const [typed, setTyped] = useState('');
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(0);

  const run = (text: string) => {
    setTyped(text);
    clearTimeout(timer.current);
    const n = ++latest.current;
    timer.current = setTimeout(() => {
      setLoading(true);
      search(text.trim()).then(
        (found) => n === latest.current && setOptions(found),
        () => n === latest.current && setOptions([]),
      ).finally(() => n === latest.current && setLoading(false));
    }, text ? 250 : 0);
  };

  useEffect(() => {
    if (value === undefined || options.some((o) => o.value === value)) return;
    let live = true;
    resolve(value).then((o) => live && o && setOptions((old) => [o, ...old.filter((x) => x.value !== o.value)]), () => undefined);
    return () => {
      live = false;
    };
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select
      id={id}
      aria-label={aria['aria-label']}
      style={style}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      placeholder={placeholder}
      allowClear
      loading={loading}
      showSearch={{ onSearch: run, filterOption: false }}
      onOpenChange={(open) => open && !typed && !options.length && run('')}
      notFoundContent={loading ? '正在查找…' : typed.trim() ? notFound : hint}
      popupMatchSelectWidth={false}
    />
  );
}
