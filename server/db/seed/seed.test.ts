import { isUscc } from '../../../shared/validators.ts';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ROLE_CODES, UNIT_KIND_CODES } from '../../../shared/domain.ts';
import { deriveKeys } from '../../crypto.ts';
import { submitPublicTip } from '../../modules/tips/tips.intake.service.ts';
import { ADMIN_PASSWORD, openTestDb, TEST_PASSWORD, validTip } from '../../test/helpers.ts';
import type { Db } from '../client.ts';
import { ensureAdmin, ensureDefaultRules, realRecords, seedDemo, seedStructure } from './seed.ts';
import { ranking } from '../../modules/evaluation/evaluation.service.ts';
import { roundCoverage } from '../../modules/screening/rounds.service.ts';
import type { SessionUser } from '../../modules/auth/auth.service.ts';
import { assessRisk } from '../../modules/screening/risk.ts';
import { riskFacts } from '../../modules/screening/screening.repository.ts';
import { chinaToday } from '../../../shared/time.ts';

const keys = deriveKeys(randomBytes(32).toString('hex'));
const password = 'Demo-Passw0rd-1!';

let drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops) await drop();
  drops = [];
});

/** A migrated database as a first start leaves it: regions, default routing rules, the system unit and `admin`. */
async function firstStart(): Promise<Db> {
  const t = await openTestDb();
  drops.push(t.drop);
  await ensureAdmin(t.db, ADMIN_PASSWORD);
  await ensureDefaultRules(t.db);
  return t.db;
}

const count = async (db: Db, from: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${from}`))[0].n;

describe('demo data only into an empty database', () => {
  it('finds nothing in a first start, and refuses the demo beside a real office with one tip (nothing written)', async () => {
    const db = await firstStart();
    expect(await realRecords(db)).toEqual({});
    await db.query(`insert into units (region_code, kind, name) values ('370681', 'campaign_office', '龙口市专项办')`);
    await submitPublicTip(db, keys, { ...validTip(), fraudTypes: ['elderly_product'], reporter: { anonymous: true } });
    expect(await realRecords(db)).toEqual({ units: 1, tips: 1, tip_events: 1 });
    const before = { units: await count(db, 'units'), users: await count(db, 'users'), tips: await count(db, 'tips') };
    const outcome = await seedDemo(db, keys, { password });
    expect(outcome).toEqual({ loaded: false, reason: expect.stringContaining('1 条线索') });
    expect(outcome.loaded || outcome.reason).toContain('不载入演示数据');
    expect({ units: await count(db, 'units'), users: await count(db, 'users'), tips: await count(db, 'tips') }).toEqual(before);
  });

  it('counts a unit, a user, a subject or a routing rule a person changed as real records, not sessions or the audit log', async () => {
    const db = await firstStart();
    const [{ id: admin }] = await db.query<{ id: number }>(`select id from users where username = 'admin'`);
    await db.query(`insert into sessions (token_hash, user_id, expires_at) values ('x', $1, now() + interval '1 hour')`, [admin]);
    await db.query(`insert into audit_log (actor_id, actor_name, action, entity) values ($1, 'admin', 'auth.login', 'user')`, [admin]);
    expect(await realRecords(db)).toEqual({});
    const [{ id: unit }] = await db.query<{ id: number }>(`insert into units (region_code, kind, name) values ('37', 'campaign_office', '山东省专项办') returning id`);
    await db.query(`insert into users (username, display_name, unit_id, roles, password_hash) values ('clerk', '受理员', $1, '{intake}', 'x')`, [unit]);
    await db.query(`insert into subjects (region_code, kind, name, normalized_name) values ('370681', 'elderly_care_institution', '幸福养老院', '幸福养老院')`);
    await db.query(`insert into routing_rule_history (rule_id, op, data, changed_by) values (1, 'update', '{}', $1)`, [admin]);
    expect(await realRecords(db)).toEqual({ units: 1, users: 1, subjects: 1, routing_rule_history: 1 });
    const outcome = await seedDemo(db, keys, { password });
    expect(outcome.loaded).toBe(false);
    for (const what of ['1 个单位', '1 个账号', '1 个排查对象', '1 次分办规则修改']) expect(outcome.loaded || outcome.reason).toContain(what);
  });

  it('loads into a first start once, and not again', async () => {
    const db = await firstStart();
    const first = await seedDemo(db, keys, { password });
    expect(first.loaded && first.tips).toBeGreaterThan(100);
    // Supervision: findings in every state (overdue among the open ones), 回访 recorded and 二次核查 answered or waiting.
    const states = await db.query<{ status: string; overdue: boolean }>(`select status, bool_or(deadline < (now() at time zone 'Asia/Shanghai')::date) as overdue from supervision_findings group by status order by status`);
    expect(states).toEqual([{ status: 'open', overdue: true }, { status: 'submitted', overdue: false }, { status: 'verified', overdue: false }]);
    expect(await count(db, `supervision_finding_events where kind = 'reopened'`)).toBe(1);
    const items = (await db.query<{ s: string }>(`select s.kind || ':' || i.status as s from supervision_sample_items i join supervision_samples s on s.id = i.sample_id order by 1`)).map((r) => r.s);
    expect(items).toEqual(['callback:pending', 'callback:recorded', 'callback:recorded', 'recheck:answered', 'recheck:pending']);
    // The demo province's reports (issue 11): two signed-off weekly reports and a stage summary, and a 要情 to 烟台市.
    const reports = await db.query<{ kind: string; n: number }>(`select kind, count(*)::int as n from work_reports where region_code = '37' and status = 'signed_off' group by kind order by kind`);
    expect(reports).toEqual([{ kind: 'stage', n: 1 }, { kind: 'weekly', n: 2 }]);
    expect(await count(db, 'urgent_reports')).toBe(1);
    // Intake beyond the portal (issue 12): a 12337 batch with closed tips and refused rows, and member units' hand-overs.
    const [batch] = await db.query<{ created: number; refused: number; closed: number }>(
      `select i.created, i.refused, (select count(*)::int from tips t where t.import_id = i.id and t.status = 'closed') as closed from tip_imports i`,
    );
    expect(batch).toEqual({ created: 6, refused: 2, closed: 3 });
    const handed = await db.query<{ kind: string }>(`select u.kind from tips t join units u on u.id = t.handed_over_by_unit_id order by u.kind`);
    expect(handed.map((h) => h.kind)).toEqual(['court', 'market_regulation', 'police']);
    // The demo city's registry in the thousands, in every sector the demo lists, each code with a valid check character.
    const sectors = await db.query<{ kind: string; n: number; bad: number }>(
      `select kind, count(*)::int as n, count(*) filter (where uscc is not null and uscc !~ '^[0-9A-Z]{18}$')::int as bad from subjects where region_code like '3706%' group by kind`,
    );
    expect(sectors.reduce((a, r) => a + r.n, 0)).toBeGreaterThan(3000);
    expect(sectors.filter((r) => r.n >= 30).length).toBeGreaterThanOrEqual(8);
    expect(sectors.every((r) => r.bad === 0)).toBe(true);
    const codes = await db.query<{ uscc: string }>(`select uscc from subjects where uscc is not null`);
    expect(codes.filter((c) => !isUscc(c.uscc))).toEqual([]);
    // Stored grades (issue 13 item 7): every demo subject graded as assessRisk grades it, and a 一院一策 plan
    // (two measures, one done, a note) for each red and orange subject of the province.
    const graded = await db.query<{ id: number; grade: string | null }>(`select subject_id as id, grade from subject_grades where not merged`);
    const facts = await riskFacts(db, graded.map((g) => g.id));
    expect(graded.filter((g) => assessRisk(facts.get(g.id)!, chinaToday()).grade !== g.grade)).toEqual([]);
    const unplanned = await count(db, `subject_grades g where g.grade in ('red', 'orange') and not g.merged and g.region_code like '37%'
      and not exists (select 1 from subject_plans p where p.subject_id = g.subject_id)`);
    expect(unplanned).toBe(0);
    expect(await count(db, 'subject_plans')).toBeGreaterThan(0);
    expect(await count(db, `plan_measures where done_at is not null`)).toBe(await count(db, 'subject_plans'));
    const tips = await count(db, 'tips');
    const user = async (username: string) => (await db.query<SessionUser>(
      `select u.id, u.username, u.display_name as "displayName", u.roles, u.unit_id as "unitId", n.kind as "unitKind", n.name as "unitName", n.region_code as "unitRegionCode"
       from users u join units n on n.id = u.unit_id where u.username = $1`, [username],
    ))[0];
    // Screening rounds (issue 13 item 3): 烟台市's 集中排查 below 100 %, 龙口市's 回头看 at 100 % of its smaller scope.
    const demoRounds = await db.query<{ id: number; scope: string }>(`select id, scope from screening_rounds order by id`);
    expect(demoRounds.map((r) => r.scope)).toEqual(['centralized', 'review']);
    const city = await roundCoverage(db, await user('yt_lead'), demoRounds[0].id);
    expect(city.total.coverage).toBeGreaterThan(0.4);
    expect(city.total.coverage).toBeLessThan(1);
    const review = await roundCoverage(db, await user('yt_lead'), demoRounds[1].id);
    expect(review.total).toMatchObject({ coverage: 1, inScope: expect.any(Number) });
    expect(review.total.inScope).toBeGreaterThan(0);
    expect(review.total.inScope).toBeLessThan(city.total.inScope);
    // Evaluation: the province ranks its 16 cities by its own weights, each city with its elderly population; 烟台市 has two schemes.
    const lead = await user('sd_lead');
    const ranked = await ranking(db, lead, {});
    expect(ranked.scheme).toMatchObject({ origin: 'own', region: { code: '37' } });
    expect(ranked.rows).toHaveLength(16);
    expect(ranked.rows.every((r) => r.population! > 100_000)).toBe(true);
    expect(ranked.rows[0]).toMatchObject({ code: '3706', rank: 1 });
    expect(await count(db, `evaluation_schemes where region_code = '3706'`)).toBe(2);
    const again = await seedDemo(db, keys, { password });
    expect(again).toEqual({ loaded: false, reason: expect.stringMatching(/\d+ 条线索.*不载入演示数据/) });
    expect(await count(db, 'tips')).toBe(tips);
  }, 300_000);
});

/** The README's tables of demo accounts, cell by cell. */
function readmeTable(header: string): string[][] {
  const lines = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith(header));
  expect(at, `README table "${header}"`).toBeGreaterThan(-1);
  const cells = (l: string) => l.split('|').slice(1, -1).map((c) => c.trim());
  const rows = [cells(lines[at])];
  for (let i = at + 2; lines[i]?.startsWith('|'); i++) rows.push(cells(lines[i]));
  return rows;
}
const code = (cell: string) => /`(\w+)`/.exec(cell)?.[1];

describe('the demo accounts are the README says', () => {
  it('gives every demo office one account per role and every staffed member unit its two, exactly as the README tables list', async () => {
    const db = await firstStart();
    await seedStructure(db, TEST_PASSWORD);
    const users = new Map(
      (await db.query<{ username: string; roles: string[]; kind: string; region: string }>(
        'select u.username, u.roles, un.kind, un.region_code as region from users u join units un on un.id = u.unit_id',
      )).map((u) => [u.username, u]),
    );
    const regionCode = async (name: string) =>
      (await db.query<{ code: string }>(`select code from regions where name = $1 and code like '37%'`, [name]))[0]?.code;
    const listed = new Set(['admin']);
    const roles = new Set<string>();

    // Offices: one row per role, one column per office.
    const [head, ...rows] = readmeTable('| 角色 |');
    const regions = await Promise.all(head.slice(1).map(regionCode));
    expect(regions).toEqual(['37', '3706', '370681', '370602']);
    for (const row of rows) {
      const role = code(row[0])!;
      expect(ROLE_CODES).toContain(role);
      roles.add(role);
      regions.forEach((region, i) => {
        const username = code(row[i + 1])!;
        expect(users.get(username), `${username} (${role}, README)`).toEqual({ username, roles: [role], kind: 'campaign_office', region });
        listed.add(username);
      });
    }
    // Member units: one row per unit kind, ✓ where the office's member unit has its handler and unit lead.
    const [memberHead, ...memberRows] = readmeTable('| 成员单位');
    const prefixes = memberHead.slice(1).map((c) => code(c)!);
    for (const row of memberRows) {
      const kind = code(row[0])!;
      expect(UNIT_KIND_CODES).toContain(kind);
      prefixes.forEach((p, i) => {
        const staffed = row[i + 1] === '✓';
        for (const [username, role] of [[`${p}_${kind}`, 'handler'], [`${p}_${kind}_lead`, 'unit_lead']]) {
          expect(users.get(username), `${username} (README: ${staffed ? '✓' : 'none'})`).toEqual(staffed ? { username, roles: [role], kind, region: regions[i] } : undefined);
          if (!staffed) continue;
          listed.add(username);
          roles.add(role);
        }
      });
    }
    expect([...roles].sort(), 'every role has demo accounts').toEqual([...ROLE_CODES].sort());
    expect([...users.keys()].filter((u) => !listed.has(u)), 'accounts the README does not list').toEqual([]);
  });
});
