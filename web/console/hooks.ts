import { useEffect, useState } from 'react';
import { App as AntApp, Form } from 'antd';
import { ApiError, api } from '../api/client.ts';

/** A list loaded from the API (a plain array or {items}), with its error and a reload. */
export function useList<T>(url: string) {
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState('');
  const reload = () => api<T[] | { items: T[] }>('GET', url).then((r) => setItems(Array.isArray(r) ? r : r.items), (e) => setError(e.message));
  useEffect(() => void reload(), [url]);
  return { items, error, reload };
}

/** Pages the console follows before it says a list is incomplete (the server never stops silently). */
export const MAX_PAGES = 20;

/** Every page of a keyset-paginated list ({items, nextCursor}), up to MAX_PAGES; `truncated` when more remain. */
export async function fetchAllPages<T>(url: string): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const r: { items: T[]; nextCursor: string | null } = await api('GET', cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : url);
    items.push(...r.items);
    cursor = r.nextCursor;
    if (!cursor) return { items, truncated: false };
  }
  return { items, truncated: true };
}

/** useList for a paginated list: all its pages, and whether it had to stop before the end. */
export function useAllPages<T>(url: string) {
  const [items, setItems] = useState<T[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState('');
  const reload = () => fetchAllPages<T>(url).then((r) => (setItems(r.items), setTruncated(r.truncated)), (e) => setError(e.message));
  useEffect(() => void reload(), [url]);
  return { items, truncated, error, reload };
}

/** Submits a form to the API, showing the server's field messages next to the fields. */
export function useSubmit(onDone: () => void) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(ok);
      form.resetFields();
      onDone();
    } catch (e) {
      const ae = e as ApiError;
      message.error(ae.message);
      form.setFields(ae.fields.map((f) => ({ name: f.path.split('.')[0], errors: [f.message] })));
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, submit };
}
