import { describe, expect, it } from 'vitest';
import { flagged as isFlagged, loadReal, type RealCase, type RealOrdinary } from './evaluate-detection.ts';
import { loadModel, ngrams, normalize, readWithModel, type ModelWeights } from './model.ts';
import { TYPE_WORDS } from './lexicon.ts';
import { toSimplified } from './simplify.ts';
import { CONSTRUCTED_ORDINARY, CONSTRUCTED_SCAMS, PROBE_ORDINARY, PROBE_SCAMS } from './constructed-lookalikes.ts';
import { combineLevel, DEFAULT_CALIBRATION, findMoves, isShort, judge, ONE_SMS, typeCues, typeText, type Level } from './verdict.ts';

/**
 * Detection pinned with real DEV texts (data/real/, docs/intel.md), each cited by id. Pure and fast:
 * no database. `judge(text, null)` is the rules alone — what the explainable part decides by itself.
 */
const byId = new Map<string, { text: string }>();
for (const f of ['cases', 'scams', 'ordinary'] as const) for (const r of loadReal<RealCase | RealOrdinary>(f, 'dev')) byId.set(r.id, r);
const text = (id: string) => byId.get(id)!.text;
const flagged = (level: Level) => isFlagged({ level });

describe('real ordinary messages are not called scams', () => {
  it('reads a verification-code SMS that warns "请勿泄露" as a warning, not a request for the code (o083, o086, o090, o150)', () => {
    for (const id of ['o083', 'o086', 'o090', 'o150']) {
      const v = judge(text(id));
      expect(v.signs.map((s) => s.code), id).not.toContain('transfer_request');
      expect(v.level, id).toBe('none');
    }
  });
  it('does not take a warning against fraud for harm done (o147: 别人包括客服要验证码是骗子)', () => {
    expect(flagged(judge(text('o147')).level)).toBe(false);
  });
  it('does not read a bank receipt of a transfer (汇款转出) as a request to send money (o115, o158)', () => {
    for (const id of ['o115', 'o158']) expect(judge(text(id), null).signs, id).toEqual([]);
  });
  it('keeps a real hospital appointment with a link and a famous hospital name below a warning (o093)', () => {
    const v = judge(text('o093'));
    expect(v.signs.map((s) => s.code).sort()).toEqual(['fake_hospital', 'link']);
    expect(['low', 'none']).toContain(v.level);
  });
  it('keeps one threat in a real operator notice ("逾期未激活则视为放弃") at 需要留心 (o081)', () => {
    expect(judge(text('o081')).level).toBe('low');
  });
  it('flags no dev ordinary message high or medium (the eighth and tenth collections\' model-only false alarms gone with the session-12 model, the twelfth collection\'s four fixed after the reading)', () => {
    // The known false alarms of the fifth collection (o176, o328, o374, o380–o383) pass since the
    // warning-frame rule ("Warnings are not the scam", docs/intel.md); pinned one by one below.
    // The eighth collection (session 11), read as the analysis stood before any change: 7 of its 65 dev
    // messages are 有骗局的迹象 from the shipped model alone, with no sign — elders, pensions, family, the
    // fraud class's topics. The model trained with them was refused by the held-out gate (docs/intel.md,
    // "Eighth collection"), so they stay known until a model that passes it; any other one fails here.
    // The tenth collection (session 12, topic look-alikes) read as the analysis stood: 7 of its 59 dev texts
    // flagged — five warnings (o532, o534, o577, o604, o613, fixed by the broader warning frame below) and two by
    // the model alone (o544 a 尊老金 explanation, o607 a clerk's "曾大爷,您的问题处理好了吗"), known like the eighth's.
    // Session 12's model was trained on all of them (dev, so in-sample) and flags none; the held-out rate is in
    // docs/intel.md ("The write gate, session 12"). With the rules alone none is flagged either.
    // The eleventh collection (session 13) read as the analysis stood: 1 of its 15 dev ordinary texts is flagged by the
    // shipped model alone, with no sign — o646, a community worker's words while helping an elder through a 社保
    // 认证 on the phone ("您看这里,屏幕上有几个数字…这样就认证成功了"). Since "Short texts and the model alone" (session 13)
    // a text of one SMS's length with no sign is unsure, not flagged, whatever the model says: o646 is unsure.
    // The twelfth collection (session 14, ordinary look-alikes) read once as the analysis stood, no rule written from it:
    // 4 of its 15 dev texts are flagged, the same with the rules alone — known until a later session reads them on
    // new items (docs/intel.md, "Twelfth collection (session 14): ordinary messages"). o657 a 中国移动 order
    // confirmation that asks for its own 随机验证码 (过户 in "转品牌销户、过户、离网" read as a house pledge); o660 a
    // 交通委 Q&A quoting "ETC已停用" as the scam's words; o678 a WeChat Pay notice that a shop "退还了你的转账";
    // o684 a hospital's statement "任何要求提供账户并转账的电话均为诈骗" (no sign, medium by its talk of fraud).
    // Fixed later in session 14, after this release's held-out reading, by four general readings (the last describe block
    // below; docs/intel.md, "Fixes after the reading (session 14)"): none is known any more.
    const known: string[] = [];
    const bad = loadReal<RealOrdinary>('ordinary', 'dev').filter((o) => flagged(judge(o.text).level)).map((o) => o.id);
    expect(bad).toEqual(known);
    expect(judge(text('o646'), null).signs).toEqual([]);
    expect(judge(text('o646')).level).toBe('unsure');
    expect(loadReal<RealOrdinary>('ordinary', 'dev').filter((o) => flagged(judge(o.text, null).level)).map((o) => o.id)).toEqual(known);
  });
  it('reads the tenth collection\'s warnings as warnings: advice between people, a clerk\'s 防诈 talk, a bank\'s statement (o532, o534, o577, o604, o613)', () => {
    for (const id of ['o532', 'o534', 'o577', 'o604']) {
      const v = judge(text(id));
      expect(v.signs, id).toEqual([]);
      expect(v.level, id).toBe('none');
    }
    // ICBC's statement: "不会…要求其将资金转入某指定账户" is disarmed, its own www.icbc.com.cn is no strange link.
    expect(judge(text('o613')).signs).toEqual([]);
    expect(flagged(judge(text('o613')).level)).toBe(false);
  });
  it('keeps the pitch when a scam borrows the warning words (a case put to the reader, a denial after it)', () => {
    // A frame's disarming reads only the sign's own clause and sentence: a pitch in its own sentence stays.
    const pitch = judge('谨防诈骗！凡是陌生来电都要核实。您的社保卡已冻结，请立即点击 http://sb-12333.top 重新认证。', null);
    expect(pitch.signs.map((s) => s.code)).toEqual(expect.arrayContaining(['account_stopped', 'link']));
    expect(flagged(pitch.level)).toBe(true);
    // A real scam that ends "切勿泄露" after asking for the code outside any frame keeps its request (m-style).
    expect(judge('【工商银行】您的电子密码器已过期，请回复验证码完成升级，切勿泄露给他人。', null).signs.map((s) => s.code)).toContain('transfer_request');
  });
  it('review, session 12 (invented strings): official places are no move; a scam\'s "谨防诈骗" tail disarms nothing; a sum is no hotline; a family message naming a sum is no scam', () => {
    const level = (t: string) => judge(t, null).level;
    // Real notices to elders, the institution's own channel named beside the action: not a scam.
    for (const t of ['【交管12123】您的车辆有1条违章记录未处理，请登录交管12123App查询并缴纳罚款。', '今年高龄补贴开始发放，请凭身份证和银行卡到村委会登记领取。',
      '有退税的纳税人请登录国家税务总局网站办理。', '银行卡办理信用卡免手续费，补贴活动进行中。']) expect(flagged(level(t)), t).toBe(false);
    // Scams that end with the boilerplate "谨防诈骗": still scams, their pitch kept.
    for (const t of ['您的银行卡被盗刷，请不要慌，遇到这种情况请立即将资金转到安全账户，记住谨防诈骗。', '【社保局】接到本短信的退休人员请点击链接 sb-rz.cc 认证领取养老补贴，逾期停发。提醒：谨防诈骗。',
      '任何时候都可以领取补贴，请添加微信领取。谨防诈骗提醒。']) expect(level(t), t).toBe('high');
    // "12000元" is a sum, not the 12xxx hotline that would make the number to ring official.
    expect(judge('您的社保卡已冻结，请致电13812345678处理，内有余额12000元。', null).signs.map((s) => s.code)).toContain('off_channel');
    for (const t of ['妈，我到家了，今天买菜花了50元', '爸，今天发工资了，给您转了2000元']) expect(judge(t, null).signs, t).toEqual([]);
  });
  it('does not call an institution\'s own web address a strange link, but keeps look-alikes (o089, o329, o566; m061, m062, m100)', () => {
    for (const id of ['o089', 'o329', 'o566']) expect(judge(text(id)).signs.map((s) => s.code), id).not.toContain('link');
    for (const id of ['m061', 'm062', 'm100']) expect(judge(text(id)).signs.map((s) => s.code), id).toContain('link');
    expect(judge('请登录 https://www.icbc.com.cn.verify-top.xyz/login 升级', null).signs.map((s) => s.code)).toContain('link');
    expect(judge('详情见 http://rsj.wuhan.gov.cn/xxgk/ 公告', null).signs.map((s) => s.code)).not.toContain('link');
  });
  it('does not read "农民朋友,都有一张社会保障卡" (a half-width comma) as money to another person\'s card (o498)', () => {
    expect(judge(text('o498')).signs.map((s) => s.code)).not.toContain('third_party_card');
    expect(judge('我同学的卡上，你把钱打过去就行', null).signs.map((s) => s.code)).toContain('third_party_card');
  });
  it('does not read a fee waived or a water bill paid by bank as a scam sign (o286, o269)', () => {
    expect(judge(text('o286')).signs.map((s) => s.code)).not.toContain('official_impersonation');
    expect(judge(text('o269')).signs.map((s) => s.code)).not.toEqual(expect.arrayContaining(['pension_agency']));
    expect(judge('请先缴纳工本费200元，才能领取养老补贴。', null).signs.map((s) => s.code)).toContain('official_impersonation');
  });
  it('counts a web address and "登陆网站" beside it as one request (o175)', () => {
    expect(flagged(judge(text('o175')).level)).toBe(false);
  });
});

describe('real scam messages, read by the rules alone', () => {
  it('names the fake relative or landlord who changed numbers and wants money on a card (m021, m023, m051)', () => {
    for (const id of ['m021', 'm023', 'm051']) {
      const v = judge(text(id), null);
      expect(v.level, id).toBe('high');
      expect(v.signs.map((s) => s.code), id).toEqual(expect.arrayContaining(['transfer_request']));
    }
    expect(judge(text('m051'), null).signs.find((s) => s.code === 'new_number')!.quote).toBe('我是房东');
  });
  it('reads a card or pass "already stopped" with a website to re-register as the scam message (m005, m010, m035)', () => {
    for (const id of ['m005', 'm010', 'm035']) {
      const v = judge(text(id), null);
      expect(v.level, id).toBe('high');
      expect(v.signs.map((s) => s.code), id).toContain('account_stopped');
    }
    expect(judge(text('m005'), null).signs.find((s) => s.code === 'website')!.quote).toBe('***.***.cn');
  });
  it('reads traditional script and quotes it as written (m002: 您的ETC賬戶将于明日到期…請登錄網站)', () => {
    const v = judge(text('m002'), null);
    expect(Object.fromEntries(v.signs.map((s) => [s.code, s.quote]))).toMatchObject({ account_stopped: 'ETC賬戶将于明日到期', website: '登錄網站' });
    for (const s of v.signs) expect(text('m002')).toContain(s.quote);
  });
  it('says 留心 rather than a firm no for a bare windfall (m030: 信用卡额度…提升), and advises checking', () => {
    const v = judge(text('m030'), null);
    expect(v.signs.map((s) => s.code)).toEqual(['windfall']);
    expect(v.level).toBe('low');
    expect(v.summary).toContain('额度');
  });
  it('reads a lost parcel as the pretext and the compensation promised for it as the bait: two signs (m026: 快递丢失…双倍赔付; session 10)', () => {
    const v = judge(text('m026'), null);
    expect(Object.fromEntries(v.signs.map((s) => [s.code, s.quote]))).toEqual({ windfall: '双倍赔付', parcel_claim: '快递丢失' });
    expect(v.level).toBe('high');
    // A lost parcel with no bait stays a single sign.
    expect(judge('您好，您的快递丢失了，请联系客服处理。', null).level).toBe('low');
  });
});

describe('real elderly-fraud cases', () => {
  it('calls reports of harm with a scheme risky even without a pitch word (c003 爆雷, c086 traditional 詐騙/犯罪)', () => {
    expect(judge(text('c003'), null)).toMatchObject({ level: 'medium', harm: '爆雷' });
    const v = judge(text('c086'), null);
    expect(flagged(v.level)).toBe(true);
    expect(text('c086')).toContain(v.harm!);
  });
  it('follows the labelling guide\'s order for the six types (c012 以房养老, c006 办社保, c016 补发工资, c080 惠民补贴卡, c053 治疗仪)', () => {
    const top = (id: string) => judge(text(id), null).fraudTypes[0]?.code;
    expect(top('c012')).toBe('house_for_pension');
    expect(top('c006')).toBe('pension_insurance');
    expect(top('c016')).toBe('elderly_assistance');
    expect(top('c080')).toBe('elderly_assistance');
    expect(top('c053')).toBe('elderly_product');
  });
  it('with the model, reads a bed paid for with a promised subsidy as 养老项目 (c030), a bed reserved as 养老服务 (c024)', () => {
    expect(judge(text('c030')).fraudTypes[0].code).toBe('elderly_project');
    expect(judge(text('c024')).fraudTypes[0].code).toBe('elderly_service');
  });
});

describe('issue 14, second collection: the failure kinds met in the new dev scam messages and cases', () => {
  const codes = (id: string) => judge(text(id), null).signs.map((s) => s.code);
  const quoteOf = (id: string, code: string) => judge(text(id), null).signs.find((s) => s.code === code)?.quote;
  it('reads the 银联 charge you did not make, with a number to call, as the scam SMS (m067 traditional, m068)', () => {
    for (const id of ['m067', 'm068']) {
      expect(judge(text(id), null).level, id).toBe('high');
      expect(codes(id), id).toEqual(expect.arrayContaining(['fake_charge', 'callback']));
    }
    expect(quoteOf('m068', 'fake_charge')).toBe('刷卡消費9126元已確認');
    expect(quoteOf('m068', 'callback')).toBe('如有疑問請咨詢:82147005');
  });
  it('does not take a real bank\'s spending notice for that charge (o041, o050, o126, o134)', () => {
    for (const id of ['o041', 'o050', 'o126', 'o134']) expect(codes(id), id).not.toContain('fake_charge');
  });
  it('reads points to be exchanged for cash behind a link as a windfall and a link (m061, m062)', () => {
    for (const id of ['m061', 'm062']) {
      expect(judge(text(id), null).level, id).toBe('high');
      expect(codes(id), id).toEqual(expect.arrayContaining(['windfall', 'link']));
    }
    expect(quoteOf('m062', 'windfall')).toBe('积分以满兑换318.82元');
  });
  it('reads an unclaimed subsidy or a prize with a number to ring as a windfall with a call-back (m052, m059)', () => {
    expect(judge(text('m052'), null).level).toBe('high');
    expect(quoteOf('m052', 'windfall')).toBe('你有一份国家社会保障补贴金未领取');
    expect(quoteOf('m052', 'callback')).toBe('详情请拨:02035589673');
    // The news masked the number ("某某电话"): still a number to ring.
    expect(quoteOf('m059', 'callback')).toBe('详情咨询某某电话');
    // A number to call alone is in many real notices: no sign without the windfall or the charge.
    expect(codes('o134')).not.toContain('callback');
  });
  it('reads money to be paid to a card number, and a double return, in traditional script (m054)', () => {
    expect(judge(text('m054'), null).level).toBe('high');
    expect(quoteOf('m054', 'transfer_request')).toBe('錢打到621559******');
    expect(quoteOf('m054', 'windfall')).toBe('雙倍返還');
  });
  it('finds a short link with a masked domain and a path (m071: 戳j5t.xx/xxxxx确认,逾期作废)', () => {
    expect(quoteOf('m071', 'link')).toBe('j5t.xx/xxxxx');
    expect(judge(text('m071'), null).level).toBe('high');
  });
  it('by the guide, a promised return beats the bed or membership wrapper, rules alone (c030, c061, c104 → 养老项目; c107, c003 → 养老服务)', () => {
    const top = (id: string) => judge(text(id), null).fraudTypes[0]?.code;
    for (const id of ['c030', 'c061', 'c104']) expect(top(id), id).toBe('elderly_project');
    // A bed reserved, a deposit that cannot be got back: no return promised, 养老服务 (c107, c003).
    expect(top('c107')).toBe('elderly_service');
    expect(top('c003')).toBe('elderly_service');
    // The refund of the deposit is not a return (guide, rule 7): it gives 养老项目 no bonus.
    expect(judge('交十万元会员费预订养老院床位，合同期满全额返还本金，入住享受折扣。后来机构跑路了。', null).fraudTypes[0].code).toBe('elderly_service');
  });
  it('does not count the words of a short anti-fraud warning as harm done (o170, o177)', () => {
    const withP = (p: number): ModelWeights => ({ version: 1, trainedOn: 'test', features: {}, fraudBias: Math.log(p / (1 - p)), typeBias: [0, 0, 0, 0, 0, 0] });
    for (const id of ['o170', 'o177']) {
      expect(judge(text(id), null).harm, id).toBeNull();
      // With harm, p ≥ 0.5 would make it medium; a warning stays unflagged.
      expect(flagged(judge(text(id), withP(0.6)).level), id).toBe(false);
    }
    // A case report is not a warning: its harm stands (c003 爆雷).
    expect(judge(text('c003'), null).harm).toBe('爆雷');
  });
});

describe('issue 14, fourth collection: the kinds met in the new dev scam messages and cases', () => {
  const codes = (id: string) => judge(text(id), null).signs.map((s) => s.code);
  it('reads a caller posing as a platform\'s customer service with a threat to the credit record as the scam (m103, m104, m105 traditional, m106)', () => {
    for (const id of ['m103', 'm104', 'm105', 'm106']) {
      const v = judge(text(id), null);
      expect(v.level, id).toBe('high');
      expect(codes(id), id).toEqual(expect.arrayContaining(['fake_service', 'threat']));
    }
    expect(judge(text('m105'), null).signs.find((s) => s.code === 'threat')?.quote).toBe('影響征信');
  });
  it('reads a recorded call about a faulty 医保卡 that asks to press 9 as the scam (m092)', () => {
    expect(judge(text('m092'), null).level).toBe('high');
    expect(codes('m092')).toEqual(expect.arrayContaining(['robocall', 'account_stopped']));
  });
  it('names a grandchild in trouble who wants money at once, in traditional script too (m077, m087)', () => {
    expect(judge(text('m077'), null).signs.find((s) => s.code === 'relative_urgent')?.quote).toBe('爺爺救我');
    expect(judge(text('m087'), null).signs.find((s) => s.code === 'relative_urgent')?.quote).toBe('外婆,快点交');
    for (const id of ['m077', 'm087']) expect(flagged(judge(text(id), null).level), id).toBe(true);
  });
  it('reads money for likes, a free period ending with a charge, a cancelled flight with a fee (m080, m086, m118)', () => {
    expect(judge(text('m080'), null).level).toBe('medium');
    expect(codes('m080')).toContain('task_lure');
    expect(judge(text('m086'), null).level).toBe('high');
    expect(codes('m086')).toEqual(expect.arrayContaining(['auto_charge', 'threat']));
    expect(judge(text('m118'), null).level).toBe('high');
    expect(codes('m118')).toEqual(expect.arrayContaining(['flight_change', 'fee']));
  });
  it('reads an ETC card "已无效" and a 工行 电子密码器 "到期" with a site to visit as the scam (m074, m098)', () => {
    for (const id of ['m074', 'm098']) {
      expect(judge(text(id), null).level, id).toBe('high');
      expect(codes(id), id).toContain('account_stopped');
    }
  });
  it('reads "手机号码更换" as the new-number pitch and an unclaimed 補助 "未處理" as a windfall (m056, m091)', () => {
    expect(codes('m056')).toContain('new_number');
    expect(flagged(judge(text('m056'), null).level)).toBe(true);
    expect(codes('m091')).toContain('windfall');
    expect(judge(text('m091'), null).fraudTypes[0]?.code).toBe('elderly_assistance');
  });
  it('reads a parcel "damaged in sorting" with a number to add as a friend as the scam (m123)', () => {
    expect(judge(text('m123'), null).level).toBe('high');
    expect(codes('m123')).toEqual(expect.arrayContaining(['parcel_claim', 'add_contact']));
  });
  it('none of these new signs is found in any dev ordinary message', () => {
    const fresh = new Set(['fake_service', 'robocall', 'relative_urgent', 'task_lure', 'auto_charge', 'flight_change', 'parcel_claim', 'add_contact']);
    const hit = loadReal<RealOrdinary>('ordinary', 'dev').filter((o) => judge(o.text, null).signs.some((s) => fresh.has(s.code))).map((o) => o.id);
    // o655 (session 13's probe batch, read after the rules were written and left unfixed on purpose): an airline's
    // warning "在收到航班取消、航班变动、客票退改签等内容的信息时,请通过南航客服热线95539…核实" carries flight_change;
    // it names no scammer, so it is no warning frame. One sign of weight 2: 需要留心 (low), not a false alarm.
    expect(hit).toEqual(['o655']);
    expect(judge(text('o655'), null).level).toBe('low');
  });
  it('by the guide, a deposit paid to an "养老投资公司" for a care contract and prepaid beauty-salon cards are 养老服务 (c112, c114)', () => {
    // The company's name is the wrapper, not a promised return; 足疗卡/美容卡 are prepaid cards for future sessions.
    for (const id of ['c112', 'c114']) {
      expect(judge(text(id), null).fraudTypes[0]?.code, id).toBe('elderly_service');
      expect(judge(text(id)).fraudTypes[0]?.code, id).toBe('elderly_service');
    }
  });
});

describe('issue 14, fifth collection: warnings that quote or describe a scam, and the calibrated combination', () => {
  it('does not take a police warning that quotes the scam SMS for the scam (o328: 内容为“…逾期将停用”的短信,均为诈骗短信)', () => {
    const v = judge(text('o328'), null);
    expect(v.signs).toEqual([]);
    expect(v.harm).toBeNull();
    expect(v.level).toBe('none');
  });
  it('does not take a bank\'s warning that says how scammers work for a scam (o348: 骗子以…为名,…套取受害人的银行卡密码, traditional script)', () => {
    const v = judge(text('o348'), null);
    expect(v.signs).toEqual([]);
    expect(v.level).toBe('none');
  });
  it('still reads the quoted scam itself as the scam when it stands alone (m035-like wording is not disarmed outside a warning)', () => {
    // The same words as o328's quote, sent as a message, are the account_stopped pitch.
    const quoted = text('o328').match(/“([^”]+)”/)![1];
    expect(judge(quoted, null).signs.map((s) => s.code)).toContain('account_stopped');
  });
  it('combines the model with the rules by the calibration; the defaults are the hand-set bands', () => {
    expect(combineLevel('low', 0.65, false, DEFAULT_CALIBRATION)).toBe('low');
    expect(combineLevel('low', 0.8, false, DEFAULT_CALIBRATION)).toBe('unsure');
    expect(combineLevel('low', 0.65, false, { ...DEFAULT_CALIBRATION, lowMedium: 0.6 })).toBe('medium');
    expect(combineLevel('none', 0.65, false, { ...DEFAULT_CALIBRATION, lowMedium: 0.6 })).toBe('none');
    expect(combineLevel('medium', 0.2, false, DEFAULT_CALIBRATION)).toBe('unsure');
    expect(combineLevel('high', 0.01, false, DEFAULT_CALIBRATION)).toBe('high');
    expect(combineLevel('none', 0.55, true, DEFAULT_CALIBRATION)).toBe('medium');
    expect(combineLevel('none', 0.55, true, { ...DEFAULT_CALIBRATION, harm: 0.6 })).toBe('none');
  });
  it('lets the model alone flag no text of one SMS\'s length: unsure instead; a word of harm or a sign still counts', () => {
    expect(ONE_SMS).toBe(70);
    expect(isShort('短'.repeat(70))).toBe(true);
    expect(isShort(` ${'短'.repeat(70)}\n`)).toBe(true);
    expect(isShort('长'.repeat(71))).toBe(false);
    expect(combineLevel('none', 0.95, false, DEFAULT_CALIBRATION, { short: true })).toBe('unsure');
    expect(combineLevel('low', 0.9, false, DEFAULT_CALIBRATION, { short: true })).toBe('unsure');
    expect(combineLevel('low', 0.65, false, { ...DEFAULT_CALIBRATION, lowMedium: 0.6 }, { short: true })).toBe('unsure');
    expect(combineLevel('none', 0.55, true, DEFAULT_CALIBRATION, { short: true })).toBe('medium');
    expect(combineLevel('medium', 0.9, false, DEFAULT_CALIBRATION, { short: true })).toBe('high');
    expect(combineLevel('none', 0.3, false, DEFAULT_CALIBRATION, { short: true })).toBe('none');
    // Through judge: a short dev scam message the model alone flagged in grouped CV (m194) and the scam message that
    // shows its signs (m002) — the one unsure, with the plain words that say so, the other flagged as before.
    const v = judge(text('m194'));
    expect(v.signs).toEqual([]);
    expect(v.level).not.toMatch(/high|medium/);
    expect(['high', 'medium']).toContain(judge(text('m002')).level);
  });
  it('gives a scam outside the six types no six-type when the model is unsure of its type and the rules see none (m077, m123)', () => {
    const m = loadModel()!;
    for (const id of ['m077', 'm123']) {
      expect(judge(text(id), null).fraudTypes, id).toEqual([]);
      expect(judge(text(id), { ...m, calibration: DEFAULT_CALIBRATION }).fraudTypes.length, id).toBeGreaterThan(0);
      expect(judge(text(id), { ...m, calibration: { ...DEFAULT_CALIBRATION, typeConfident: 0.9 } }).fraudTypes, id).toEqual([]);
    }
  });
  it('keeps the model\'s type when the rules agree with it, however unsure the model is (c030 → 养老项目)', () => {
    const m = loadModel()!;
    expect(judge(text('c030'), null).fraudTypes[0].code).toBe('elderly_project');
    expect(judge(text('c030'), { ...m, calibration: { ...DEFAULT_CALIBRATION, typeConfident: 1.01 } }).fraudTypes[0].code).toBe('elderly_project');
  });
});

describe('issue 14: warnings are not the scam (docs/intel.md, "Warnings are not the scam")', () => {
  it('passes as ordinary each warning that names the scam\'s words, with the model and without (o328, o374, o380–o383)', () => {
    // 警方提示 quoting the SMS; 社保局提醒 "不会…要求参保人员提供个人账户的密码"; 市场监管 "警惕“…免费旅游等”消费陷阱";
    // 中行 "不要被“保本高息”…迷惑。正规的“以房养老”是…"; "了解…是否保本、预期收益率"; "谨防…骗局 骗子会…承诺更高收益…手续费".
    for (const id of ['o328', 'o374', 'o380', 'o381', 'o382', 'o383']) {
      for (const v of [judge(text(id)), judge(text(id), null)]) {
        expect(v.signs, id).toEqual([]);
        expect(v.harm, id).toBeNull();
        expect(['none', 'low'], id).toContain(v.level);
      }
    }
    // The self-check says in plain words why: it is a warning.
    expect(judge(text('o374')).summary).toContain('防骗提醒');
    // The model alone does not overrule such a warning (o381: p ≥ 0.9 with the shipped model), in the
    // verdict and in the cross-validation that recombines the two readings.
    expect(judge(text('o381')).warning).toBe(true);
    expect(combineLevel('none', 0.95, false, DEFAULT_CALIBRATION, { warning: true })).toBe('none');
    expect(combineLevel('none', 0.95, false, DEFAULT_CALIBRATION)).toBe('medium');
  });
  it('reads an operator\'s phone-credit top-up offer (充20送5) as no prepaid card (o176, o175)', () => {
    for (const id of ['o176', 'o175']) {
      const codes = judge(text(id), null).signs.map((s) => s.code);
      expect(codes, id).not.toContain('prepaid_fee');
      expect(codes, id).not.toContain('free_bait');
      expect(flagged(judge(text(id)).level), id).toBe(false);
    }
    // Prepaid care still counts where no phone credit is talked of.
    expect(judge('先充值五万元办会员卡，就能优先入住养老院。', null).signs.map((s) => s.code)).toContain('prepaid_fee');
  });
  it('still flags every dev fraud text that carries warning words (scams that borrow 提醒/切勿/提示, case reports that name 骗局/不法分子)', () => {
    for (const id of ['m008', 'm071', 'm074', 'm076', 'c012', 'c016', 'c035', 'c065', 'c067', 'c068', 'c075', 'c078', 'c091', 'c093', 'c114', 'c124']) {
      expect(flagged(judge(text(id)).level), id).toBe(true);
    }
    // Sentences that pitch are read on their own, whatever warning words stand elsewhere in the message.
    expect(judge('为了您的资金安全，请警惕不法分子。您的社保卡已冻结，请点击 http://x.cn 重新认证。', null).level).toBe('high');
    expect(judge('提醒您：谨防骗子。本公司养老项目保本保息，年化收益12%，名额有限。', null).level).toBe('high');
    // A turning-away word counts only in the sign's own clause: the next clause's pitch keeps its sign.
    expect(judge('谨防骗子冒充我司！本产品不会亏损，保本保息，年底分红。', null).signs.map((s) => s.code)).toContain('guaranteed');
    expect(flagged(judge('提醒您不要上当。我们不收任何费用，只需提供银行卡密码即可领取补贴。', null).level)).toBe(true);
    // A claim of being lawful is the pitch's own word: only "正规的…" (how the lawful kind works) disarms.
    expect(judge('谨防骗子！本公司正规养老项目保本保息。', null).signs.map((s) => s.code)).toContain('guaranteed');
  });
  it('keeps the words of a warning disarmed only inside a warning (the same words as a pitch are signs)', () => {
    const pitch = '骗子会通过诋毁保险公司产品和承诺更高收益的方式,诱骗老年人退保,先收取高额代理退保手续费';
    expect(judge(text('o383'), null).signs).toEqual([]);
    expect(judge('承诺更高收益，先收取高额代理退保手续费。', null).signs.map((s) => s.code).sort()).toEqual(['fee', 'high_return']);
    expect(text('o383').replace(/\s+/g, '')).toContain(pitch.replace(/\s+/g, ''));
  });
});

describe('the verdict explains itself and says when it is unsure', () => {
  it('quotes every sign and every cue from the text itself', () => {
    for (const id of ['m005', 'm023', 'c012', 'c080', 'o093']) {
      const v = judge(text(id));
      for (const q of [...v.signs.map((s) => s.quote), ...v.cues]) expect(text(id), id).toContain(q);
    }
  });
  it('answers 无法确定 with advice to check when the model and the rules disagree', () => {
    // A model that reads every text with probability p: the bands of judge() around the rules' reading.
    const withP = (p: number): ModelWeights => ({ version: 1, trainedOn: 'test', features: {}, fraudBias: Math.log(p / (1 - p)), typeBias: [0, 0, 0, 0, 0, 0] });
    const plain = '在忙嗎?有件事想讓你幫忙處理一下。'; // m025: the rules find nothing in it
    expect(judge(plain, null).level).toBe('none');
    expect(judge(plain, withP(0.1)).level).toBe('none');
    const v = judge(plain, withP(0.8));
    expect(v.level).toBe('unsure');
    expect(v.summary).toContain('无法确定');
    expect(v.advice.join('')).toContain('先不要交钱、转账、点链接或说出验证码');
    // Even a sure model does not call a text of one SMS's length fraud on its own (session 13): unsure; the same words
    // at a case description's length are flagged.
    expect(judge(plain, withP(0.95)).level).toBe('unsure');
    expect(judge(plain.repeat(5), withP(0.95)).level).toBe('medium');
    // The rules see a sign with a scheme (c016: 冒充…补发工资, medium) but the model disagrees: unsure, not a firm call.
    expect(judge(text('c016'), null).level).toBe('medium');
    expect(judge(text('c016'), withP(0.1)).level).toBe('unsure');
    // Two signs of the scam message stand on their own, whatever the model says (m005).
    expect(judge(text('m005'), withP(0.01)).level).toBe('high');
  });
});

describe('the model', () => {
  it('maps traditional characters one for one, so offsets hold', () => {
    const t = '您的ETC賬戶將於明日到期,請登錄網站完成辦理!';
    expect(toSimplified(t).length).toBe(t.length);
    expect(toSimplified(t)).toContain('账户将');
  });
  it('is deterministic and reads a probability and six type probabilities', () => {
    const m = loadModel();
    expect(m).not.toBeNull();
    const a = readWithModel(m!, text('c012'));
    expect(a).toEqual(readWithModel(m!, text('c012')));
    expect(a.types).toHaveLength(6);
    expect(a.types.reduce((s, x) => s + x.p, 0)).toBeCloseTo(1, 6);
    expect(ngrams('养老金').has('养老金')).toBe(true);
    expect(ngrams('2024年').has('0000')).toBe(false);
    expect(ngrams('2024年').has('00年')).toBe(true);
  });
});

describe('issue 14, sixth collection (docs/intel.md): 养老服务 and the 补贴 paid on a deposit', () => {
  const assistanceWords = (t: string) => TYPE_WORDS.elderly_assistance.flatMap(([re]) => t.match(new RegExp(re.source, 'g')) ?? []);
  it('does not count a 消费补贴 promised on a care-home membership as a relief payout (c022 CP长者屋, typed 养老帮扶 in dev CV)', () => {
    // Its pitch, quoted in the dev text: 以“高额消费补贴、优先安排床位、期满退还本金”.
    const pitch = text('c022').match(/以“[^”]+”/)![0];
    expect(pitch).toContain('消费补贴');
    expect(assistanceWords(pitch)).toEqual([]);
    // A subsidy that is the payout itself still counts (c080 惠民补贴卡 stays 养老帮扶).
    expect(assistanceWords('冒充民政局发放养老补贴，先交工本费')).toContain('补贴');
    expect(judge(text('c080'), null).fraudTypes[0].code).toBe('elderly_assistance');
    expect(judge(text('c022')).fraudTypes[0].code).toBe('elderly_project');
  });
  it('reads money paid ahead for care that was not delivered or refunded as 养老服务 (c117 预付入住费用, c119 会员费, c124 会员卡, c125 入住服务)', () => {
    for (const id of ['c117', 'c119', 'c124', 'c125']) expect(judge(text(id), null).fraudTypes[0]?.code, id).toBe('elderly_service');
  });
});

describe('issue 14, seventh collection (docs/intel.md): the type is the scheme\'s core — what the elder paid for', () => {
  /** The sentences of a real dev case (as bench/intel-dev-perturb.ts cuts them). */
  const sentences = (id: string) => text(id).split(/(?<=[。！？!?；\n])/).filter((x) => x.trim());
  const without = (id: string, i: number) => sentences(id).filter((_, j) => j !== i).join('');
  const cueCodes = (t: string) => typeCues(t).map((c) => c.code);
  const topType = (t: string, model: ModelWeights | null = null) => judge(t, model).fraudTypes[0]?.code;

  it('gives 养老产品 only for goods named beside a sale or a price, not for a claim of cure or a 医药费 (c141 假藥丸, c138 细胞回输 防癌抗癌, c017 医药费)', () => {
    expect(typeCues(text('c141')).find((c) => c.code === 'elderly_product')?.quote).toBe('买了6粒假药');
    expect(cueCodes(text('c138'))).not.toContain('elderly_product');
    expect(cueCodes(text('c017'))).not.toContain('elderly_product');
    expect(cueCodes(text('c017'))).toContain('elderly_assistance');
  });
  it('gives 养老保险 when the insurance is arranged or paid, not when it is only named (c034 补缴养老保险; o381 "反向抵押养老保险")', () => {
    expect(cueCodes(text('c034'))).toContain('pension_insurance');
    expect(cueCodes(text('o381'))).not.toContain('pension_insurance');
    expect(cueCodes(text('o381'))).toContain('house_for_pension');
  });
  it('finds the home and its pledge further apart in one sentence, and keeps "以房养老" named alone as a cue (c027 without its first sentence; c068\'s first sentence)', () => {
    const v = without('c027', 0);
    expect(typeCues(v).find((c) => c.code === 'house_for_pension')?.quote).toBe('订借款协议和抵押');
    expect(topType(v)).toBe('house_for_pension');
    expect(cueCodes(sentences('c068')[0])).toContain('house_for_pension');
  });
  it('reads 本息 as a return, and collectibles sold with interest promised as 养老项目, not goods (c127\'s first sentence; c026)', () => {
    expect(typeCues(sentences('c127')[0]).find((c) => c.code === 'elderly_project')?.quote).toBe('本息');
    expect(topType(sentences('c127')[0])).toBe('elderly_project');
    expect(cueCodes(text('c026'))).not.toContain('elderly_product');
    expect(topType(text('c026'), loadModel())).toBe('elderly_project');
  });
  it('does not read the court\'s 投资人 (anyone who paid) as a promised return (c067\'s last sentence)', () => {
    const last = sentences('c067').at(-1)!;
    expect(last).toContain('投资人');
    expect(cueCodes(last)).not.toContain('elderly_project');
    expect(cueCodes(last)).toContain('house_for_pension');
  });
  it('reads the types through the pinyin mirror sites insert (c123: 養(yǎng)老院)', () => {
    const first = sentences('c123')[0];
    expect(first).toContain('養(yǎng)老院');
    expect(typeText(toSimplified(first))).toContain('养老院');
    expect(cueCodes(first)).toContain('elderly_service');
    expect(topType(first)).toBe('elderly_service');
  });
  it('does not let a word found in every report (登记) make a type alone (c110 without its first sentence stays 养老服务: 居住)', () => {
    const v = without('c110', 0);
    expect(v).toContain('登记');
    expect(topType(v)).toBe('elderly_service');
    expect(topType(v, loadModel())).toBe('elderly_service');
  });
  it('reads a place to live or stay paid for as 养老服务 (c107: 吃住全免; c024: 住进养老公寓)', () => {
    expect(topType(without('c107', 0), loadModel())).toBe('elderly_service');
    // The sentence alone ("仅有30余人实际住进养老公寓") is no longer read as fraud by the session-12 model, so it
    // carries no type; its cue is still 养老服务, and the whole case is typed so.
    expect(cueCodes(sentences('c024')[1])).toContain('elderly_service');
    expect(topType(text('c024'), loadModel())).toBe('elderly_service');
  });
  it('does not take a scam\'s 管理服务费 for a service bought, and reads 脱贫 as 扶贫 (c135 without its 扶贫补贴 sentence)', () => {
    const v = without('c135', 2);
    expect(v).toContain('管理服务费');
    expect(topType(v, loadModel())).toBe('elderly_assistance');
  });
  it('says in plain words why the type, quoting the original text (c141, traditional script)', () => {
    const v = judge(text('c141'));
    expect(v.fraudTypes[0].code).toBe('elderly_product');
    expect(v.typeReason).toEqual({ code: 'elderly_product', quote: '買了6粒假藥', why: expect.stringContaining('保健品、药、仪器') });
    expect(text('c141')).toContain(v.typeReason!.quote);
    expect(v.summary).toContain('像是以销售"养老产品"为名的骗局');
  });
  it('gives no reason when no core was found (c166: the type rests on vocabulary; c138 was the example until session 16 read its priced 疗程)', () => {
    expect(judge(text('c166'), null).typeReason).toBeNull();
    expect(judge(text('c138'), null).typeReason?.quote).toBe('一疗程58500元');
  });
});

describe('issue 14, eighth collection of cases (session 12, docs/intel.md): the money named is not the scheme', () => {
  const cueCodes = (t: string) => typeCues(t).map((c) => c.code);
  const topType = (t: string, model: ModelWeights | null = null) => judge(t, model).fraudTypes[0]?.code;

  it('does not read the elder\'s own pension, named as the money spent, as 养老保险 (c167: 收入來源是…退休金; collectibles with 升值 promised)', () => {
    expect(text('c167')).toContain('退休金');
    expect(cueCodes(text('c167'))).not.toContain('pension_insurance');
    expect(topType(text('c167'))).toBe('elderly_project');
    expect(topType(text('c167'), loadModel())).toBe('elderly_project');
    // A fee to arrange the pension or retirement still is 养老保险, by its own words and cues (c006 办社保, c033 办理“退休”).
    for (const id of ['c006', 'c033', 'c034']) expect(topType(text(id)), id).toBe('pension_insurance');
  });
  it('reads a subsidy returned on a deposit (充会员返补贴) as a return, 养老项目, not a relief payout or the bed it wraps (c168)', () => {
    expect(text('c168')).toContain('返补贴');
    expect(cueCodes(text('c168'))).not.toContain('elderly_assistance');
    expect(typeCues(text('c168')).find((c) => c.code === 'elderly_project')?.quote).toContain('返补贴');
    expect(topType(text('c168'))).toBe('elderly_project');
    expect(topType(text('c168'), loadModel())).toBe('elderly_project');
    // A subsidy that is itself the payout stays 养老帮扶 (c080 惠民补贴卡, c135 扶贫补贴).
    expect(topType(text('c080'))).toBe('elderly_assistance');
    expect(cueCodes(text('c135'))).toContain('elderly_assistance');
  });
  it('reads 高息 as a promised return (c171: 标会…以高息为诱饵), rules alone', () => {
    expect(typeCues(text('c171')).find((c) => c.code === 'elderly_project')?.quote).toBe('高息');
    expect(topType(text('c171'))).toBe('elderly_project');
  });
});

describe('issue 14, ninth collection of cases (session 13, docs/intel.md): what was paid for, however it is written', () => {
  const cueOf = (t: string, code: string) => typeCues(t).find((c) => c.code === code)?.quote;
  const topType = (t: string, model: ModelWeights | null = null) => judge(t, model).fraudTypes[0]?.code;
  const sentences = (t: string) => t.split(/(?<=[。！？])/).filter((x) => x.trim());

  it('reads jade and jewellery sold at many times their worth as goods, 养老产品 (c187: 花重金购买了翡翠玉石); with 升值 promised, 养老项目 (c188)', () => {
    expect(cueOf(text('c187'), 'elderly_product')).toBe('珠宝'); // 开设多家珠宝店…购买了翡翠玉石
    expect(topType(text('c187'))).toBe('elderly_product');
    expect(topType(text('c187'), loadModel())).toBe('elderly_product');
    expect(judge(text('c187'), null).typeReason?.quote).toBe('珠宝');
    // The same goods with a rise in value promised are a return (the guide's rule 6): c188 等待升值.
    expect(cueOf(text('c188'), 'elderly_product')).toBeUndefined();
    expect(topType(text('c188'))).toBe('elderly_project');
  });
  it('reads the seller\'s promise to sell the goods on for the elder as a return, 养老项目 (c167 without its 升值 sentence)', () => {
    const [, ...rest] = sentences(text('c167'));
    const withoutRise = rest.join('');
    expect(withoutRise).not.toMatch(/升值|翻好幾番/);
    expect(cueOf(withoutRise, 'elderly_project')).toBe('帮忙把这些收藏品卖出去'); // read on the simplified text (幫忙把這些收藏品賣出去)
    expect(topType(withoutRise)).toBe('elderly_project');
    // The elder trying to sell them later is no promise (c188 without its 升值 sentence keeps no return).
    const [, ...c188rest] = sentences(text('c188'));
    expect(cueOf(c188rest.join(''), 'elderly_project')).toBeUndefined();
  });
  it('reads goods sold with a return promised on them as the wrapper of the return, 养老项目 (c160: 以購買“保健”品返還高額利息為誘餌), rules alone', () => {
    // Read through the quotation marks, "購買“保健”品" names the goods; the return promised on the purchase decides (rule 6).
    expect(text('c160')).toContain('購買“保健”品返還高額利息');
    expect(typeCues(text('c160')).map((c) => c.code)).toEqual(['elderly_product', 'elderly_project']);
    expect(topType(text('c160'))).toBe('elderly_project');
    expect(topType(text('c160'), loadModel())).toBe('elderly_project');
    // The scammers' own gains are no return promised to the elder: c139 (…诱导客户多次购买产品,牟取高额收益) stays 养老产品.
    expect(text('c139')).toContain('牟取高额收益');
    expect(topType(text('c139'))).toBe('elderly_product');
  });
  it('reads the scheme\'s words through the quotation marks that cut them (c071: 代辦“退休”的中間人), and quotes the original', () => {
    // c071 without its third sentence (中間人聲稱可以讓她掛靠…): 代办 and 退休 are cut by the quotation marks.
    const [a, b] = sentences(text('c071'));
    expect(b).toContain('代辦“退休”');
    expect(cueOf(a + b, 'pension_insurance')).toBe('办退休');
    expect(topType(a + b, loadModel())).toBe('pension_insurance');
    expect(judge(a + b, loadModel()).typeReason?.quote).toBe('辦“退休”');
  });
  it('reads a price per package as goods sold (c192: 熊胆粉要2000多元一盒), but not a course of treatment (c138: 一疗程58500元)', () => {
    const first = sentences(text('c192'))[0];
    expect(cueOf(first, 'elderly_product')).toBe('2000多元一盒');
    expect(cueOf(text('c138'), 'elderly_product') ?? '').not.toMatch(/疗程/);
    // Only the type: the level of these texts is read as before the session (c192's first sentence alone is not flagged).
    expect(judge(first, null).level).toBe('none');
  });
});

describe('issue 14, session 14 (docs/intel.md, "Type errors on unseen cases"): what was paid for decides, not the words around it', () => {
  const cueOf = (t: string, code: string) => typeCues(t).find((c) => c.code === code)?.quote;
  const topType = (t: string, model: ModelWeights | null = null) => judge(t, model).fraudTypes[0]?.code;
  // c104 (养老项目): a bed deposit "如果不入住,这还是一份分红型的养老产品,每年返还一定比例的福利金,且合同到期本金如数返还".
  // Its return clause is replaced by the same promise in other words — the construction that the code before each
  // collection read 养老服务 (c026, c029, c030, c044, c104).
  const RETURN_CLAUSE = '这还是一份分红型的养老产品,每年返还一定比例的福利金';
  const c104With = (clause: string) => text('c104').replace(RETURN_CLAUSE, clause);

  it('reads a return however it is worded (年息, 红利, 固定回报, a monthly payout on a deposit whose principal comes back) as 养老项目, not the care home (c104)', () => {
    expect(text('c104')).toContain(RETURN_CLAUSE);
    // Without its return, c104 is a bed deposit: 养老服务 — so the return, not the words around it, decides.
    expect(topType(c104With(''))).toBe('elderly_service');
    for (const clause of ['每年可得存款8%的年息', '每年可以领取12%的红利', '可获得固定回报', '每月可领取500元养老金']) {
      expect(topType(c104With(clause)), clause).toBe('elderly_project');
    }
    expect(judge(c104With('每月可领取500元养老金'), null).typeReason?.code).toBe('elderly_project');
  });
  it('reads 保本 alone as the deposit kept, not a return (rule 7): c130 with 保本 stays 养老服务; c194 (保本保息) stays 养老项目 by 保息', () => {
    const kept = text('c130').replace('享终身养老服务”', '享终身养老服务,保本”');
    expect(kept).not.toBe(text('c130'));
    expect(topType(text('c130'))).toBe('elderly_service');
    expect(topType(kept)).toBe('elderly_service');
    expect(topType(c104With('这还是一份保本的养老产品'))).toBe('elderly_service');
    expect(topType(text('c194'))).toBe('elderly_project');
    expect(judge(text('c194'), null).typeReason?.quote).toBe('保息');
    // Only the type: 保本 is still the sign 保本保息 for the level.
    expect(judge(kept, null).signs.map((s) => s.code)).toContain('guaranteed');
  });
  it('does not take the rate of a loan (m106: 京東金條年利率過高) or a payout without a principal to come back (c034: 按月领取养老金) for a return', () => {
    expect(judge(text('m106'), null).fraudTypes).toEqual([]);
    expect(topType(text('c034'))).toBe('pension_insurance');
  });
  it('reads a card for sessions bought at a 养生馆 with health claims as bait as 养老服务 when no goods are sold (c114 with 体检、理疗 and 理疗卡)', () => {
    const [first, second] = text('c114').split(/(?<=[。！？\n])/);
    const card = (first + second).replace(/免费足疗/g, '免费体检、理疗') + '袁大爷从屋里拿出一摞理疗卡,店里说理疗能治高血压。';
    expect(topType(card)).toBe('elderly_service');
    expect(judge(card, null).typeReason?.quote).toBe('理疗卡');
    expect(topType(text('c114'))).toBe('elderly_service');
    // Any card for sessions paid ahead is what was bought (艾灸卡, 按摩卡), not only the six the lexicon names.
    expect(cueOf(`${first}${second}袁大爷从屋里拿出一摞艾灸卡、按摩卡。`, 'elderly_service')).toBe('艾灸卡');
  });
  it('keeps goods sold beside a card 养老产品 (c180: 月度体验卡 or a 会员卡 and 销售多功能熏灸仪; c183, c148 with a 理疗卡 added), and c138\'s 疗程 (no card) as before', () => {
    expect(topType(text('c180'))).toBe('elderly_product');
    expect(topType(text('c180').replace('月度体验卡', '会员卡'))).toBe('elderly_product');
    for (const id of ['c183', 'c148']) expect(topType(`${text(id)}老人先后办理了多张理疗卡。`), id).toBe('elderly_product');
    // c138's priced 疗程 (no card, no goods) is care bought ahead since session 16 (the guide's 疗程卡 decision; its label).
    expect(topType(text('c138'))).toBe('elderly_service');
  });
  it('quotes the reason from the original at the place it was read, pinyin of mirror sites included (c194 保息, c127 本息, c123 養(yǎng)老院)', () => {
    expect(judge(text('c127'), null).typeReason?.quote).toBe('本息');
    expect(judge(text('c123'), null).typeReason?.quote).toBe('養(yǎng)老院');
    expect(judge(text('c194'), null).summary).toContain('（“保息”）');
  });
});

describe('issue 14, session 15 (docs/intel.md, "Eleventh collection (session 15): cases"): a 补贴 paid on money paid in is the return', () => {
  const topType = (t: string, model: ModelWeights | null = null) => judge(t, model).fraudTypes[0]?.code;
  const model = loadModel();
  it('reads a 补贴 the text promises as the return on a deposit as 养老项目, not 养老帮扶 (c217 作为返利, c022, c168)', () => {
    // c217: "以缴纳养老床位预订金可领取福利补贴作为返利为诱饵" — read 养老帮扶 by the code before this session.
    expect(topType(text('c217'))).toBe('elderly_project');
    expect(topType(text('c217'), model)).toBe('elderly_project');
    expect(judge(text('c217'), null).typeReason?.quote).toBe('返利');
    for (const id of ['c022', 'c168']) expect(topType(text(id), model), id).toBe('elderly_project');
    // Constructed: the same promise in other words (补贴 as 利息; 补贴, 即利息, with the principal back).
    for (const t of [
      '该老年公寓让老人预存5万元，承诺每年领取8%的养老补贴作为利息，老人入住后发现公司已跑路。',
      '公司以办理会员卡为名，称会员每季度可领取补贴，即利息，三年后本金全额返还，共吸收老年人资金3000万元。',
    ]) {
      expect(topType(t), t).toBe('elderly_project');
      expect(topType(t, model), t).toBe('elderly_project');
    }
  });
  it('keeps a relief payout for a fee 养老帮扶, also beside an investment\'s words (扶贫, 民族资产: the guide), and the dev 养老帮扶 cases with a 补贴 (c080, c135)', () => {
    for (const t of [
      '国家给70岁以上老人发放高龄补贴，对方让王大爷先交300元激活费，说每月可领取500元。',
      '对方自称扶贫基金会工作人员，说投资1000元可获得高额回报，还能领取扶贫补贴，李大妈转了1000元后对方失联。',
      '骗子称民族资产解冻，交手续费后可领取补助和分红，张大爷先后被骗8万元。',
    ]) {
      expect(topType(t), t).toBe('elderly_assistance');
      expect(topType(t, model), t).toBe('elderly_assistance');
    }
    for (const id of ['c080', 'c135']) expect(topType(text(id), model), id).toBe('elderly_assistance');
  });
});

describe('issue 14, session 15: a card sold beside goods is how the goods were sold (the guide: "the same shop selling the pills → 养老产品")', () => {
  const topType = (t: string, model: ModelWeights | null = null) => judge(t, model).fraudTypes[0]?.code;
  const model = loadModel();
  it('keeps dev 产品 cases 养老产品 when a membership card or fee is added (c057, c084, c187 were read 养老服务 before)', () => {
    for (const id of ['c057', 'c084', 'c187']) {
      for (const added of ['老人还办理了会员卡。', '老人先交了会员费，成为会员。']) {
        expect(topType(text(id) + added), `${id} ${added}`).toBe('elderly_product');
        expect(topType(text(id) + added, model), `${id} ${added}`).toBe('elderly_product');
      }
    }
  });
  it('keeps a card with no goods sold 养老服务 (c114, c109 充值, c119 会员费, c124 会员卡), and a bed or a stay counts beside goods as before', () => {
    for (const id of ['c114', 'c109', 'c119', 'c124']) expect(topType(text(id), model), id).toBe('elderly_service');
    // Constructed: a care-home membership with nothing sold.
    expect(topType('老人交了5万元会员费，成为养老公寓会员，说可以优先入住，如今公司人去楼空。')).toBe('elderly_service');
    // The rule reads the card only: a deposit for a bed beside a sale of goods is not taken away (the text decides as before).
    expect(judge('老人交了3万元床位费预订养老院床位，工作人员还卖给他两盒保健品，共花了2000元。', null).fraudTypes.map((t) => t.code)).toContain('elderly_service');
  });
});

describe('issue 14, session 15: a company\'s registered name is the seller, not what the elder paid for (c112\'s kind)', () => {
  it('does not read 投资 in "…投资发展有限公司" or "…投资集团" as money put in; 投资 of the elder\'s money still counts', () => {
    const named = `${text('c114')}该公司全称为福寿养老投资发展有限公司。`;
    expect(judge(named, null).fraudTypes[0]?.code).toBe('elderly_service');
    expect(judge(named, loadModel()).fraudTypes[0]?.code).toBe('elderly_service');
    expect(typeCues('他原来在一家投资集团工作，退休后住进了养老院。').map((c) => c.code)).not.toContain('elderly_project');
    expect(typeCues('老人投资了该公司的养老基地项目。').find((c) => c.code === 'elderly_project')?.quote).toBe('投资');
    expect(typeCues('以投资养老公寓为名吸收老人资金。').find((c) => c.code === 'elderly_project')?.quote).toBe('投资');
  });
});

describe('issue 14, session 16 (docs/intel.md, "Twelfth collection (session 16): cases"): a course of treatment paid for is care bought ahead', () => {
  const topType = (t: string, model: ModelWeights | null = null) => judge(t, model).fraudTypes[0]?.code;
  const model = loadModel();
  it('reads a priced course of treatment with no goods sold as 养老服务 (c138, read 养老产品 by the code of every collection since its own; the guide\'s 疗程卡 decision)', () => {
    expect(topType(text('c138')), 'c138 rules').toBe('elderly_service');
    expect(topType(text('c138'), model), 'c138 model').toBe('elderly_service');
    expect(judge(text('c138'), null).typeReason?.quote).toBe('一疗程58500元');
    // Constructed look-alikes: the course priced per course or as a 疗程费, the bait (体检, 能治高血压) as before.
    for (const t of ['某养生馆以免费体检吸引老人到店，宣称艾灸理疗能治高血压，每个疗程3980元，十多名老人先后交钱。', '某诊所向老人宣称干细胞疗法能抗衰老、治糖尿病，收取疗程费2万元，老人被骗。']) {
      expect(topType(t), t).toBe('elderly_service');
      expect(topType(t, model), t).toBe('elderly_service');
    }
  });
  it('keeps goods sold by the course 养老产品 (c142: "购买一个疗程…收到20盒药"; capsules, a prescription, a device)', () => {
    expect(topType(text('c142')), 'c142 rules').toBe('elderly_product');
    expect(topType(text('c142'), model), 'c142 model').toBe('elderly_product');
    for (const t of ['销售人员称这种胶囊能治高血压，一个疗程6盒，每个疗程2980元，老人一次买了三个疗程。', '老中医说老人的风湿要尽快治疗，开了两个疗程的药，老人付了近四千元。', '骗子在讲座上推销理疗仪，称一个疗程下来就能降血压，每台售价1.68万元。']) {
      expect(topType(t), t).toBe('elderly_product');
      expect(topType(t, model), t).toBe('elderly_product');
    }
  });
  it('reads meals for elders paid ahead (助餐点, 长者饭堂) as care bought; goods sold or a return promised there keep their type', () => {
    const meals = '某社区助餐点让老人预存餐费，充值500元送100元，半年后助餐点关门，老板失联。';
    expect(topType(meals)).toBe('elderly_service');
    expect(topType(meals, model)).toBe('elderly_service');
    expect(topType('有人在社区助餐点给老人办健康讲座，推销保健品，老人花了3000元买了五盒。', model)).toBe('elderly_product');
    expect(topType('社区长者饭堂向老人推销“养老理财”，承诺年化收益12%，老人投入5万元后血本无归。', model)).toBe('elderly_project');
  });
  it('reads a rate paid out per period on the money paid in as the return, however the payout is named (the recurring 项目→服务 of unseen readings)', () => {
    // c044 (read 养老服务 by the code before its collection) with its 返利 renamed: collectibles with a monthly 10 % paid out.
    const c044 = text('c044').replace('返利', '回馈');
    expect(topType(c044), 'c044 回馈').toBe('elderly_project');
    expect(topType(c044, model), 'c044 回馈').toBe('elderly_project');
    for (const t of ['老人交10万元成为养老院会员，公司承诺每年按10%发放孝心金，三年后退还本金。', '某康养基地让老人预存20万元，称不入住每年可拿8%的分成，入住可抵扣房费。', '某旅居公司称交2万元会员费可全国免费旅居，每年再返还会员费的6%作为旅游补贴。']) {
      expect(topType(t), t).toBe('elderly_project');
      expect(topType(t, model), t).toBe('elderly_project');
    }
    // Not a return: a rate the elder pays, a discount, a pension's rise.
    expect(typeCues('合同约定，老人逾期交费的，每月按5%支付违约金。').map((c) => c.code)).not.toContain('elderly_project');
    expect(topType('养老院承诺老人入住后每月护理费优惠10%，老人一次交了两年费用。', model)).toBe('elderly_service');
    expect(topType('老人补缴养老保险后，每年领取的养老金可增加5%，中间人收取了3万元手续费。', model)).toBe('pension_insurance');
  });
});

describe('issue 14, session 16: the guide\'s decisions met in the independent constructed type set (docs/intel.md, "An independent constructed set for the six types (session 16)"; constructed look-alikes, not data)', () => {
  const topType = (t: string, model: ModelWeights | null = null) => judge(t, model).fraudTypes[0]?.code;
  const model = loadModel();
  const both = (t: string, code: string) => {
    expect(topType(t), `rules: ${t}`).toBe(code);
    expect(topType(t, model), `model: ${t}`).toBe(code);
  };
  it('reads a return denied (不计利息, 没有收益) as none: a deposit refunded is 养老服务 (rule 7); a return stated is 养老项目', () => {
    both('某老年公寓让老人交15万元入住押金，月费打八折，合同写明退住时押金如数退还、不计利息。后公寓停业，押金无人退还。', 'elderly_service');
    both('某老年公寓让老人交15万元入住押金，月费打八折，合同写明押金按年息6%计付利息，退住时如数退还。后公寓停业，押金无人退还。', 'elderly_project');
  });
  it('reads a payout per period on money whose principal comes back by 还本/返本 as the return, and 每年再返 as a return; a share bought in (股金) is 养老项目', () => {
    both('业务员在公园向老人推销“银龄理财”，称投入2万元每个月能领600元“孝老补贴”，一年后还本。几个月后平台关闭。', 'elderly_project');
    both('某“养老合作社”向老人募集“社员股金”，称交5000元每年再返600元，还能免费参加体检。负责人后来卷款跑路。', 'elderly_project');
    // No principal to come back: a relief payout for a fee stays 养老帮扶.
    both('有人冒充民政局工作人员，称老人每个月能领600元高龄补贴，要先交300元手续费办卡。老人转账后对方失联。', 'elderly_assistance');
  });
  it('reads the home handed over by its deed pledged (押给), put in 托管, or an HK/TW 自住物业 mortgaged as 以房养老, whatever return is promised (rule 2)', () => {
    both('推销员让76岁的老人把房产证押给公司，说每月能拿8000元“养老收益”，公司却拿着房产证去借了高利贷。', 'house_for_pension');
    both('某公司与老人签订“房屋托管协议”，承诺每月付给老人3000元托管收益，随后把老人的房子转手卖掉。', 'house_for_pension');
    both('一名78歲婦人被游說以自住物業作抵押借款150萬元，再把款項交給對方投資，其後對方失聯。', 'house_for_pension');
    // Not a home handed over: money 托管, a 物业 company's fee.
    both('某平台称老人的养老钱由银行资金托管，投资后每月收益2%，老人投入10万元后平台关闭。', 'elderly_project');
    expect(typeCues('小区物业公司向老人收取一年物业费，承诺免费上门维修。').map((c) => c.code)).not.toContain('house_for_pension');
  });
  it('reads 工龄 bought (买断工龄) as a fee to arrange the pension (rule 3)', () => {
    both('中间人对老人说，交6万元就能帮他买断工龄，按企业退休人员每月领养老金，老人交钱后中间人失联。', 'pension_insurance');
  });
  it('reads 津贴 as 补贴\'s twin (a payout for a fee → 养老帮扶; paid on money whose principal comes back → 养老项目), and 补发…工资 apart as the guide\'s 补发工资', () => {
    both('骗子冒充社会局人员，称老人可申请每月5000元的生活津贴，但要先汇1万元保证金。', 'elderly_assistance');
    both('某“养老互助会”要求会员交3万元入会金，每月发放“养老津贴”900元，两年后入会金全额退还。半年后互助会负责人失联，老人们被骗。', 'elderly_project');
    both('老人接到电话，对方自称原单位退管办的，要给他补发前几年的工资2万元，但要先交1500元手续费。', 'elderly_assistance');
  });
  it('reads a relief scheme dressed as an investment (民族资产解冻, 扶贫, 慈善 with 分红 or 回报) as 养老帮扶 (the guide\'s decision, rule 4 before rule 6)', () => {
    both('“交800元入会，资产解冻后每人能分红20万元。”一个“民族资产解冻”组织在村里发展老人入会。', 'elderly_assistance');
    both('一款“扶贫助老”APP称老人投入1万元，扶贫款下拨后可获得50万元回报，老人投钱后APP无法登录。', 'elderly_assistance');
    // No relief scheme named: a "国家扶持" investment with a return is 养老项目.
    both('团伙打着“国家扶持养老产业”的旗号，让老人投资养老社区原始股，称上市后分红翻十倍。', 'elderly_project');
  });
  it('reads goods sold with a 补贴 off their price ("organisation pays the rest") as 养老产品 (rule 5); a subsidy for a fee with no goods stays 养老帮扶', () => {
    both('骗子向老人推销“多功能护理床”，称可享受民政养老补贴3000元，补贴直接抵扣货款，老人只需付1.2万元。', 'elderly_product');
    both('骗子上门推销按摩椅，说国家补贴一半，老人只需自付8800元，其余由国家承担。', 'elderly_product');
    both('骗子冒充街道工作人员，说老人可领3000元养老补贴，要先交500元手续费。', 'elderly_assistance');
  });
  it('reads aids and home-safety goods sold (助听器, 按摩椅, 扶手, 报警器) and a sale of 产品 by name as goods; a 养老产品 contract with a return stays 养老项目', () => {
    both('店员对老人说不马上配助听器就会聋，老人当场花了1.6万元配了一对，网上同款只要一千多元，老人这才知道被骗了。', 'elderly_product');
    both('商家上门向独居老人推销报警器、防滑垫等产品，一套收费6800元，市场价不到一千元，不少老人被骗。', 'elderly_product');
    both('业务员向老人推销“养老产品”，签订合同，承诺每年12%的利息，老人投入20万元。', 'elderly_project');
  });
  it('reads care paid ahead by 预交/陪诊 and a session card with its period (理疗年卡) as 养老服务; "拦住了" is no stay', () => {
    both('老人被推销了陪诊服务，预交一年费用1.2万元，说每次看病都有人陪着挂号取药，后来公司失联。', 'elderly_service');
    expect(typeCues('老人在养生馆办了一张理疗年卡，交了6800元，说能调理高血压。').map((c) => c.code)).toContain('elderly_service');
    both('老人接到电话，对方自称民政局的，说能领2万元慰问金，要先交2000元手续费，老人去银行转账时被柜员拦住了。', 'elderly_assistance');
  });
});

describe('retraining (bench/train-intel.ts)', () => {
  it('gives the same weights for the same data, learns staff corrections, and writes only a model that is not worse', async () => {
    const { train, notWorse } = await import('../../../bench/train-intel.ts');
    const examples = [
      { text: text('c012'), fraud: 1 as const, type: 3 }, { text: text('c080'), fraud: 1 as const, type: 5 },
      { text: text('o083'), fraud: 0 as const, type: null }, { text: text('o115'), fraud: 0 as const, type: null },
      // A staff correction (GET /api/intel/labelled-data): the text is fraud of the first corrected type.
      { text: '有人上门说能帮我父亲补缴养老保险，收了五千元手续费后联系不上了。', fraud: 1 as const, type: 4 },
    ];
    const a = train(examples, 'test');
    expect(train(examples, 'test')).toEqual(a);
    expect(readWithModel(a, '补缴养老保险，收了手续费').types[0].code).toBe('pension_insurance');
    const s = (recall: number, fp: number, acc: number) => ({ recall: { all: recall }, falsePositiveRate: fp, typeAccuracy: acc }) as never;
    expect(notWorse(s(0.8, 0.02, 0.8), s(0.8, 0.02, 0.8))).toBe(true);
    expect(notWorse(s(0.8, 0.03, 0.8), s(0.8, 0.02, 0.8))).toBe(false);
    expect(notWorse(s(0.79, 0.02, 0.9), s(0.8, 0.02, 0.8))).toBe(false);
  });
  it('prints each share with its counts, so a share rounded up to a target is not read as meeting it', async () => {
    const { evaluateDetection, formatDetection } = await import('./evaluate-detection.ts');
    // A reader that flags every text and types every case 养老服务: its counts are known from the dev files alone.
    const s = evaluateDetection('dev', { verdict: () => ({ level: 'medium' }), type: () => 'elderly_service' });
    const cases = loadReal<RealCase>('cases', 'dev');
    const fraudN = cases.length + loadReal<RealCase>('scams', 'dev').length;
    const ordinaryN = loadReal<RealOrdinary>('ordinary', 'dev').length;
    const service = cases.filter((c) => c.label === 'elderly_service').length;
    expect(s.counts).toEqual({ fraudFlagged: fraudN, falseAlarms: ordinaryN, typedRight: service, cases: cases.length });
    const lines = formatDetection(s, {});
    expect(lines).toContain(`(${fraudN}/${fraudN};`);
    expect(lines).toContain(`false positives on ordinary messages 1 (${ordinaryN}/${ordinaryN};`);
    expect(lines).toContain(`six-type accuracy on elderly-fraud cases ${s.typeAccuracy} (${service}/${cases.length})`);
  });
  it('chooses the thresholds that flag the most fraud texts while false alarms stay within the bound', async () => {
    const { chooseCalibration } = await import('../../../bench/train-intel.ts');
    const row = (fraud: 0 | 1, rules: 'high' | 'medium' | 'low' | 'none', p: number) => ({ e: { text: '长'.repeat(100), fraud, type: null }, rules, p, harm: false, types: new Map([[0, 'none']]) });
    // 200 ordinary texts: one the rules call high whatever the model says (the floor), one with one sign
    // and p 0.65; 10 fraud texts with one sign and p 0.65, 10 with one sign and p 0.55.
    const rows = [
      ...Array.from({ length: 198 }, () => row(0, 'none', 0.05)), row(0, 'high', 0.1), row(0, 'low', 0.65),
      ...Array.from({ length: 10 }, () => row(1, 'low', 0.65)), ...Array.from({ length: 10 }, () => row(1, 'low', 0.55)),
    ];
    // At most 1 %: two false alarms allowed, so one sign and p ≥ 0.6 is enough to flag.
    expect(chooseCalibration(rows as never, 0.01).lowMedium).toBeLessThanOrEqual(0.6);
    // At most 0.5 %: the rules' own false alarm is the floor; the model may add none.
    expect(chooseCalibration(rows as never, 0.005).lowMedium).toBeGreaterThan(0.65);
    // No text here has the rules at medium, so nothing tells one veto threshold from another: keep stays at the
    // default's 0.25 (the grid's first value, 0.1, was the tie's winner until session 15).
    expect(chooseCalibration(rows as never, 0.01).keep).toBe(DEFAULT_CALIBRATION.keep);
  });
});

describe('issue 14, seventh collection (docs/intel.md, session 10): general signs of scam messages', () => {
  const signs = (id: string) => judge(text(id), null).signs.map((s) => s.code);
  it('names money to be sent to someone else\'s card as the fake-relative move (m138: 打3000元到我同学的卡上)', () => {
    expect(signs('m138')).toContain('third_party_card');
    expect(flagged(judge(text('m138'), null).level)).toBe(true);
  });
  it('names an accusation of a crime as the fake-police move (m137: 你涉嫌…洗钱案, m147: 洗脱罪名)', () => {
    for (const id of ['m137', 'm147']) {
      expect(signs(id), id).toContain('accused');
      expect(flagged(judge(text(id), null).level), id).toBe(true);
    }
    // The advice says what the police do not do.
    expect(judge(text('m137'), null).advice.join('')).toContain('110');
  });
  it('names a child or grandchild who hit or fought someone and needs money now (m127: 撞死人了…急需十万现金私了, m078: 打架了)', () => {
    for (const id of ['m127', 'm078']) expect(signs(id), id).toContain('relative_trouble');
    expect(flagged(judge(text('m127'), null).level)).toBe(true);
  });
  it('reads a demand to cancel an account, with a threat to the credit record, as the fake customer-service scam (m132)', () => {
    expect(signs('m132')).toEqual(expect.arrayContaining(['cancel_service', 'threat']));
    expect(judge(text('m132'), null).level).toBe('high');
  });
  it('names an app or client to download as a sign (m062: 下载客户端激活领取), one that alone stays below a warning', () => {
    expect(signs('m062')).toContain('download_app');
    expect(judge('请下载客户端查看账单。', null).level).toBe('low');
  });
  it('reads "联系电话：…" beside an unclaimed payout as a number to call back (m151), but not a number in a real notice (o220, o280)', () => {
    expect(signs('m151')).toEqual(expect.arrayContaining(['windfall', 'callback']));
    expect(judge(text('m151'), null).level).toBe('high');
    for (const id of ['o220', 'o280']) expect(signs(id), id).not.toContain('callback');
  });
  it('does not take a warning that lists the scam\'s moves and ends "都是骗子" for the scam (o371: 不管是谁让您下载陌生软件、开启屏幕共享,都是骗子)', () => {
    expect(signs('o371')).toEqual([]);
    expect(flagged(judge(text('o371')).level)).toBe(false);
    // The same words as a request, outside a warning, are a sign.
    expect(judge('请开启屏幕共享，工作人员帮您办理退款。', null).signs.map((s) => s.code)).toContain('download_app');
  });
  it('names paid tasks with a commission as the 刷单 pitch (m157: 做完一个任务提成36元…提成日结)', () => {
    expect(signs('m157')).toContain('task_commission');
    expect(flagged(judge(text('m157'), null).level)).toBe(true);
  });
  it('reads "添加VX" as a request to add a WeChat contact, like 加微信 (m156)', () => {
    expect(signs('m156')).toContain('add_contact');
    expect(judge('请添加V信 abc123 领取', null).signs.map((s) => s.code)).toContain('add_contact');
  });
  it('reads traditional script through a full one-for-one table and through a mirror\'s pinyin, quoting the original (m136)', () => {
    // 學, 匯, 媽, 設 were not in the hand-made pairs; "(xué)" after 學 is a mirror's artefact.
    const t = '爸媽,你們把我的學(xué)費和生活費匯到我同學(xué)建設(shè)銀行的卡號(hào)上';
    expect(toSimplified(t).length).toBe(t.length);
    expect(toSimplified('學匯媽設')).toBe('学汇妈设');
    const v = judge(text('m136'), null);
    expect(v.signs.map((s) => s.code)).toContain('third_party_card');
    for (const s of v.signs) expect(text('m136')).toContain(s.quote);
    expect(v.signs.find((s) => s.code === 'third_party_card')!.quote).toContain('(xué)');
  });
  it('leaves the shipped model reading as it was trained (the hand-made pairs only)', () => {
    expect(normalize('學匯')).toBe('學匯');
    expect(normalize('確詢')).toBe('确询');
  });
  it('finds none of these signs in any dev ordinary message', () => {
    const fresh = new Set(['third_party_card', 'accused', 'relative_trouble', 'cancel_service', 'download_app', 'task_commission']);
    const hit = loadReal<RealOrdinary>('ordinary', 'dev').filter((o) => judge(o.text, null).signs.some((s) => fresh.has(s.code) || s.code === 'callback')).map((o) => o.id);
    expect(hit).toEqual([]);
  });
});

describe('issue 14, session 12 (docs/intel.md, "Scam-message rules by moves"): a pretext and an off-channel action', () => {
  const signs = (id: string) => judge(text(id), null).signs;
  const codes = (id: string) => signs(id).map((s) => s.code);
  it('reads a pretext with an action off the official channel, close together, as the scam message (m115 退税 + 二维码, m152 海关扣 + 交税, m072 扶贫资金 + 凭银行卡, m044 月薪 + 手机)', () => {
    const want: Record<string, [string, string]> = { m115: ['lure', 'qr'], m152: ['problem', 'fee'], m072: ['lure', 'card'], m044: ['lure', 'call'] };
    for (const [id, [pretext, action]] of Object.entries(want)) {
      const m = findMoves(text(id));
      expect(m?.pretext.kind, id).toBe(pretext);
      expect(m?.action.kind, id).toBe(action);
      expect(judge(text(id), null).level, id).toBe('high');
      for (const s of signs(id)) expect(text(id), id).toContain(s.quote);
    }
    expect(codes('m115')).toEqual(['pretext_lure', 'off_channel']);
    expect(signs('m152').map((s) => s.quote)).toEqual(['被海关扣', '交税']);
  });
  it('shows each move once: a move another sign already quotes is not repeated (m071: the link is the link sign; m156: 免费领取 is free_bait)', () => {
    expect(codes('m071')).toEqual(['link', 'threat', 'pretext_problem']);
    expect(signs('m071').find((s) => s.code === 'pretext_problem')!.quote).toBe('账户疾病医疗保险尚未激活');
    expect(codes('m156')).toEqual(['free_bait', 'add_contact']);
    expect(judge(text('m156'), null).level).toBe('high');
    // A link and "登入我行网站" are one request (m100).
    expect(codes('m100')).not.toContain('off_channel');
  });
  it('names a web address that borrows an institution\'s name or number as not the official one, quoting the address (m061, m062, m100)', () => {
    const want: Record<string, string> = { m061: 'http://10086pyzxa.com', m062: 'wap-10086vp.cn', m100: 'wap.icbcapk.com' };
    for (const [id, quote] of Object.entries(want)) expect(signs(id).find((s) => s.code === 'lookalike_domain')?.quote, id).toBe(quote);
    expect(signs('m061').find((s) => s.code === 'lookalike_domain')!.explain).toContain('10086');
  });
  it('does not take a link on the institution\'s own domain for a sign (o089 189.cn, o329 mohrss.gov.cn)', () => {
    for (const id of ['o089', 'o329']) {
      expect(codes(id), id).toEqual([]);
      expect(judge(text(id), null).level, id).toBe('none');
    }
  });
  it('names a child who opens with "妈妈" and names a sum to pay (m141), not a child who only writes home (o505, o510) nor a father offering money (o467)', () => {
    expect(codes('m141')).toEqual(['relative_money']);
    expect(flagged(judge(text('m141'), null).level)).toBe(true);
    for (const id of ['o505', 'o510', 'o467']) expect(codes(id), id).not.toContain('relative_money');
  });
  it('reads "您有傳票" as the fake-court move (m154, traditional script)', () => {
    expect(codes('m154')).toEqual(['accused']);
    expect(signs('m154')[0].quote).toBe('您有傳票');
  });
  it('finds no move in a warning that lists the scam\'s moves (o328, o330, o372, o374 traditional, o375), nor in a long notice that gives a number (o220)', () => {
    for (const id of ['o328', 'o330', 'o372', 'o374', 'o375', 'o220', 'o347', 'o368']) {
      expect(findMoves(text(id)), id).toBeNull();
      expect(codes(id).filter((c) => c.startsWith('pretext_') || c === 'off_channel'), id).toEqual([]);
      expect(flagged(judge(text(id), null).level), id).toBe(false);
    }
  });
  it('keeps a notice that only says a card will stop and sends you to the official channel at 需要留心, the same words without it as before', () => {
    // Invented from m035's words: the scam sentence alone, and with a counter and 12333 named.
    expect(judge(text('m035'), null).level).toBe('high');
    const official = judge('您的电子社保卡将于本月停用，请携带身份证到社保窗口办理，咨询电话12333。', null);
    expect(official.signs.map((s) => s.code).sort()).toEqual(['account_stopped', 'threat']);
    expect(official.level).toBe('low');
  });
  it('finds none of the session-12 signs in any dev ordinary message', () => {
    const fresh = new Set(['pretext_problem', 'pretext_lure', 'pretext_trouble', 'off_channel', 'lookalike_domain', 'relative_money']);
    const hit = loadReal<RealOrdinary>('ordinary', 'dev').filter((o) => findMoves(o.text) !== null || judge(o.text, null).signs.some((s) => fresh.has(s.code))).map((o) => o.id);
    // o678 (twelfth collection, session 14): a WeChat Pay notice "…退还了你的转账" read pretext_lure with off_channel until
    // 转账 as what was refunded stopped counting as a transfer asked for (last describe block below).
    expect(hit).toEqual([]);
  });
});

describe('issue 14, eleventh collection (session 13): general readings met in the new dev scam messages', () => {
  // Rules alone. Each reading is a principle, pinned with the dev sentence it was met in and with look-alikes that stay quiet.
  const signs = (id: string) => judge(text(id), null).signs;
  const codes = (id: string) => signs(id).map((s) => s.code);
  it('reads a web address the quoting page masked ("打开xxxxxxx(网址)", "点击X.XXXXX.XX(网站)") as a request to open one (m206, m207)', () => {
    for (const id of ['m206', 'm207']) {
      expect(findMoves(text(id))?.action.kind, id).toBe('site');
      expect(judge(text(id), null).level, id).toBe('high');
    }
    expect(signs('m207').find((s) => s.code === 'threat')?.quote).toBe('过时将被注销');
    expect(findMoves(text('m207'))?.pretext.quote).toBe('社保账户未上传');
  });
  it('reads a date or time between a thing and its expiry as part of the pretext (m183: 手机银行于2月16号下午17点59分过期)', () => {
    expect(findMoves(text('m183'))?.pretext.quote).toBe('手机银行于2月16号下午17点59分过期');
    expect(judge(text('m183'), null).level).toBe('high');
  });
  it('reads a charge on your account you never asked for, which the sender asks you to verify or cancel, as the scam (m204, m217)', () => {
    expect(codes('m204').sort()).toEqual(['callback', 'unrequested_charge']);
    expect(codes('m217')).toContain('unrequested_charge');
    for (const id of ['m204', 'm217']) expect(judge(text(id), null).level, id).toBe('high');
    // A real bill or renewal reports the charge and asks for nothing back (invented in the shape of the real ones).
    for (const t of ['本月水费86元将于15日从您的银行账户扣缴,请保持账户余额充足。', '您的保单续期保费将从您指定的银行账户划扣,为了您的保单持续有效,请保证余额充足。']) {
      expect(judge(t, null).signs.map((s) => s.code), t).not.toContain('unrequested_charge');
    }
  });
  it('reads "识别二维码" as scanning a code, and 识别 not as the negation 别 (m225: 识别二维码免费领取…仅需支付邮费)', () => {
    expect(findMoves(text('m225'))).toEqual({ pretext: { kind: 'lure', quote: '免费领取' }, action: expect.objectContaining({ kind: 'qr', quote: '识别二维码' }) });
    expect(codes('m225')).toContain('free_bait');
    expect(judge(text('m225'), null).level).toBe('high');
  });
  it('reads accumulated points "作废" with "点击换取" as a problem and a click to a stripped link (m221)', () => {
    expect(findMoves(text('m221'))).toEqual({ pretext: { kind: 'problem', quote: '累计的36280分2月9日作废' }, action: expect.objectContaining({ kind: 'site', quote: '请及时点击换取' }) });
    // An instruction to tap a button in an official App is no such click.
    expect(findMoves('打开国家医保服务平台APP,在首页点击【亲情账户】,添加家庭成员。')).toBeNull();
  });
  it('names a TV show\'s draw of a "lucky viewer" as the prize scam (m226), and a first-person changed number (m174)', () => {
    expect(codes('m226')).toEqual(['show_prize']);
    expect(flagged(judge(text('m226'), null).level)).toBe(true);
    expect(codes('m174')).toEqual(['new_number']);
  });
  it('review: real notices of the same shapes stay quiet — a charge sent to the official channel, a crew choosing whom to film, points with an official link (constructed look-alikes)', () => {
    // A bank's or operator's charge notice names its own channel for cancelling or checking; the scam names the sender's.
    for (const t of [
      '【建设银行】尊敬的客户，您的账户小额账户管理费将从您的账户中扣除，如需取消请携带本人身份证到网点办理。',
      '【中国移动】尊敬的客户，您好！已为您开通了“流量提醒”服务，如需取消，请发送QXLLTX到10086。',
      '【中国联通】您好，已为您开通了5G畅享套餐合约，如需核实请拨打10010。',
      '【招商银行】您的信用卡年费将于下月从您的卡中扣除，如需核实年费减免条件，请拨打95555。',
      '【平安银行】您的账户将开始从您的银行卡扣款偿还贷款，请核实账户余额是否充足。',
      // A cancel code replied to the sender's own service number is how a subscription ends (lead, after the review).
      '【某某视频】已为您开通了会员服务，月费15元，如需取消请回复TD。',
    ]) {
      expect(judge(t, null).signs.map((s) => s.code), t).not.toContain('unrequested_charge');
      expect(flagged(judge(t, null).level), t).toBe(false);
    }
    // Only a draw that picked the reader is the prize scam: not a crew choosing a choir, not a show's announced draw.
    for (const t of ['妈，咱们社区合唱队被电视台节目组选中了，下个月去录节目！', '爸，江西卫视的栏目组选中咱家去拍一期养老的节目，周六上午来家里。', '【央视网】感谢您参与《星光大道》互动，节目组将从参与观众中抽取幸运观众赠送纪念品，详见央视网。']) {
      expect(judge(t, null).signs.map((s) => s.code), t).not.toContain('show_prize');
    }
    expect(judge('恭喜你被央视《星光大道》栏目组选为场外幸运观众', null).signs.map((s) => s.code)).toContain('show_prize');
    // A click whose only link is the operator's own goes to the official site; with a look-alike link it stays the scam.
    expect(findMoves('【中国移动】您的积分即将清零，请及时点击兑换：https://dx.10086.cn/a1b2')).toBeNull();
    expect(findMoves('您的积分即将清零，请及时点击兑换：https://jf-10086.cn/a')?.action.kind).toBe('site');
    // A tap inside an app the reader opens is no link in the message; a site after a stop with no app stays one.
    expect(findMoves('【XX医保】您的医保电子凭证需要激活，请打开国家医保服务平台APP，点击“我的”页面激活。')).toBeNull();
    expect(findMoves('您的医保卡已冻结。打开app。点击网站激活')?.action.kind).toBe('site');
    // 过时/超时 threaten only with the heavy outcomes (m207's 注销): an order or an appointment that times out is cancelled.
    for (const t of ['【美团】您的订单超时未支付已自动取消，详情 https://i.meituan.com/x', '【XX医院】您预约的挂号超时未取号将自动取消，请准时到医院取号 http://t.cn/A6x']) {
      expect(judge(t, null).signs.map((s) => s.code), t).not.toContain('threat');
      expect(flagged(judge(t, null).level), t).toBe(false);
    }
  });
  it('finds none of the session-13 signs in any dev ordinary message', () => {
    const fresh = new Set(['unrequested_charge', 'show_prize']);
    expect(loadReal<RealOrdinary>('ordinary', 'dev').filter((o) => judge(o.text, null).signs.some((s) => fresh.has(s.code))).map((o) => o.id)).toEqual([]);
  });
});

describe('issue 14, session 14: the two look-alikes left by the session-13 review', () => {
  // Rules alone, and the shipped model where a look-alike must not be flagged at all. The look-alikes are constructed
  // (not data), in the shape of real operator notices; the scam sentences are the real dev ones that must stay flagged.
  const codes = (t: string) => judge(t, null).signs.map((s) => s.code);
  it('reads a charge or a service opened as the scam only when the answer goes back to the sender: a question put to the reader (m217) or a number, link or contact it gives (m204)', () => {
    expect(codes(text('m204')).sort()).toEqual(['callback', 'unrequested_charge']);
    expect(codes(text('m217'))).toContain('unrequested_charge');
    for (const id of ['m204', 'm217']) expect(judge(text(id), null).level, id).toBe('high');
    // Constructed: an operator's notice of a service opened, with "如需取消" and no number, link or contact of the sender's.
    for (const t of [
      '【中国联通】尊敬的客户，已为您开通了视频彩铃业务，月费15元，如需取消请及时办理。',
      '【某某视频】已为您开通了会员服务，月费15元，如需取消请在APP内操作。',
      '尊敬的用户，已为您开通了流量加油包业务，月费15元，如需取消，请登录联通APP办理。',
    ]) {
      expect(codes(t), t).not.toContain('unrequested_charge');
      expect(flagged(judge(t).level), t).toBe(false);
    }
    // Constructed: the same notice with the sender's own way back (a 400 number, a link, a WeChat to add, a caller's question) stays the sign.
    for (const t of [
      '已为您开通了XX业务，月费15元，如需取消请拨打4001234567。',
      '已为您开通了XX业务，月费15元，如需取消请点击 http://qx-vip.cn 办理。',
      '您好，给您开通了VIP会员，每月从您的银行卡扣除300元，如需取消请添加客服微信kf123。',
      '您好，给您开通了VIP会员，每月从您的银行卡扣除300元，请问您是否需要取消？',
    ]) {
      expect(codes(t), t).toContain('unrequested_charge');
      expect(flagged(judge(t, null).level), t).toBe(true);
    }
  });
  it('reads a click that points at nothing, in a text with no link that names the institution\'s own app or hotline, as made there (m221 without a channel stays the scam)', () => {
    expect(findMoves(text('m221'))?.action).toEqual(expect.objectContaining({ kind: 'site', quote: '请及时点击换取' }));
    expect(findMoves(text('m225'))?.action.kind).toBe('qr');
    expect(findMoves(text('m206'))?.action.kind).toBe('site');
    for (const id of ['m221', 'm225', 'm206']) expect(judge(text(id), null).level, id).toBe('high');
    // Constructed: points to redeem, the click made in the operator's own app or by its hotline.
    for (const t of ['您的积分即将作废，请及时点击兑换，详情登录联通APP', '【中国移动】您的积分即将作废，请及时点击兑换，详情咨询10086。']) {
      expect(findMoves(t), t).toBeNull();
      expect(flagged(judge(t).level), t).toBe(false);
    }
    // Constructed: no channel named, a click at a link ("点击下方"), or an app to download keep the move.
    for (const t of ['您的积分即将作废，请及时点击兑换', '您的积分即将作废，请及时点击下方兑换，详情登录联通APP', '您的积分即将作废，请及时点击兑换，详情下载联通APP']) {
      expect(findMoves(t)?.action.kind, t).toBe('site');
      expect(judge(t, null).level, t).toBe('high');
    }
  });
});

describe('issue 14, session 14: the constructions behind the misses on unseen batches (docs/intel.md, "Scam-message misses on unseen batches")', () => {
  // The recurring reasons of the out-of-sample misses among asks, read in other words. The scam sentences in quotes are real
  // dev ones; the others are constructed (development aids, not data), and so are the look-alikes that must not fire.
  const codes = (t: string) => judge(t, null).signs.map((s) => s.code);
  it('reads a child\'s ask as money sent to the speaker or money needed now (m164: 给我汇点钱; m138), in other words too', () => {
    expect(codes(text('m164'))).toEqual(['relative_money']);
    expect(codes(text('m138'))).toContain('relative_money');
    for (const id of ['m164', 'm138']) expect(flagged(judge(text(id), null).level), id).toBe(true);
    // Constructed: the same ask in other words (a sum sent "给我", "给我转", "我急用钱").
    for (const t of ['爷爷,我是你孙子,我急用钱,你先汇两万给我', '妈,我是小明,换了个号,你先给我转3000,急用', '奶奶,你转五千块给我,我明天还你', '爸,你给我打点钱吧,这个月房租不够']) {
      expect(codes(t), t).toContain('relative_money');
      expect(flagged(judge(t, null).level), t).toBe(true);
    }
  });
  it('reads money needed named as a matter as no ask (review; constructed — the shipped model alone puts it near its bar)', () => {
    expect(codes('妈,我这边急用钱的事已经解决了,不用担心')).toEqual([]);
  });
  it('reads a warning that calls what it quoted a scam with a pointing word (这是/这都是/以上都是) as a warning (review; constructed)', () => {
    for (const t of [
      '【反诈提醒】有人加V:abc123说能办低息贷款,这是诈骗,请勿添加。',
      '【XX社区】紧急提醒:有居民接到电话称其医保卡未完成实名核验,要求点击链接办理,这都是骗局!',
    ]) expect(flagged(judge(t).level), t).toBe(false);
    // The same pitch without the warning's closing words keeps its verdict.
    expect(flagged(judge('有人加V:abc123说能办低息贷款', null).level)).toBe(true);
  });
  it('does not read a child who sends money home, thanks for it, declines it or offers it as an ask (constructed look-alikes)', () => {
    for (const t of [
      '妈,我给你转了3000块,记得买药',
      '爸,你上次给我转的钱收到了,别再给我打钱了',
      '妈,你别给我转钱了,我工资够用',
      '奶奶,你要是急用钱就跟我说,我给你打两千过去',
      '爸,我这个月奖金发了,转五千给你',
      // Review (session 14): 打 and 转 after 给我 are also to call and to forward — no money, no ask.
      '妈,到家了给我打个电话',
      '爸,有空给我打电话,我想跟你说点事',
      '妈,把群里那个养生文章给我转一下',
      '爷爷,生日快乐!晚上给我打视频',
      '妈,刚才银行给我打电话说信用卡年费的事,我处理好了',
      // Money needed once is no ask now.
      '爸,上次我急用钱是你帮的忙,这次的钱还你了',
    ]) {
      expect(codes(t), t).toEqual([]);
      expect(flagged(judge(t).level), t).toBe(false);
    }
  });
  it('reads a registration not done and goods held by customs or the police as a problem (m152: 被海关扣), in other words too', () => {
    expect(findMoves(text('m152'))?.pretext).toEqual({ kind: 'problem', quote: '被海关扣' });
    // Constructed: the same pretexts in other words, with an action off the channel.
    for (const [t, quote] of [['您的ETC卡未完成实名登记,请点击链接办理', 'ETC卡未完成实名登记'], ['您的包裹被海关查扣,需缴纳关税', '被海关查扣']]) {
      expect(findMoves(t)?.pretext.quote, t).toBe(quote);
      expect(judge(t, null).level, t).toBe('high');
    }
    // Constructed look-alikes: the same pretexts that send the reader to the official place, or no action at all.
    for (const t of ['您的社保卡未完成实名登记,请携带身份证到社区服务中心办理', '您的账户未完成实名认证,请登录官方APP完成认证', '旅客您好,您托运的行李被安检查扣,请到服务台处理']) {
      expect(findMoves(t), t).toBeNull();
      expect(flagged(judge(t).level), t).toBe(false);
    }
    // Review (session 14), constructed: a bare 未登记 is a record's state, not a process the holder failed — even with a
    // manager's mobile; a registration of identity or one not completed still reads.
    expect(findMoves('【XX物业】您的车辆未登记,请联系物业张经理13812345678办理。')).toBeNull();
    expect(findMoves('您的ETC未实名登记,请点击链接办理')?.pretext.kind).toBe('problem');
  });
  it('reads a masked or spelled-out way off the channel as the way it stands for (m156: 添加VX; m206, m207: a masked address), in other words too', () => {
    expect(codes(text('m156'))).toContain('add_contact');
    for (const id of ['m206', 'm207']) expect(findMoves(text(id))?.action.kind, id).toBe('site');
    // Constructed: a WeChat id after a one-letter alias, an address masked with ×, an address the text points to.
    for (const [t, kind] of [['您有一笔退款待领取,请加V:xxxx办理', 'contact'], ['您的快递丢失,理赔请加薇:abc888', 'contact'], ['您的社保补贴已到账,请登陆××××.com领取', 'link'], ['您的社保卡需要升级,请到以下网址办理:xxxx', 'site']]) {
      expect(findMoves(t)?.action.kind, t).toBe(kind);
      expect(judge(t, null).level, t).toBe('high');
    }
    // Constructed look-alikes: a version number, a neighbour's group chat, a school's own site, a counter below.
    for (const t of ['版本V:2.0已发布,详情见官网', '您好,团购群加薇:xiaoli888,每天有特价菜', '请到以下网址查询成绩:www.xxx.edu.cn', '社保卡领取请到下方网点办理']) {
      expect(findMoves(t), t).toBeNull();
      expect(flagged(judge(t).level), t).toBe(false);
    }
  });
  it('reads an account or identity said to be part of a case as trouble (m137: 你涉嫌…洗钱), in other words too', () => {
    expect(codes(text('m137'))).toContain('accused');
    // Constructed: 涉案 / 涉及…案 with a number or a safe account, and a warning and a court's notice that must stay quiet.
    for (const t of ['您的身份信息涉及一起非法集资案,请联系王警官配合调查,电话0371-6666****', '你名下的银行卡涉案,需要将资金转入安全账户核查']) {
      expect(findMoves(t)?.pretext.kind, t).toBe('trouble');
      expect(judge(t, null).level, t).toBe('high');
    }
    for (const t of ['【北京法院】尊敬的当事人,您涉及的(2023)京0105民初123号案件已立案,详情请登录12368查询', '张大爷,社区提醒:如有人说您的账户涉案,要您转账到安全账户的,都是骗子']) {
      expect(findMoves(t), t).toBeNull();
      expect(flagged(judge(t).level), t).toBe(false);
    }
    // Review (session 14), constructed: a case's money (涉案资金), the case the reader is party to (涉及的…案件) and a civil dispute
    // (纠纷) accuse no one — a police call-back to a victim, a prosecutor's notice, a civil court's — even with a direct number.
    for (const t of [
      '【XX派出所】您报案的案件有新进展,涉案资金已部分追回,请联系办案民警13905711234。',
      '【XX检察院】您作为被害人涉及的诈骗案件已提起公诉,如有疑问请拨打0571-85001234。',
      '【XX区人民法院】您涉及一起民间借贷纠纷案件,已立案受理,请联系承办法官助理0571-87001234。',
    ]) {
      expect(findMoves(t), t).toBeNull();
      expect(flagged(judge(t).level), t).toBe(false);
    }
    // The accusation itself still reads (constructed).
    for (const t of ['您的银行卡涉案,请下载APP配合调查', '您的身份证涉及一起洗钱案件,请添加办案警官微信']) expect(judge(t, null).level, t).toBe('high');
  });
  it('reads a charge "to be deducted" from a card of yours, answered to the sender, as unrequested_charge (m204), but not a bank\'s annual-fee notice', () => {
    expect(codes(text('m204'))).toContain('unrequested_charge');
    // Constructed look-alikes: a bank's annual-fee notice with its credit-card centre's 400 number (the shape of a real
    // 招商银行 notice; the review of session 14 found it read high when the card named before the deduction counted), its
    // 95 hotline, its own app, a loan repayment reminder.
    for (const n of ['【招商银行】您的信用卡年费将于3月5日扣除300元,如需取消请致电4008205555', '您的信用卡将于本月25日扣除年费200元,如需取消请致电95555', '您的信用卡将于下月扣除年费,如需取消请登录手机银行办理', '您尾号1234的储蓄卡将于明日扣款3200元用于还贷,请确保余额充足。']) {
      expect(codes(n), n).not.toContain('unrequested_charge');
      expect(flagged(judge(n).level), n).toBe(false);
    }
  });
  it('reads a fee in a text that sends the reader only to the official channel as paid there (review of session 14)', () => {
    // Constructed: a customs notice whose hotline (12360) sits in another clause than the duty to pay.
    const notice = '您的包裹被海关查扣,需缴纳关税,请拨打12360咨询';
    expect(findMoves(notice)).toBeNull();
    expect(flagged(judge(notice).level)).toBe(false);
    // Constructed: the same pretext with a way off the channel still reads high; a fee no office charges stays a sign.
    for (const t of ['您的包裹被海关查扣,需缴纳关税,请加微信abc123处理', '您的包裹被海关扣了,需缴纳关税,请拨打13912345678', '您的社保卡已冻结,需缴纳解冻费,详情请到社保服务大厅']) {
      expect(judge(t, null).level, t).toBe('high');
    }
  });
  it('finds no relative_money and no move in any dev ordinary message (checked again with these readings)', () => {
    const hit = loadReal<RealOrdinary>('ordinary', 'dev').filter((o) => findMoves(o.text) !== null || judge(o.text, null).signs.some((s) => s.code === 'relative_money')).map((o) => o.id);
    // o678 (twelfth collection, session 14) was read as a move until the fix after the reading (last describe block below).
    expect(hit).toEqual([]);
  });
});

describe('issue 14, session 14: fixes after the twelfth collection\'s reading (docs/intel.md, "Fixes after the reading (session 14)")', () => {
  // Written after this release's held-out reading, from dev texts only: not measured on held-out.
  const codes = (t: string) => judge(t, null).signs.map((s) => s.code);
  const both = (t: string) => [judge(t, null).level, judge(t).level];
  it('reads 过户 in an operator\'s list of what befalls a number as the line\'s transfer, not a house pledge (o657)', () => {
    expect(codes(text('o657'))).not.toContain('house_mortgage');
    expect(codes('如有办理合约且于合约生效期间转品牌销户、过户、离网、取消方案等均视为违约')).not.toContain('house_mortgage');
    // Constructed scams of the same shape: 过户 asked for with no line service beside it stays the pledge, and flagged.
    for (const t of ['请提供验证码办理过户。', '【工商银行】您的账户存在风险，请提供验证码办理过户手续。', '您的房产证需要办理过户，请将房子过户给我司后领取养老金。']) {
      expect(codes(t), t).toContain('house_mortgage');
      expect(flagged(judge(t, null).level), t).toBe(true);
    }
  });
  it('reads a term that ends by itself ("到期自动失效") as no threat, but keeps points that "到期自动清零" (o657)', () => {
    expect(codes('订购成功立即生效，有效期7天，到期自动失效，无需退订。')).not.toContain('threat');
    // Constructed scam: points pressed with their expiry keep the threat.
    expect(codes('您的积分将于今日到期自动清零，请点击 http://jf-10086.top 兑换礼品。')).toContain('threat');
  });
  it('does not take a code the text itself delivers, asked back by its own sender through its own channel, for a request for someone\'s code (o657)', () => {
    const v = judge(text('o657'));
    expect(v.signs).toEqual([]);
    expect(flagged(v.level)).toBe(false);
    expect(flagged(judge(text('o657'), null).level)).toBe(false);
    // Constructed scams: the code told to a caller, a way off the channel given, or a code the text does not carry.
    for (const t of ['【中国移动】您的验证码为123456，请提供验证码给来电的工作人员办理过户，详询10086。', '【中国移动】本次办理的验证码为【 888888 】，请确认后提供验证码办理，请点击 http://10086-cm.top 确认。', '请提供验证码办理过户。']) {
      expect(codes(t), t).toContain('transfer_request');
      expect(both(t), t).toEqual(['high', 'high']);
    }
  });
  it('reads words the text quotes after naming them the scam\'s as the scam\'s, not the sender\'s (o660)', () => {
    expect(judge(text('o660')).signs).toEqual([]);
    expect(flagged(judge(text('o660')).level)).toBe(false);
    expect(flagged(judge(text('o660'), null).level)).toBe(false);
    // Constructed scams: the same words said as the sender's own, unquoted, stay high.
    for (const t of ['您的ETC已停用，请点击链接 http://etc-cq.top 重新认证。', '【ETC】您的ETC已停用，请点击链接重新认证。']) {
      expect(codes(t), t).toContain('account_stopped');
      expect(both(t), t).toEqual(['high', 'high']);
    }
  });
  it('reads 转账 as what a payment platform refunded as no transfer asked for (o678), but keeps a fake refund\'s way off the channel', () => {
    expect(judge(text('o678')).signs).toEqual([]);
    expect(findMoves(text('o678'))).toBeNull();
    expect(judge(text('o678')).level).toBe('none');
    // Constructed fake refunds: the refund is still the lure, the WeChat, QQ or link still the move.
    for (const t of ['退还您的转账请加微信abc123领取。', '【微信支付】您有一笔退款待领取，退还您的转账需联系客服QQ:123456。', '退款金额100元，退还了您的转账，请点击 http://wx-pay.top 领取。']) {
      expect(codes(t), t).toContain('pretext_lure');
      expect(both(t), t).toEqual(['high', 'high']);
    }
  });
  it('reads a rule stated for every such ask ("任何要求…的电话均为诈骗") as a warning, its talk of fraud no harm done (o684)', () => {
    expect(judge(text('o684')).signs).toEqual([]);
    expect(judge(text('o684')).level).toBe('none');
    expect(judge(text('o684'), null).level).toBe('none');
    // Constructed pitch that borrows the words of fraud: its own signs keep it high.
    expect(both('所有人都说这是诈骗，但我们的项目保本保息，年化收益20%。')).toEqual(['high', 'high']);
  });
  it('reads a 保障 said to have arrived as money for you, so "點擊網址領" beside it is the move (m238, traditional script; m076 its simplified twin)', () => {
    for (const id of ['m238', 'm076']) {
      expect(codes(text(id)), id).toEqual(['windfall', 'off_channel']);
      expect(judge(text(id)).level, id).toBe('high');
    }
    // Constructed look-alike: a real reimbursement notice that sends the reader to the official app asks nothing off the channel.
    expect(flagged(judge('您的医保报销款已到账，详情请登录国家医保服务平台APP查询。', null).level)).toBe(false);
  });
});

describe('issue 14, session 15: readings from the thirteenth collection\'s dev misses (docs/intel.md, "Thirteenth collection (session 15)")', () => {
  // Written after the honest estimate on the new dev items, from dev texts only: not measured on held-out.
  const codes = (t: string) => judge(t, null).signs.map((s) => s.code);
  const both = (t: string) => [judge(t, null).level, judge(t).level];
  it('reads a suspension done to the reader\'s account or service, said verb first, as the problem, and 連結 as a link (m278)', () => {
    expect(codes(text('m278'))).toEqual(['pretext_problem', 'off_channel']);
    expect(both(text('m278'))).toEqual(['high', 'high']);
    // Constructed scams of the same move in other words: high.
    for (const t of ['已停用您的社保卡，请点击以下连结重新认证', '我們已暫停您的會員服務，請點擊以下連結更新付款資料。', '系统检测到异常，已暂停你名下的银行卡，请添加客服微信abc123处理']) {
      expect(codes(t), t).toContain('pretext_problem');
      expect(both(t), t).toEqual(['high', 'high']);
    }
    // Constructed look-alikes: a bank's maintenance notice (no one's account), a suspension sent to the counter or the
    // official number, a link with no pretext, a warning that quotes the scam's words — none flagged.
    for (const t of [
      '【XX银行】尊敬的客户，因系统升级，我行将于今晚23:00至次日2:00暂停手机银行服务，给您带来不便敬请谅解。',
      '【XX银行】尊敬的客户，因您的账户长期未使用，我行已暂停您的账户非柜面交易，如需恢复请携带本人身份证到网点办理。',
      '因您的账户存在异常交易，我行已暂时冻结您的账户，请本人携带身份证到任一网点解冻。',
      '您好，因您欠费，我们已暂停您的宽带服务，缴费后自动恢复，详询10000。',
      '請點擊以下連結查看本期電子帳單。',
      '您的订单已发货，点击以下连结查看物流：',
      '近期有詐騙簡訊稱「已暫停您的帳戶」並要求點擊連結，請勿點擊。',
    ]) {
      expect(findMoves(t), t).toBeNull();
      expect(flagged(judge(t).level), t).toBe(false);
      expect(flagged(judge(t, null).level), t).toBe(false);
    }
  });
  it('reads advice to those who may already have acted ("若曾…提供个人资料,应与警方联络") as a warning, its 可疑 no harm done (o701)', () => {
    expect(judge(text('o701')).level).toBe('none');
    expect(judge(text('o701'), null).level).toBe('none');
    for (const t of ['市民如曾向可疑人士提供银行卡资料，应尽快与警方联络，并通知发卡银行。', '如您已向對方轉帳，請立即報警。']) {
      expect(flagged(judge(t).level), t).toBe(false);
    }
    // Constructed scam that borrows the form: its own signs keep it high.
    expect(both('您的账户涉嫌洗钱，如已泄露资料请立即联系我们警官，添加QQ:123456。')).toEqual(['high', 'high']);
  });
});

describe('review of session 15: look-alikes of the new readings (constructed, not from any data set)', () => {
  const both = (t: string) => [judge(t, null).level, judge(t).level];
  const notFlagged = (t: string) => {
    expect(flagged(judge(t).level), t).toBe(false);
    expect(flagged(judge(t, null).level), t).toBe(false);
  };
  it('advice to those already harmed is read only for a text with no sign: a fake police call that borrows it keeps its signs', () => {
    // Read to disarm signs as reported speech, the advice made "被不法分子冒充…涉嫌洗钱" the scammer's words (high → low by the rules).
    const call = '您好，我是市公安局民警，您的身份证被不法分子冒充办理了银行卡，涉嫌洗钱。如您已经泄露过个人信息，须立即与警方联系，请添加办案民警QQ：12345678配合调查。';
    expect(judge(call, null).signs.map((s) => s.code)).toEqual(expect.arrayContaining(['accused', 'add_contact']));
    expect(both(call)).toEqual(['high', 'high']);
    // o701's reading is kept (its own test above), and so is a warning of the form with no sign.
    notFlagged('如您已向對方轉帳，請立即報警。');
  });
  it('reads no 关闭 done to the reader\'s service as trouble: it is as often closed at the reader\'s request', () => {
    notFlagged('【某银行】根据您的申请，我行已关闭您的短信通知服务，如需重新开通请登录手机银行或点击 http://t.cn/A6abcd');
    expect(findMoves('【某银行】根据您的申请，我行已关闭您的短信通知服务，如需重新开通请登录手机银行或点击 http://t.cn/A6abcd')).toBeNull();
    // The suspension verbs of WRONG, said first, still read (m278 and the constructions above).
    expect(both('系统检测到异常，已冻结你名下的银行卡，请点击以下连结解冻。')).toEqual(['high', 'high']);
  });
  it('reads 连结 as a link only after a click or a pointer at it, not as the verb "to connect"', () => {
    // (Its 医保卡已过期 is a word to heed, medium before session 15 too; the 连结 of 站点 adds no action to it.)
    expect(findMoves('您的医保卡已过期，请到社区服务站办理，服务站点连结各村卫生室，方便老人就近办理。')).toBeNull();
    expect(findMoves('【社区】老年卡年审即将到期，欢迎打开心与心的连结，到社区参加重阳活动。')).toBeNull();
    notFlagged('【社区】老年卡年审即将到期，欢迎打开心与心的连结，到社区参加重阳活动。');
    for (const t of ['您的帳戶已被凍結，請點擊下方連結解凍。', '您的社保卡已停用，点击短信中的连结重新认证。', '您的手机银行即将过期，请按此连结更新。']) {
      expect(both(t), t).toEqual(['high', 'high']);
    }
  });
  it('keeps a subsidy named as the scheme\'s pretext (以…补贴为名) a relief scheme, though a return is promised (the guide\'s rule 4 before rule 6)', () => {
    const t = '某公司以发放高龄补贴为名，要求老人缴纳500元激活费，并承诺每年返还本金和补贴。';
    expect(judge(t, null).fraudTypes[0]?.code).toBe('elderly_assistance');
    expect(judge(t).fraudTypes[0]?.code).toBe('elderly_assistance');
    // A subsidy paid as the return (session 15's rule) still reads 养老项目.
    expect(judge('老人交了3万元床位预订金，对方承诺每年领取8%的养老补贴作为利息，三年后本金全额返还。', null).fraudTypes[0]?.code).toBe('elderly_project');
  });
  it('reads 投资 before a company the money went into as money put in ("投资该集团", "投资原始股份"); only a name runs straight to 有限/集团', () => {
    for (const t of ['业务员动员老人投资该集团，称一年后可翻倍。', '业务员动员老人投资某集团，称一年后可翻倍。', '老人被劝说投资原始股份，共投入5万元。']) {
      expect(typeCues(t).find((c) => c.code === 'elderly_project')?.quote, t).toBe('投资');
    }
    expect(typeCues('他原来在一家投资控股集团工作，退休后住进了养老院。').map((c) => c.code)).not.toContain('elderly_project');
  });
});

describe('issue 14, session 16: false-alarm kinds on unseen and constructed ordinary texts (docs/intel.md, "False-alarm kinds … (session 16)")', () => {
  // Constructed look-alikes (constructed-lookalikes.ts: written for this audit, not data). Each kind is one way the rules of
  // earlier days over-fired on unseen dev ordinary texts (bench/intel-cal-unseen.ts --fp).
  const both = (t: string) => [judge(t, null).level, judge(t).level];
  const notFlagged = (t: string) => {
    expect(flagged(judge(t).level), t).toBe(false);
    expect(flagged(judge(t, null).level), t).toBe(false);
  };
  // Left on purpose (docs/intel.md): a 民警's account of how the scam runs with no warning word ("遇到这种情况，一定要先给家人打
  // 电话": a scam's own order borrows the form), and three reports of fraud stopped ("劝阻", "堵截", "挽回损失": the rules read the
  // 诈骗 of a 劝阻 as harm done; the other two are flagged by the model alone).
  const KNOWN_ORDINARY = new Set([
    '民警介绍，骗子先冒充“孙子”打电话，说自己打架被抓了，急需保释金，再让“律师”上门取钱。遇到这种情况，一定要先给家人打电话。',
    '市公安局通报：今年以来全市电信网络诈骗案件发案数同比下降三成，挽回群众损失一千余万元。',
    '派出所民警走访辖区银行网点，与柜员一起劝阻了一起疑似诈骗的大额汇款，为老人保住了积蓄。',
    '本行今年共成功堵截电信诈骗资金十余笔，为客户挽回损失八十余万元。',
  ]);
  // Constructed scams the rules did not flag before this session either (not read by any session-16 principle).
  const KNOWN_MISSED = new Set([
    '我是养老院的王主任，床位紧张，先交5万元床位预订金到我个人账户，可以优先入住，每年还返8%利息。',
    '【菜鸟驿站】您的包裹丢失，可获得赔偿300元，请加客服微信 cnyz-55 办理理赔。',
    '我是你领导，明天到我办公室来一趟，先帮我转笔钱到这个账户，回头还你。',
    '足不出户，日赚三百，只需点赞关注，加QQ 556677 领任务，先垫付后返佣。',
    '我是银行工作人员，您的卡有风险，我上门帮您把卡和密码收走保管，您把存款取出来交给我们。',
    '【京东客服】您的订单退款失败，需要您在借贷App上开通额度后才能退款，请按我的指引操作。',
  ]);
  it('flags none of the constructed ordinary look-alikes (both batches), but the four known ones', () => {
    for (const { text: t } of [...CONSTRUCTED_ORDINARY, ...PROBE_ORDINARY]) if (!KNOWN_ORDINARY.has(t)) notFlagged(t);
  });
  it('keeps every constructed scam of the same surfaces flagged by the rules, but the six known misses', () => {
    for (const { text: t } of [...CONSTRUCTED_SCAMS, ...PROBE_SCAMS]) if (!KNOWN_MISSED.has(t)) expect(flagged(judge(t, null).level), t).toBe(true);
  });
  it('reads words someone said or sent, quoted whole in a text that warns and disbelieves them, as the scam\'s (warning_quote)', () => {
    // The o328/o660 kind, without "诈骗" right after the quote: the warning and the disbelief are elsewhere in the text.
    for (const t of [
      '网警提示：收到“您的账户存在异常，已被冻结，请下载APP解冻”的短信，切勿相信，银行账户问题请到柜台办理。',
      '公安局温馨提示：接到“我是公安局的，你涉嫌洗钱，要把钱转到安全账户”的电话，马上挂断，公安机关没有安全账户。',
      '反诈小课堂：“爸，我换号了，这是我的新号码，先别告诉妈”——收到这样的消息，一定要打孩子原来的电话核实。',
    ]) notFlagged(t);
    // The scam in its own voice, and a scam that quotes a word (not a message) beside a warning tail, stay high.
    expect(both('您的账户存在异常，已被冻结，请下载APP解冻。')).toEqual(['high', 'high']);
    expect(both('您有一笔“养老补贴”待领取，点击 http://bt-lq.top 领取，谨防诈骗。')).toEqual(['high', 'high']);
  });
  it('reads a sender\'s statement of what it never asks (不会…要求/索要…) as a denial (o613, o374 sentences)', () => {
    // Real dev sentences, read alone (outside their warnings' frames): medium before session 16.
    notFlagged('在任何情况下,工行都不会向客户索要银行卡或存折密码,也不会以短信、邮件等方式主动要求其将资金转入某指定账户');
    notFlagged('社保經辦機構不會僅僅通過電話、短信要求參保人員進行銀行賬戶的操作,更不會通過電話方式要求參保人員提供個人賬戶的密碼。');
    notFlagged('社保经办机构不会通过电话、短信要求参保人提供银行卡密码，也不会要求参保人往任何账户转账，请广大参保人牢记。');
    // A new ask after the denial keeps its sign.
    expect(flagged(judge('我们不会要求您支付任何费用，但需要您提供银行卡密码和验证码完成验证。', null).level)).toBe(true);
  });
  it('reads "有人冒充…" as the scammer in the third person, and an institution\'s "我院/我行不会…" as a warning', () => {
    notFlagged('【某某医院】近期有人冒充我院医生，以“专家会诊”“特效药”为由向患者家属收取费用。我院不会私下收取任何费用，请到收费处核实。');
    notFlagged('医保局提醒：有人冒充医保工作人员，以医保卡异常、需要重新认证为由，让参保人点击链接填写个人信息。医保业务请到医保服务窗口或国家医保服务平台App办理。');
    expect(both('【医保局】您的医保卡异常，需要重新认证，请点击 http://yb-rz.top 填写个人信息。')).toEqual(['high', 'high']);
  });
  it('reads a denial right before the thing ("没有安全账户"), but not a thing not done ("没有交纳…费", o280; "没有替她…支付费用", c110)', () => {
    notFlagged('老年人防骗要记住：公检法没有安全账户；中奖要先交钱的是骗局；保本高息的理财是陷阱；陌生人要验证码一律不给。');
    expect(judge(text('o280'), null).signs.map((s) => s.code)).toContain('fee');
    expect(judge(text('c110'), null).signs.map((s) => s.code)).toContain('fee');
  });
  it('reads a sign followed by a bare "别信/不要理" as denied', () => {
    notFlagged('孙子给奶奶写的便条：陌生电话说我出事了要钱，别信，先打我手机；有人让你点链接、报卡号，不要理。');
    // With an object the denial is the scam's own ("不要相信其他人").
    expect(flagged(judge('您的账户已冻结，请加客服微信 kf123 解冻，不要相信其他人。', null).level)).toBe(true);
  });
  it('reads money said as already moved into the reader\'s own account as a receipt, not as money asked for (not m146\'s "将…转到你名下的银行卡")', () => {
    notFlagged('【XX银行】您购买的定期存款已于今日到期，本金及利息已转入您的活期账户，如需续存请到网点或登录手机银行办理。');
    notFlagged('【保险公司】您的理赔申请已审核通过，理赔款3,200元已转入您指定的银行账户，请注意查收。');
    notFlagged('【个人所得税】您有一笔2024年度个税退税已办理成功，退税款将退至您填报的银行卡，可登录个人所得税App查看。');
    expect(judge(text('m146'), null).signs.map((s) => s.code)).toContain('transfer_request');
    expect(both('您的理赔款已到账，请立即转入您名下的安全账户并缴纳手续费300元。')[0]).toBe('high');
  });
  it('reads a fee paid at the institution\'s own counter or channel, with no way off it, as a bill (o375 sentence)', () => {
    // Real dev sentence, read alone: low (fee) before session 16.
    expect(judge('另外,供電公司不允許員工通過私人銀行賬戶或社交賬戶收取客戶費用。如有欠費,要通過官方渠道查詢欠費信息,交納電費,以免產生不必要的損失。', null).level).toBe('none');
    notFlagged('【某某医院】您的住院预交金余额不足，请家属于明日到住院部收费处或通过医院公众号缴纳预交金5000元。');
    notFlagged('【某某医院】您的住院费用已结算，需补缴1,280元，请到一楼住院处结算窗口或医院公众号办理出院结算。');
    // The same bill with a way off the channel keeps its signs.
    expect(flagged(judge('【某某医院】您的住院预交金余额不足，请于今日缴纳预交金5000元，加财务微信 cw5566 转账。', null).level)).toBe(true);
  });
  it('reads a return said to be uncertain, the lawful 反向抵押 product, a password kept secret and money offered by a child as no sign', () => {
    notFlagged('分红型保险的分红是不确定的，保险公司会根据实际经营情况每年确定分红水平，过去的分红不代表以后。');
    notFlagged('住房反向抵押养老保险，俗称以房养老，是由保险公司经营的正规业务，老人可将房产抵押给保险公司，按月领取养老金。');
    notFlagged('妈，你的医保卡我帮你激活了，以后在药店买药直接刷卡就行，密码是你生日，别告诉别人。');
    notFlagged('爸，你那张工资卡我帮你挂失补办了，新卡要一周才能拿，这几天要用钱跟我说，我给你转。');
    expect(both('本公司养老项目保本保息，年化收益18%，投资10万元三年翻倍。')[0]).toBe('high');
    expect(both('以房养老新政策：把房子抵押给我们公司，每月领取1万元高额回报，稳赚不赔，快来咨询。')[0]).toBe('high');
    expect(flagged(judge('这件事涉及国家机密，不要告诉任何人，包括你的家人。', null).level)).toBe(true);
    expect(flagged(judge('妈，我急需用钱交学费，你先给我转5000。', null).level)).toBe(true);
  });
  it('reads 诈骗 that names what a message was ("经核实为诈骗短信") as a verdict, not harm done', () => {
    notFlagged('近期多位居民反映收到“您的燃气补贴已到账，请点击链接领取”的短信，经核实为诈骗短信，燃气公司从未发放此类补贴。');
    expect(judge('老人收到诈骗短信后点开链接，被骗走3万元。', null).harm).not.toBeNull();
  });
});

describe('independent constructed set (session 16): asks off the channel, and the look-alikes that must stay unflagged (constructed, not data)', () => {
  const both = (t: string) => [judge(t, null).level, judge(t).level];
  const high = (t: string) => expect(both(t), t).toEqual(['high', 'high']);
  const notFlagged = (t: string) => {
    expect(flagged(judge(t).level), t).toBe(false);
    expect(flagged(judge(t, null).level), t).toBe(false);
  };
  it('reads the ask said object first ("把钱…转给", "把卡号和密码报给") and a sum between the verb and the account; not what someone did, nor money to the reader', () => {
    high('老同学,我在外地住院了,麻烦你把医药费先转到我这个卡上:6217****8812,出院就还你。');
    high('您的社保卡被盗用,需要核实身份,请您把银行卡号和密码报给我们工作人员。');
    high('姥爷,我打球把同学眼睛弄伤了,你先转6000到同学爸爸的卡上,千万别告诉我妈。');
    expect(flagged(judge('阿姨,这个疗程的鱼油3980元,您把钱微信转给我,我让快递送到家。', null).level)).toBe(true);
    expect(flagged(judge('请各位退休职工把社保卡卡号和密码报给网格员统一登记。', null).level)).toBe(true);
    notFlagged('我把存折交给儿子保管了,你放心吧。');
    notFlagged('不要把密码告诉任何人,包括银行工作人员。');
    notFlagged('妈,钱我已经把钱转给你了,你查一下。');
    notFlagged('把钱存到银行定期,比放家里安全。');
    notFlagged('退休金3,100元已转3100元到您的银行卡,请注意查收。');
    // An ID number asked object first is an action beside a pretext, not a sign alone (as verb first): a child booking a doctor.
    notFlagged('爸,你把身份证号发给我,我帮你在网上预约体检。');
    high('您的社保卡已停用,请把身份证号和银行卡号发给我们重新办理。');
    // c114 (real dev case): "她把存有…积蓄的存折交给袁大爷管理" tells what someone did; no transfer_request from it.
    expect(judge(text('c114'), null).signs.find((s) => s.code === 'transfer_request')?.quote ?? '').not.toContain('存折交给');
  });
  it('reads the pension as the thing in trouble (停发, 核查未通过) beside a number off the channel; not the 12333 notice', () => {
    high('您的退休金因资格核查未通过已暂停发放,请致电0371-6655****办理恢复。');
    notFlagged('【人社局】您的养老金资格认证未通过,请本人携带身份证到社区服务站重新认证,咨询12333。');
  });
  it('reads a prize by rank, a payout topped up and a promised buy-back as money for the reader; numbers masked as HK/TW pages print them', () => {
    high('恭喜您获得三等奖,奖金8000元,请拨打0755-2233****领奖。');
    high('長者津貼加發一次性補助,請於今日致電2831-****登記銀行戶口。');
    expect(flagged(judge('这套纪念金币您现在买,明年我们公司高价回购,您去银行汇款就行。', null).level)).toBe(true);
    notFlagged('社区老年门球赛我们队获得三等奖,奖品请到居委会领取。');
  });
  it('reads a contact given as "加一下我的微信", a WhatsApp/LINE id, a reply code to apply, and "按我说的操作" as ways off the channel', () => {
    high('您有一笔退款待领取,请加一下我的微信,我发您退款链接。');
    high('您的快递理赔款已审核,请WhatsApp 6677****联系理赔专员领取。');
    high('您有20万元备用金额度可用,回复1申请,回2查询利率。');
    high('您的医保账户被冻结了,现在按我说的操作,先打开手机银行。');
    // Real dev opening m263 ("必须马上按我说的做才能解除嫌疑"): medium by the rules before, high now.
    expect(judge(text('m263'), null).level).toBe('high');
    notFlagged('【物业】本月物业费已出账,如需电子发票请回复1。');
    notFlagged('妈,你手机设置不会弄就按我说的做,先点设置,再点通用。');
  });
  it('reads 刷单 and a commission per order as the task scam; not 刷单诈骗 named in a warning', () => {
    expect(flagged(judge('在家帮网店刷单,每单佣金20元,当天结算。', null).level)).toBe(true);
    notFlagged('民警提醒:这类兼职其实是刷单诈骗,别信。');
  });
  it('reads money paid into what only the reader holds (您社保卡, 您指定的账户) as a payout, said as done or not; 名下 and 安全账户 keep the sign', () => {
    notFlagged('您的高龄津贴每月100元,直接打到您社保卡上,不用跑社区。');
    notFlagged('【保险公司】您的满期金将于到期日转入您指定的银行账户,请留意查收。');
    notFlagged('阿姨,您的理赔材料齐了,下周赔下来,钱直接打到您卡上。');
    expect(judge(text('m146'), null).signs.map((s) => s.code)).toContain('transfer_request');
    high('您的理赔款已到账,请立即转入您名下的安全账户并缴纳手续费300元。');
  });
  it('reads warnings that describe a kind of scam, call it fraud in general, or deny a cure as warnings; a news report of cases keeps its sign', () => {
    notFlagged('老人家注意:降压药不能治好高血压,只能控制,要遵医嘱。');
    notFlagged('【反诈中心】说能高价回购藏品的都是骗局,请勿购买。');
    notFlagged('近期冒充燃气公司上门收取安检费的情况增多,燃气公司安检不收费,请大家不要相信。');
    notFlagged('【派出所】提醒您:冒充孙子借钱的电话很多,接到说"手机坏了""出事了"要钱的,先打原号码核实。');
    notFlagged('【銀行公會】提提你:任何人要求你提供一次性密碼或把款項轉到「安全戶口」,都是騙案!');
    notFlagged('社区民警提醒:凡是电话里要求您保密、不能告诉家人、要求转账的,都是诈骗。');
    // c016 (real dev case, a news report of cases: "冒充退管处工作人员以补发工资为名诈骗老年人钱财的案件") tells the reader nothing.
    expect(judge(text('c016'), null).signs.map((s) => s.code)).toContain('official_impersonation');
  });
});

describe('third constructed set (session 16): asks in the forms elders receive, and their look-alikes (constructed, not data; docs/intel.md "A third constructed set for detection")', () => {
  const levels = (t: string) => [judge(t, null).level, judge(t).level];
  const high = (t: string) => expect(levels(t), t).toEqual(['high', 'high']);
  const flags = (t: string) => expect(levels(t).map(flagged), t).toEqual([true, true]);
  const notFlagged = (t: string) => expect(levels(t).map(flagged), t).toEqual([false, false]);
  it('reads money asked through a payment channel ("微信转我", "支付宝转给这个人", "汇给我", "打我卡上"); not money already sent, sent to the reader, or a text forwarded', () => {
    flags('舅妈,我钱包丢了回不了家,你微信转我五百块,到家就还你。');
    flags('外婆我在派出所,要交罚款,你用支付宝转给这个人就行,别告诉我妈。');
    flags('阿嬤我住院了,要先繳保證金,妳可以先去郵局匯給我嗎?');
    flags('老姐妹,养老院项目又开放了,要投的今晚把钱打我卡上,我明天一起交。');
    notFlagged('妈,钱我用支付宝转给你了,收一下。');
    notFlagged('上次的钱我已经微信转给他了,你别担心。');
    notFlagged('这篇文章写得好,你转给我爸看看。');
    notFlagged('到家了打给我,路上小心。');
  });
  it('reads a secret asked as "把…发我", "把…交给", after 要…的 / 只要 / 并 / 先通过…; not a photo or a name to send, nor what someone did', () => {
    flags('社保所通知您养老金要调整,你把社保卡卡号和身份证号发我一下,不然涨的钱到不了账。');
    flags('您的养老金可以抵押贷款,只要把养老金卡和密码交给我们保管就行。');
    flags('残疾人补贴可以补发五年的,要办的把银行卡号发给我,我认识民政的人。');
    flags('燃气表要换智能表了,换表费580元,您先通过微信把费用转给我,明天师傅上门。');
    notFlagged('你把照片发我一下,我给你打印出来。');
    notFlagged('想参加合唱团的把名字发我,我统一报名。');
    notFlagged('她把存折交给了儿子保管,自己不管钱。');
  });
  it('reads Taiwan pension words (年金, 暫停撥付) as an account in trouble, and a WeChat id written right after 微信 as a contact', () => {
    high('勞保局通知:您的年金給付資料有誤,本月起暫停撥付,請加入LINE ID:bli123補件。');
    high('您的包裹丢失了,我们给您三倍赔偿,请添加售后微信kf55210办理理赔。');
    notFlagged('勞保局通知:您的老年年金已於本月10日撥入郵局帳戶,如有疑問請洽本局服務專線。');
    notFlagged('关注微信公众号可以查询办理进度,也可以到窗口咨询。');
  });
  it('reads returns paid by the day or year ("一天就返一百", "每年返12%") and a multiple (翻十倍) as high returns; loans without a credit check and "您中了…" as lures', () => {
    flags('养老公寓预售床位,交十万每年返百分之十二的床位补贴,到期本金全退,来公司签合同。');
    flags('养老区块链项目,投一万一天就返一百,下载这个app注册,邀请码写我的。');
    high('免征信、免担保,老人也能贷,最高30万,加微信dk8888立即办理。');
    high('您好,您中了一台按摩椅,只需支付运费和税费六百元,请拨打400-188-2233确认地址。');
    notFlagged('【建设银行】个人消费贷款免担保,详情请咨询95533或到网点办理。');
    notFlagged('这只股票去年翻了十倍,可惜我没买。');
  });
  it('does not let a 别 before an ASCII comma turn away the next clause ("房子别卖,拿去做以房养老"); a 别 in the same clause still does', () => {
    flags('老哥你那套老房子别卖,拿去做以房养老投资,每月拿八千,你加我微信我把合同发你。');
    notFlagged('别信什么以房养老,都是骗人的。');
  });
  it('reads warnings as warnings: 骗徒, a quotation called 詐騙, "如对方要求…请立即挂断", "…,大家不要信", a scam named as a kind (以房养老骗局), "有的机构以…名义", a subsidy paid into the reader\'s 一卡通', () => {
    notFlagged('香港警方提醒:騙徒冒充長者子女在WhatsApp稱換了新電話並要求匯款,請先致電子女原有號碼核實。');
    notFlagged('防詐宣導:假冒監理站簡訊稱「您有交通罰鍰未繳,請點擊連結繳納」是詐騙,監理站不會以簡訊附連結要求繳費。');
    notFlagged('【电信反诈提醒】您的号码刚刚接听了疑似诈骗电话,如对方要求转账或提供验证码,请立即挂断。');
    notFlagged('社区民警提醒:遇到"儿子"换了新号码急着借钱,一定先给孩子原来的号码打个电话核实。');
    notFlagged('群里转一下:最近有人打电话说中了大奖,要先交税费才能领奖,大家不要信。');
    notFlagged('【公安提醒】以房养老骗局:骗子以高额回报为诱饵,让老人把房产抵押,最后房子被卖。');
    notFlagged('警惕养老机构诈骗:有的机构以"会员卡"名义收取高额费用,承诺高额返利,最后卷款跑路。');
    notFlagged('取暖补贴由社区统一造册,直接打入一卡通账户,个人不需要申请。');
    // The scam borrowing the same words keeps its signs.
    flags('如对方核实无误,请立即提供银行卡密码完成认证。');
    flags('补贴已到账,请把一卡通里的钱转到安全账户激活。');
  });
  it('reads a free trip with an ID to send (身分證字號 回傳) as a lure with an ask, a trip to the ATM to "operate" as the caller\'s steps, and a monthly charge as a problem; not a free outing with a counter to sign up at', () => {
    high('各位長輩,本會舉辦免費一日遊,午餐招待,報名請將姓名和身分證字號回傳至本LINE。');
    high('大姐,公司组织免费旅游,吃住全包,你把身份证号发我,我给你订车票。');
    flags('您好我是购物平台客服,您的订单被设成批发商要每月扣款,请马上去附近ATM机操作解除。');
    notFlagged('社区组织老人免费一日游,报名请到居委会登记,带身份证。');
    notFlagged('【保险公司】您的保费将按月自动扣款,如需变更请拨打官方客服95519。');
    notFlagged('附近的ATM机在超市门口,取钱方便。');
  });
  it('does not take a caller naming themselves 反诈中心 for a warning; the centre\'s own warning stays one', () => {
    high('您好,我是国家反诈中心的,您的手机被诈骗分子远程控制了,请马上下载我们的防护软件,并把收到的验证码告诉我。');
    notFlagged('国家反诈中心提醒:凡是让您下载软件、共享屏幕的都是骗子。');
  });
});

describe('issue 14, session 16 (docs/intel.md, "A second independent constructed set for the six types"): a resale denied, goods given free, an auction house', () => {
  const topType = (t: string) => judge(t, null).fraudTypes[0]?.code;
  it('reads collectibles whose resale is denied (并未承诺回购, 未作回购承诺, 从没说过回收) as 养老产品; a buy-back promised and broken stays 养老项目', () => {
    expect(topType('某公司电话推销"开国元勋纪念章",每套三千八百元,推销员并未承诺回购,只说非常珍贵。老人一次买了两套。')).toBe('elderly_product');
    expect(topType('被告人以"名家真迹"为名向老年人推销字画,每幅数万元,出售时未作回购承诺。经鉴定,所售字画均为印刷品。')).toBe('elderly_product');
    expect(topType('骗子推销纪念币,每套八千元,说收藏价值很高,从没说过回收的事。老人先后买了五套,经鉴定只是普通工艺品。')).toBe('elderly_product');
    expect(topType('公司向老人推销纪念币,承诺一年后高价回购,到期后公司并未回购,老板失联,老人损失二十万元。')).toBe('elderly_project');
    expect(topType('推销员承诺三年后以两倍价格回购这批邮票,老人花了五万元购买,后来推销员再也联系不上。')).toBe('elderly_project');
  });
  it('reads goods handed out free (还送了几盒营养品) as bait, not goods sold; goods sold beside a gift stay 养老产品', () => {
    expect(topType('养老院带老人免费体检,还送了几盒营养品,老人交了十二万元入住保证金预订单间,后来养老院停工,负责人跑路。')).toBe('elderly_service');
    expect(topType('讲座上推销保健品,每盒一千二,老人买了十盒,讲师还送了鸡蛋和挂面,老人花光了积蓄。')).toBe('elderly_product');
    expect(topType('业务员向老人推销磁疗床垫,买一张送两盒保健品,老人花了一万九千八百元,床垫网上只卖三百元。')).toBe('elderly_product');
  });
  it('reads an auction house (拍卖会, 拍卖公司) as a resale of goods, not the home auctioned (c223 stays 养老项目)', () => {
    expect(topType(text('c223'))).toBe('elderly_project');
    expect(topType('一家拍卖公司打电话说老人的字画能上拍卖会拍出几百万元,要先交鉴定费和图录费,老人交了六万元,拍卖会一直没开。')).toBe('elderly_project');
    expect(topType('被告人以"养老理财"为名诱骗老人将住房抵押借款,老人无力还款,房屋被法院拍卖。')).toBe('house_for_pension');
  });
});

describe('review of session 16\'s rules after the held-out reading (constructed probes, not data; docs/intel.md "Review of session 16\'s rules")', () => {
  const levels = (t: string) => [judge(t, null).level, judge(t).level];
  const flags = (t: string) => expect(levels(t).map(flagged), t).toEqual([true, true]);
  const notFlagged = (t: string) => expect(levels(t).map(flagged), t).toEqual([false, false]);
  it('keeps a fake police call that orders "不要挂断电话": 挂断 warns only when the reader is told to hang up', () => {
    flags('有人冒充你的名义办理了银行卡，涉嫌洗钱，请立即把钱转到安全账户配合调查，不要挂断电话。');
    flags('我是市公安局的，有人冒充你的名义开了银行卡洗钱，你把存款转到我们指定的账户上核查，不要挂断电话，不要告诉家人。');
    notFlagged('接到“我是公安局的，你涉嫌洗钱，把钱转到安全账户”的电话，马上挂断，这是诈骗。');
    notFlagged('【电信反诈提醒】您的号码刚刚接听了疑似诈骗电话,如对方要求转账或提供验证码,请立即挂断。');
  });
  it('keeps a transfer whose "千万别信 / 不要理" is said of someone else two clauses on; a bare denial right after the sign still disarms', () => {
    flags('你儿子出车祸了急需手术费，你马上把5万元转到这个卡上，银行的人要是问你，千万别信。');
    flags('我是社保局的，您的养老金账户异常，请把钱转到指定账户6222021234567890，其他人打来的电话，不要理。');
    notFlagged('陌生电话说我出事了要钱，别信。');
  });
  it('keeps an ask after a reassurance ("我们不会让你损失…，你把钱转到…", "不会向您收取…，只需把验证码告诉我"); a statement of what is never asked stays a warning', () => {
    flags('放心，我们不会让你损失一分钱，你把钱转到安全账户就行，查清后马上退回。');
    flags('我们不会向您收取任何费用，只需把验证码告诉我就能领取补贴。');
    notFlagged('社保经办机构不会通过电话、短信要求参保人提供银行卡密码。');
  });
  it('keeps a pitch that says it is "不是骗局" inside a borrowed warning; a definition calling a kind a scam stays a warning', () => {
    flags('现在骗子很多，大家要警惕。我们公司的养老项目保本保息的绝对不是骗局，年化收益18%，名额有限。');
    notFlagged('谨防上当：承诺保本保息的理财都是骗局。');
  });
  it('keeps a scam whose "核实后退还" follows a case put to the reader; "…请立即挂断/核实" after 如对方 still disarms', () => {
    flags('如果对方问你转账用途，你就说是还钱，把钱转到这个账户6222021234567890，核实后马上退还给你。');
  });
  it('keeps a caller\'s ask after "冒充…的电话很多"; a sign inside the kind described, or in a case put to the reader, stays reported', () => {
    flags('最近冒充公安的电话很多，我是真的民警，请您切勿泄露案情，马上把钱转到安全账户接受资金核查。');
    notFlagged('【XX公安】提醒您:冒充子女、孙子借钱的电话很多,接到说"换号了""出事了"要钱的,一定先打原号码核实。');
  });
  it('keeps a scam that borrows "谨防诈骗" and then quotes an official\'s orders; a quotation turned away after it stays the scam\'s words', () => {
    flags('【社保中心】温馨提示：谨防诈骗。工作人员通知：“您的养老金资格认证未通过，请点击链接www.sb-rz.cn重新认证，否则停发养老金。”');
    flags('中国银行提醒您谨防诈骗。客服专员说：“您的信用卡已被冻结，请加微信kf8899解冻，并提供验证码。”');
    notFlagged('接到“我是公安局的，你涉嫌洗钱，把钱转到安全账户”的电话，马上挂断，这是诈骗。');
  });
  it('reads a fee handed to a group\'s collector (把活动费用交给楼长) as no transfer asked; money handed to anyone else keeps the sign', () => {
    notFlagged('请各位老人把活动费用交给楼长，下周统一组织体检。');
    flags('你把钱交给门口来取钱的李叔叔，他是我同事。');
    flags('燃气表要换智能表了,换表费580元,您先通过微信把费用转给我,明天师傅上门。');
  });
  it('keeps a fee "paid at the counter" when the same text also sends it to a person\'s account; a bill paid only at the counter stays no sign', () => {
    const codes = (t: string) => judge(t, null).signs.map((s) => s.code);
    expect(codes('您的医保卡欠费，需补缴管理费300元，请到住院处缴纳，或转账到工作人员个人账户6222021234567890。')).toEqual(expect.arrayContaining(['fee', 'pension_agency']));
    expect(codes('您的医保卡欠费，需补缴管理费300元，请到住院处缴纳。')).not.toContain('fee');
  });
});
