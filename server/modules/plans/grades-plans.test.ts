import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../db/client.ts';
import { chinaToday } from '../../../shared/time.ts';
import { createTestApp, json, validTip, type TestApp } from '../../test/helpers.ts';
import { assessRisk } from '../screening/risk.ts';
import { riskFacts } from '../screening/screening.repository.ts';
import { sweepGradeDeadlines } from '../screening/grades.ts';

/**
 * Issue 13 items 5 and 7: the stored grade follows every fact in the same transaction (and the daily
 * sweep for deadlines), with its history; the grade distribution is counted in SQL and equals
 * assessRisk over every subject; a red or orange subject gets a plan (一院一策).
 */
describe('stored grades with history, and one plan per institution', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const as = async (user: string) => {
    const cookie = await t.login(user);
    const call = (method: 'GET' | 'POST' | 'PUT') => (url: string, payload?: unknown) => t.app.inject({ method, url, headers: { cookie }, payload: payload as object });
    return { get: call('GET'), post: call('POST'), put: call('PUT') };
  };
  const inDays = (d: number) => chinaToday(Date.now() + d * 86400_000);
  const hazard = (over: Record<string, unknown> = {}) => ({
    description: '向老人销售“终身会员卡”，预收费用', category: 'prepaid', serious: false, measure: 'rectification_order', deadline: inDays(10), responsible: '院长 王某', ...over,
  });
  const stored = async (id: number) =>
    (await t.db.query<{ grade: string | null; computed: string | null; reasons: unknown }>(sql`select grade, computed, reasons from subject_grades where subject_id = ${id}`))[0];
  /** What assessRisk says today from the subject's facts: the stored row must be exactly this. */
  const assessed = async (id: number) => {
    const a = assessRisk((await riskFacts(t.db, [id])).get(id)!, chinaToday());
    return { grade: a.grade, computed: a.computed, reasons: a.reasons };
  };
  const newSubject = async (name: string) => {
    const r = await (await as('lk_intake')).post('/api/subjects', { regionCode: '370681', kind: 'elderly_care_institution', name });
    expect(r.statusCode, r.body).toBe(201);
    return json(r).id as number;
  };

  it('inspect, two hazards → red with reasons; a plan; rectify and cross off by two people → green; the history shows each change', async () => {
    const market = await as('lk_market_regulation');
    const marketLead = await as('lk_market_regulation_lead');
    const lead = await as('lk_lead');
    const county = await as('lk_intake');
    const id = await newSubject('龙口市松龄颐养院');
    expect(await stored(id)).toMatchObject({ grade: null });

    // No plan for a subject that is not red or orange: 409 in Chinese.
    const early = await county.put(`/api/subjects/${id}/plan`, { summary: '整治方案', measures: [{ text: '停止预收会员费', unitId: t.world.units.get('370681:market_regulation'), dueOn: inDays(20) }] });
    expect(early.statusCode).toBe(409);
    expect(json(early).error.message).toContain('红色或橙色');

    const inspection = await market.post(`/api/subjects/${id}/inspections`, {
      inspectedOn: inDays(0), inspectors: 2, checklist: {}, hazards: [hazard(), hazard({ category: 'fundraising', description: '以高息回报吸收老人“养老投资款”' })],
    });
    expect(inspection.statusCode, inspection.body).toBe(201);
    const [prepaidId, fundId] = json(inspection).hazardIds;
    expect(await stored(id)).toEqual(await assessed(id));
    expect(await stored(id)).toMatchObject({
      grade: 'red', reasons: [{ grade: 'red', text: '1 个涉嫌非法集资或诈骗的隐患尚未销号' }, { grade: 'orange', text: '1 个预付费或虚假宣传隐患尚未销号' }],
    });
    // The registry filtered by grade reads the stored grade.
    expect(json(await county.get('/api/subjects?grade=red&pageSize=200')).items.map((s: { id: number }) => s.id)).toContain(id);

    // The plan: two measures, a note, one measure done (once), an edit; each kept in the history.
    const unitId = t.world.units.get('370681:market_regulation')!;
    const bad = await county.put(`/api/subjects/${id}/plan`, { summary: '整治', measures: [] });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['summary', 'measures']));
    const foreignUnit = t.world.units.get('370602:campaign_office')!;
    const wrongUnit = await county.put(`/api/subjects/${id}/plan`, { summary: '停止集资、清退资金', measures: [{ text: '约谈法定代表人', unitId: foreignUnit, dueOn: inDays(5) }] });
    expect(wrongUnit.statusCode).toBe(422);
    expect(json(wrongUnit).error.fields[0].path).toBe('measures.0.unitId');
    const made = await county.put(`/api/subjects/${id}/plan`, {
      summary: '停止集资、清退资金', measures: [{ text: '约谈法定代表人，责令停止吸收资金', unitId, dueOn: inDays(5) }, { text: '核查资金去向并建立清退台账', unitId, dueOn: inDays(30) }],
    });
    expect(made.statusCode, made.body).toBe(200);
    let plan = json(made).plan;
    expect(plan.measures.map((m: { text: string; unitName: string; done: boolean }) => [m.text, m.done])).toEqual([['约谈法定代表人，责令停止吸收资金', false], ['核查资金去向并建立清退台账', false]]);
    expect(plan.measures[0].unitName).toContain('市场监督');
    expect(json(await market.post(`/api/subjects/${id}/plan/notes`, { text: '已约谈法定代表人' })).plan.notes[0]).toMatchObject({ text: '已约谈法定代表人', unitName: expect.stringContaining('市场监督') });
    expect((await market.post(`/api/subjects/${id}/plan/measures/${plan.measures[0].id}/done`)).statusCode).toBe(200);
    expect((await market.post(`/api/subjects/${id}/plan/measures/${plan.measures[0].id}/done`)).statusCode).toBe(409);
    plan = json(await county.put(`/api/subjects/${id}/plan`, {
      summary: '停止集资、清退资金', measures: [{ id: plan.measures[0].id, text: '约谈法定代表人，责令停止吸收资金', unitId, dueOn: inDays(5) }, { text: '每月回访入住老人', unitId, dueOn: inDays(60) }],
    })).plan;
    expect(plan.measures.map((m: { text: string; done: boolean }) => [m.text, m.done])).toEqual([['约谈法定代表人，责令停止吸收资金', true], ['每月回访入住老人', false]]);
    expect(plan.history.map((h: { action: string }) => h.action)).toEqual(['edited', 'measure_done', 'created']);
    expect(plan.history[0].changes).toMatchObject({ added: [{ text: '每月回访入住老人' }], removed: [{ text: '核查资金去向并建立清退台账' }] });
    // Notes are append-only in the database too.
    await expect(t.db.query(sql`update plan_notes set text = 'x' where plan_id = ${plan.id}`)).rejects.toThrow(/append-only/);
    // Out of jurisdiction: another county's office finds no plan (404), for every plan route.
    const other = await as('zf_intake');
    expect((await other.get(`/api/subjects/${id}/plan`)).statusCode).toBe(404);
    expect((await other.post(`/api/subjects/${id}/plan/notes`, { text: '不该看到' })).statusCode).toBe(404);
    expect((await other.put(`/api/subjects/${id}/plan`, { summary: '不该看到的方案', measures: [{ text: '不该看到的措施', unitId, dueOn: inDays(5) }] })).statusCode).toBe(404);

    // Rectified and crossed off: the person who reported it rectified may not cross it off.
    for (const h of [fundId, prepaidId]) {
      expect((await marketLead.post(`/api/hazards/${h}/actions`, { action: 'rectified', note: '已清退全部资金，停止宣传' })).statusCode).toBe(200);
      const self = await marketLead.post(`/api/hazards/${h}/actions`, { action: 'verify' });
      expect(self.statusCode).toBe(403);
      expect(json(self).error.message).toContain('同一人');
      expect((await lead.post(`/api/hazards/${h}/actions`, { action: 'verify' })).statusCode).toBe(200);
      expect(await stored(id)).toEqual(await assessed(id));
    }
    expect(await stored(id)).toMatchObject({ grade: 'green', reasons: [{ grade: 'green', text: '已排查，未发现问题' }] });

    // The subject's file shows the grade history: newest first, each change with its cause.
    const detail = json(await county.get(`/api/subjects/${id}`));
    expect(detail.gradeHistory.map((h: { grade: string; previous: string | null; cause: string }) => [h.previous, h.grade, h.cause])).toEqual([
      ['orange', 'green', 'hazard'], ['red', 'orange', 'hazard'], [null, 'red', 'inspection'],
    ]);
    expect(detail.gradeHistory[0].changedBy).toBeTruthy();
    expect(detail.gradeHistory[2].reasons[0].grade).toBe('red');
    // The plan stays, editable, after the grade fell.
    expect(json(await county.get(`/api/subjects/${id}/plan`))).toMatchObject({ grade: 'green', mayCreate: false, plan: { id: plan.id } });
  });

  it('follows tips naming the subject and an override, without a history row when nothing changes', async () => {
    const id = await newSubject('龙口市康乐福老年公寓');
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ subject: { name: '龙口市康乐福老年公寓' }, description: `龙口市康乐福老年公寓收取老人押金后不退，第${i + 1}次反映。` }) });
      expect(r.statusCode).toBe(201);
    }
    expect(await stored(id)).toEqual(await assessed(id));
    expect(await stored(id)).toMatchObject({ grade: 'orange', reasons: [{ grade: 'orange', text: '被 2 条线索反映' }] });
    const lead = await as('lk_lead');
    expect((await lead.post(`/api/subjects/${id}/risk-override`, { grade: 'red', reason: '多名老人反映押金不退' })).statusCode).toBe(200);
    expect(await stored(id)).toMatchObject({ grade: 'red', computed: 'orange' });
    // The same override again changes nothing: no new history row.
    await lead.post(`/api/subjects/${id}/risk-override`, { grade: 'red', reason: '再次确认维持红色' });
    const history = json(await lead.get(`/api/subjects/${id}`)).gradeHistory;
    expect(history.map((h: { grade: string; cause: string }) => [h.grade, h.cause])).toEqual([['red', 'override'], ['orange', 'tip'], ['yellow', 'tip']]);
  });

  it('the daily sweep turns a subject with a serious overdue hazard red, once', async () => {
    const market = await as('lk_market_regulation');
    const id = await newSubject('龙口市夕照养老服务站');
    const made = await market.post(`/api/subjects/${id}/inspections`, {
      inspectedOn: inDays(0), inspectors: 2, checklist: {}, hazards: [hazard({ category: 'safety', serious: true, description: '消防通道被杂物堵塞' })],
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(await stored(id)).toMatchObject({ grade: 'yellow' });
    // Days pass: the deadline is yesterday now, and nothing was written.
    await t.db.query(sql`update hazards set deadline = ${inDays(-1)}::date where subject_id = ${id}`);
    expect((await assessed(id)).grade).toBe('red');
    expect(await stored(id)).toMatchObject({ grade: 'yellow' });
    await sweepGradeDeadlines(t.db);
    expect(await stored(id)).toEqual(await assessed(id));
    expect(await stored(id)).toMatchObject({ grade: 'red', reasons: [{ grade: 'red', text: '1 个重大隐患已超过整改期限' }] });
    const rows = async () => t.db.query<{ cause: string }>(sql`select cause from subject_grade_history where subject_id = ${id} order by id`);
    expect((await rows()).map((r) => r.cause)).toEqual(['inspection', 'deadline']);
    // Run again the same day, and again as if a day had passed since: no second change.
    expect(await sweepGradeDeadlines(t.db)).toBe(0);
    await t.db.query(`update job_state set watermark = now() - interval '1 day' where name = 'grades'`);
    await t.db.query(sql`update hazards set deadline = ${inDays(-1)}::date where subject_id = ${id}`);
    await sweepGradeDeadlines(t.db);
    expect((await rows()).map((r) => r.cause)).toEqual(['inspection', 'deadline']);
  });

  it('the grade distribution of a subtree equals assessRisk counted over every subject in it', async () => {
    // A merged record leaves the counts (its grade row is kept, flagged merged).
    const kept = await newSubject('龙口市合并测试养老院');
    const dup = await newSubject('龙口市合并测试颐养中心');
    await (await as('lk_market_regulation')).post(`/api/subjects/${dup}/inspections`, { inspectedOn: inDays(0), inspectors: 1, checklist: { prepaid: true } });
    expect((await (await as('lk_lead')).post(`/api/subjects/${dup}/merge`, { into: kept, reason: '同一机构重复登记' })).statusCode).toBe(200);
    expect(await stored(kept)).toEqual(await assessed(kept));
    expect(await stored(kept)).toMatchObject({ grade: 'orange' });
    for (const [user, root] of [['lk_intake', '370681'], ['sd_lead', '37']] as const) {
      const summary = json(await (await as(user)).get('/api/screening/summary'));
      const ids = (await t.db.query<{ id: number }>(sql`select id from subjects where region_code like ${root + '%'} and merged_into is null`)).map((r) => r.id);
      const facts = await riskFacts(t.db, ids);
      const direct = { red: 0, orange: 0, yellow: 0, green: 0, none: 0 };
      for (const id of ids) direct[assessRisk(facts.get(id)!, chinaToday()).grade ?? 'none']++;
      expect(summary.grades, user).toEqual(direct);
      expect(direct.red + direct.orange + direct.yellow + direct.green).toBeGreaterThan(0);
    }
  });
});
