-- Evaluation (考评, issue 11 item 6): the elderly population (residents aged 60 and over) of each
-- region, for rates per 10,000 elderly residents, and the weighting schemes an office sets to rank
-- its child regions. Both are append-only: a new figure or a new scheme is a new row, so the history
-- stays and a ranking can name the scheme it used (docs/indicators.md, "Evaluation").

create table elderly_population (
  id          bigint generated always as identity primary key,
  region_code text not null references regions(code),
  population  bigint not null,
  as_of       date not null,                                   -- the day the figure describes (census day, year end)
  source      text not null,                                   -- where it comes from (census bulletin, civil affairs statistics)
  unit_id     bigint not null references units(id),            -- the office that entered it (of the region or above)
  created_by  bigint not null references users(id),
  created_at  timestamptz not null default now(),
  constraint elderly_population_range check (population between 1 and 400000000),
  constraint elderly_population_source_length check (char_length(source) between 2 and 200)
);
-- The figure in force for a region on a day: the latest as_of on or before it, the latest entry of that day.
create index elderly_population_region_idx on elderly_population (region_code text_pattern_ops, as_of desc, id desc);

create table evaluation_schemes (
  id           bigint generated always as identity primary key,
  region_code  text not null references regions(code),          -- the office's region: the scheme ranks its child regions
  unit_id      bigint not null references units(id),
  weights      jsonb not null,                                   -- {component: integer weight}, summing to 100
  missing_rule text not null,
  note         text,
  created_by   bigint not null references users(id),
  created_at   timestamptz not null default now(),
  constraint evaluation_schemes_missing_rule_known check (missing_rule in ('zero', 'reweight')),
  constraint evaluation_schemes_weights_object check (jsonb_typeof(weights) = 'object'),
  constraint evaluation_schemes_note_length check (note is null or char_length(note) <= 500)
);
create index evaluation_schemes_region_idx on evaluation_schemes (region_code, id desc);

-- Records, never changed: a correction is a new row (the same guard as the case records').
create trigger elderly_population_append_only before update or delete on elderly_population
  for each row execute function case_records_append_only();
create trigger evaluation_schemes_append_only before update or delete on evaluation_schemes
  for each row execute function case_records_append_only();
