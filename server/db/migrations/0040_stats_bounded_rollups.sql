-- Rollups bounded by regions × days, not by records (issue 11, the 10-million-tip set).
--
-- Until now stats_rollup kept every Beijing day at every level down to the township, and the 'unit'
-- dimension at the record's own region. Below the city that is about one row per contribution: a
-- 1,000,000-tip national set had 52 M rollup rows (8.8 GB; county 15.4 M, township 24.6 M) and a
-- 45-minute rebuild, and 10 M tips would need hundreds of millions. Those rows buy nothing: a
-- county holds ~1/2,900 of the records (~3,500 tips at 10 M), and counting them from the records,
-- with the subtree read through the records' region indexes, is as fast as reading its rollup days.
--
-- So the rollups keep only the levels where many records fold into a row (docs/ARCHITECTURE.md,
-- "Statistics storage"):
--   nation and province: every dimension but 'unit' (the total, fraudType, sector, status);
--   city:                the total only (dimension ''), for a province's by=child rows and a city's KPIs;
--   county, township, village, and every 'unit' row: none — counted from the records
--   (stats_contributions_in below, the subtree pushed into each record query).
-- The rows are at most (1 + 31 + ~340 regions) × days × (indicator, dimension value) however many
-- records there are. engine.ts (rollupHas) asks stats_rollup only for a level it holds.

-- The (level, dimension) pairs stats_rollup holds. engine.ts's rollupHas says the same.
create function stats_kept(lvl int, dim text) returns boolean language sql immutable strict as $$
  select (lvl <= 2 and dim <> 'unit') or (lvl = 4 and dim = '')
$$;

-- ── The record queries, written once ────────────────────────────────────────────────────────────
-- Every kind of record's contributions as one query (the same joins as 0038's stats_contributions),
-- with the column that holds its region and the indicators it can contribute. Three readers:
-- stats_contributions() (every contribution: the direct count, the engine's reference),
-- stats_contributions_in() (one subtree's, for the levels the rollups do not hold) and stats_rebuild().
-- 排查主体's first and per-day rows read a subject's inspections by subject (inspections_subject_idx),
-- so a subtree's are found from its subjects, not by grouping every inspection of the country.
create function stats_sources()
returns table (body text, region text, indicators text[])
language sql immutable as $$
  values
    ('select c.* from tips t cross join lateral stats_c_tip(t) c where true', 't.region_code',
     array['tips_received', 'tips_verified', 'tips_closed', 'tips_closed_on_time', 'tips_true', 'reporter_satisfied',
           '_tips_accepted', '_tips_closed_with_deadline', '_tips_rated', '_tips_closed_at']),
    ('select c.* from criminal_cases k join case_stages s on s.case_id = k.id
       cross join lateral stats_c_case_stage(s, k.region_code, k.fraud_types) c where true', 'k.region_code',
     array['cases_filed', 'cases_solved', 'prosecuted_cases', 'trial_cases']),
    ('select c.* from criminal_cases k join case_figures f on f.case_id = k.id
       cross join lateral stats_c_case_figure(f, k.region_code, k.fraud_types, 1) c
      where not exists (select 1 from case_figures x where x.corrects_id = f.id)', 'k.region_code',
     array['suspects_arrested', 'suspects_detained_formally', 'victims', 'prosecuted_persons', 'amount_involved_yuan', 'amount_recovered_yuan']),
    ('select c.* from subjects s join inspections i on i.subject_id = s.id
       cross join lateral stats_c_inspection(i, s.region_code, s.kind) c where true', 's.region_code',
     array['inspections_person_times']),
    ('select c.* from subjects s
       cross join lateral (select min(i.inspected_on) as first_day from inspections i where i.subject_id = s.id) f
       cross join lateral stats_c_screened(f.first_day, s.region_code, s.kind) c where true', 's.region_code',
     array['_screened_first']),
    ('select c.* from subjects s
       cross join lateral (select array_agg(i.inspected_on) as days from inspections i where i.subject_id = s.id) f
       cross join lateral stats_c_screened_days(f.days, s.region_code) c where true', 's.region_code',
     array['_screened_day']),
    ('select c.* from subjects s join hazards h on h.subject_id = s.id
       cross join lateral stats_c_hazard(h, s.region_code, s.kind) c where true', 's.region_code',
     array['hazards_found', 'hazards_rectified']),
    ('select c.* from subjects s join enforcement_records e on e.subject_id = s.id
       cross join lateral stats_c_enforcement(e, s.region_code, s.kind) c where true', 's.region_code',
     array['rectification_notices', 'admin_penalties', 'penalty_amount_yuan', '_transfers_police']),
    ('select c.* from publicity_activities a cross join lateral stats_c_activity(a) c where true', 'a.region_code',
     array['publicity_events', 'materials_distributed', 'banners', 'posters', 'people_reached', 'households_visited',
           'media_posts', 'videos_made', 'sms_sent']),
    ('select c.* from ads_monitoring_rounds m cross join lateral stats_c_monitoring(m) c where true', 'm.region_code',
     array['ads_monitored', 'ads_cleaned']),
    ('select c.* from subjects s cross join lateral stats_c_subject(s) c where true', 's.region_code',
     array['institutions_count']),
    ('select c.* from supervision_rounds r cross join lateral stats_c_supervision_round(r) c where true', 'r.region_code',
     array['supervision_rounds'])
$$;

-- Every contribution of every record (the direct count; unchanged in what it returns).
create or replace function stats_contributions()
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language plpgsql stable as $$
declare s record;
begin
  for s in select * from stats_sources() loop
    return query execute s.body;
  end loop;
end $$;

-- The contributions of one subtree, one dimension and some indicators: each record query reads only
-- the subtree's records (region ~>=~ root and ~<~ root || ':' — region codes are digits, so the
-- subtree is that byte range, one range of the text_pattern_ops region indexes) and only the record
-- kinds that contribute to the indicators asked for. EXECUTE … USING plans each with the root known.
create function stats_contributions_in(root text, inds text[], want_dim text)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language plpgsql stable as $$
declare s record;
begin
  for s in select * from stats_sources() x where x.indicators && inds loop
    return query execute format(
      'select c.* from (%s and %s ~>=~ $1 and %s ~<~ ($1 || '':'')) c where c.indicator = any($2) and c.dim = $3',
      s.body, s.region, s.region) using root, inds, want_dim;
  end loop;
end $$;

-- Compaction writes only the kept levels and dimensions (the rest of the delta is dropped: the
-- records are read for those).
create or replace function stats_compact() returns bigint language plpgsql as $$
declare n bigint;
begin
  perform pg_advisory_xact_lock(7701, 100);
  with moved as (delete from stats_delta returning region_code, day, indicator, dim, dim_value, value),
  agg as (select length(a)::smallint as lvl, m.dim, m.indicator, a as region_code, m.day, m.dim_value, sum(m.value)::bigint as value
            from moved m cross join lateral unnest(stats_ancestors(m.region_code)) a
           where stats_kept(length(a), m.dim)
           group by 1, 2, 3, 4, 5, 6)
  insert into stats_rollup as r (lvl, dim, indicator, region_code, day, dim_value, value)
  select * from agg where value <> 0 order by 1, 2, 3, 4, 5, 6
  on conflict (lvl, dim, indicator, region_code, day, dim_value) do update set value = r.value + excluded.value;
  get diagnostics n = row_count;
  return n;
end $$;

-- THE REBUILD. Each record query's contributions are grouped as they are produced — into the city
-- (dimension '') or the province (the other dimensions, 'unit' dropped) — so nothing the size of the
-- contributions is ever stored: 0032/0038 first wrote every contribution, summed per own region,
-- into a temporary table (one row per contribution below the county) and stats_contributions()
-- itself buffered them all (plpgsql RETURN QUERY). Then the city, province and nation levels are
-- each summed from that staging table (exact: every level is the sum of the contributions of its
-- subtree; rows summing to 0 are not written), in key order so a region's days lie together.
create or replace function stats_rebuild() returns bigint language plpgsql as $$
declare
  n bigint;
  total bigint := 0;
  s record;
  odd text;
begin
  perform pg_advisory_xact_lock(7701, 100);
  -- The groupings of a national set (a few million city-day rows) fit in memory instead of spilling.
  set local work_mem = '256MB';
  truncate stats_delta, stats_rollup;
  drop table if exists stats_stage;  -- a second rebuild in the same transaction
  create temp table stats_stage (region_code text collate "C", day date, indicator text, dim text, dim_value text, value bigint) on commit drop;
  for s in select * from stats_sources() loop
    execute format(
      'insert into stats_stage
       select left(c.region_code, case when c.dim = '''' then 4 else 2 end), c.day, c.indicator, c.dim, c.dim_value, sum(c.value)::bigint
         from (%s) c where c.dim <> ''unit'' group by 1, 2, 3, 4, 5', s.body);
  end loop;
  -- stats_ancestors() (compaction) knows the levels 0, 2, 4, 6, 9 and a code's own length: a region
  -- code of another length would be folded differently by the two.
  select region_code into odd from stats_stage where length(region_code) not in (0, 2, 4) limit 1;
  if found then
    raise exception 'stats_rebuild: region code % has a length the rollups do not know', odd;
  end if;
  insert into stats_rollup (lvl, dim, indicator, region_code, day, dim_value, value)
  select 4, dim, indicator, region_code, day, dim_value, sum(value)::bigint from stats_stage
   where length(region_code) = 4 group by 2, 3, 4, 5, 6 having sum(value) <> 0 order by 2, 3, 4, 5, 6;
  get diagnostics n = row_count;
  total := total + n;
  insert into stats_rollup (lvl, dim, indicator, region_code, day, dim_value, value)
  select 2, dim, indicator, left(region_code, 2), day, dim_value, sum(value)::bigint from stats_stage
   where length(region_code) >= 2 group by 2, 3, 4, 5, 6 having sum(value) <> 0 order by 2, 3, 4, 5, 6;
  get diagnostics n = row_count;
  total := total + n;
  insert into stats_rollup (lvl, dim, indicator, region_code, day, dim_value, value)
  select 0, dim, indicator, '', day, dim_value, sum(value)::bigint from stats_stage
   group by 2, 3, 5, 6 having sum(value) <> 0 order by 2, 3, 5, 6;
  get diagnostics n = row_count;
  total := total + n;
  analyze stats_rollup;
  return total;
end $$;

-- The levels no longer kept. What remains is exact already (the same sums); the rows below the city
-- were most of the table, so a large installation reclaims the space with `select stats_rebuild()`
-- (which rewrites it in key order) or VACUUM FULL stats_rollup.
delete from stats_rollup where not stats_kept(lvl, dim);
