-- Intake from every source (issue 12, items 3–5): staff register tips from the 12337 platform,
-- hotlines, letters, upper levels (上级转办) with the source's own reference number; member units
-- hand tips over to their campaign office (移交); the 12337 batch an upper level hands down is
-- imported from its .xlsx and its results exported back.

-- 上级转办: a tip an upper office transferred, with its reference number and deadline.
alter table tips drop constraint tips_source_known;
alter table tips add constraint tips_source_known check (source in
  ('portal', 'hotline', 'letter', 'visit', 'email', 'platform_12337', 'leader_instruction', 'upper_transfer', 'department_transfer',
   'screening', 'court_card'));

-- A batch of the 12337 platform (or another upper level's list) imported by an office.
create table tip_imports (
  id             bigint generated always as identity primary key,
  office_unit_id bigint not null references units(id),
  created_by     bigint not null references users(id),
  source         text not null check (source in ('platform_12337')),
  file_sha256    text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_name      text check (char_length(file_name) <= 200),
  rows_total     int not null check (rows_total >= 0),
  created        int not null check (created >= 0),
  duplicates     int not null check (duplicates >= 0),
  refused        int not null check (refused >= 0),
  errors         jsonb not null default '[]',
  created_at     timestamptz not null default now()
);
create index tip_imports_office_idx on tip_imports (office_unit_id, id desc);

-- New columns all default to null: existing rows and the other intake paths are unchanged.
alter table tips
  -- The source's own reference number (12337 编号, 转办文号, 来信编号 …): kept, searchable, duplicates flagged by it.
  add column source_ref text check (source_ref is null or char_length(source_ref) between 1 and 60),
  -- The deadline the source gave (上级转办 / 12337 办理期限), a Beijing date; the office's own dispatch deadlines stay separate.
  add column source_due_on date,
  -- When the source received it (the 12337 row's 时间), when that is known.
  add column source_at timestamptz,
  -- The member unit that handed the tip over (移交); it may follow its hand-overs.
  add column handed_over_by_unit_id bigint references units(id),
  -- The batch a tip was imported with.
  add column import_id bigint references tip_imports(id);

-- Duplicates by reference number, and the list's search by it.
create index tips_source_ref_idx on tips (source_ref, source) where source_ref is not null;
-- A batch never creates a reference number twice, even when two imports of one file race.
create unique index tips_imported_ref_key on tips (source, source_ref) where import_id is not null;
create index tips_import_idx on tips (import_id) where import_id is not null;
-- A member unit's hand-overs, newest first.
create index tips_handed_over_idx on tips (handed_over_by_unit_id, received_at desc, id desc) where handed_over_by_unit_id is not null;
