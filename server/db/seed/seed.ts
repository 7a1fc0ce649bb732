import { seedDemoFigures } from './figures-demo.ts';
import { randomBytes } from 'node:crypto';
import { empty, raw, sql, type Db, type Queryable, type Sql } from '../client.ts';
import type { Keys } from '../../crypto.ts';
import { FRAUD_TYPE_CODES, ROLES, type FraudType, type Role, type UnitKind, type Verdict } from '../../../shared/domain.ts';
import { hashPassword } from '../../modules/auth/passwords.ts';
import { loadUser, type SessionUser } from '../../modules/auth/auth.service.ts';
import { upsertRule } from '../../modules/routing/routing.service.ts';
import { createStaffTip, submitPublicTip } from '../../modules/tips/tips.intake.service.ts';
import { runTipAction } from '../../modules/tips/tips.actions.service.ts';
import { rateAnswer } from '../../modules/tips/tips.public.service.ts';
import { ANSWERS, COMPANIES, STREETS, SURNAMES, TEMPLATES } from './demo-texts.ts';
import { seedDemoScreening } from './screening-demo.ts';
import { seedDemoIntake } from './intake-demo.ts';
import { seedDemoRegistry } from './registry-demo.ts';
import { seedDemoRounds } from './rounds-demo.ts';
import { seedDemoPublicity } from './publicity.ts';
import { seedDemoPortal } from './portal.ts';
import { seedDemoReports } from './reports-demo.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoSupervision } from './supervision-demo.ts';
import { seedDemoEvaluation } from './evaluation.ts';
import { seedDemoApprovals } from './approvals.ts';
import { seedDemoPlans } from './plans-demo.ts';
import { chinaToday } from '../../../shared/time.ts';
import { seedDemoHazardSources } from './hazard-sources-demo.ts';

/** Default routing: which unit kind leads on each fraud type, and who assists (domain.md §2). */
export const DEFAULT_RULES: { fraudType: FraudType; leadKind: UnitKind; assistKinds: UnitKind[] }[] = [
  { fraudType: 'elderly_service', leadKind: 'civil_affairs', assistKinds: ['market_regulation'] },
  { fraudType: 'elderly_project', leadKind: 'police', assistKinds: ['finance'] },
  { fraudType: 'elderly_product', leadKind: 'market_regulation', assistKinds: ['health'] },
  { fraudType: 'house_for_pension', leadKind: 'police', assistKinds: ['housing', 'finance'] },
  { fraudType: 'pension_insurance', leadKind: 'police', assistKinds: [] },
  { fraudType: 'elderly_assistance', leadKind: 'civil_affairs', assistKinds: ['police'] },
];

/** The national unit of the first administrator (`admin`). */
export const SYSTEM_UNIT = '系统管理';

/** The first administrator, at a national system unit; only when there are no users yet. */
export async function ensureAdmin(db: Db, password?: string): Promise<{ password: string; generated: boolean } | null> {
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from users');
  if (n > 0) return null;
  const generated = !password;
  const pw = password ?? `Sh-${randomBytes(12).toString('base64url')}9`;
  const [unit] = await db.query<{ id: number }>(
    sql`insert into units (region_code, kind, name) values ('', 'other', ${SYSTEM_UNIT}) on conflict (region_code, name) do update set kind = excluded.kind returning id`,
  );
  await db.query(`insert into users (username, display_name, unit_id, roles, password_hash) values ('admin', '系统管理员', $1, '{admin}', $2)`, [unit.id, await hashPassword(pw)]);
  return { password: pw, generated };
}

/** The national default routing rules, when the table is empty (reference data, not demo data). */
export async function ensureDefaultRules(db: Db): Promise<void> {
  const [{ r }] = await db.query<{ r: number }>('select count(*)::int as r from routing_rules');
  if (r === 0) for (const rule of DEFAULT_RULES) await upsertRule(db, null, { regionPrefix: '', ...rule });
}

const SUFFIX: Record<string, [string, string, string]> = {
  // kind: [province, city, county]
  campaign_office: ['打击整治养老诈骗专项行动办公室', '打击整治养老诈骗专项行动办公室', '打击整治养老诈骗专项行动办公室'],
  police: ['公安厅', '公安局', '公安局'],
  civil_affairs: ['民政厅', '民政局', '民政局'],
  market_regulation: ['市场监督管理局', '市场监督管理局', '市场监督管理局'],
  finance: ['地方金融管理局', '金融工作办公室', '金融服务中心'],
  housing: ['住房和城乡建设厅', '住房和城乡建设局', '住房和城乡建设局'],
  health: ['卫生健康委员会', '卫生健康委员会', '卫生健康局'],
  culture_tourism: ['文化和旅游厅', '文化和旅游局', '文化和旅游局'],
  court: ['高级人民法院', '中级人民法院', '人民法院'],
  procuratorate: ['人民检察院', '人民检察院', '人民检察院'],
};

const LEVEL_NAMES = ['省级', '市级', '县级'];

// Offices and member units of the demo province; staffed ones get accounts.
const DEMO_UNITS: { region: string; kinds: UnitKind[]; staffPrefix?: string }[] = [
  { region: '37', kinds: ['campaign_office', 'police', 'civil_affairs', 'market_regulation', 'finance', 'court', 'procuratorate'], staffPrefix: 'sd' },
  { region: '3706', kinds: ['campaign_office', 'police', 'civil_affairs', 'market_regulation', 'finance', 'housing', 'health', 'culture_tourism', 'court', 'procuratorate'], staffPrefix: 'yt' },
  { region: '370681', kinds: ['campaign_office', 'police', 'civil_affairs', 'market_regulation', 'finance', 'housing', 'health'], staffPrefix: 'lk' },
  { region: '370602', kinds: ['campaign_office', 'police', 'civil_affairs', 'market_regulation'], staffPrefix: 'zf' },
  { region: '370613', kinds: ['campaign_office', 'police', 'civil_affairs'] },
  { region: '370614', kinds: ['campaign_office', 'police', 'market_regulation'] },
  { region: '3701', kinds: ['campaign_office', 'police', 'civil_affairs', 'market_regulation'] },
  { region: '3702', kinds: ['campaign_office', 'police', 'civil_affairs', 'market_regulation'] },
];

export interface DemoStructure {
  /** unit id by "regionCode:kind" */
  units: Map<string, number>;
  /** user id by username */
  users: Map<string, number>;
  password: string;
  printable: { username: string; unit: string; roles: string }[];
}

/** Offices, member units and staff accounts of the demo province (山东省, 烟台市, 龙口市 …). */
export async function seedStructure(db: Db, password: string): Promise<DemoStructure> {
  const hash = await hashPassword(password);
  const units = new Map<string, number>();
  const users = new Map<string, number>();
  const printable: DemoStructure['printable'] = [];
  const regionNames = new Map(
    (await db.query<{ code: string; name: string }>('select code, name from regions where code = any($1::text[])', [DEMO_UNITS.map((u) => u.region)])).map((r) => [r.code, r.name]),
  );
  const addUser = async (username: string, displayName: string, unitId: number, unitName: string, roles: Role[]) => {
    const [{ id }] = await db.query<{ id: number }>(
      'insert into users (username, display_name, unit_id, roles, password_hash) values ($1, $2, $3, $4, $5) returning id',
      [username, displayName, unitId, roles, hash],
    );
    users.set(username, id);
    printable.push({ username, unit: unitName, roles: roles.map((r) => ROLES[r]).join('、') });
  };
  for (const spec of DEMO_UNITS) {
    const level = spec.region.length === 2 ? 0 : spec.region.length === 4 ? 1 : 2;
    const regionName = regionNames.get(spec.region)!;
    for (const kind of spec.kinds) {
      const name = regionName + SUFFIX[kind][level];
      const [{ id }] = await db.query<{ id: number }>('insert into units (region_code, kind, name) values ($1, $2, $3) returning id', [spec.region, kind, name]);
      units.set(`${spec.region}:${kind}`, id);
      if (!spec.staffPrefix) continue;
      const p = spec.staffPrefix;
      if (kind === 'campaign_office') {
        // One account for each office role (README: 演示账号), at every staffed level.
        await addUser(`${p}_intake`, `${SURNAMES[units.size % 12]}受理`, id, name, ['intake']);
        await addUser(`${p}_lead`, `${SURNAMES[(units.size + 3) % 12]}主任`, id, name, ['office_lead']);
        await addUser(`${p}_supervisor`, `${SURNAMES[(units.size + 5) % 12]}督导`, id, name, ['supervisor']);
        await addUser(`${p}_viewer`, `${SURNAMES[(units.size + 7) % 12]}领导`, id, name, ['viewer']);
        await addUser(`${p}_admin`, `${LEVEL_NAMES[level]}系统管理员`, id, name, ['admin']);
        await addUser(`${p}_auditor`, `${LEVEL_NAMES[level]}审计员`, id, name, ['auditor']);
      } else if (!['court', 'procuratorate'].includes(kind) || p === 'yt') {
        // Courts and procuratorates take no tips; the city's get accounts to prosecute and try cases (打击).
        await addUser(`${p}_${kind}`, `${SURNAMES[units.size % 12]}承办`, id, name, ['handler']);
        await addUser(`${p}_${kind}_lead`, `${SURNAMES[(units.size + 2) % 12]}负责人`, id, name, ['unit_lead']);
      }
    }
  }
  // Two townships of 龙口市 with their street offices, to show dispatch down to the lowest level.
  const towns = await db.query<{ code: string; name: string }>(`select code, name from regions where parent_code = '370681' order by code limit 2`);
  for (const t of towns) {
    const [{ id }] = await db.query<{ id: number }>('insert into units (region_code, kind, name) values ($1, $2, $3) returning id', [t.code, 'township', `龙口市${t.name}办事处`]);
    units.set(`${t.code}:township`, id);
  }
  return { units, users, password, printable };
}

// A small deterministic generator, so the demo looks the same on every machine.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

type Target = 'submitted' | 'accepted' | 'rejected' | 'merged' | 'dispatched' | 'in_progress' | 'reported' | 'closed' | 'overdue';
const PLAN: [Target, number][] = [
  ['submitted', 40], ['accepted', 25], ['rejected', 20], ['merged', 10], ['dispatched', 40],
  ['in_progress', 40], ['overdue', 20], ['reported', 30], ['closed', 75],
];

/** A few hundred tips in every state, driven through the real services so every event and audit row exists. */
export async function seedDemoTips(db: Db, keys: Keys, s: DemoStructure): Promise<number> {
  const rand = rng(20261126);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const as = async (username: string) => (await loadUser(db, s.users.get(username)!)) as SessionUser;
  const staff = {
    lk: { intake: await as('lk_intake'), lead: await as('lk_lead') },
    zf: { intake: await as('zf_intake'), lead: await as('zf_lead') },
    yt: { intake: await as('yt_intake'), lead: await as('yt_lead') },
  };
  const lkTowns = (await db.query<{ code: string }>(`select code from regions where parent_code = '370681' order by code`)).map((r) => r.code);
  const zfTowns = (await db.query<{ code: string }>(`select code from regions where parent_code = '370602' order by code`)).map((r) => r.code);
  const ytCounties = ['370682', '370683', '370685', '370686', '370687'];
  let made = 0;
  const lastLive: Record<string, number> = {};
  for (const [target, count] of PLAN) {
    for (let i = 0; i < count; i++) {
      const type = pick([...FRAUD_TYPE_CODES]);
      const area = pick(['lk', 'lk', 'zf', 'yt'] as const);
      const region = area === 'lk' ? pick(lkTowns) : area === 'zf' ? pick(zfTowns) : pick(ytCounties);
      const company = pick(COMPANIES);
      const description = pick(TEMPLATES[type])
        .replace('{age}', String(68 + Math.floor(rand() * 20)))
        .replace('{company}', company)
        .replace('{amount}', String((1 + Math.floor(rand() * 60)) * 1000))
        .replace('{victims}', String(3 + Math.floor(rand() * 30)))
        .replace('{street}', pick(STREETS))
        .replace('{no}', String(1 + Math.floor(rand() * 200)));
      const named = rand() < 0.5;
      const input = {
        regionCode: region,
        description,
        fraudTypes: rand() < 0.8 ? [type] : [],
        subject: rand() < 0.7 ? { name: company } : undefined,
        amountInvolved: (1 + Math.floor(rand() * 60)) * 1000,
        victimCount: 1 + Math.floor(rand() * 10),
        reporter: named
          ? {
              anonymous: false as const, name: pick(SURNAMES) + pick(['建国', '秀英', '玉兰', '志强', '桂芳', '海燕']), phone: `13${Math.floor(100000000 + rand() * 899999999)}`,
              // Every third named report comes from a relative or neighbour on behalf of the elder (no extra draws: the rest of the data stays as it was).
              ...(made % 3 === 0 ? { onBehalfOf: { name: `${SURNAMES[made % SURNAMES.length]}桂兰`, relation: ['女儿', '儿子', '邻居', '孙女'][made % 4] } } : {}),
            }
          : { anonymous: true as const },
      };
      const office = staff[area];
      const receipt = rand() < 0.7 ? await submitPublicTip(db, keys, input) : null;
      const id = receipt
        ? receipt.id
        : (await createStaffTip(db, keys, office.intake, { ...input, source: pick(['hotline', 'letter', 'visit', 'platform_12337', 'department_transfer'] as const) })).id;
      made++;
      if (target === 'submitted') continue;
      if (target === 'merged' && lastLive[area]) {
        await runTipAction(db, office.intake, id, { action: 'merge', intoTipId: lastLive[area] });
        continue;
      }
      await runTipAction(db, office.intake, id, { action: 'accept', fraudTypes: [type] });
      if (target === 'rejected') {
        await runTipAction(db, office.intake, id, { action: 'reject', reason: '不属于本专项行动受理范围', publicAnswer: '您反映的问题属于民事纠纷，不属于本专项行动受理范围，建议通过人民调解或诉讼途径解决。' });
        continue;
      }
      lastLive[area] = id;
      if (target === 'accepted') continue;
      const county = area === 'yt' ? '3706' : area === 'lk' ? '370681' : '370602';
      const rule = DEFAULT_RULES.find((r) => r.fraudType === type)!;
      const leadKind = s.units.has(`${county}:${rule.leadKind}`) ? rule.leadKind : 'police';
      const lead = s.units.get(`${county}:${leadKind}`)!;
      const days = target === 'overdue' ? 1 : 15;
      await runTipAction(db, office.intake, id, { action: 'dispatch', leadUnitId: lead, deadline: new Date(Date.now() + days * 86400_000).toISOString(), instructions: '请核查处理并按时反馈结果。' });
      if (target === 'dispatched') continue;
      const prefix = area;
      const handler = await as(`${prefix}_${leadKind}`);
      await runTipAction(db, handler, id, { action: 'sign' });
      if (target === 'overdue') {
        // Backdate: dispatched three days ago with a two-day deadline.
        await db.query(`update tips set deadline_at = now() - interval '1 day', received_at = now() - interval '4 days' where id = $1`, [id]);
        await db.query(`update tip_assignments set deadline_at = now() - interval '1 day' where tip_id = $1`, [id]);
        continue;
      }
      if (target === 'in_progress') continue;
      const verdict = pick(['true', 'partly_true', 'untrue', 'unverifiable'] as Verdict[]);
      const measures = verdict === 'true' ? (['case_filed'] as const) : verdict === 'partly_true' ? (['rectification_order', 'admonition'] as const) : (['risk_warning'] as const);
      // A police unit reporting 立案侦查 files the case in the same step (行刑衔接).
      const filed = verdict === 'true' && handler.unitKind === 'police' ? { case: demoCaseFromTip(id, `${company}涉嫌养老诈骗案`) } : {};
      await runTipAction(db, handler, id, { action: 'report', verdict, measures: [...measures], summary: `经实地核查，${company}相关情况已查明，已按规定处理。`, ...filed });
      // 单位负责人审核: the unit lead approves (reports still waiting for one: seedDemoApprovals).
      await runTipAction(db, await as(`${prefix}_${leadKind}_lead`), id, { action: 'approve_report' });
      if (target === 'reported') continue;
      await runTipAction(db, office.lead, id, { action: 'close', publicAnswer: ANSWERS[verdict] });
      // Most online reporters rate the answer (the dashboard's 满意率); by id, so the demo's random draws stay as they were.
      if (receipt && id % 4 !== 0) await rateAnswer(db, keys, { trackingCode: receipt.trackingCode, accessKey: receipt.accessKey, satisfied: id % 7 !== 0 });
    }
  }
  made += await seedTeamWork(db, keys, s, as);
  // Spread finished work over the last 90 days, moving each tip's whole history by the same amount.
  const shift = `make_interval(secs => (t.id * 7919 % 7776000))`;
  const moved = `select id from tips where status not in ('dispatched', 'in_progress')`;
  await db.query(`update tip_events e set at = e.at - ${shift} from tips t where t.id = e.tip_id and t.id in (${moved})`);
  await db.query(
    `update tip_assignments a set created_at = a.created_at - ${shift}, deadline_at = a.deadline_at - ${shift},
       signed_at = a.signed_at - ${shift}, reported_at = a.reported_at - ${shift}
     from tips t where t.id = a.tip_id and t.id in (${moved})`,
  );
  await db.query(
    `update tips t set received_at = received_at - ${shift}, deadline_at = deadline_at - ${shift}, reported_at = reported_at - ${shift},
       closed_at = closed_at - ${shift}, public_answer_at = public_answer_at - ${shift}, rated_at = rated_at - ${shift} where t.id in (${moved})`,
  );
  // Approvals pending at the unit and the city, recent (after the shift).
  made += await seedDemoApprovals(db, keys, s);
  return made;
}

/** The case a demo tip's police report files (立案 from the tip, the same day). */
const demoCaseFromTip = (tipId: number, title: string) => ({ caseNo: `公立〔2026〕线${tipId}号`, title, origin: 'new' as const, fraudTypes: [], gang: false, filedOn: chinaToday() });

/**
 * Work shared between units (issue 8), in 龙口市: tips dispatched to the police with market regulation
 * assisting — one the assisting unit has reported on, one under review with both reports (its close
 * dialog opens with a drafted answer), and one the police sent back as wrongly routed.
 */
async function seedTeamWork(db: Db, keys: Keys, s: DemoStructure, as: (username: string) => Promise<SessionUser>): Promise<number> {
  const [intake, police, market] = [await as('lk_intake'), await as('lk_police'), await as('lk_market_regulation')];
  const [policeLead, marketLead] = [await as('lk_police_lead'), await as('lk_market_regulation_lead')];
  const texts = [
    '龙口市东莱街道一家“健康体验馆”每天免费送鸡蛋，吸引老人听课后推销理疗床，称能治糖尿病，我父亲花了三万八千元。',
    '有人在小区门口摆摊推销“富硒保健酒”，说喝了不用吃降压药，已有十几位老人购买，每瓶一千二百元。',
    '某公司组织老人参加“养生旅游”，途中带到指定商店购买所谓祖传药方，价格高出市场数倍。',
  ];
  const dispatch = { leadUnitId: s.units.get('370681:police')!, assistingUnitIds: [s.units.get('370681:market_regulation')!], instructions: '请公安局牵头核查，市场监管局配合检查涉事经营场所。' };
  for (const [i, description] of texts.entries()) {
    const { id } = await submitPublicTip(db, keys, { regionCode: '370681001', description, fraudTypes: ['elderly_product'], reporter: { anonymous: true } });
    await runTipAction(db, intake, id, { action: 'accept' });
    await runTipAction(db, intake, id, { action: 'dispatch', ...dispatch, deadline: new Date(Date.now() + 12 * 86400_000).toISOString() });
    if (i === 2) {
      await runTipAction(db, police, id, { action: 'send_back', reason: '经初步了解，该线索为消费纠纷，不涉嫌刑事犯罪，建议改交市场监管部门主办。' });
      continue;
    }
    await runTipAction(db, market, id, { action: 'assist_report', verdict: 'true', measures: ['rectification_order'], summary: '已会同街道对涉事门店开展检查，查扣宣传资料，责令停止虚假宣传。' });
    await runTipAction(db, marketLead, id, { action: 'approve_report' });
    if (i === 0) continue;
    await runTipAction(db, police, id, { action: 'sign' });
    await runTipAction(db, police, id, {
      action: 'report', verdict: 'true', measures: ['case_filed', 'risk_warning'], summary: '经查属实，已对经营者立案侦查，并在小区开展防骗宣传。',
      case: demoCaseFromTip(id, '龙口市“健康体验馆”推销理疗床诈骗案'),
    });
    await runTipAction(db, policeLead, id, { action: 'approve_report' });
  }
  return texts.length;
}

/**
 * Tables whose rows are not anyone's work: reference data and what a first start writes (regions,
 * default routing rules, the key fingerprint, migrations), or traces of activity (sessions, lockouts,
 * audit rows of a sign-in, notices, job watermarks, replay keys of a submission that is in `tips`).
 */
const NOT_RECORDS = new Set(['schema_migrations', 'regions', 'routing_rules', 'key_fingerprint', 'job_state', 'sessions', 'login_throttle', 'rate_counters', 'audit_log', 'notifications', 'idempotency_keys',
  // The statistics rollups are derived from the records (migration 0022), not records themselves.
  'stats_rollup', 'stats_delta',
  // Each subject's stored grade and the counts by region and grade are derived from it (migration 0034).
  'subject_grades', 'subject_grade_counts']);
/** The rows a first start writes into tables that otherwise hold records (ensureAdmin, ensureDefaultRules). */
const FIRST_START_ROWS: Record<string, Sql> = {
  units: sql`region_code = '' and name = ${SYSTEM_UNIT}`,
  users: sql`username = 'admin'`,
  routing_rule_history: sql`changed_by is null`,
  // Version 1 of every sector's checklist (migration 0033).
  checklist_versions: sql`created_by is null`,
};
const RECORD_NAMES: Record<string, string> = {
  tips: '条线索', units: '个单位', users: '个账号', uploads: '个附件', subjects: '个排查对象', reported_figures: '项上报数字', routing_rule_history: '次分办规则修改',
};

/**
 * The records a database holds beyond what a first start creates, by table: any tip, evidence file,
 * subject, reported figure, unit other than the system unit, user other than `admin`, routing rule
 * changed by a person — and any row of a table added later, unless listed in NOT_RECORDS. Counts are
 * capped at 1000 so that a large database answers at once.
 */
export async function realRecords(db: Queryable): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r' order by 1`,
  );
  const found: Record<string, number> = {};
  for (const { name } of tables) {
    if (NOT_RECORDS.has(name) || !/^[a-z_][a-z0-9_]*$/.test(name)) continue;
    const skip = FIRST_START_ROWS[name];
    const [{ n }] = await db.query<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${raw(`"${name}"`)} ${skip ? sql`where not (${skip})` : empty} limit 1000) x`,
    );
    if (n > 0) found[name] = n;
  }
  return found;
}

export type DemoOutcome =
  | { loaded: true; tips: number; cases: number; password: string; users: DemoStructure['printable'] }
  | { loaded: false; reason: string };

/**
 * Loads the demo province — only into a database that holds nothing but what a first start creates
 * (realRecords). Demo data never mixes with real records, nor is loaded twice.
 */
export async function seedDemo(db: Db, keys: Keys, opts: { password: string }): Promise<DemoOutcome> {
  const found = await realRecords(db);
  if (Object.keys(found).length) {
    // The records people know by name; other tables (a tip's events, a new module's) only when nothing else is there.
    const named = Object.keys(RECORD_NAMES).filter((t) => found[t]);
    const what = named.length
      ? named.map((t) => `${found[t] >= 1000 ? '1000+' : found[t]} ${RECORD_NAMES[t]}`).join('、') + (named.length < Object.keys(found).length ? ' 等' : '')
      : `表 ${Object.keys(found).join('、')} 中的记录`;
    return { loaded: false, reason: `数据库中已有数据（${what}），不载入演示数据：演示数据只载入空数据库。` };
  }
  const structure = await seedStructure(db, opts.password);
  const tips = await seedDemoTips(db, keys, structure);
  await seedDemoScreening(db, structure);
  await seedDemoRegistry(db, structure);
  await seedDemoPublicity(db, structure);
  await seedDemoPortal(db, structure);
  const cases = await seedDemoCases(db, structure);
  await seedDemoSupervision(db, structure);
  await seedDemoHazardSources(db, structure);
  await seedDemoEvaluation(db, structure);
  await seedDemoFigures(db, structure);
  await seedDemoReports(db, structure);
  await seedDemoIntake(db, keys, structure);
  await seedDemoRounds(db, structure);
  await seedDemoPlans(db, structure);
  return { loaded: true, tips, cases, password: structure.password, users: structure.printable };
}
