-- 排查主体 (entities_screened, distinct subjects with an inspection) up to a day, from the rollups.
-- A distinct count does not add up over days, so the engine counted it from the inspections: on a
-- national set of 1,000,000 tips that was most of the national dashboard's time, and it grows with
-- the inspections. Its CUMULATIVE value (since records began, up to `to`) does add up if each
-- subject counts once, on the day of its first inspection: the subjects in a subtree with an
-- inspection on or before `to` are those whose first inspection is on or before `to`. So each
-- subject contributes '_screened_first' (1, on its first inspection's day, in the subject's region;
-- dimensions '' and sector — a unit's distinct subjects are not the first-day subjects, so by=unit
-- is still counted from the records; engine.ts, allParts). A period with a first day (dimension ''
-- only) comes from '_screened_day' below; by=sector, by=unit and time groupings of a period are still
-- counted from the records.
--
-- Kept exact by triggers like every contribution: an inspection statement (insert, update, delete)
-- moves the inspection days of the subjects it touches — a statement trigger with transition tables
-- takes each such subject's days before the statement (the inspections now, less the statement's new
-- rows, plus its old rows) and after it, and appends −before +after of both contributions; a subject
-- moved to another region or kind moves them too (stats_subjects_changed).
create function stats_c_screened(first_day date, region text, sector text)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql immutable strict as $$
  select region, first_day, '_screened_first', d.dim, d.dim_value, 1::bigint
  from (values ('', ''), ('sector', sector)) d(dim, dim_value)
$$;

-- 排查主体 for a period [from, to]: a subject counts iff it has an inspection day in the period whose
-- previous inspection day (of the same subject) is before `from` — or that has none. So each of a
-- subject's inspection days contributes '_screened_day' (1, on that day, dim '') with the previous
-- inspection day as its dimension value ('' for the first); the engine sums the days in the period
-- whose value is '' or before `from` (engine.ts, screenedInPeriod).
create function stats_c_screened_days(days date[], region text)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql immutable strict as $$
  select region, x.d, '_screened_day', '', coalesce(to_char(lag(x.d) over (order by x.d), 'YYYY-MM-DD'), ''), 1::bigint
  from (select distinct u as d from unnest(days) u where u is not null) x
$$;

-- The first inspection day of a subject (inspections_subject_idx: one index probe).
create function stats_first_inspection(subject bigint) returns date language sql stable strict as $$
  select min(i.inspected_on) from inspections i where i.subject_id = subject
$$;

create or replace function stats_contributions()
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
  return query select c.* from (select i.subject_id, min(i.inspected_on) as first_day from inspections i group by 1) f
    join subjects s on s.id = f.subject_id cross join lateral stats_c_screened(f.first_day, s.region_code, s.kind) c;
  return query select c.* from (select i.subject_id, array_agg(i.inspected_on) as days from inspections i group by 1) f
    join subjects s on s.id = f.subject_id cross join lateral stats_c_screened_days(f.days, s.region_code) c;
  return query select c.* from hazards h join subjects s on s.id = h.subject_id cross join lateral stats_c_hazard(h, s.region_code, s.kind) c;
  return query select c.* from enforcement_records e join subjects s on s.id = e.subject_id cross join lateral stats_c_enforcement(e, s.region_code, s.kind) c;
  return query select c.* from publicity_activities a cross join lateral stats_c_activity(a) c;
  return query select c.* from ads_monitoring_rounds m cross join lateral stats_c_monitoring(m) c;
  return query select c.* from subjects s cross join lateral stats_c_subject(s) c;
  return query select c.* from supervision_rounds r cross join lateral stats_c_supervision_round(r) c;
end $$;

-- One function for the three statement triggers (a trigger with transition tables has one event).
-- The statement's old rows (update, delete) and new rows (insert, update) are read into arrays first:
-- a branch may name only the transition tables its trigger has.
create function stats_screened_changed() returns trigger language plpgsql as $$
declare
  new_ids bigint[] := '{}';
  new_subjects bigint[] := '{}';
  old_subjects bigint[] := '{}';
  old_days date[] := '{}';
begin
  if tg_op in ('INSERT', 'UPDATE') then
    select coalesce(array_agg(n.id), '{}'), coalesce(array_agg(n.subject_id), '{}') into new_ids, new_subjects from stats_new_inspections n;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    select coalesce(array_agg(o.subject_id), '{}'), coalesce(array_agg(o.inspected_on), '{}') into old_subjects, old_days from stats_old_inspections o;
  end if;
  insert into stats_delta (region_code, day, indicator, dim, dim_value, value)
  select x.region_code, x.day, x.indicator, x.dim, x.dim_value, sum(x.v)
    from (select a.subject_id,
                 array(select i.inspected_on from inspections i where i.subject_id = a.subject_id) as after,
                 array(select i.inspected_on from inspections i where i.subject_id = a.subject_id and i.id <> all(new_ids)
                       union all
                       select o.d from unnest(old_subjects, old_days) o(s, d) where o.s = a.subject_id) as before
            from (select distinct u as subject_id from unnest(new_subjects || old_subjects) u) a) f
    join subjects s on s.id = f.subject_id
    cross join lateral (
      select c.region_code, c.day, c.indicator, c.dim, c.dim_value, -c.value as v from stats_c_screened((select min(d) from unnest(f.before) d), s.region_code, s.kind) c
      union all
      select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value from stats_c_screened((select min(d) from unnest(f.after) d), s.region_code, s.kind) c
      union all
      select c.region_code, c.day, c.indicator, c.dim, c.dim_value, -c.value from stats_c_screened_days(f.before, s.region_code) c
      union all
      select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value from stats_c_screened_days(f.after, s.region_code) c) x
   group by 1, 2, 3, 4, 5 having sum(x.v) <> 0;
  return null;
end $$;
create trigger inspections_screened_insert after insert on inspections
  referencing new table as stats_new_inspections for each statement execute function stats_screened_changed();
create trigger inspections_screened_update after update on inspections
  referencing old table as stats_old_inspections new table as stats_new_inspections for each statement execute function stats_screened_changed();
create trigger inspections_screened_delete after delete on inspections
  referencing old table as stats_old_inspections for each statement execute function stats_screened_changed();

-- A subject moved to another region or kind moves its records' contributions, its own, and its
-- first inspection day's (0022's function with the last two lines added).
create or replace function stats_subjects_changed() returns trigger language plpgsql as $$
begin
  insert into stats_delta (region_code, day, indicator, dim, dim_value, value)
  select x.region_code, x.day, x.indicator, x.dim, x.dim_value, sum(x.v)
    from (select c.region_code, c.day, c.indicator, c.dim, c.dim_value, -c.value as v from stats_c_subject(old) c
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value from stats_c_subject(new) c
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, -c.value from inspections i, stats_c_inspection(i, old.region_code, old.kind) c where tg_op = 'UPDATE' and i.subject_id = old.id
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value from inspections i, stats_c_inspection(i, new.region_code, new.kind) c where tg_op = 'UPDATE' and i.subject_id = new.id
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, -c.value from hazards h, stats_c_hazard(h, old.region_code, old.kind) c where tg_op = 'UPDATE' and h.subject_id = old.id
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value from hazards h, stats_c_hazard(h, new.region_code, new.kind) c where tg_op = 'UPDATE' and h.subject_id = new.id
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, -c.value from enforcement_records e, stats_c_enforcement(e, old.region_code, old.kind) c where tg_op = 'UPDATE' and e.subject_id = old.id
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value from enforcement_records e, stats_c_enforcement(e, new.region_code, new.kind) c where tg_op = 'UPDATE' and e.subject_id = new.id
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, -c.value from stats_c_screened(stats_first_inspection(old.id), old.region_code, old.kind) c where tg_op = 'UPDATE'
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value from stats_c_screened(stats_first_inspection(new.id), new.region_code, new.kind) c where tg_op = 'UPDATE'
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, -c.value from stats_c_screened_days(array(select i.inspected_on from inspections i where i.subject_id = old.id), old.region_code) c where tg_op = 'UPDATE'
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value from stats_c_screened_days(array(select i.inspected_on from inspections i where i.subject_id = new.id), new.region_code) c where tg_op = 'UPDATE') x
   group by 1, 2, 3, 4, 5 having sum(x.v) <> 0;
  return null;
end $$;

-- What the records already hold: appended to the delta like any new record (no full rebuild).
insert into stats_delta (region_code, day, indicator, dim, dim_value, value)
select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value
  from (select i.subject_id, min(i.inspected_on) as first_day from inspections i group by 1) f
  join subjects s on s.id = f.subject_id cross join lateral stats_c_screened(f.first_day, s.region_code, s.kind) c;
insert into stats_delta (region_code, day, indicator, dim, dim_value, value)
select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value
  from (select i.subject_id, array_agg(i.inspected_on) as days from inspections i group by 1) f
  join subjects s on s.id = f.subject_id cross join lateral stats_c_screened_days(f.days, s.region_code) c;

-- 排查主体 for a period by=unit, by=sector or by time is still a distinct count over the period's inspections: read them by day
-- (index-only with the subject), not by a scan of every inspection.
create index inspections_day_idx on inspections (inspected_on, subject_id);

-- stats_rebuild() writes each level in key order. The rows a region's query reads (one indicator,
-- every day) were scattered over the table — the order the grouping produced them — so a national
-- cumulative read of 12,700 rows touched 12,860 pages (bench/stats-profile on a 200,000-tip set);
-- written in key order they lie together. Otherwise 0032's function unchanged. Existing rollups keep
-- their order until the next rebuild (restore, or `select stats_rebuild()` by hand).
create or replace function stats_rebuild() returns bigint language plpgsql as $$
declare
  n bigint;
  total bigint := 0;
  lv int;
  finer int := null;
  odd text;
begin
  perform pg_advisory_xact_lock(7701, 100);
  truncate stats_delta, stats_rollup;
  drop table if exists stats_own;  -- a second rebuild in the same transaction
  create temp table stats_own on commit drop as
    select c.region_code collate "C" as region_code, c.day, c.indicator, c.dim, c.dim_value, sum(c.value)::bigint as value
      from stats_contributions() c
     group by 1, 2, 3, 4, 5;
  select region_code into odd from stats_own where length(region_code) not in (0, 2, 4, 6, 9, 12) limit 1;
  if found then
    raise exception 'stats_rebuild: region code % has a length the rollups do not know', odd;
  end if;
  foreach lv in array array[12, 9, 6, 4, 2, 0] loop
    insert into stats_rollup (lvl, dim, indicator, region_code, day, dim_value, value)
    select lv, x.dim, x.indicator, x.region_code, x.day, x.dim_value, sum(x.value)::bigint
      from (select o.dim, o.indicator, o.region_code, o.day, o.dim_value, o.value
              from stats_own o where length(o.region_code) = lv
            union all
            select r.dim, r.indicator, left(r.region_code, lv), r.day, r.dim_value, r.value
              from stats_rollup r where r.lvl = finer and r.dim <> 'unit') x
     group by 1, 2, 3, 4, 5, 6
    having sum(x.value) <> 0
     order by 2, 3, 4, 5, 6;
    get diagnostics n = row_count;
    total := total + n;
    finer := lv;
  end loop;
  analyze stats_rollup;
  return total;
end $$;
