-- The registry of subjects (主体): care institutions and businesses, identified by their credit code
-- where they have one. Tips link to a subject when a named company or credit code matches.
create table subjects (
  id              bigint generated always as identity primary key,
  region_code     text not null references regions(code),
  kind            text not null,
  name            text not null,
  normalized_name text not null,
  uscc            text unique,
  address         text,
  created_by      bigint references users(id),
  created_at      timestamptz not null default now()
);
create index subjects_normalized_name_idx on subjects (normalized_name);
create index subjects_region_idx on subjects (region_code text_pattern_ops);
