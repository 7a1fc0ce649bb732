import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, findQuantities } from './numbers.ts';
import { extractEntities, luhn } from './entities.ts';
import { analyze } from './analyze.ts';
import { extractFigures } from './figures.ts';
import { scamCheck } from './scam-check.ts';

const q = (s: string) => findQuantities(s).map((x) => ({ value: x.value, measure: x.measure, approx: x.approx, masked: x.masked }));
const kinds = (s: string) => extractEntities(s).map((e) => [e.kind, e.normalized]);

describe('numbers', () => {
  it('reads Chinese numerals and units', () => {
    expect(parseChineseNumeral('二十三万')).toBe(230000);
    expect(parseChineseNumeral('一千二百零五')).toBe(1205);
    expect(parseChineseNumeral('十五')).toBe(15);
    expect(parseChineseNumeral('三亿五千万')).toBe(350000000);
    expect(parseChineseNumeral('abc')).toBeNull();
  });
  it('normalises every written form to a value, with 余/多/近 as approx', () => {
    expect(q('二十三万元')).toEqual([{ value: 230000, measure: '元', approx: false, masked: false }]);
    expect(q('1.5亿元')).toEqual([{ value: 150000000, measure: '元', approx: false, masked: false }]);
    expect(q('3000余万元')).toEqual([{ value: 30000000, measure: '元', approx: true, masked: false }]);
    expect(q('236.5万元')).toEqual([{ value: 2365000, measure: '元', approx: false, masked: false }]);
    expect(q('1.2万余份')).toEqual([{ value: 12000, measure: '份', approx: true, masked: false }]);
    expect(q('近百人')).toEqual([{ value: 100, measure: '人', approx: true, masked: false }]);
    expect(q('１２３家')).toEqual([{ value: 123, measure: '家', approx: false, masked: false }]);
    expect(q('1,200元')).toEqual([{ value: 1200, measure: '元', approx: false, masked: false }]);
  });
  it('marks masked numbers and never guesses them', () => {
    expect(q('X万元')).toEqual([{ value: null, measure: '元', approx: false, masked: true }]);
    expect(q('**家')[0]).toMatchObject({ value: null, masked: true });
    expect(q('202_年')[0]).toMatchObject({ value: null, masked: true });
    expect(q('x条')[0]).toMatchObject({ masked: true });
  });
});

describe('entities', () => {
  it('finds phones, credit codes (check digit verified), cards (Luhn), ids and URLs', () => {
    expect(kinds('电话13912345678或0535-8123456')).toEqual([['mobile', '13912345678'], ['landline', '05358123456']]);
    expect(kinds('代码91350100M000100Y43')).toEqual([['uscc', '91350100M000100Y43']]);
    expect(kinds('代码91350100M000100Y44')).toEqual([]); // wrong check character
    expect(luhn('6222021234567890128')).toBe(true);
    expect(kinds('卡号6222021234567890128')).toEqual([['bank_card', '6222021234567890128']]);
    expect(kinds('卡号6222021234567890123')).toEqual([]);
    expect(kinds('加微信号：laowang_888 或QQ：12345678')).toEqual([['wechat', 'laowang_888'], ['qq', '12345678']]);
    expect(kinds('详见 https://example.cn/a?b=1 网址')).toEqual([['url', 'example.cn/a?b=1']]);
  });
  it('finds organisations, money, dates and addresses, normalised for linking', () => {
    const e = extractEntities('我在福寿康养老服务有限公司交了3万元，2024年3月5日签的合同，地址烟台市芝罘区南大街100号。');
    expect(e.map((x) => [x.kind, x.value, x.normalized])).toEqual([
      ['organization', '福寿康养老服务有限公司', '福寿康养老服务公司'],
      ['money', '3万元', '30000'],
      ['date', '2024年3月5日', '2024-03-05'],
      ['address', '烟台市芝罘区南大街100号', '烟台市芝罘区南大街100号'],
    ]);
    const text = '我在福寿康养老服务有限公司交了3万元';
    for (const x of e.slice(0, 2)) expect(text.slice(x.start, x.end)).toBe(x.value);
  });
});

describe('analysis, self-check and figures', () => {
  it('ranks fraud types with reasons and finds nothing in ordinary text', () => {
    const a = analyze('有人以投资养老公寓为名，承诺保本保息、年化收益18%，我父亲投了十万元，现在公司人去楼空。');
    expect(a.fraudTypes[0].code).toBe('elderly_project');
    expect(a.fraudTypes[0].confidence).toBeGreaterThan(0.5);
    expect(a.redFlags.map((f) => f.code)).toEqual(expect.arrayContaining(['guaranteed', 'high_return']));
    expect(a.redFlags.find((f) => f.code === 'guaranteed')!.quote).toBe('保本');
    expect(analyze('明天上午九点社区召开居民大会，请各位居民准时参加。').fraudTypes).toEqual([]);
  });
  it('red flags the signs domain.md names', () => {
    const codes = (s: string) => analyze(s).redFlags.map((f) => f.code);
    expect(codes('先交三万元床位费')).toContain('prepaid_fee');
    expect(codes('免费体检还送鸡蛋')).toContain('free_bait');
    expect(codes('把房产证抵押出去')).toContain('house_mortgage');
    expect(codes('可以帮您代缴社保')).toContain('pension_agency');
    expect(codes('北京协和的专家来坐诊')).toContain('fake_hospital');
    expect(codes('限时优惠只有今天')).toContain('limited_time');
    expect(codes('千万不要告诉子女')).toContain('secrecy');
  });
  it('grades a pitch for the public self-check', () => {
    expect(scamCheck('保本保息，年化收益18%，不要告诉子女').riskLevel).toBe('high');
    expect(scamCheck('周六社区卫生服务中心为老人量血压，请带医保卡。').riskLevel).toBe('none');
    expect(scamCheck('免费领鸡蛋').riskLevel).toBe('low');
  });
  it('reads links, threats and fees in the most common scam messages, each named, and calls them very likely scams', () => {
    const messages = [
      '【社保中心】您的养老金资格认证已逾期，请于24小时内点击 http://sbzx-rz.cn/a 完成认证并缴纳手续费30元，逾期将停发养老金。',
      '【人社局】尊敬的参保人：您的养老金待遇资格未认证，将于明日停发养老金。请点击链接 t.cn/A6xYz 认证，需交认证费50元。',
      '您好，您的医保卡已被冻结，请登录 www.yb-gov.top 解冻，需缴纳解冻费200元，否则将影响报销。',
      '高龄补贴领取通知：点击 https://gaoling-butie.vip/lq 填写银行卡号，先交工本费20元，逾期视为自动放弃，补贴作废。',
      'Your pension is suspended. 点击 HTTP://PENSION-CN.XYZ/verify 否则停发养老金',
    ];
    for (const m of messages) {
      const r = scamCheck(m);
      expect(r.riskLevel, m).toBe('high');
      expect(r.redFlags.map((f) => f.code), m).toEqual(expect.arrayContaining(['link', 'threat']));
      // Each sign comes with the words that raised it and plain words on what it means.
      for (const f of r.redFlags) expect(m.toLowerCase(), f.code).toContain(f.quote.toLowerCase());
      expect(r.redFlags.every((f) => f.explain.length > 10)).toBe(true);
      expect(r.advice.join('')).toContain('不要点开短信、微信里的陌生链接');
    }
    const first = scamCheck(messages[0]);
    expect(Object.fromEntries(first.redFlags.map((f) => [f.code, f.quote]))).toMatchObject({ link: 'http://sbzx-rz.cn/a', threat: '逾期将停发养老金', fee: '缴纳手续费30元' });
    expect(first.redFlags.map((f) => f.label)).toEqual(expect.arrayContaining(['陌生链接', '以停发、冻结相威胁', '要求先交钱']));
    expect(first.advice.join('')).toContain('12333');
    // A threat and a fee without a link, or a link and a fee, are the same scam.
    expect(scamCheck('您的养老金资格认证过期了，需要交三百元重新认证，否则就停发养老金。').riskLevel).toBe('high');
    expect(scamCheck('点击 www.butie-ling.top 领取慰问金，需先支付手续费').riskLevel).toBe('high');
  });
  it('does not call one such sign in an ordinary notice a scam', () => {
    // A real pension notice warns that an unverified pension stops; a government site is named; a fee is due.
    expect(['none', 'low']).toContain(scamCheck('请于6月30日前完成养老金资格认证，逾期将暂停发放。可通过国家社会保险公共服务平台或到社区办理。').riskLevel);
    expect(['none', 'low']).toContain(scamCheck('详情请登录国家政务服务平台 www.gov.cn 查询。').riskLevel);
    expect(scamCheck('本月物业费请于30日前缴纳，谢谢配合。').riskLevel).toBe('none');
    expect(scamCheck('我的邮箱是 zhang@qq.com，有事发邮件').redFlags).toEqual([]);
    expect(scamCheck('这个月药费花了3.5万元，v2.0版本的说明书在盒子里').redFlags.map((f) => f.code)).not.toContain('link');
  });
  it('extracts figures with indicator keys, keeps masked ones apart, skips dates, ages and phones', () => {
    const r = extractFigures('累计挽回经济损失350余万元；排查养老机构215家；发放宣传折页1.2万余份。2023年5月，70岁以上老人X人参加，咨询电话13812345678，第3次会议。');
    expect(r.figures.map(({ indicator, value, approx, subject }) => ({ indicator, value, approx, subject }))).toEqual([
      { indicator: 'amount_recovered_yuan', value: 3500000, approx: true, subject: null },
      { indicator: 'entities_screened', value: 215, approx: false, subject: '养老机构' },
      { indicator: 'materials_distributed', value: 12000, approx: true, subject: null },
    ]);
    expect(r.masked).toEqual(['70岁以上老人X人参加']);
  });
  it('has a rule for the tip outcomes and the institution count of the catalogue, and reads 册/场次', () => {
    const r = extractFigures('按期办结12条，超期线索2条，查实5条，反馈满意9条；现有养老机构87家；发放手册800册；开展活动6场次。');
    expect(r.figures.map((f) => `${f.indicator}=${f.value}`)).toEqual([
      'tips_closed_on_time=12', 'tips_overdue=2', 'tips_true=5', 'reporter_satisfied=9', 'institutions_count=87', 'materials_distributed=800', 'publicity_events=6',
    ]);
  });
  it('stays sane on hostile input', () => {
    for (const s of ['😀😀😀 骗子 🙏', '<script>alert(1)</script> 保本保息', "'; drop table tips; -- 代缴社保", 'a'.repeat(100_000), '混合 scripts Ελληνικά العربية 保健品 高血压']) {
      const a = analyze(s);
      expect(Array.isArray(a.fraudTypes)).toBe(true);
      expect(a.entities.every((e) => e.end <= s.length)).toBe(true);
    }
  });
});
