import { sql, type Db } from '../client.ts';
import { refreshAllGrades } from '../../modules/screening/grades.ts';
import type { DemoStructure } from './seed.ts';

/**
 * Grades of every demo subject (the registry and other demo strands insert in bulk, around the
 * services that keep grades), then a 一院一策 plan for each red and orange subject of the demo
 * province: two measures owned by the nearest market-regulation (else civil-affairs, else campaign)
 * unit at or above the subject's region, one of them done, and a first progress note. Set-based.
 */
export async function seedDemoPlans(db: Db, s: DemoStructure): Promise<void> {
  await refreshAllGrades(db);
  const lead = s.users.get('lk_lead')!;
  await db.tx(async (q) => {
    const plans = await q.query<{ id: number; subject_id: number }>(sql`
      insert into subject_plans (subject_id, summary, created_by, updated_by, created_at, updated_at)
      select g.subject_id,
             case g.grade when 'red' then '立即停止违规收费和宣传，配合公安机关调查，逐户核实老人资金损失' else '限期整改预收费和宣传问题，建立退费台账，每月回访' end,
             ${lead}, ${lead}, now() - interval '10 days', now() - interval '2 days'
      from subject_grades g where g.grade in ('red', 'orange') and not g.merged and g.region_code like '37%'
        and not exists (select 1 from subject_plans p where p.subject_id = g.subject_id)
      returning id, subject_id`);
    if (!plans.length) return;
    const ids = plans.map((p) => p.id);
    await q.query(sql`
      insert into plan_measures (plan_id, position, text, unit_id, due_on, done_at, done_by)
      select p.id, m.position, m.text, u.id, (now() at time zone 'Asia/Shanghai')::date + m.days,
             case when m.position = 0 then now() - interval '2 days' end, case when m.position = 0 then ${lead}::bigint end
      from subject_plans p join subjects s on s.id = p.subject_id
      cross join (values (0, '约谈法定代表人，责令停止预收费用和虚假宣传', -3), (1, '核查预收费用去向，建立退费台账并逐户回访', 20)) m(position, text, days)
      cross join lateral (
        select un.id from units un where s.region_code like un.region_code || '%' and un.kind in ('market_regulation', 'civil_affairs', 'campaign_office')
        order by length(un.region_code) desc, array_position(array['market_regulation', 'civil_affairs', 'campaign_office'], un.kind) limit 1) u
      where p.id = any(${ids}::bigint[])`);
    await q.query(sql`
      insert into plan_notes (plan_id, text, author_id, created_at)
      select id, '已约谈法定代表人，当事人承诺停止违规收费，退费台账正在建立', ${lead}, now() - interval '2 days' from subject_plans where id = any(${ids}::bigint[])`);
    await q.query(sql`
      insert into plan_history (plan_id, action, changes, changed_by, changed_at)
      select p.id, 'created', jsonb_build_object('summary', p.summary, 'measures', (select count(*) from plan_measures m where m.plan_id = p.id)), ${lead}, p.created_at
      from subject_plans p where p.id = any(${ids}::bigint[])`);
  });
}
