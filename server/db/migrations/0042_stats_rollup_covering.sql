-- The rollup's key carries the value (issue 11). Every read of stats_rollup (engine.ts sumRollup)
-- finds its rows by a prefix of the key and sums `value`; with the value in the index those reads are
-- index-only scans and never visit the table's pages — at 10 million tips a national by=child month
-- read ~28,000 rows from ~9,000 table pages scattered over 2.5 GB (bench/stats-profile, session 10),
-- which was most of the call when the pages were not cached. Compaction's `on conflict` (the same
-- columns) infers this index as it did the old one. Index-only scans need the visibility map current:
-- stats_rebuild()'s callers vacuum after a bulk rebuild (bench/generate), autovacuum otherwise.
alter table stats_rollup drop constraint stats_rollup_pkey;
alter table stats_rollup add primary key (lvl, dim, indicator, region_code, day, dim_value) include (value);
