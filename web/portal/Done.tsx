import { useEffect, useRef, useState } from 'react';
import { RECEIPT_TTL_MS, type StoredReceipt } from './receipt-store.ts';
import { ChannelList, useVisitorRegion } from './Knowledge.tsx';
import type { RegionChoice } from './RegionPicker.tsx';
import { chinaDateTime as when } from '../../shared/time.ts';

const group = (s: string) => s.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Draws the receipt on a canvas and downloads it as a PNG the family can keep. */
function saveAsImage(r: StoredReceipt) {
  const canvas = document.createElement('canvas');
  canvas.width = 720;
  canvas.height = 520;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#111111';
  g.font = 'bold 36px sans-serif';
  g.fillText('守护 · 养老诈骗举报回执', 40, 70);
  g.font = '28px sans-serif';
  g.fillText('查询码', 40, 150);
  g.font = 'bold 52px monospace';
  g.fillText(group(r.trackingCode), 40, 215);
  g.font = '28px sans-serif';
  g.fillText('密钥', 40, 290);
  g.font = 'bold 52px monospace';
  g.fillText(group(r.accessKey), 40, 355);
  g.font = '24px sans-serif';
  g.fillStyle = '#a00000';
  g.fillText('密钥丢失后无法找回，请妥善保管，不要告诉陌生人。', 40, 430);
  g.fillStyle = '#111111';
  g.fillText(`提交时间：${when(r.at)}`, 40, 480);
  canvas.toBlob((blob) => {
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `举报回执-${r.trackingCode}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }, 'image/png');
}

export function Done({ receipt, region = [], go, onSaved }: { receipt: StoredReceipt | null; region?: RegionChoice[]; go: (to: string) => void; onSaved: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // After a reload the report's region is gone (never stored): the visitor's own region stands in.
  const [visitorRegion] = useVisitorRegion();
  const channelRegion = region.length ? region : visitorRegion;
  // The button tapped is replaced by the question: focus its safe answer, never the clearing one.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (cleared) {
    return (
      <section className="card" role="status">
        <h1>已从本机清除</h1>
        <p>这部手机上已不再保存您的查询码和密钥。请保管好您记下的两组数字，凭它们查看办理进度和答复。</p>
        <button type="button" className="big primary" onClick={() => go('/')}>返回首页</button>
      </section>
    );
  }
  if (!receipt) {
    return (
      <section className="card">
        <h1>没有找到回执</h1>
        <p>如果您刚刚提交过举报，请用当时记下的查询码和密钥查询进度。</p>
        <button type="button" className="big" onClick={() => go('/track')}>查询进度</button>
      </section>
    );
  }
  return (
    <section className="receipt">
      <h1>举报已提交</h1>
      <p>请记下下面两组数字，用来查看办理进度和答复。</p>
      <dl>
        <dt>查询码</dt>
        <dd className="code" data-testid="tracking-code">{group(receipt.trackingCode)}</dd>
        <dt>密钥</dt>
        <dd className="code" data-testid="access-key">{group(receipt.accessKey)}</dd>
        <dt>提交时间</dt>
        <dd>{when(receipt.at)}</dd>
      </dl>
      <p className="warning" role="note"><strong>注意：</strong>密钥丢失后无法找回。请保存图片、打印或抄写下来，不要告诉陌生人。</p>
      <div className="nav no-print">
        <button type="button" className="big primary" onClick={() => saveAsImage(receipt)}>保存为图片</button>
        <button type="button" className="big" onClick={() => print()}>打印</button>
        <button type="button" className="big" onClick={() => go('/track')}>查询进度</button>
      </div>
      {channelRegion.length > 0 && (
        <section className="card" data-testid="receipt-channels">
          <h2>当地举报电话和地址</h2>
          <p>有新情况、想补充证据，也可以打电话或上门。</p>
          <ChannelList chain={channelRegion} limit={1} />
        </section>
      )}
      <div className="card no-print">
        <h2>记下了吗？</h2>
        <p>
          为防止丢失，这两组数字会在本机保留，直到您点“我已记下”（最多 {RECEIPT_TTL_MS / 3600_000} 小时）。
          如果用的是别人的手机，记下后请一定点“我已记下”。
        </p>
        {!confirming ? (
          <button type="button" className="big" onClick={() => setConfirming(true)}>我已记下，从本机清除</button>
        ) : (
          <>
            <p role="alert"><strong>确定已经保存或抄下了吗？</strong>清除后这部手机上不再显示密钥。</p>
            <div className="nav">
              <button type="button" className="big" ref={confirmRef} onClick={() => setConfirming(false)}>还没有</button>
              <button type="button" className="big primary" onClick={() => { onSaved(); setCleared(true); }}>确定清除</button>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
