import { useEffect, useState } from 'react';
import { App as AntApp, Form, type FormInstance } from 'antd';
import { ApiError, api } from '../api/client.ts';
import type { ResponseOf } from '../api/routes.ts';
import type { Go } from './App.tsx';

export type ItemsOf<R> = R extends readonly (infer T)[] ? T : R extends { items: readonly (infer T)[] } ? T : never;

/** A list loaded from the API (a plain array or {items}), typed by the route, with its error and a reload. */
export function useList<P extends string>(url: P) {
  type Item = ItemsOf<ResponseOf<'GET', P>>;
  const [items, setItems] = useState<Item[]>([]);
  const [error, setError] = useState('');
  const reload = () =>
    api('GET', url).then((r) => setItems((Array.isArray(r) ? r : (r as { items: Item[] }).items) as Item[]), (e: ApiError) => setError(e.message));
  useEffect(() => void reload(), [url]);
  return { items, error, reload };
}

/**
 * Puts the server's field messages ({error:{fields:[{path,message}]}}) beside the Ant Design fields
 * they name, on the deepest field the form has: "hazards.0.deadline" → the list item's field
 * ['hazards', 0, 'deadline']; "measures.1" → the multi-select 'measures'; a query's "querystring.x" → x.
 * `rename` maps a server path to a form field where the two differ (regionCode → region).
 * Returns whether any field message was placed. The one way every console form shows server errors.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, rename: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError) || !error.fields.length) return false;
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  form.setFields(
    error.fields.map((f) => {
      let parts = (rename[f.path] ?? f.path.replace(/^(querystring|params)\./, '')).split('.');
      while (parts.length > 1 && !registered.has(parts.join('.'))) parts = parts.slice(0, -1);
      return { name: parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] };
    }),
  );
  return true;
}

/** A form bound to the server's field errors: `show(error)` places them (see applyFieldErrors). */
export function useServerFieldErrors<T = any>(rename?: Record<string, string>) {
  const [form] = Form.useForm<T>();
  return { form, show: (error: unknown) => applyFieldErrors(form, error, rename) };
}

/** Pages the console follows before it says a list is incomplete (the server never stops silently). */
export const MAX_PAGES = 20;

/**
 * Every page of a keyset-paginated list ({items, nextCursor}), up to MAX_PAGES; `truncated` when more
 * remain. The items are typed by the route `url` matches.
 */
export async function fetchAllPages<P extends string>(url: P): Promise<{ items: ItemsOf<ResponseOf<'GET', P>>[]; truncated: boolean }> {
  type Item = ItemsOf<ResponseOf<'GET', P>>;
  const items: Item[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const next = cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : url;
    const r = (await api('GET', next)) as { items: Item[]; nextCursor: string | null };
    items.push(...r.items);
    cursor = r.nextCursor;
    if (!cursor) return { items, truncated: false };
  }
  return { items, truncated: true };
}

/** useList for a paginated list: all its pages, and whether it had to stop before the end. */
export function useAllPages<P extends string>(url: P) {
  const [items, setItems] = useState<ItemsOf<ResponseOf<'GET', P>>[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState('');
  const reload = () => fetchAllPages(url).then((r) => (setItems(r.items), setTruncated(r.truncated)), (e: ApiError) => setError(e.message));
  useEffect(() => void reload(), [url]);
  return { items, truncated, error, reload };
}

/** Submits a form to the API, showing the server's field messages next to the fields. */
export function useSubmit(onDone: () => void, rename?: Record<string, string>) {
  const { message } = AntApp.useApp();
  const { form, show } = useServerFieldErrors(rename);
  const [busy, setBusy] = useState(false);
  const submit = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(ok);
      form.resetFields();
      onDone();
    } catch (e) {
      message.error((e as ApiError).message);
      show(e);
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, submit };
}

/** The non-empty values of a filter as a query string (the same parameters the list's API takes). */
export const searchOf = (filter: Record<string, string | undefined | null>): string =>
  new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();

/** A list's filter fields read from the address's query (`search`): only `keys`, only those set. */
export function filterFromSearch<K extends string>(search: string, keys: readonly K[]): Partial<Record<K, string>> {
  const p = new URLSearchParams(search);
  return Object.fromEntries(keys.flatMap((k) => (p.get(k) ? [[k, p.get(k)!]] : []))) as Partial<Record<K, string>>;
}

/**
 * A list's filter kept in the address (/console/<page>?k=v…), the one way console lists do it: a
 * figure's link (the indicator engine's `link`) opens the list filtered, and a filtered list can be
 * bookmarked, shared and gone back to. `filter` is read from `search` on every render; `query` is
 * the API's query string (same names); `set(patch)` writes the change into the address (`base`, a
 * path with any fixed parameters such as ?tab=ledger), and the page reloads from it.
 */
export function useUrlFilter<K extends string>(go: Go, base: string, search: string, keys: readonly K[]) {
  const filter = filterFromSearch(search, keys);
  const query = searchOf(filter);
  const set = (patch: Partial<Record<K, string | undefined>>) => {
    const q = searchOf({ ...filter, ...patch });
    go(q ? `${base}${base.includes('?') ? '&' : '?'}${q}` : base);
  };
  return { filter, query, set };
}
