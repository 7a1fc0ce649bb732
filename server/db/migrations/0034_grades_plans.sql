-- Grades at scale and one plan per institution (issue 13 items 5 and 7).
--
-- 1. Each subject's current 红橙黄绿 grade is stored (subject_grades), written by the application in
--    the same transaction as the fact that changed it (screening/grades.ts: assessRisk over riskFacts,
--    the one definition of the rules), and by a daily sweep for serious hazards whose deadline passed
--    (no write happens then). The registry filtered by grade reads this table over a whole subtree
--    (region_code and merged are copied from subjects by triggers); the grade distribution reads
--    subject_grade_counts, kept from it by statement triggers.
-- 2. Every change of a stored grade is kept in subject_grade_history with its cause.
-- 3. A red or orange subject gets a plan (一院一策): measures with their responsible unit and due
--    date, append-only progress notes, and the history of its edits.

create table subject_grades (
  subject_id   bigint primary key references subjects(id) on delete cascade,   -- derived: goes with its subject
  region_code  text not null,
  merged       boolean not null default false,
  grade        text check (grade in ('red', 'orange', 'yellow', 'green')),       -- in force; null = not yet graded
  computed     text check (computed in ('red', 'orange', 'yellow', 'green')),    -- without the override
  reasons      jsonb,            -- assessRisk's reasons; null only for rows this migration filled from the view
  changed_at   timestamptz not null default now(),   -- when the grade last changed
  refreshed_at timestamptz not null default now()    -- when it was last computed
);
-- The registry filtered by grade: the grade, then the region prefix.
create index subject_grades_grade_idx on subject_grades (grade, region_code text_pattern_ops, subject_id) where not merged;

create table subject_grade_history (
  id         bigint generated always as identity primary key,
  subject_id bigint not null references subjects(id),
  grade      text check (grade in ('red', 'orange', 'yellow', 'green')),
  previous   text check (previous in ('red', 'orange', 'yellow', 'green')),
  reasons    jsonb not null default '[]',
  cause      text not null check (cause in ('inspection', 'hazard', 'tip', 'case', 'override', 'deadline', 'registry', 'backfill')),
  changed_by bigint references users(id),      -- null: the deadline sweep, a reporter, the migration
  changed_at timestamptz not null default now()
);
create index subject_grade_history_subject_idx on subject_grade_history (subject_id, id desc);

-- Every subject has its row from the start (ungraded), so counting a subtree reads one table.
create function subject_grades_inserted() returns trigger language plpgsql as $$
begin
  insert into subject_grades (subject_id, region_code, merged)
  select n.id, n.region_code, n.merged_into is not null from new_subjects n
  on conflict (subject_id) do nothing;
  return null;
end $$;
create trigger subjects_grades_insert after insert on subjects
  referencing new table as new_subjects for each statement execute function subject_grades_inserted();

create function subject_grades_moved() returns trigger language plpgsql as $$
begin
  update subject_grades set region_code = new.region_code, merged = new.merged_into is not null where subject_id = new.id;
  return null;
end $$;
create trigger subjects_grades_update after update on subjects for each row
  when ((old.region_code, old.merged_into) is distinct from (new.region_code, new.merged_into))
  execute function subject_grades_moved();

-- The distribution by region and grade, kept by statement triggers on subject_grades (set-based: a
-- bulk insert of 50,000 subjects is one upsert per region and grade). A subtree's distribution sums
-- at most one row per region and grade below it, however many subjects there are: a province of
-- 1,000,000 subjects reads a few thousand rows (bench/grades.ts). Rows are upserted in key order, so
-- two transactions never take the same counters in opposite orders within one statement.
create table subject_grade_counts (
  region_code text not null,
  grade       text not null check (grade in ('red', 'orange', 'yellow', 'green', 'none')),
  n           bigint not null,
  primary key (region_code, grade)
);
create index subject_grade_counts_region_idx on subject_grade_counts (region_code text_pattern_ops);

-- One function per event: a transition table exists only for the events that have it.
create function subject_grade_counts_insert() returns trigger language plpgsql as $$
begin
  insert into subject_grade_counts as c (region_code, grade, n)
  select region_code, coalesce(grade, 'none'), count(*) from new_rows where not merged
  group by 1, 2 order by 1, 2
  on conflict (region_code, grade) do update set n = c.n + excluded.n;
  return null;
end $$;
create function subject_grade_counts_delete() returns trigger language plpgsql as $$
begin
  insert into subject_grade_counts as c (region_code, grade, n)
  select region_code, coalesce(grade, 'none'), -count(*) from old_rows where not merged
  group by 1, 2 order by 1, 2
  on conflict (region_code, grade) do update set n = c.n + excluded.n;
  return null;
end $$;
create function subject_grade_counts_update() returns trigger language plpgsql as $$
begin
  insert into subject_grade_counts as c (region_code, grade, n)
  select d.region_code, d.grade, sum(d.n) from (
    select region_code, coalesce(grade, 'none') as grade, 1 as n from new_rows where not merged
    union all
    select region_code, coalesce(grade, 'none'), -1 from old_rows where not merged
  ) d
  group by 1, 2 having sum(d.n) <> 0 order by 1, 2
  on conflict (region_code, grade) do update set n = c.n + excluded.n;
  return null;
end $$;

-- Backfill: the view subject_risk (0010, 0016) is the same rule as assessRisk (risk-agreement.test.ts),
-- so the grades it gives today are exact; the reasons are written by the first recomputation.
insert into subject_grades (subject_id, region_code, merged, grade, computed, reasons)
select s.id, s.region_code, s.merged_into is not null, k.grade, k.computed, null
from subjects s join subject_risk k on k.subject_id = s.id;
insert into subject_grade_history (subject_id, grade, previous, cause)
select subject_id, grade, null, 'backfill' from subject_grades where grade is not null;
insert into subject_grade_counts (region_code, grade, n)
select region_code, coalesce(grade, 'none'), count(*) from subject_grades where not merged group by 1, 2;
-- Created after the backfill, which is counted in one statement above.
create trigger subject_grades_counts_insert after insert on subject_grades
  referencing new table as new_rows for each statement execute function subject_grade_counts_insert();
create trigger subject_grades_counts_update after update on subject_grades
  referencing old table as old_rows new table as new_rows for each statement execute function subject_grade_counts_update();
create trigger subject_grades_counts_delete after delete on subject_grades
  referencing old table as old_rows for each statement execute function subject_grade_counts_delete();

-- A tip's grade refresh follows the tips merged into it (screening/grades.ts refreshTipGrades), at
-- every intake: an index over the few merged tips, so that never reads the whole table.
create index tips_merged_into_idx on tips (merged_into_id) where merged_into_id is not null;

-- Rectification and crossing off (销号) are two people's acts: who reported a hazard rectified is kept.
alter table hazards add column rectified_by bigint references users(id);

-- 一院一策: one plan per subject.
create table subject_plans (
  id         bigint generated always as identity primary key,
  subject_id bigint not null unique references subjects(id),
  summary    text not null,
  created_by bigint not null references users(id),
  created_at timestamptz not null default now(),
  updated_by bigint not null references users(id),
  updated_at timestamptz not null default now()
);

create table plan_measures (
  id          bigint generated always as identity primary key,
  plan_id     bigint not null references subject_plans(id),
  position    integer not null,
  text        text not null,
  unit_id     bigint not null references units(id),
  due_on      date not null,
  done_at     timestamptz,
  done_by     bigint references users(id),
  removed_at  timestamptz,          -- taken out of the plan by an edit; kept for the history
  created_at  timestamptz not null default now()
);
create index plan_measures_plan_idx on plan_measures (plan_id, position);

create table plan_notes (
  id         bigint generated always as identity primary key,
  plan_id    bigint not null references subject_plans(id),
  text       text not null,
  author_id  bigint not null references users(id),
  created_at timestamptz not null default now()
);
create index plan_notes_plan_idx on plan_notes (plan_id, id desc);

create table plan_history (
  id         bigint generated always as identity primary key,
  plan_id    bigint not null references subject_plans(id),
  action     text not null check (action in ('created', 'edited', 'measure_done')),
  changes    jsonb not null,
  changed_by bigint not null references users(id),
  changed_at timestamptz not null default now()
);
create index plan_history_plan_idx on plan_history (plan_id, id desc);

-- Progress notes and the histories are records: never updated, never deleted (0016's function
-- refuses any change to the table it guards, whatever its name).
create trigger plan_notes_append_only before update or delete on plan_notes
  for each row execute function case_records_append_only();
create trigger plan_history_append_only before update or delete on plan_history
  for each row execute function case_records_append_only();
create trigger subject_grade_history_append_only before update or delete on subject_grade_history
  for each row execute function case_records_append_only();
