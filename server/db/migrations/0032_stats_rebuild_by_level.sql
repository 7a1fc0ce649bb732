-- stats_rebuild() level by level. The first version (0022) expanded every contribution of every
-- record into its six ancestors before grouping: at 10 million tips that is over a billion rows to
-- sort, and it did not finish in an hour. Here each contribution is summed once in its own region
-- (one pass over the records), and each level above is folded from the level just below it: the
-- rows grow smaller at every step. Exact for the same reason the first version was: a level's sum
-- is its own regions' contributions plus everything below, and the level below already holds the
-- sums of everything below it (rows that sum to zero are dropped; they add nothing when folded).
--
-- The 'unit' dimension is stored once, in the record's own region, not at every level above: a
-- unit's records lie in one place, so its rows were the same numbers copied to five levels (42 % of
-- all rollup rows on a 200,000-tip national set). A by=unit query sums the subtree's unit rows
-- (engine.ts, sumRollup); no page reads by=unit for a large region.
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
  -- stats_ancestors() knows the levels 0, 2, 4, 6, 9 and a code's own length: a code of another
  -- length would need its own level here, and region codes have none (regions.code).
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
    having sum(x.value) <> 0;
    get diagnostics n = row_count;
    total := total + n;
    finer := lv;
  end loop;
  -- Fresh statistics for the planner: with those of the emptied table it walked every indicator of a
  -- level instead of one index range (250 ms instead of 0.4 ms for a county on a 200,000-tip set).
  analyze stats_rollup;
  return total;
end $$;

-- Compaction writes 'unit' rows at the record's own level only, like the rebuild.
create or replace function stats_compact() returns bigint language plpgsql as $$
declare n bigint;
begin
  perform pg_advisory_xact_lock(7701, 100);
  with moved as (delete from stats_delta returning region_code, day, indicator, dim, dim_value, value),
  agg as (select length(a)::smallint as lvl, m.dim, m.indicator, a as region_code, m.day, m.dim_value, sum(m.value)::bigint as value
            from moved m
            cross join lateral unnest(case when m.dim = 'unit' then array[m.region_code::text] else stats_ancestors(m.region_code) end) a
           group by 1, 2, 3, 4, 5, 6)
  insert into stats_rollup as r (lvl, dim, indicator, region_code, day, dim_value, value)
  select * from agg where value <> 0 order by 1, 2, 3, 4, 5, 6
  on conflict (lvl, dim, indicator, region_code, day, dim_value) do update set value = r.value + excluded.value;
  get diagnostics n = row_count;
  return n;
end $$;

-- The rollups in the new shape (unit rows at their own level only).
select stats_rebuild();
