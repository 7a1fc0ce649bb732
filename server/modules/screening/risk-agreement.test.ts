import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, sql } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { CHECKLIST_ITEM_CODES, HAZARD_CATEGORY_CODES, HAZARD_STATUS_CODES, RISK_GRADE_CODES, type ChecklistItem, type RiskGrade } from '../../../shared/domain.ts';
import { chinaToday } from '../../../shared/time.ts';
import { assessRisk, type RiskFacts } from './risk.ts';
import { riskFacts } from './screening.repository.ts';
import { refreshGrades } from './grades.ts';

/**
 * The 红橙黄绿 grade exists twice: assessRisk (risk.ts, with reasons, for one subject's file) and the
 * SQL view subject_risk (migration 0010, for counting and filtering a whole jurisdiction). On random
 * subjects in a real database, both must give every subject the same grade. The expected facts come
 * from what this test inserted, not from the application's own fact queries.
 */

// A small seeded generator: a failing run prints its seed, and RISK_SEED=<n> replays it.
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

const addDays = (date: string, d: number) => new Date(Date.parse(date) + d * 86400_000).toISOString().slice(0, 10);

describe('the SQL risk grade agrees with assessRisk on random subjects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('grades every subject the same way, in both forms', async () => {
    const seed = Number(process.env.RISK_SEED) || Math.floor(Math.random() * 2 ** 31);
    const r = rng(seed);
    const today = chinaToday();
    const [{ unit_id: unitId, id: userId }] = await t.db.query<{ id: number; unit_id: number }>(sql`select id, unit_id from users order by id limit 1`);
    const N = 600;
    const run = `${seed}-${Date.now()}`;

    // Subjects: names from a small pool so that some share a normalised name (a tip then names them all).
    const subjects = Array.from({ length: N }, (_, i) => ({
      key: `${run}-${i}`,
      normalized: `随机主体${r.int(N / 2)}`,
      uscc: r.chance(0.5) ? `9137${String(i).padStart(6, '0')}${run.slice(0, 8).padEnd(8, '0')}` : null,
    }));
    const ids = (await t.db.query<{ id: number; name: string }>(
      sql`insert into subjects (region_code, kind, name, normalized_name, uscc)
          values ${join(subjects.map((s) => sql`('370681', 'other', ${s.key}, ${s.normalized}, ${s.uscc})`))} returning id, name`,
    )).reduce((m, x) => m.set(x.name, x.id), new Map<string, number>());
    const idOf = (i: number) => ids.get(subjects[i].key)!;

    // Inspections: 0–3 each, dates repeating so that the id breaks ties; checklists with true, false and missing items.
    const inspections = subjects.flatMap((_, i) => Array.from({ length: r.int(4) }, () => ({
      subject: idOf(i),
      on: addDays(today, -r.int(3)),
      checklist: Object.fromEntries(CHECKLIST_ITEM_CODES.filter(() => r.chance(0.5)).map((k) => [k, r.chance(0.25)])) as Partial<Record<ChecklistItem, boolean>>,
    })));
    const insertedInspections = inspections.length ? await t.db.query<{ id: number; subject_id: number; on: string; checklist: Partial<Record<ChecklistItem, boolean>> }>(
      sql`insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, created_by)
          values ${join(inspections.map((x) => sql`(${x.subject}, ${unitId}, ${x.on}::date, 1, ${JSON.stringify(x.checklist)}::jsonb, ${userId})`))}
          returning id, subject_id, inspected_on::text as on, checklist`,
    ) : [];

    // Hazards: 0–3 each, every category, serious or not, every status, deadlines around today.
    const hazards = subjects.flatMap((_, i) => Array.from({ length: r.chance(0.4) ? 0 : 1 + r.int(3) }, () => ({
      subject: idOf(i), category: r.pick(HAZARD_CATEGORY_CODES), serious: r.chance(0.5), status: r.pick(HAZARD_STATUS_CODES), deadline: addDays(today, r.int(5) - 2),
    })));
    if (hazards.length) await t.db.query(
      sql`insert into hazards (subject_id, unit_id, description, category, serious, measure, deadline, responsible, status, created_by)
          values ${join(hazards.map((h) => sql`(${h.subject}, ${unitId}, '随机隐患', ${h.category}, ${h.serious}, 'risk_warning', ${h.deadline}::date, '某人', ${h.status}, ${userId})`))}`,
    );

    // Tips naming subjects by credit code, by name, or both; some rejected or merged; some verified true.
    const tipStatuses = ['submitted', 'accepted', 'dispatched', 'in_progress', 'reported', 'closed', 'rejected', 'merged'];
    const verdicts = [null, 'true', 'partly_true', 'false', 'unverifiable'];
    const tips = Array.from({ length: Math.floor(N * 0.8) }, (_, k) => {
      const i = r.int(N);
      const byCode = !!subjects[i].uscc && r.chance(0.6);
      const byName = !byCode || r.chance(0.3);
      return {
        code: `R${run}-${k}`, status: r.pick(tipStatuses),
        uscc: byCode ? subjects[i].uscc : null, name: byName ? subjects[i].normalized : null,
        verdicts: Array.from({ length: r.int(3) }, () => r.pick(verdicts)),
      };
    });
    const tipIds = await t.db.query<{ id: number; tracking_code: string }>(
      sql`insert into tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description, reporter_anonymous, search_tsv)
          values ${join(tips.map((x) => sql`(${x.code}, 'x', 'portal', ${x.status}, '370681', ${unitId}, '随机线索', true, ''::tsvector)`))}
          returning id, tracking_code`,
    );
    const tipId = new Map(tipIds.map((x) => [x.tracking_code, x.id]));
    const entities = tips.flatMap((x) => [
      ...(x.uscc ? [sql`('uscc', ${x.uscc}, ${tipId.get(x.code)!})`] : []),
      ...(x.name ? [sql`('organization', ${x.name}, ${tipId.get(x.code)!})`] : []),
    ]);
    await t.db.query(sql`insert into tip_entities (kind, normalized, tip_id) values ${join(entities)}`);
    const assignments = tips.flatMap((x) => x.verdicts.map((v) =>
      sql`(${tipId.get(x.code)!}, ${unitId}, 'lead', ${unitId}, ${userId}, now(), '核查', 'reported', ${v})`));
    if (assignments.length) await t.db.query(
      sql`insert into tip_assignments (tip_id, unit_id, role, dispatched_by_unit_id, dispatched_by, deadline_at, instructions, status, verdict)
          values ${join(assignments)}`,
    );

    // Overrides: 0–2 each, the latest wins, a null grade returns to the computed one.
    const overrides = subjects.flatMap((_, i) => Array.from({ length: r.chance(0.7) ? 0 : 1 + r.int(2) }, () => ({
      subject: idOf(i), grade: r.chance(0.3) ? null : r.pick(RISK_GRADE_CODES),
    })));
    if (overrides.length) await t.db.query(
      sql`insert into subject_risk_overrides (subject_id, grade, reason, created_by)
          values ${join(overrides.map((o) => sql`(${o.subject}, ${o.grade}, '随机调整', ${userId})`))}`,
    );

    // Criminal cases: a few, each linked to 1–3 subjects (a case makes its subjects red).
    const cases = await t.db.query<{ id: number }>(
      sql`insert into criminal_cases (case_no, title, region_code, lead_unit_id, origin, stage, filed_on, created_by)
          select ${`案-${run}-`} || g, '随机案件', '370681', ${unitId}, 'new', 'filed', ${today}::date, ${userId} from generate_series(1, 20) g returning id`,
    );
    const caseLinks = [...new Set(cases.flatMap((c) => Array.from({ length: 1 + r.int(3) }, () => `${c.id}:${idOf(r.int(N))}`)))].map((k) => k.split(':').map(Number));
    await t.db.query(sql`insert into case_subjects (case_id, subject_id, linked_by) values ${join(caseLinks.map(([c, subj]) => sql`(${c}, ${subj}, ${userId})`))}`);

    // The facts each subject should have, from what was inserted above.
    const expected = new Map<number, RiskFacts>();
    subjects.forEach((s, i) => {
      const id = idOf(i);
      const latest = insertedInspections.filter((x) => x.subject_id === id).sort((a, b) => b.on.localeCompare(a.on) || b.id - a.id)[0];
      const naming = tips.filter((x) => (s.uscc !== null && x.uscc === s.uscc) || x.name === s.normalized).filter((x) => !['rejected', 'merged'].includes(x.status));
      const override = overrides.filter((o) => o.subject === id).at(-1);
      expected.set(id, {
        inspected: !!latest,
        checklist: latest?.checklist ?? null,
        hazards: hazards.filter((h) => h.subject === id),
        tips: naming.length,
        tipsTrue: naming.filter((x) => x.verdicts.some((v) => v === 'true' || v === 'partly_true')).length,
        cases: caseLinks.filter(([, subj]) => subj === id).length,
        override: override?.grade ? { grade: override.grade, reason: '随机调整' } : null,
      });
    });

    const allIds = [...expected.keys()];
    // The view, the application's facts and the stored grades (grades.ts, migration 0034: the migration's backfill from
    // the view and the application's refresh write the same grade) are each read against the Beijing day of their
    // query, and graded here against `asOf`: read again if the run crossed Beijing midnight (16:00 UTC) meanwhile.
    let asOf: string;
    let inSql: Map<number, { subject_id: number; grade: RiskGrade | null; computed: RiskGrade | null; open_hazards: number; tips: number; inspected: boolean }>;
    let appFacts: Awaited<ReturnType<typeof riskFacts>>;
    let storedRows: { subject_id: number; grade: RiskGrade | null; computed: RiskGrade | null }[];
    do {
      asOf = chinaToday();
      inSql = new Map((await t.db.query<{ subject_id: number; grade: RiskGrade | null; computed: RiskGrade | null; open_hazards: number; tips: number; inspected: boolean }>(
        sql`select subject_id, grade, computed, open_hazards, tips, inspected from subject_risk where subject_id = any(${allIds}::bigint[])`,
      )).map((x) => [x.subject_id, x]));
      appFacts = await riskFacts(t.db, allIds);
      await t.db.tx((q) => refreshGrades(q, allIds, 'backfill', null));
      storedRows = await t.db.query<{ subject_id: number; grade: RiskGrade | null; computed: RiskGrade | null }>(
        sql`select subject_id, grade, computed from subject_grades where subject_id = any(${allIds}::bigint[])`,
      );
    } while (chinaToday() !== asOf);

    const disagreements: unknown[] = [];
    const seen = new Set<string>();
    for (const [id, facts] of expected) {
      const js = assessRisk(facts, asOf);
      const db = inSql.get(id)!;
      seen.add(String(js.computed));
      const want = { grade: js.grade, computed: js.computed, open_hazards: facts.hazards.filter((h) => h.status !== 'verified').length, tips: facts.tips, inspected: facts.inspected };
      const got = { grade: db.grade, computed: db.computed, open_hazards: db.open_hazards, tips: db.tips, inspected: db.inspected };
      if (JSON.stringify(want) !== JSON.stringify(got)) disagreements.push({ id, want, got, facts });
      // The application's own fact queries (for reasons) read the same facts.
      const app = appFacts.get(id)!;
      if (assessRisk(app, asOf).grade !== js.grade || app.tips !== facts.tips || app.tipsTrue !== facts.tipsTrue || app.cases !== facts.cases) disagreements.push({ id, app, facts });
    }
    expect(disagreements.slice(0, 3), `seed ${seed} (RISK_SEED=${seed} replays it): ${disagreements.length} disagreements`).toEqual([]);
    // The data reached every grade, so each rule was exercised.
    expect([...seen].sort(), `seed ${seed}`).toEqual(['green', 'null', 'orange', 'red', 'yellow']);

    // The stored grades, recomputed from these bulk-inserted facts, are the view's.
    expect(storedRows).toHaveLength(allIds.length);
    const storedOff = storedRows.filter((x) => x.grade !== inSql.get(x.subject_id)!.grade || x.computed !== inSql.get(x.subject_id)!.computed);
    expect(storedOff.slice(0, 3), `seed ${seed}`).toEqual([]);
  });
});
