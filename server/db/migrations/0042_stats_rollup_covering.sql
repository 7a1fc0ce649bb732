-- The rollup's key carries the value (issue 11). Every read of stats_rollup (engine.ts sumRollup)
-- finds its rows by a prefix of the key and sums `value`; with the value in the index those reads are
-- index-only scans and, on pages the visibility map marks all-visible, never visit the table (at 10
-- million tips, bench/stats-profile: "Index Only Scan using stats_rollup_pkey … Heap Fetches: 0";
-- docs/benchmarks.md, session 11). Compaction's `on conflict` (the same
-- columns) infers this index as it did the old one. Index-only scans need the visibility map current:
-- stats_rebuild()'s callers vacuum after a bulk rebuild (bench/generate), autovacuum otherwise.
alter table stats_rollup drop constraint stats_rollup_pkey;
alter table stats_rollup add primary key (lvl, dim, indicator, region_code, day, dim_value) include (value);
