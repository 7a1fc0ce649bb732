-- Screening and rectification (domain.md §5): inspections of registered subjects with a checklist,
-- the hazards they find with a measure, deadline and responsible person, and manual overrides of the
-- computed risk grade (each with its reason). The grade itself is computed at read time from these
-- facts and the tips that name the subject, so it is always explainable.
create table inspections (
  id           bigint generated always as identity primary key,
  subject_id   bigint not null references subjects(id),
  unit_id      bigint not null references units(id),
  inspected_on date not null,
  inspectors   integer not null check (inspectors between 1 and 100),
  checklist    jsonb not null,
  findings     text,
  created_by   bigint not null references users(id),
  created_at   timestamptz not null default now()
);
create index inspections_subject_idx on inspections (subject_id, inspected_on desc, id desc);

create table hazards (
  id             bigint generated always as identity primary key,
  subject_id     bigint not null references subjects(id),
  inspection_id  bigint references inspections(id),
  unit_id        bigint not null references units(id),
  description    text not null,
  category       text not null,
  serious        boolean not null default false,
  measure        text not null,
  deadline       date not null,
  responsible    text not null,
  status         text not null default 'open',
  fine_yuan      numeric(14, 2),
  rectified_note text,
  verified_at    timestamptz,      -- crossed off (销号): counts as hazards_rectified in its period
  created_by     bigint not null references users(id),
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index hazards_subject_idx on hazards (subject_id);
create index hazards_status_deadline_idx on hazards (status, deadline);

create table subject_risk_overrides (
  id         bigint generated always as identity primary key,
  subject_id bigint not null references subjects(id),
  grade      text,             -- null: back to the computed grade
  reason     text not null,
  created_by bigint not null references users(id),
  created_at timestamptz not null default now()
);
create index subject_risk_overrides_idx on subject_risk_overrides (subject_id, id desc);
