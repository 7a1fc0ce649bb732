-- Supervision (督导检查, issue 12 items 6 and 7): rounds of a campaign office over units of its region
-- subtree, findings per target unit with their rectification follow-up (整改反馈 → verified or back
-- to open), and samples of a target's closed tips for 回访 (calling the reporter) and 二次核查 (the
-- handling unit verifies its result again). docs/indicators.md: supervision_rounds counts rounds by
-- start_date in the supervising unit's region subtree (region_code below).

create table supervision_rounds (
  id                  bigint generated always as identity primary key,
  title               text not null constraint supervision_rounds_title_present check (length(btrim(title)) > 0),
  supervising_unit_id bigint not null references units(id),
  region_code         text not null references regions(code), -- the supervising unit's region: the round's jurisdiction root
  method              text not null constraint supervision_rounds_method_known check (method in ('on_site', 'unannounced', 'phone_callback', 'written')),
  start_date          date not null,
  end_date            date not null,
  target_region_codes text[] not null default '{}',
  summary             text,
  created_by          bigint not null references users(id),
  created_at          timestamptz not null default now(),
  constraint supervision_rounds_dates check (end_date >= start_date)
);
create index supervision_rounds_region_idx on supervision_rounds (region_code text_pattern_ops, start_date desc, id desc);

create table supervision_round_members (
  round_id bigint not null references supervision_rounds(id),
  user_id  bigint not null references users(id),
  primary key (round_id, user_id)
);
create index supervision_round_members_user_idx on supervision_round_members (user_id);

create table supervision_targets (
  id       bigint generated always as identity primary key,
  round_id bigint not null references supervision_rounds(id),
  unit_id  bigint not null references units(id),
  unique (round_id, unit_id)
);
create index supervision_targets_unit_idx on supervision_targets (unit_id);

create table supervision_findings (
  id           bigint generated always as identity primary key,
  round_id     bigint not null references supervision_rounds(id),
  target_id    bigint not null references supervision_targets(id),
  unit_id      bigint not null references units(id), -- the target unit (its workbench shows the finding)
  description  text not null,
  fix_required text not null,
  deadline     date not null,
  status       text not null default 'open' constraint supervision_findings_status_known check (status in ('open', 'submitted', 'verified')),
  feedback     text,
  feedback_at  timestamptz,
  verified_at  timestamptz,
  created_by   bigint not null references users(id),
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create index supervision_findings_unit_idx on supervision_findings (unit_id, status, deadline);
create index supervision_findings_round_idx on supervision_findings (round_id);

-- Each step of a finding (created, feedback, verified, reopened) with who and what was said.
create table supervision_finding_events (
  id         bigint generated always as identity primary key,
  finding_id bigint not null references supervision_findings(id),
  at         timestamptz not null default now(),
  kind       text not null constraint supervision_finding_events_kind_known check (kind in ('created', 'feedback', 'verified', 'reopened')),
  actor_id   bigint not null references users(id),
  unit_id    bigint not null references units(id),
  text       text not null
);
create index supervision_finding_events_finding_idx on supervision_finding_events (finding_id, at, id);

-- Rectification documents (整改材料) are uploads like a report's: attached to one finding only.
alter table uploads add column finding_id bigint references supervision_findings(id);
alter table uploads add constraint uploads_finding_alone check (finding_id is null or (tip_id is null and activity_id is null and hazard_id is null));
create index uploads_finding_idx on uploads (finding_id) where finding_id is not null;

-- A random sample of a target's closed tips, reproducible: the same seed over the same population
-- (the tips that qualified when it was drawn, kept as population_ids) selects the same tips.
create table supervision_samples (
  id             bigint generated always as identity primary key,
  round_id       bigint not null references supervision_rounds(id),
  target_id      bigint not null references supervision_targets(id),
  kind           text not null constraint supervision_samples_kind_known check (kind in ('callback', 'recheck')),
  seed           text not null,
  size           int not null check (size > 0),
  population_ids bigint[] not null,
  closed_from    date,
  closed_to      date,
  created_by     bigint not null references users(id),
  created_at     timestamptz not null default now()
);
create index supervision_samples_round_idx on supervision_samples (round_id);

create table supervision_sample_items (
  id               bigint generated always as identity primary key,
  sample_id        bigint not null references supervision_samples(id),
  tip_id           bigint not null references tips(id),
  handling_unit_id bigint references units(id), -- the unit that led the tip when it was drawn (answers a 二次核查)
  status           text not null default 'pending' constraint supervision_sample_items_status_known
                   check (status in ('pending', 'recorded', 'answered', 'upheld', 'failed')),
  -- 回访 (callback)
  reached          boolean,
  handled          text constraint supervision_sample_items_handled_known check (handled in ('yes', 'no', 'unclear')),
  satisfied        boolean,
  note             text,
  recorded_by      bigint references users(id),
  recorded_at      timestamptz,
  -- 二次核查 (recheck): the handling unit's answer, then the supervising side's judgment
  confirmed        boolean,
  answer           text,
  answered_by      bigint references users(id),
  answered_at      timestamptz,
  judgment         text,
  judged_by        bigint references users(id),
  judged_at        timestamptz,
  unique (sample_id, tip_id)
);
create index supervision_sample_items_tip_idx on supervision_sample_items (tip_id);
create index supervision_sample_items_unit_idx on supervision_sample_items (handling_unit_id, status);
