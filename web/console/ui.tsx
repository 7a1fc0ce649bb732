import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Modal, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api } from '../api/client.ts';
import type { ResponseOf } from '../api/routes.ts';
import { useServerFieldErrors, type ItemsOf } from './hooks.ts';
import { COLORS } from './labels.ts';
import { chinaToday } from '../../shared/time.ts';

/** Building blocks the console's record pages share (排查整治, 案件). */

/**
 * Today as users in China count it, whatever zone the browser's clock is set to: date defaults and
 * "not in the future" limits must agree with the server, which counts days in Beijing time (a
 * laptop left on UTC would otherwise offer yesterday between 00:00 and 08:00).
 */
export const chinaDay = (): Dayjs => dayjs(chinaToday());

/**
 * A list the server pages ({items, total, page, pageSize}): the table asks for one page at a time and
 * shows the total, so nothing past the first page is silently left out. A new filter starts at page 1.
 */
export function usePaged<P extends string>(url: P, pageSize = 50) {
  type Page = { items: ItemsOf<ResponseOf<'GET', P>>[]; total: number };
  const [at, setAt] = useState({ url, page: 1 });
  const page = at.url === url ? at.page : 1;
  const [data, setData] = useState<Page>({ items: [], total: 0 });
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let stale = false;
    setLoading(true);
    api('GET', `${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=${pageSize}`).then(
      (r) => { if (!stale) { setData(r as Page); setError(''); } },
      (e: ApiError) => { if (!stale) setError(e.message); },
    ).finally(() => { if (!stale) setLoading(false); });
    return () => { stale = true; };
  }, [url, page, pageSize]);
  return {
    ...data, error, loading,
    pagination: { current: page, pageSize, total: data.total, showSizeChanger: false, showTotal: (n: number) => `共 ${n} 条`, onChange: (p: number) => setAt({ url, page: p }) },
  };
}

/**
 * A dialog holding one form, with 确认/取消: server field messages go next to their fields (list
 * fields such as hazards.0.deadline included), any other error above the form.
 */
export function FormDialog<T>({ title, confirm, width, initialValues, onClose, onSubmit, children }: {
  title: string; confirm: string; width?: number; initialValues?: Record<string, unknown>; onClose: () => void; onSubmit: (values: T) => Promise<void>; children: ReactNode;
}) {
  const { form, show } = useServerFieldErrors();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (values: T) => {
    setBusy(true);
    setError('');
    try {
      await onSubmit(values);
    } catch (e) {
      setError((e as Error).message);
      show(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={title} open onCancel={onClose} footer={null} width={width} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        {children}
        <Space style={{ display: 'flex' }}>
          <Button type="primary" htmlType="submit" loading={busy}>{confirm}</Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </Form>
    </Modal>
  );
}


/** A date in a table cell: never broken at its hyphens (2026-11-⏎30) when the column is narrow. */
export const day = (d: string) => <span className="nowrap">{d}</span>;

/** A period in a table cell: each date whole, the line breaking only around 至. */
export const dayRange = (from: string, to: string) => (from === to ? day(from) : <>{day(from)} 至 {day(to)}</>);

/** A count in a table or a detail line, grouped by thousands (12,000) as the statistics print it; blank is —. */
export const count = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('zh-CN'));

/** A date-range picker's value from a filter's first and last day (both, or none). */
export const rangeValue = (from?: string, to?: string): [Dayjs, Dayjs] | null => (from && to ? [dayjs(from), dayjs(to)] : null);

/**
 * A filter a figure's link put on a list that the list has no field for (立案 in March, inspected
 * in a week, registered by a day): shown as a tag saying what it selects, closable to clear it.
 */
export function LinkedFilter({ label, from, to, onClear }: { label: string; from?: string; to?: string; onClear: () => void }) {
  return (
    <Tag closable color={COLORS.blue} onClose={(e) => { e.preventDefault(); onClear(); }} data-testid="linked-filter" style={{ fontSize: 14, padding: '2px 8px' }}>
      {label}{from || to ? `：${from ?? '开始'} 至 ${to ?? '今天'}` : ''}
    </Tag>
  );
}
