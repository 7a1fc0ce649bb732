-- Figures a region reports for a period that the platform does not record itself (or confirms
-- from a pasted work summary): one row per figure, traceable to who submitted it and the quote.
create table reported_figures (
  id           bigint generated always as identity primary key,
  region_code  text not null references regions(code),
  unit_id      bigint not null references units(id),
  period_start date not null,
  period_end   date not null,
  indicator    text not null,
  value        numeric(20,2) not null,
  unit         text not null,
  approx       boolean not null default false,
  subject      text,
  note         text,
  quote        text,
  source       text not null,           -- form, summary
  submitted_by bigint not null references users(id),
  submitted_at timestamptz not null default now(),
  check (period_start <= period_end)
);
create index reported_figures_region_idx on reported_figures (region_code text_pattern_ops, period_end);
