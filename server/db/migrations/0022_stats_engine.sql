-- The indicator engine (issue 11): every recorded indicator of shared/indicators.ts as the
-- CONTRIBUTIONS of one record — (region, Beijing day, indicator, dimension, dimension value, value) —
-- computed by one SQL function per kind of record. The engine's direct count sums them over the
-- records; the rollups (below) are the same contributions kept by triggers, −old +new, so both agree
-- by construction and the property test (server/modules/stats/engine.property.test.ts) checks it.
-- Dimensions: '' (the total), 'fraudType', 'sector' (the subject's kind), 'unit', 'status' (tips only).

-- 查实: a tip is true when any of its assignments reported the verdict true or partly true. Kept on the
-- tip by a trigger on tip_assignments, so a tip's contributions are a function of its own row.
alter table tips add column verdict_true boolean not null default false;
create function tips_follow_verdict() returns trigger language plpgsql as $$
declare
  tip bigint := case when tg_op = 'DELETE' then old.tip_id else new.tip_id end;
  v boolean;
begin
  v := exists (select 1 from tip_assignments a where a.tip_id = tip and a.verdict in ('true', 'partly_true'));
  update tips set verdict_true = v where id = tip and verdict_true is distinct from v;
  return null;
end $$;
create trigger tip_assignments_verdict after insert or delete or update of verdict, tip_id
  on tip_assignments for each row execute function tips_follow_verdict();
update tips t set verdict_true = true
 where exists (select 1 from tip_assignments a where a.tip_id = t.id and a.verdict in ('true', 'partly_true'));

-- ── Contributions, one function per kind of record ───────────────────────────────────────────────

-- A tip counts on the Beijing day it was received (a cohort: tips received in the period, by where
-- each is NOW), except _tips_closed_at (the day it was closed: the dashboard's daily chart).
-- Names starting with '_' are the dashboard's denominators, not catalogue indicators.
create function stats_c_tip(t tips)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql stable strict as $$
  select t.region_code, x.day, x.indicator, d.dim, d.dim_value, 1::bigint
  from (values
      ('tips_received', (t.received_at at time zone 'Asia/Shanghai')::date, true),
      ('tips_verified', (t.received_at at time zone 'Asia/Shanghai')::date, t.status in ('reported', 'closed')),
      ('tips_closed', (t.received_at at time zone 'Asia/Shanghai')::date, t.status = 'closed'),
      ('tips_closed_on_time', (t.received_at at time zone 'Asia/Shanghai')::date,
        t.status = 'closed' and t.deadline_at is not null and t.closed_at <= t.deadline_at),
      ('tips_true', (t.received_at at time zone 'Asia/Shanghai')::date, t.verdict_true),
      ('reporter_satisfied', (t.received_at at time zone 'Asia/Shanghai')::date, coalesce(t.rating_satisfied, false)),
      ('_tips_accepted', (t.received_at at time zone 'Asia/Shanghai')::date, t.status not in ('submitted', 'rejected', 'merged')),
      ('_tips_closed_with_deadline', (t.received_at at time zone 'Asia/Shanghai')::date, t.status = 'closed' and t.deadline_at is not null),
      ('_tips_rated', (t.received_at at time zone 'Asia/Shanghai')::date, t.rating_satisfied is not null),
      ('_tips_closed_at', (t.closed_at at time zone 'Asia/Shanghai')::date, t.closed_at is not null)
    ) x(indicator, day, hit)
  cross join lateral (
    select '' as dim, '' as dim_value
    union all
    select 'fraudType', ft from unnest(case when cardinality(t.fraud_types) = 0 then array['unclassified'] else t.fraud_types end) ft
    union all
    select 'unit', coalesce(t.lead_unit_id, t.office_unit_id)::text
    union all
    select 'status', t.status
  ) d
  where x.hit and (d.dim <> 'status' or x.indicator = 'tips_received')
$$;

-- The dimensions of a case's records: the total, each fraud type of the case, the recording unit.
create function stats_case_dims(fraud_types text[], unit_id bigint)
returns table (dim text, dim_value text)
language sql immutable strict as $$
  select '', ''
  union all
  select 'fraudType', ft from unnest(case when cardinality(fraud_types) = 0 then array['unclassified'] else fraud_types end) ft
  union all
  select 'unit', unit_id::text
$$;

-- A stage counts on the day it was recorded for; the case gives the region and fraud types.
create function stats_c_case_stage(s case_stages, region text, fraud_types text[])
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql immutable strict as $$
  select region, s.on_date, k.indicator, d.dim, d.dim_value, 1::bigint
  from (select case s.stage when 'filed' then 'cases_filed' when 'solved' then 'cases_solved'
                            when 'prosecuted' then 'prosecuted_cases' when 'tried' then 'trial_cases' end as indicator) k
  cross join lateral stats_case_dims(fraud_types, s.unit_id) d
  where k.indicator is not null
$$;

-- The indicator a case figure's kind feeds (amounts in fen), null for kinds no indicator counts.
create function stats_case_figure_indicator(kind text) returns text language sql immutable as $$
  select case kind when 'arrested' then 'suspects_arrested' when 'detained' then 'suspects_detained_formally'
                   when 'victims' then 'victims' when 'prosecuted_persons' then 'prosecuted_persons'
                   when 'amount_involved' then 'amount_involved_yuan' when 'amount_recovered' then 'amount_recovered_yuan' end
$$;

-- An entry in force counts its value on its day (sign 1). As a CHANGE, an entry adds its value and
-- takes away the value of the entry it corrects (sign -1; the correction keeps that entry's day): the
-- changes over a chain A ← B ← C sum to c, the value of the one entry in force.
create function stats_c_case_figure(f case_figures, region text, fraud_types text[], sign bigint)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql immutable strict as $$
  select region, f.on_date, stats_case_figure_indicator(f.kind), d.dim, d.dim_value, f.value * sign
  from stats_case_dims(fraud_types, f.unit_id) d
  where stats_case_figure_indicator(f.kind) is not null and f.value <> 0
$$;

-- Dimensions of the screening strand: the total, the subject's kind (sector), the unit.
create function stats_subject_dims(sector text, unit_id bigint)
returns table (dim text, dim_value text)
language sql immutable strict as $$
  select '', '' union all select 'sector', sector union all select 'unit', unit_id::text
$$;

create function stats_c_inspection(i inspections, region text, sector text)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql immutable strict as $$
  select region, i.inspected_on, 'inspections_person_times', d.dim, d.dim_value, i.inspectors::bigint
  from stats_subject_dims(sector, i.unit_id) d
$$;

-- Found on the Beijing day it was registered; crossed off (销号) on the day it was verified.
create function stats_c_hazard(h hazards, region text, sector text)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql stable strict as $$
  select region, x.day, x.indicator, d.dim, d.dim_value, 1::bigint
  from (values ('hazards_found', (h.created_at at time zone 'Asia/Shanghai')::date, true),
               ('hazards_rectified', (h.verified_at at time zone 'Asia/Shanghai')::date, h.status = 'verified' and h.verified_at is not null)
       ) x(indicator, day, hit)
  cross join lateral stats_subject_dims(sector, h.unit_id) d
  where x.hit
$$;

-- 三书一函 (NOTICE_KINDS of shared/domain.ts, the penalty decision included), penalties and their fines,
-- transfers to the police; each on its issue date.
create function stats_c_enforcement(e enforcement_records, region text, sector text)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql immutable strict as $$
  select region, e.issued_on, x.indicator, d.dim, d.dim_value, x.value
  from (values ('rectification_notices', 1::bigint, e.kind in ('risk_warning_letter', 'interview_notice', 'rectification_notice', 'penalty_decision')),
               ('admin_penalties', 1::bigint, e.kind = 'penalty_decision'),
               ('penalty_amount_yuan', coalesce(e.fine_fen, 0), e.kind = 'penalty_decision' and coalesce(e.fine_fen, 0) <> 0),
               ('_transfers_police', 1::bigint, e.kind = 'transfer_police')
       ) x(indicator, value, hit)
  cross join lateral stats_subject_dims(sector, e.unit_id) d
  where x.hit
$$;

-- An activity belongs to the period of its start date (0017).
create function stats_c_activity(a publicity_activities)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql immutable strict as $$
  select a.region_code, a.start_date, x.indicator, d.dim, d.dim_value, x.value
  from (values ('publicity_events', 1::bigint), ('materials_distributed', a.materials_distributed::bigint), ('banners', a.banners::bigint),
               ('posters', a.posters::bigint), ('people_reached', a.people_reached::bigint), ('households_visited', a.households_visited::bigint),
               ('media_posts', a.media_posts::bigint), ('videos_made', a.videos_made::bigint), ('sms_sent', a.sms_sent::bigint)
       ) x(indicator, value)
  cross join lateral (select '' as dim, '' as dim_value union all select 'unit', a.unit_id::text) d
  where x.value <> 0
$$;

-- A monitoring round belongs to the period of its start date, like an activity (0020).
create function stats_c_monitoring(m ads_monitoring_rounds)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql immutable strict as $$
  select m.region_code, m.start_date, x.indicator, d.dim, d.dim_value, x.value
  from (values ('ads_monitored', m.ads_monitored::bigint), ('ads_cleaned', m.ads_cleaned::bigint)) x(indicator, value)
  cross join lateral (select '' as dim, '' as dim_value union all select 'unit', m.unit_id::text) d
  where x.value <> 0
$$;

-- Registered care institutions (a stock: counted up to a day, from the day they were registered).
create function stats_c_subject(s subjects)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql stable strict as $$
  select s.region_code, (s.created_at at time zone 'Asia/Shanghai')::date, 'institutions_count', d.dim, d.dim_value, 1::bigint
  from (values ('', ''), ('sector', s.kind)) d(dim, dim_value)
  where s.kind = 'elderly_care_institution'
$$;

-- Every contribution of every record, as the records stand: the direct count sums this, and
-- stats_rebuild() loads the rollups from it.
-- (plpgsql, one statement per kind of record: PostgreSQL 15 fails to plan a UNION ALL of several
-- inlined contribution functions — "variable not found in subplan target list".)
create function stats_contributions()
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language plpgsql stable as $$
begin
  return query select c.* from tips t cross join lateral stats_c_tip(t) c;
  return query select c.* from case_stages s join criminal_cases k on k.id = s.case_id
    cross join lateral stats_c_case_stage(s, k.region_code, k.fraud_types) c;
  return query select c.* from case_figures f join criminal_cases k on k.id = f.case_id
    cross join lateral stats_c_case_figure(f, k.region_code, k.fraud_types, 1) c
   where not exists (select 1 from case_figures x where x.corrects_id = f.id);
  return query select c.* from inspections i join subjects s on s.id = i.subject_id cross join lateral stats_c_inspection(i, s.region_code, s.kind) c;
  return query select c.* from hazards h join subjects s on s.id = h.subject_id cross join lateral stats_c_hazard(h, s.region_code, s.kind) c;
  return query select c.* from enforcement_records e join subjects s on s.id = e.subject_id cross join lateral stats_c_enforcement(e, s.region_code, s.kind) c;
  return query select c.* from publicity_activities a cross join lateral stats_c_activity(a) c;
  return query select c.* from ads_monitoring_rounds m cross join lateral stats_c_monitoring(m) c;
  return query select c.* from subjects s cross join lateral stats_c_subject(s) c;
end $$;

-- ── Reported figures: reviewed by the office above before they count ─────────────────────────────
-- Any unit submits (campaign offices and member units); the campaign office above reviews: approve,
-- or return with a reason (the unit corrects and submits again). Only approved figures count.
-- Figures stored before review existed were accepted as they stood: they stay counted ('approved'
-- with no reviewer).
alter table reported_figures
  add column status        text not null default 'submitted',
  add column reviewed_by   bigint references users(id),
  add column reviewed_at   timestamptz,
  add column review_note   text,
  add constraint reported_figures_status_known check (status in ('submitted', 'approved', 'returned')),
  add constraint reported_figures_returned_reason check (status <> 'returned' or length(coalesce(review_note, '')) >= 2);
update reported_figures set status = 'approved';
create index reported_figures_review_idx on reported_figures (status, region_code text_pattern_ops) where status = 'submitted';
create index reported_figures_approved_idx on reported_figures (indicator, region_code text_pattern_ops, period_end) where status = 'approved';
