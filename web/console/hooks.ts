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
