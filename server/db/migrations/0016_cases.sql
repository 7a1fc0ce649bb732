-- Criminal cases (打击, domain.md §1, issue 9): a case with its stages (立案 → 侦破 → 移送起诉 →
-- 提起公诉 → 审判), each recorded once by the unit that owns it, and its figures as dated entries
-- that are never changed: a correction is a new entry naming the one it replaces, with a reason.
-- Any period's figures are sums over the entries no later entry corrects. Amounts are integer fen.
-- Codes are the ones in shared/domain.ts (cases.test.ts keeps them equal).
create table criminal_cases (
  id                    bigint generated always as identity primary key,
  case_no               text not null,
  title                 text not null,
  summary               text,
  fraud_types           text[] not null default '{}',
  region_code           text not null references regions(code),
  lead_unit_id          bigint not null references units(id),   -- the police unit that filed it
  procuratorate_unit_id bigint references units(id),            -- named when the case is transferred for prosecution
  court_unit_id         bigint references units(id),            -- named when the case is prosecuted
  origin                text not null,
  gang                  boolean not null default false,
  gang_size             integer,
  stage                 text not null,                          -- the latest stage recorded (case_stages holds them all)
  filed_on              date not null,
  created_by            bigint not null references users(id),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  constraint criminal_cases_case_no_key unique (case_no),
  constraint criminal_cases_title_length check (length(title) between 2 and 200),
  constraint criminal_cases_fraud_types_known check (fraud_types <@ array
    ['elderly_service', 'elderly_project', 'elderly_product', 'house_for_pension', 'pension_insurance', 'elderly_assistance']::text[]),
  constraint criminal_cases_origin_known check (origin in ('new', 'old')),
  constraint criminal_cases_stage_known check (stage in ('filed', 'solved', 'transferred', 'prosecuted', 'tried')),
  constraint criminal_cases_gang_size check ((gang and gang_size between 2 and 100000) or (not gang and gang_size is null))
);
-- Offices list their subtree by region (newest filed first); units list the cases that name them.
create index criminal_cases_region_idx on criminal_cases (region_code text_pattern_ops, filed_on desc, id desc);
create index criminal_cases_lead_unit_idx on criminal_cases (lead_unit_id, filed_on desc, id desc);
create index criminal_cases_procuratorate_idx on criminal_cases (procuratorate_unit_id, filed_on desc, id desc) where procuratorate_unit_id is not null;
create index criminal_cases_court_idx on criminal_cases (court_unit_id, filed_on desc, id desc) where court_unit_id is not null;
create index criminal_cases_fraud_types_idx on criminal_cases using gin (fraud_types);

create table case_stages (
  id         bigint generated always as identity primary key,
  case_id    bigint not null references criminal_cases(id),
  stage      text not null,
  on_date    date not null,
  unit_id    bigint not null references units(id),
  note       text,
  created_by bigint not null references users(id),
  created_at timestamptz not null default now(),
  constraint case_stages_once unique (case_id, stage),
  constraint case_stages_stage_known check (stage in ('filed', 'solved', 'transferred', 'prosecuted', 'tried'))
);
-- Period counts (cases filed, solved, prosecuted, tried in a period).
create index case_stages_stage_date_idx on case_stages (stage, on_date);

create table case_figures (
  id          bigint generated always as identity primary key,
  case_id     bigint not null references criminal_cases(id),
  kind        text not null,
  value       bigint not null,                                   -- persons, or fen for amounts
  on_date     date not null,                                     -- the day the figure belongs to (a correction keeps its entry's day)
  unit_id     bigint not null references units(id),
  note        text,
  corrects_id bigint references case_figures(id),                -- this entry replaces that one
  reason      text,                                              -- why: required for a correction, or recovered above involved
  created_by  bigint not null references users(id),
  created_at  timestamptz not null default now(),
  constraint case_figures_kind_known check (kind in
    ('arrested', 'detained', 'victims', 'amount_involved', 'amount_frozen', 'amount_recovered', 'prosecuted_persons', 'sentenced_persons')),
  constraint case_figures_value_range check (value between 0 and 100000000000000),
  constraint case_figures_correction_reason check (corrects_id is null or length(coalesce(reason, '')) >= 2),
  -- An entry is replaced at most once: a second correction corrects the correction.
  constraint case_figures_corrects_once unique (corrects_id)
);
create index case_figures_case_idx on case_figures (case_id, id);
create index case_figures_kind_date_idx on case_figures (kind, on_date);

-- Stages and figures are records: never updated, never deleted (corrections are new rows).
create function case_records_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end $$;
create trigger case_stages_append_only before update or delete on case_stages
  for each row execute function case_records_append_only();
create trigger case_figures_append_only before update or delete on case_figures
  for each row execute function case_records_append_only();

-- Tips and subjects a case came from.
create table case_tips (
  case_id   bigint not null references criminal_cases(id),
  tip_id    bigint not null references tips(id),
  linked_by bigint not null references users(id),
  linked_at timestamptz not null default now(),
  primary key (case_id, tip_id)
);
create index case_tips_tip_idx on case_tips (tip_id);

create table case_subjects (
  case_id    bigint not null references criminal_cases(id),
  subject_id bigint not null references subjects(id),
  linked_by  bigint not null references users(id),
  linked_at  timestamptz not null default now(),
  primary key (case_id, subject_id)
);
create index case_subjects_subject_idx on case_subjects (subject_id);

-- Administrative enforcement (行政执法): each document a unit issues to a subject (or one of its
-- hazards) — 三书一函, penalty decisions with the amount fined (fen), transfers to the police
-- (行刑衔接) naming the police unit. These, not the hazards' free-text measure, are what
-- rectification_notices, admin_penalties and penalty_amount_yuan count. An issued document is a
-- record: never changed.
create table enforcement_records (
  id             bigint generated always as identity primary key,
  kind           text not null,
  doc_no         text not null,
  unit_id        bigint not null references units(id),            -- the issuing unit
  subject_id     bigint not null references subjects(id),
  hazard_id      bigint references hazards(id),
  issued_on      date not null,
  fine_fen       bigint,                                           -- penalty decisions only
  police_unit_id bigint references units(id),                      -- transfers only
  summary        text not null,
  created_by     bigint not null references users(id),
  created_at     timestamptz not null default now(),
  constraint enforcement_records_doc_no_key unique (unit_id, doc_no),
  constraint enforcement_records_kind_known check (kind in
    ('risk_warning_letter', 'interview_notice', 'rectification_notice', 'penalty_decision', 'transfer_police')),
  constraint enforcement_records_fine check ((kind = 'penalty_decision') = (fine_fen is not null) and (fine_fen is null or fine_fen between 0 and 100000000000000)),
  constraint enforcement_records_transfer check ((kind = 'transfer_police') = (police_unit_id is not null))
);
create index enforcement_records_subject_idx on enforcement_records (subject_id, issued_on desc, id desc);
create index enforcement_records_kind_date_idx on enforcement_records (kind, issued_on);
create trigger enforcement_records_append_only before update or delete on enforcement_records
  for each row execute function case_records_append_only();

-- Typical cases for the public (典型案例): a case written up with personal data masked, published
-- only after a second person (an office lead other than the writer) reviewed it; withdrawing is
-- recorded with its reason. The portal shows published ones only.
create table typical_cases (
  id              bigint generated always as identity primary key,
  case_id         bigint not null references criminal_cases(id),
  title           text not null,
  fraud_type      text not null,
  body            text not null,
  recognise       text not null,        -- how to recognise it, in plain words
  advice          text not null,        -- what to do
  status          text not null default 'draft',
  written_by      bigint not null references users(id),
  written_at      timestamptz not null default now(),
  reviewed_by     bigint references users(id),
  published_at    timestamptz,
  withdrawn_at    timestamptz,
  withdraw_reason text,
  constraint typical_cases_fraud_type_known check (fraud_type in
    ('elderly_service', 'elderly_project', 'elderly_product', 'house_for_pension', 'pension_insurance', 'elderly_assistance')),
  constraint typical_cases_status_known check (status in ('draft', 'published', 'withdrawn')),
  constraint typical_cases_second_person check (reviewed_by is null or reviewed_by <> written_by),
  constraint typical_cases_published_reviewed check (status <> 'published' or (reviewed_by is not null and published_at is not null))
);
create index typical_cases_case_idx on typical_cases (case_id);
create index typical_cases_public_idx on typical_cases (fraud_type, published_at desc) where status = 'published';

-- A subject linked to a criminal case is red (domain.md §5: suspected fraud), in both forms of the
-- grade: assessRisk (screening/risk.ts) and this view, redefined from 0010 with the case count
-- (risk-agreement.test.ts keeps them equal). The view gains a column, so it is dropped and created.
drop view subject_risk;
create view subject_risk as
select f.*, coalesce(f.override_grade, f.computed) as grade
from (
  select s.id as subject_id,
         li.checklist is not null as inspected,
         hz.open_hazards, tp.tips, tp.tips_true, ov.grade as override_grade, cs.cases,
         case
           when hz.fraudish > 0 or hz.late > 0 or tp.tips_true > 0 or cs.cases > 0 then 'red'
           when coalesce(li.checklist @> '{"prepaid": true}' or li.checklist @> '{"deposit": true}'
                      or li.checklist @> '{"returns": true}' or li.checklist @> '{"health_claims": true}', false)
                or hz.practices > 0 or tp.tips >= 2 then 'orange'
           when hz.rest > 0 or tp.tips = 1 or coalesce(li.checklist @> '{"no_commitment": true}', false) then 'yellow'
           when li.checklist is not null then 'green'
         end as computed
  from subjects s
  -- The latest inspection's checklist.
  left join lateral (
    select i.checklist from inspections i where i.subject_id = s.id order by i.inspected_on desc, i.id desc limit 1
  ) li on true
  -- Hazards not yet crossed off, by what they weigh.
  cross join lateral (
    select count(*)::int as open_hazards,
           count(*) filter (where h.category in ('fundraising', 'fraud'))::int as fraudish,
           count(*) filter (where h.category in ('prepaid', 'false_ad'))::int as practices,
           count(*) filter (where h.late)::int as late,
           count(*) filter (where h.category not in ('fundraising', 'fraud', 'prepaid', 'false_ad') and not h.late)::int as rest
    from (
      select h.category, (h.serious and h.status <> 'rectified' and h.deadline < (now() at time zone 'Asia/Shanghai')::date) as late
      from hazards h where h.subject_id = s.id and h.status <> 'verified'
    ) h
  ) hz
  -- Tips naming the subject by credit code or normalised name, rejected and merged ones excepted.
  cross join lateral (
    select count(*)::int as tips,
           count(*) filter (where exists (
             select 1 from tip_assignments a where a.tip_id = t.id and a.verdict in ('true', 'partly_true')))::int as tips_true
    from tips t
    where t.status not in ('rejected', 'merged')
      and t.id in (select e.tip_id from tip_entities e where e.kind = 'uscc' and e.normalized = s.uscc
                   union
                   select e.tip_id from tip_entities e where e.kind = 'organization' and e.normalized = s.normalized_name)
  ) tp
  -- Criminal cases the subject is linked to.
  cross join lateral (
    select count(*)::int as cases from case_subjects k where k.subject_id = s.id
  ) cs
  -- The latest override (a null grade returns to the computed one).
  left join lateral (
    select o.grade from subject_risk_overrides o where o.subject_id = s.id order by o.id desc limit 1
  ) ov on true
) f;
