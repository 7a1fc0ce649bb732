import { describe, expect, it } from 'vitest';
import { assignFolds, groupItems, inventedDev, realDevItems, relativeWeights, sourceGroup, synthSets } from '../../../bench/intel-groups.ts';
import { loadReal, type RealCase, type RealOrdinary } from './evaluate-detection.ts';
import { ngrams, normalize, PLACEHOLDER, readForModel, readWithModel, type ModelWeights } from './model.ts';

/** Session 11: how the model reads a text (model.ts readForModel), pinned with real DEV sentences. */
const scam = (id: string) => loadReal<RealCase>('scams', 'dev').find((r) => r.id === id)!.text;
const ordinary = (id: string) => loadReal<RealOrdinary>('ordinary', 'dev').find((r) => r.id === id)!.text;
const { url: U, phone: P, money: M } = PLACEHOLDER;

describe('the model reading of a text', () => {
  it('without options reads as the shipped model was trained: lower case, every digit 0, spaces dropped', () => {
    expect(normalize(ordinary('o338'))).toBe('您尾号0000的账户入账人民币000000.00元');
    expect(readForModel(scam('m073'))).toBe(normalize(scam('m073')));
    expect(readForModel(scam('m073'))).toContain('点击t.cn/a0zx0wgg完成办理');
  });

  it('with placeholders: a link is one character, whatever its address (m073, m061, m100)', () => {
    expect(readForModel(scam('m073'), { placeholders: true })).toContain(`点击${U}完成办理`);
    expect(readForModel(scam('m061'), { placeholders: true })).toContain(`请您登录:${U}领取`);
    expect(readForModel(scam('m100'), { placeholders: true })).toContain(`请登入我行网站${U}进行升级激活`);
  });

  it('with placeholders: phone numbers, masked or not, are one character (m052, m033, m151)', () => {
    expect(readForModel(scam('m052'), { placeholders: true })).toContain(`详情请拨:${P}咨询社保局`);
    expect(readForModel(scam('m033'), { placeholders: true })).toContain(`银行卡务部联系:${P}`);
    expect(readForModel(scam('m151'), { placeholders: true })).toContain(`联系电话:${P}。`);
  });

  it('with placeholders: sums of money in digits or Chinese numerals are one character; other digits one 0', () => {
    expect(readForModel(scam('m033'), { placeholders: true })).toContain(`收年费${M}整`);
    expect(readForModel(scam('m061'), { placeholders: true })).toContain(`可兑换${M},`);
    // A date is digits, not money: 2012年2月24日 → 0年0月0日; the account tail 6598 → 0.
    expect(readForModel(scam('m052'), { placeholders: true })).toContain('0年0月0日紧急通知');
    expect(readForModel(ordinary('o338'), { placeholders: true })).toBe(`您尾号0的账户入账人民币${M}`);
    // A count of people is not a sum of money.
    expect(readForModel('涉案5万人', { placeholders: true })).toBe('涉案0万人');
  });

  it('reads a text with the weights exactly as training took its n-grams (same reading shipped in the file)', () => {
    const text = scam('m052');
    const reading = { placeholders: true };
    const grams = [...ngrams(text, reading).keys()];
    expect(grams).toContain(P);
    // Every n-gram weighs 1 for fraud: z = n / √n = √n, so p = sigmoid(√n) exactly when both read the same n-grams.
    const m: ModelWeights = { version: 1, trainedOn: 'test', fraudBias: 0, typeBias: [0, 0, 0, 0, 0, 0], features: Object.fromEntries(grams.map((g) => [g, [1, 0, 0, 0, 0, 0, 0]])), reading };
    expect(readWithModel(m, text).pFraud).toBeCloseTo(1 / (1 + Math.exp(-Math.sqrt(grams.length))), 10);
    // The same weights without the reading (an old model file) do not see the placeholder.
    const old = { ...m, reading: undefined };
    expect(readWithModel(old, text).pFraud).toBeLessThan(readWithModel(m, text).pFraud);
  });
});

describe('groups for grouped cross-validation (bench/intel-groups.ts)', () => {
  it('groups a source by its registrable domain, a repository by its owner', () => {
    expect(sourceGroup('https://xm.fjsen.com/2019-01/01/content.htm')).toBe('fjsen.com');
    expect(sourceGroup('http://hebei.sina.com.cn/news/x.shtml')).toBe('sina.com.cn');
    expect(sourceGroup('https://m.news.shi-fen.com/a/1')).toBe('shi-fen.com');
    expect(sourceGroup('https://github.com/Auto-Accounting/AutoResource/blob/x')).toBe(sourceGroup('https://github.com/AutoAccountingOrg/AutoRule/y'));
  });

  it('joins two sources that share one Chinese sentence, not two that share a date stamp', () => {
    const item = (id: string, source: string, text: string) => ({ id, source, text, kind: 'ordinary' as const, label: null, fraud: 0 as const, type: null });
    const shared = '预警信息来源国家预警信息发布中心请注意防范';
    const g = groupItems([item('a', 'https://a.example.cn/1', `甲地发布暴雨蓝色预警。${shared}`), item('b', 'https://b.example.org/2', `乙地发布大风黄色预警。${shared}`)]);
    expect(g[0]).toBe(g[1]);
    const d = groupItems([item('c', 'https://c.example.cn/1', '2021年03月05日10:30，社区通知领取鸡蛋。'), item('d', 'https://d.example.org/2', '2021年03月05日10:30，医院提醒复诊。')]);
    expect(d[0]).not.toBe(d[1]);
  });

  it('never splits a group across folds, on the real dev texts', () => {
    const items = realDevItems();
    const groups = groupItems(items);
    const fold = assignFolds(items, groups, 5);
    const foldOf = new Map<string, number>();
    groups.forEach((g, i) => {
      expect(foldOf.get(g) ?? fold[i]).toBe(fold[i]);
      foldOf.set(g, fold[i]);
    });
    expect(new Set(fold).size).toBe(5);
  });
});

describe('training weights (bench/train-intel.ts)', () => {
  it("'messages': the scam messages weigh half the fraud class, the classes weigh the same, the total is the number of texts", async () => {
    const { devExamples, exampleWeights } = await import('../../../bench/train-intel.ts');
    const ex = devExamples();
    const pos = ex.filter((e) => e.fraud).length;
    const cw = (y: number) => (y ? ex.length / (2 * pos) : ex.length / (2 * (ex.length - pos)));
    const w = exampleWeights(ex, 'messages', cw);
    const sum = (f: (i: number) => boolean) => w.reduce((s, x, i) => s + (f(i) ? x : 0), 0);
    expect(sum(() => true)).toBeCloseTo(ex.length, 6);
    expect(sum((i) => ex[i].fraud === 1)).toBeCloseTo(ex.length / 2, 6);
    expect(sum((i) => ex[i].kind === 'scams')).toBeCloseTo(ex.length / 4, 6);
    expect(exampleWeights(ex, 'balanced', cw)).toEqual(ex.map((e) => cw(e.fraud)));
  });
});

describe('session 12 training options against the topic bias (bench/train-intel.ts)', () => {
  const ex = [
    { text: '老人被骗养老钱', fraud: 1 as const, type: 3, kind: 'cases' },
    { text: '老人被骗存款', fraud: 1 as const, type: 3, kind: 'cases' },
    { text: '点击链接领取补贴', fraud: 1 as const, type: null, kind: 'scams' },
    { text: '老人领取养老金', fraud: 0 as const, type: null, kind: 'ordinary' },
    { text: '明天停水通知', fraud: 0 as const, type: null, kind: 'ordinary' },
  ];
  it('fraudScale multiplies a collection and keeps each class total; absent, the weights are unchanged', async () => {
    const { scaleKinds } = await import('../../../bench/train-intel.ts');
    const w = [1, 1, 2, 1, 1];
    expect(scaleKinds(ex, w)).toBe(w);
    const s = scaleKinds(ex, w, { cases: 0.5 });
    expect(s[0] + s[1] + s[2]).toBeCloseTo(4, 10);
    expect(s[0] / s[2]).toBeCloseTo(0.25, 10);
    expect(scaleKinds(ex, w, { cases: 0 }).slice(0, 3)).toEqual([0, 0, 4]);
  });
  it('without options every n-gram has scale 1 and L2 1; topicDrop removes the n-grams both classes use (老人)', async () => {
    const { fraudFeatureScales, TRAIN_OPTIONS } = await import('../../../bench/train-intel.ts');
    const { ngrams } = await import('./model.ts');
    const vocab = [...new Set(ex.flatMap((e) => [...ngrams(e.text).keys()]))].sort();
    const X = ex.map((e) => ({ ids: [...ngrams(e.text).keys()].map((g) => vocab.indexOf(g)) }));
    // The shipped options (session 12) scale features; these checks start from none.
    const base = { ...TRAIN_OPTIONS, topicL2: undefined, featureScale: undefined };
    const plain = fraudFeatureScales(ex, X, vocab.length, base);
    expect([...plain.s, ...plain.l2].every((x) => x === 1)).toBe(true);
    const drop = fraudFeatureScales(ex, X, vocab.length, { ...base, topicDrop: 0.3 });
    expect(drop.s[vocab.indexOf('老人')]).toBe(0);
    expect(drop.s[vocab.indexOf('被骗')]).toBe(1);
    const l2 = fraudFeatureScales(ex, X, vocab.length, { ...base, topicL2: 1 });
    expect(l2.l2[vocab.indexOf('老人')]).toBeGreaterThan(l2.l2[vocab.indexOf('点击')]);
    expect(l2.l2[vocab.indexOf('点击')]).toBe(1);
    // topicWords: only Han 2–3-grams are suppressed, single characters keep their L2.
    const words = fraudFeatureScales(ex, X, vocab.length, { ...base, topicL2: 1, topicWords: true }, vocab);
    expect(words.l2[vocab.indexOf('老人')]).toBeGreaterThan(1);
    expect(l2.l2[vocab.indexOf('老')]).toBeGreaterThan(1);
    expect(words.l2[vocab.indexOf('老')]).toBe(1);
  });
  it('hardNegatives: an ordinary text on the reports\' topic (养老) weighs more than one off it; the class keeps its total', async () => {
    const { hardNegatives } = await import('../../../bench/train-intel.ts');
    const { ngrams } = await import('./model.ts');
    const vocab = [...new Set(ex.flatMap((e) => [...ngrams(e.text).keys()]))].sort();
    const X = ex.map((e) => ({ ids: [...ngrams(e.text).keys()].map((g) => vocab.indexOf(g)) }));
    const w = [1, 1, 2, 1, 1];
    expect(hardNegatives(ex, X, vocab.length, w, undefined, vocab)).toBe(w);
    const h = hardNegatives(ex, X, vocab.length, w, 2, vocab);
    expect(h[3]).toBeGreaterThan(h[4]);
    expect(h[3] + h[4]).toBeCloseTo(2, 10);
    expect(h.slice(0, 3)).toEqual([1, 1, 2]);
  });
  it('a message head (8th weight) gives p for short texts only; the type head is shared', () => {
    const m: ModelWeights = { version: 1, trainedOn: 'test', fraudBias: 0, typeBias: [0, 0, 0, 0, 0, 0], features: { 养老: [2, 1, 0, 0, 0, 0, 0, -2] }, messageHead: { bias: 0, maxLength: 10 } };
    expect(readWithModel(m, '养老').pFraud).toBeLessThan(0.5);
    expect(readWithModel(m, '养老'.repeat(6)).pFraud).toBeGreaterThan(0.5);
    expect(readWithModel(m, '养老').types[0].code).toBe(readWithModel({ ...m, messageHead: undefined }, '养老').types[0].code);
    expect(readWithModel({ ...m, messageHead: undefined }, '养老').pFraud).toBeGreaterThan(0.5);
  });
});

describe('invented training sets of session 12 (bench/intel-groups.ts synthSets)', () => {
  it('are what the shipped model was trained with by default, none when INTEL_SYNTH=none; training texts only (no source), of their own kinds', () => {
    if (process.env.INTEL_SYNTH === undefined) expect([...synthSets()].sort()).toEqual(['all', 'cases', 'ordinary', 'scams', 'scams-as-real']);
    expect(synthSets('none').size).toBe(0);
    const kinds = (ex: { kind?: string }[]) => new Set(ex.map((e) => e.kind));
    expect(kinds(inventedDev(synthSets('')))).toEqual(new Set(['tips', 'nonfraud']));
    const all = inventedDev(synthSets('all'));
    expect(kinds(all)).toEqual(new Set(['tips', 'nonfraud', 'synth-scams', 'synth-ordinary', 'synth-cases']));
    expect(all.filter((e) => e.kind === 'synth-scams').length).toBeGreaterThanOrEqual(200);
    expect(all.filter((e) => e.kind === 'synth-ordinary').length).toBeGreaterThanOrEqual(200);
    expect(all.every((e) => !('source' in e))).toBe(true);
    expect(all.filter((e) => e.kind === 'synth-cases').every((e) => e.type !== null)).toBe(true);
    expect(kinds(inventedDev(synthSets('scams,scams-as-real')))).toEqual(new Set(['tips', 'nonfraud', 'scams']));
  });

  it("copy no real dev text: no 16-character run with 12 Han characters in common (a bank's fixed opening such as 【农业银行】您尾号0000账户 is not a copy)", () => {
    const runs = new Set<string>();
    for (const it of realDevItems()) { const t = readForModel(it.text); for (let k = 0; k + 16 <= t.length; k++) runs.add(t.slice(k, k + 16)); }
    const shared = inventedDev(synthSets('all')).filter((e) => e.kind?.startsWith('synth-')).filter((e) => {
      const t = readForModel(e.text);
      for (let k = 0; k + 16 <= t.length; k++) if (runs.has(t.slice(k, k + 16)) && (t.slice(k, k + 16).match(/\p{Script=Han}/gu) ?? []).length >= 12) return true;
      return false;
    });
    expect(shared.map((e) => e.text)).toEqual([]);
  });

  it('relative weights scale the weighted texts and keep each class total', () => {
    const ex = [
      { text: 'a', fraud: 1 as const, type: null }, { text: 'b', fraud: 1 as const, type: null, weight: 0.5 },
      { text: 'c', fraud: 0 as const, type: null }, { text: 'd', fraud: 0 as const, type: null, weight: 0.5 },
    ];
    const w = relativeWeights(ex, [1, 1, 2, 2]);
    expect(w[0] + w[1]).toBeCloseTo(2, 9);
    expect(w[2] + w[3]).toBeCloseTo(4, 9);
    expect(w[1] / w[0]).toBeCloseTo(0.5, 9);
    expect(relativeWeights(ex.map(({ weight: _, ...e }) => e), [1, 1, 2, 2])).toEqual([1, 1, 2, 2]);
  });
});
