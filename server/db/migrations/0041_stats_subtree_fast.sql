-- The county's figures from its records, fast enough at 10 million tips (issue 11; 0040 made the
-- rollups stop below the city, so a county, a township, a city's children and any unit are counted
-- from the subtree's records). Two costs dominated that count (bench/stats-profile, 1,000,000 tips):
-- a period read every record of the subtree and filtered the contributions by day afterwards, and
-- 环比/同比 read them all again for the day records began (engine.ts now asks for that day only for
-- the indicators with nothing in the earlier period). Here each kind of record carries the predicate
-- that limits its records to a period.
drop function stats_contributions_in(text, text[], text);
drop function stats_sources();

-- The record queries of 0040, each now with its date predicate.
-- `dated`: a predicate over the record's own date columns, true for every record with a contribution
-- dated from $4 (null: since records began) to $5, for the indicators of `dated_for`, which are
-- dated by it (a tip's indicators by the day it was received, except _tips_closed_at). A subtree's
-- period then reads only that period's records (tips_region_received_idx: region and day in one range).
create function stats_sources()
returns table (body text, region text, indicators text[], dated text, dated_for text[])
language sql immutable as $$
  values
    ('select c.* from tips t cross join lateral stats_c_tip(t) c where true', 't.region_code',
     array['tips_received', 'tips_verified', 'tips_closed', 'tips_closed_on_time', 'tips_true', 'reporter_satisfied',
           '_tips_accepted', '_tips_closed_with_deadline', '_tips_rated', '_tips_closed_at'],
     't.received_at < ($5::date + 1)::timestamp at time zone ''Asia/Shanghai''
      and ($4::date is null or t.received_at >= $4::date::timestamp at time zone ''Asia/Shanghai'')',
     array['tips_received', 'tips_verified', 'tips_closed', 'tips_closed_on_time', 'tips_true', 'reporter_satisfied',
           '_tips_accepted', '_tips_closed_with_deadline', '_tips_rated']),
    ('select c.* from criminal_cases k join case_stages s on s.case_id = k.id
       cross join lateral stats_c_case_stage(s, k.region_code, k.fraud_types) c where true', 'k.region_code',
     array['cases_filed', 'cases_solved', 'prosecuted_cases', 'trial_cases'],
     's.on_date <= $5 and ($4::date is null or s.on_date >= $4)', array['cases_filed', 'cases_solved', 'prosecuted_cases', 'trial_cases']),
    ('select c.* from criminal_cases k join case_figures f on f.case_id = k.id
       cross join lateral stats_c_case_figure(f, k.region_code, k.fraud_types, 1) c
      where not exists (select 1 from case_figures x where x.corrects_id = f.id)', 'k.region_code',
     array['suspects_arrested', 'suspects_detained_formally', 'victims', 'prosecuted_persons', 'amount_involved_yuan', 'amount_recovered_yuan'],
     'f.on_date <= $5 and ($4::date is null or f.on_date >= $4)', array['suspects_arrested', 'suspects_detained_formally', 'victims', 'prosecuted_persons', 'amount_involved_yuan', 'amount_recovered_yuan']),
    ('select c.* from subjects s join inspections i on i.subject_id = s.id
       cross join lateral stats_c_inspection(i, s.region_code, s.kind) c where true', 's.region_code',
     array['inspections_person_times'], 'i.inspected_on <= $5 and ($4::date is null or i.inspected_on >= $4)', array['inspections_person_times']),
    ('select c.* from subjects s
       cross join lateral (select min(i.inspected_on) as first_day from inspections i where i.subject_id = s.id) f
       cross join lateral stats_c_screened(f.first_day, s.region_code, s.kind) c where true', 's.region_code',
     array['_screened_first'], null, null),
    ('select c.* from subjects s
       cross join lateral (select array_agg(i.inspected_on) as days from inspections i where i.subject_id = s.id) f
       cross join lateral stats_c_screened_days(f.days, s.region_code) c where true', 's.region_code',
     array['_screened_day'], null, null),
    ('select c.* from subjects s join hazards h on h.subject_id = s.id
       cross join lateral stats_c_hazard(h, s.region_code, s.kind) c where true', 's.region_code',
     array['hazards_found', 'hazards_rectified'], null, null),
    ('select c.* from subjects s join enforcement_records e on e.subject_id = s.id
       cross join lateral stats_c_enforcement(e, s.region_code, s.kind) c where true', 's.region_code',
     array['rectification_notices', 'admin_penalties', 'penalty_amount_yuan', '_transfers_police'],
     'e.issued_on <= $5 and ($4::date is null or e.issued_on >= $4)', array['rectification_notices', 'admin_penalties', 'penalty_amount_yuan', '_transfers_police']),
    ('select c.* from publicity_activities a cross join lateral stats_c_activity(a) c where true', 'a.region_code',
     array['publicity_events', 'materials_distributed', 'banners', 'posters', 'people_reached', 'households_visited',
           'media_posts', 'videos_made', 'sms_sent'],
     'a.start_date <= $5 and ($4::date is null or a.start_date >= $4)', array['publicity_events', 'materials_distributed', 'banners', 'posters', 'people_reached', 'households_visited',
           'media_posts', 'videos_made', 'sms_sent']),
    ('select c.* from ads_monitoring_rounds m cross join lateral stats_c_monitoring(m) c where true', 'm.region_code',
     array['ads_monitored', 'ads_cleaned'], 'm.start_date <= $5 and ($4::date is null or m.start_date >= $4)', array['ads_monitored', 'ads_cleaned']),
    ('select c.* from subjects s cross join lateral stats_c_subject(s) c where true', 's.region_code',
     array['institutions_count'], null, null),
    ('select c.* from supervision_rounds r cross join lateral stats_c_supervision_round(r) c where true', 'r.region_code',
     array['supervision_rounds'], 'r.start_date <= $5 and ($4::date is null or r.start_date >= $4)', array['supervision_rounds'])
$$;

-- The contributions of one subtree, one dimension and some indicators, dated from d0 (null: since
-- records began) to d1: each record query reads only the subtree's records (region ~>=~ root and ~<~
-- root || ':' — region codes are digits, so the subtree is that byte range, one range of the
-- text_pattern_ops region indexes), only the kinds that contribute to the indicators asked for, and,
-- where all of those are dated by the record's own date (`dated`), only the period's records.
-- EXECUTE … USING plans each with the root and the days known.
create function stats_contributions_in(root text, inds text[], want_dim text, d0 date, d1 date)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language plpgsql stable as $$
declare s record;
begin
  for s in select * from stats_sources() x where x.indicators && inds loop
    return query execute format(
      'select c.* from (%s and %s ~>=~ $1 and %s ~<~ ($1 || '':'') %s) c
        where c.indicator = any($2) and c.dim = $3 and c.day <= $5 and ($4::date is null or c.day >= $4)',
      s.body, s.region, s.region,
      case when s.dated is not null and array(select unnest(inds) intersect select unnest(s.indicators)) <@ s.dated_for
           then 'and ' || s.dated else '' end)
      using root, inds, want_dim, d0, d1;
  end loop;
end $$;

-- ── Counties by month ───────────────────────────────────────────────────────────────────────────
-- A county's cumulative figures would read every record of the county (~3,500 tips at 10 M, one
-- contribution-function call each: ~40 µs, so ~150 ms). So the county level is kept too, for the
-- total (dimension '') only and by calendar MONTH: the row's day is the month's first day. A county's
-- figures for [from, to] are its month rows for the months wholly inside plus the days at either end
-- from its records (engine.ts, sumCountyMonths). At most ~2,900 counties × months × indicators rows,
-- whatever the number of records (_screened_day, whose rows grow with the inspection days, is not
-- kept here).
create or replace function stats_kept(lvl int, dim text) returns boolean language sql immutable strict as $$
  select (lvl <= 2 and dim <> 'unit') or (lvl in (4, 6) and dim = '')
$$;
-- The day a contribution is kept under at a level: its own, or its month's first at the county level.
create function stats_kept_day(lvl int, day date) returns date language sql immutable strict as $$
  select case when lvl = 6 then date_trunc('month', day)::date else day end
$$;

create or replace function stats_compact() returns bigint language plpgsql as $$
declare n bigint;
begin
  perform pg_advisory_xact_lock(7701, 100);
  with moved as (delete from stats_delta returning region_code, day, indicator, dim, dim_value, value),
  agg as (select length(a)::smallint as lvl, m.dim, m.indicator, a as region_code, stats_kept_day(length(a), m.day) as day, m.dim_value, sum(m.value)::bigint as value
            from moved m cross join lateral unnest(stats_ancestors(m.region_code)) a
           where stats_kept(length(a), m.dim) and not (length(a) = 6 and m.indicator = '_screened_day')
           group by 1, 2, 3, 4, 5, 6)
  insert into stats_rollup as r (lvl, dim, indicator, region_code, day, dim_value, value)
  select * from agg where value <> 0 order by 1, 2, 3, 4, 5, 6
  on conflict (lvl, dim, indicator, region_code, day, dim_value) do update set value = r.value + excluded.value;
  get diagnostics n = row_count;
  return n;
end $$;

-- The county months from the records (one pass over them, grouped as produced). Returns rows written.
create function stats_rebuild_county_months() returns bigint language plpgsql as $$
declare
  n bigint;
  s record;
begin
  set local work_mem = '256MB';
  delete from stats_rollup where lvl = 6;
  drop table if exists stats_stage_months;
  -- Not _screened_day: a row per inspection day and previous day (about one per inspection at this
  -- level), and a county's 排查主体 is counted from its inspections (engine.ts, allParts).
  create temp table stats_stage_months (region_code text collate "C", day date, indicator text, dim_value text, value bigint) on commit drop;
  for s in select * from stats_sources() loop
    execute format(
      'insert into stats_stage_months
       select left(c.region_code, 6), date_trunc(''month'', c.day)::date, c.indicator, c.dim_value, sum(c.value)::bigint
         from (%s) c where c.dim = '''' and c.indicator <> ''_screened_day'' and length(c.region_code) >= 6 group by 1, 2, 3, 4', s.body);
  end loop;
  insert into stats_rollup (lvl, dim, indicator, region_code, day, dim_value, value)
  select 6, '', indicator, region_code, day, dim_value, sum(value)::bigint from stats_stage_months
   group by 3, 4, 5, 6 having sum(value) <> 0 order by 3, 4, 5, 6;
  get diagnostics n = row_count;
  return n;
end $$;

-- The rebuild of 0040, then the county months (the delta is empty after it, so nothing is missed).
alter function stats_rebuild() rename to stats_rebuild_days;
create function stats_rebuild() returns bigint language plpgsql as $$
declare n bigint;
begin
  n := stats_rebuild_days();
  n := n + stats_rebuild_county_months();
  analyze stats_rollup;
  return n;
end $$;

-- What the records hold now, in the new county rows (the delta's rows reach them on compaction).
select stats_compact();
select stats_rebuild_county_months();
-- The planner's statistics must know the new level, or it reads a county's rows of every indicator.
analyze stats_rollup;
