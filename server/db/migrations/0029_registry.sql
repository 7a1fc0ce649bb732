-- The registry of subjects, complete and editable (issue 13 items 1–2): each sector's own facts,
-- the history of every change (who, when, what), merging two records of one subject (the merged one
-- points to the kept one), and the Excel imports with their progress and refused rows.
alter table subjects
  add column registered           boolean,
  add column licence_no           text,
  add column beds                 integer check (beds between 0 and 100000),
  add column area_m2              numeric(14, 2) check (area_m2 >= 0),
  add column regulator            text,
  add column contact_name         text,
  add column contact_phone        text,
  add column commitment_signed_on date,
  add column normalized_address   text not null default '',
  add column updated_at           timestamptz,
  add column merged_into          bigint references subjects(id),
  add column merged_at            timestamptz,
  add constraint subjects_not_merged_into_self check (merged_into is null or merged_into <> id);
update subjects set normalized_address = regexp_replace(coalesce(address, ''), '\s+', '', 'g');
-- Duplicates by name and address are looked up within a region (at entry and at import).
create index subjects_region_name_idx on subjects (region_code, normalized_name) where merged_into is null;
create index subjects_merged_into_idx on subjects (merged_into) where merged_into is not null;

-- Every change to a subject's facts: an edit, an import that changed a row, a merge.
create table subject_history (
  id         bigint generated always as identity primary key,
  subject_id bigint not null references subjects(id),
  source     text not null check (source in ('created', 'edited', 'imported', 'merged')),
  changes    jsonb not null,            -- {field: [before, after]}
  import_id  bigint,
  changed_by bigint references users(id),
  changed_at timestamptz not null default now()
);
create index subject_history_subject_idx on subject_history (subject_id, id desc);

-- An Excel import of one sector's registry: a job whose progress the console polls.
create table registry_imports (
  id          bigint generated always as identity primary key,
  unit_id     bigint not null references units(id),
  created_by  bigint not null references users(id),
  kind        text not null,
  file_name   text,
  sha256      text not null,
  status      text not null default 'running' check (status in ('running', 'done', 'failed')),
  rows_total  integer not null default 0,
  rows_done   integer not null default 0,
  created     integer not null default 0,
  updated     integer not null default 0,
  unchanged   integer not null default 0,
  refused     integer not null default 0,
  errors      jsonb not null default '[]',   -- [{row, reason, cells}]
  failure     text,
  started_at  timestamptz not null default now(),
  finished_at timestamptz
);
create index registry_imports_unit_idx on registry_imports (unit_id, id desc);
alter table subject_history add constraint subject_history_import_fk foreign key (import_id) references registry_imports(id);

-- A merged record is the same institution as the one it points to: it stops counting in
-- institutions_count when it is merged (the kept record counts once). Replaces 0022's definition,
-- which nothing after it redefines (0031 and 0032 only call it), so this holds whether 0029 runs
-- before 0031/0032 (a fresh database) or after them (a database migrated before 0029 existed).
create or replace function stats_c_subject(s subjects)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql stable strict as $$
  select s.region_code, (s.created_at at time zone 'Asia/Shanghai')::date, 'institutions_count', d.dim, d.dim_value, 1::bigint
  from (values ('', ''), ('sector', s.kind)) d(dim, dim_value)
  where s.kind = 'elderly_care_institution' and s.merged_into is null
$$;
-- The update trigger also fires when a record is merged, so its contribution is taken back.
drop trigger subjects_stats_update on subjects;
create trigger subjects_stats_update after update on subjects for each row
  when ((old.region_code, old.kind, old.created_at, old.merged_into) is distinct from (new.region_code, new.kind, new.created_at, new.merged_into))
  execute function stats_subjects_changed();
