-- The 红橙黄绿 risk grade in SQL (domain.md §5), so that counts by grade and filtering by grade are one
-- query over a whole jurisdiction, at any size. It is the same rule as assessRisk in
-- server/modules/screening/risk.ts (which also gives the reasons for one subject's file);
-- screening/risk-agreement.test.ts checks on random data that the two agree for every subject.
-- Still computed at read time, never stored: it follows deadlines passing and tips being verified.
-- "Today" is the date in China (UTC+8), as chinaToday() in shared/time.ts.
create view subject_risk as
select f.*, coalesce(f.override_grade, f.computed) as grade
from (
  select s.id as subject_id,
         li.checklist is not null as inspected,
         hz.open_hazards, tp.tips, tp.tips_true, ov.grade as override_grade,
         case
           when hz.fraudish > 0 or hz.late > 0 or tp.tips_true > 0 then 'red'
           when coalesce(li.checklist @> '{"prepaid": true}' or li.checklist @> '{"deposit": true}'
                      or li.checklist @> '{"returns": true}' or li.checklist @> '{"health_claims": true}', false)
                or hz.practices > 0 or tp.tips >= 2 then 'orange'
           when hz.rest > 0 or tp.tips = 1 or coalesce(li.checklist @> '{"no_commitment": true}', false) then 'yellow'
           when li.checklist is not null then 'green'
         end as computed
  from subjects s
  -- The latest inspection's checklist.
  left join lateral (
    select i.checklist from inspections i where i.subject_id = s.id order by i.inspected_on desc, i.id desc limit 1
  ) li on true
  -- Hazards not yet crossed off, by what they weigh.
  cross join lateral (
    select count(*)::int as open_hazards,
           count(*) filter (where h.category in ('fundraising', 'fraud'))::int as fraudish,
           count(*) filter (where h.category in ('prepaid', 'false_ad'))::int as practices,
           count(*) filter (where h.late)::int as late,
           count(*) filter (where h.category not in ('fundraising', 'fraud', 'prepaid', 'false_ad') and not h.late)::int as rest
    from (
      select h.category, (h.serious and h.status <> 'rectified' and h.deadline < (now() at time zone 'Asia/Shanghai')::date) as late
      from hazards h where h.subject_id = s.id and h.status <> 'verified'
    ) h
  ) hz
  -- Tips naming the subject by credit code or normalised name, rejected and merged ones excepted.
  cross join lateral (
    select count(*)::int as tips,
           count(*) filter (where exists (
             select 1 from tip_assignments a where a.tip_id = t.id and a.verdict in ('true', 'partly_true')))::int as tips_true
    from tips t
    where t.status not in ('rejected', 'merged')
      and t.id in (select e.tip_id from tip_entities e where e.kind = 'uscc' and e.normalized = s.uscc
                   union
                   select e.tip_id from tip_entities e where e.kind = 'organization' and e.normalized = s.normalized_name)
  ) tp
  -- The latest override (a null grade returns to the computed one).
  left join lateral (
    select o.grade from subject_risk_overrides o where o.subject_id = s.id order by o.id desc limit 1
  ) ov on true
) f;
