import type { Db } from '../client.ts';
import { sql } from '../client.ts';
import { loadUser, type SessionUser } from '../../modules/auth/auth.service.ts';
import { addFigure, correctFigure, fileCase, recordStageAction } from '../../modules/cases/cases.service.ts';
import { registerSubject } from '../../modules/subjects/subjects.service.ts';
import { recordEnforcement } from '../../modules/enforcement/enforcement.service.ts';
import { publishTypical, writeTypical } from '../../modules/cases/typical.service.ts';
import type { FraudType } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { DemoStructure } from './seed.ts';

/**
 * Criminal cases of the demo province in every stage, driven through the real services (so every
 * stage, figure, correction, audit row and reporter notice exists): filed by 龙口市 and 芝罘区 police
 * from tips reported as 属实, prosecuted by 烟台市人民检察院 and tried by 烟台市中级人民法院.
 */

interface DemoCase {
  area: 'lk' | 'zf';
  title: string;
  /** The business behind it: registered, linked to the case, and given the documents below. */
  subject?: string;
  type: FraudType;
  origin: 'new' | 'old';
  gang?: number;
  /** Days ago it was filed; each later stage follows some days after. */
  filedAgo: number;
  upTo: 'filed' | 'solved' | 'transferred' | 'prosecuted' | 'tried';
  arrested: number;
  detained: number;
  victims: number;
  /** yuan */
  involved: number;
  frozen: number;
  recovered: number;
}

const CASES: DemoCase[] = [
  { area: 'lk', title: '“福寿康养”预收床位费诈骗案', subject: '龙口市福寿康养服务中心', type: 'elderly_service', origin: 'new', gang: 6, filedAgo: 170, upTo: 'tried', arrested: 6, detained: 5, victims: 86, involved: 3_860_000, frozen: 1_200_000, recovered: 2_150_000 },
  { area: 'lk', title: '“颐年山庄”养老公寓非法吸收公众存款案', type: 'elderly_project', origin: 'old', gang: 11, filedAgo: 150, upTo: 'prosecuted', arrested: 11, detained: 9, victims: 213, involved: 12_400_000, frozen: 5_300_000, recovered: 4_800_000 },
  { area: 'lk', title: '“量子床垫”保健讲座诈骗案', subject: '龙口市康乐源保健品经营部', type: 'elderly_product', origin: 'new', gang: 4, filedAgo: 120, upTo: 'transferred', arrested: 4, detained: 3, victims: 57, involved: 680_000, frozen: 210_000, recovered: 320_000 },
  { area: 'lk', title: '冒充社保代办员代缴养老保险诈骗案', type: 'pension_insurance', origin: 'new', filedAgo: 75, upTo: 'solved', arrested: 1, detained: 1, victims: 9, involved: 146_000, frozen: 0, recovered: 52_000 },
  { area: 'lk', title: '“以房养老”理财骗取老人房产案', type: 'house_for_pension', origin: 'old', gang: 3, filedAgo: 40, upTo: 'filed', arrested: 2, detained: 0, victims: 5, involved: 4_500_000, frozen: 1_800_000, recovered: 0 },
  { area: 'zf', title: '“夕阳红”旅游团低价游强迫购物诈骗案', type: 'elderly_product', origin: 'new', gang: 5, filedAgo: 140, upTo: 'tried', arrested: 5, detained: 4, victims: 132, involved: 920_000, frozen: 300_000, recovered: 610_000 },
  { area: 'zf', title: '虚构“养老帮扶补贴”骗取老人个人信息及费用案', type: 'elderly_assistance', origin: 'new', filedAgo: 60, upTo: 'solved', arrested: 2, detained: 2, victims: 41, involved: 83_000, frozen: 20_000, recovered: 30_000 },
  { area: 'zf', title: '“健康驿站”免费体检推销药品诈骗案', subject: '烟台芝罘健康驿站', type: 'elderly_product', origin: 'new', filedAgo: 20, upTo: 'filed', arrested: 3, detained: 0, victims: 18, involved: 264_000, frozen: 90_000, recovered: 0 },
];

const STEPS = ['solved', 'transferred', 'prosecuted', 'tried'] as const;

export async function seedDemoCases(db: Db, s: DemoStructure): Promise<number> {
  const as = async (username: string) => (await loadUser(db, s.users.get(username)!)) as SessionUser;
  const procurator = await as('yt_procuratorate');
  const court = await as('yt_court');
  const day = (ago: number) => chinaToday(Date.now() - ago * 86400_000);
  const fen = (yuan: number) => yuan * 100;
  let n = 0;
  for (const [i, c] of CASES.entries()) {
    const police = await as(`${c.area}_police`);
    const county = c.area === 'lk' ? '370681' : '370602';
    // Tips the police reported as true (立案侦查) and have not yet linked to a case.
    const tips = await db.query<{ tracking_code: string }>(
      sql`select distinct t.tracking_code from tips t join tip_assignments a on a.tip_id = t.id
          where a.unit_id = ${police.unitId} and a.verdict = 'true' and not exists (select 1 from case_tips ct where ct.tip_id = t.id)
          order by t.tracking_code limit 2`,
    );
    const prefix = c.area === 'lk' ? '龙公' : '芝公';
    const subjectIds = c.subject ? [await demoSubject(db, await as(`${c.area}_market_regulation`), county, c.subject, c.filedAgo)] : [];
    const filedOn = day(c.filedAgo);
    const { id } = await fileCase(db, police, {
      caseNo: `${prefix}（经）立字〔${filedOn.slice(0, 4)}〕${String(101 + i).padStart(4, '0')}号`, title: c.title, fraudTypes: [c.type], regionCode: county,
      origin: c.origin, gang: !!c.gang, gangSize: c.gang, filedOn, trackingCodes: tips.map((t) => t.tracking_code), subjectIds,
      summary: `${c.title.replace(/案$/, '')}，涉及老年受害人 ${c.victims} 名。`,
    });
    n++;
    const at = (k: number) => day(Math.max(0, c.filedAgo - k * Math.floor(c.filedAgo / 5)));
    const add = (u: SessionUser, kind: Parameters<typeof addFigure>[3]['kind'], value: number, onDate: string) =>
      value > 0 ? addFigure(db, u, id, { kind, value, onDate }) : Promise.resolve(null);
    await add(police, 'arrested', c.arrested, at(0));
    await add(police, 'victims', c.victims, at(0));
    const involved = await add(police, 'amount_involved', fen(Math.round(c.involved * 0.9)), at(0));
    // The first count of the amount involved was low; the police corrected it after the audit of accounts.
    if (involved) await correctFigure(db, police, id, involved.id, { value: fen(c.involved), reason: '经司法会计鉴定，涉案金额核增' });
    await add(police, 'amount_frozen', fen(c.frozen), at(1));
    await add(police, 'detained', c.detained, at(1));
    for (const [k, stage] of STEPS.entries()) {
      if (STEPS.indexOf(stage) > STEPS.indexOf(c.upTo as (typeof STEPS)[number]) || c.upTo === 'filed') break;
      const date = at(k + 1);
      if (stage === 'solved') await recordStageAction(db, police, id, { stage, date, note: c.gang ? `打掉犯罪团伙 1 个，抓获 ${c.arrested} 人` : undefined });
      if (stage === 'transferred') await recordStageAction(db, police, id, { stage, date, procuratorateUnitId: s.units.get('3706:procuratorate')! });
      if (stage === 'prosecuted') await recordStageAction(db, procurator, id, { stage, date, courtUnitId: s.units.get('3706:court')!, personsProsecuted: c.detained || 1 });
      if (stage === 'tried') {
        await recordStageAction(db, court, id, { stage, date, judgment: `以诈骗罪判处被告人有期徒刑二年至十一年不等，并处罚金，责令退赔被害人损失。`, personsSentenced: c.detained || 1 });
      }
    }
    await add(police, 'amount_recovered', fen(c.recovered), at(2));
    const story = TYPICAL[c.title];
    if (story) {
      // Written by the county office's clerk, reviewed and published by its lead (a second person).
      const { id: typicalId } = await writeTypical(db, await as(`${c.area}_intake`), { caseId: id, title: story.title, fraudType: c.type, ...story.text });
      await publishTypical(db, await as(`${c.area}_lead`), typicalId);
    }
  }
  return n;
}

/** The two demo cases the offices wrote up for the portal (典型案例), in plain words. */
const TYPICAL: Record<string, { title: string; text: { body: string; recognise: string; advice: string } }> = {
  '“福寿康养”预收床位费诈骗案': {
    title: '交钱“订床位”，养老院却一直没开业',
    text: {
      body: '一家自称“康养服务中心”的机构在小区门口摆摊，说新养老院明年开业，现在交3万元就能“锁定床位”，还送米送油。被害人刘秀英（电话13905351234）先后交了38000元。一年过去，养老院始终没有开业，工作人员也联系不上。公安机关立案侦查，抓获6名犯罪嫌疑人，追回部分钱款，主犯已被判刑。',
      recognise: '还没开业就要先交“床位费”“会员费”“押金”，还承诺送礼品、给返利的，多半是骗局。正规养老机构不会让老人提前一年交钱订床位。',
      advice: '不要提前交大额费用；签合同前问问子女，到民政部门查一查这家机构有没有备案。已经交了钱的，保存好收据、合同，尽快拨打 110 报警，或在本网站举报。',
    },
  },
  '“夕阳红”旅游团低价游强迫购物诈骗案': {
    title: '99元“夕阳红”旅游，被带进店里买了上万元“神药”',
    text: {
      body: '有人打电话给老人，说99元就能参加三天两晚的“夕阳红”旅游。到了地方，导游把老人带进一家“健康馆”，“专家”说产品能治高血压、糖尿病，不买就不让走。受害人赵建国（身份证号370602194805120016）花了12800元买了几盒“保健品”，后来发现就是普通糖片。公安机关查处了这个团伙，5人被判刑。',
      recognise: '价格低得离谱的旅游、行程里安排“讲座”“参观”，专家说产品能治病——这些都是骗局的信号。药品和保健品不能代替治疗。',
      advice: '不参加来路不明的低价旅游团；现场不买东西，不交定金。买了的，保留发票、包装和付款记录，拨打 12315 或 110，也可以在本网站举报。',
    },
  },
};

/**
 * A business found in screening before the case: registered by the county's market regulation,
 * which issued a notice and a penalty, then transferred the matter to the police (行刑衔接).
 */
async function demoSubject(db: Db, market: SessionUser, county: string, name: string, filedAgo: number): Promise<number> {
  const { id } = await registerSubject(db, market, { regionCode: county, kind: name.includes('康养') ? 'unregistered_care_place' : 'health_product_seller', name });
  const day = (ago: number) => chinaToday(Date.now() - ago * 86400_000);
  const short = county === '370681' ? '龙市监' : '芝市监';
  const [police] = await db.query<{ id: number }>(sql`select id from units where region_code = ${county} and kind = 'police'`);
  const docs = [
    { kind: 'rectification_notice' as const, docNo: `${short}责改〔2026〕${id}号`, issuedOn: day(filedAgo + 30), summary: '责令立即停止以“会员卡”“预存费用”等方式向老年人收取费用，限期整改。' },
    { kind: 'penalty_decision' as const, docNo: `${short}罚〔2026〕${id}号`, issuedOn: day(filedAgo + 15), fineFen: 5_000_000, summary: '虚假宣传，罚款五万元。' },
    { kind: 'transfer_police' as const, docNo: `${short}移〔2026〕${id}号`, issuedOn: day(filedAgo + 5), policeUnitId: police.id, summary: '涉嫌以销售养老产品为名实施诈骗，移送公安机关。' },
  ];
  for (const d of docs) await recordEnforcement(db, market, { subjectId: id, ...d });
  return id;
}
