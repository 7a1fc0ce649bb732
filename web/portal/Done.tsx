import type { Receipt } from './Report.tsx';

const group = (s: string) => s.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Draws the receipt on a canvas and downloads it as a PNG the family can keep. */
function saveAsImage(r: Receipt) {
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
  g.fillText(`提交时间：${new Date().toLocaleString('zh-CN')}`, 40, 480);
  canvas.toBlob((blob) => {
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `举报回执-${r.trackingCode}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }, 'image/png');
}

export function Done({ receipt, go }: { receipt: Receipt | null; go: (to: string) => void }) {
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
      </dl>
      <p className="warning" role="note"><strong>注意：</strong>密钥只显示这一次，丢失后无法找回。请保存图片、打印或抄写下来，不要告诉陌生人。</p>
      <div className="nav no-print">
        <button type="button" className="big primary" onClick={() => saveAsImage(receipt)}>保存为图片</button>
        <button type="button" className="big" onClick={() => print()}>打印</button>
        <button type="button" className="big" onClick={() => go('/track')}>查询进度</button>
      </div>
    </section>
  );
}
