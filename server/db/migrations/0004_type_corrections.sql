-- When staff set a tip's fraud types differently from what the analysis suggested, the pair is kept:
-- labelled data for measuring and improving the analysis.
create table type_corrections (
  id         bigint generated always as identity primary key,
  tip_id     bigint not null references tips(id),
  suggested  text[] not null,
  corrected  text[] not null,
  user_id    bigint not null references users(id),
  at         timestamptz not null default now()
);
create index type_corrections_tip_idx on type_corrections (tip_id);
