-- Screening rounds and checklists (issue 13 item 3, domain.md §5): a round (排查批次) groups the
-- inspections of one period, set of sectors and region subtree — 集中排查, 回头看 or 专项检查 — so its
-- coverage (subjects inspected in the round / subjects registered in scope) can be counted per child
-- region. Inspections get a kind (routine, 自查 recorded by staff, 抽查 with its sampling ratio) and
-- keep the checklist version they were recorded with; checklists are versioned per sector.
create table screening_rounds (
  id          bigint generated always as identity primary key,
  title       text not null,
  scope       text not null check (scope in ('centralized', 'review', 'special')),
  region_code text not null references regions(code),
  unit_id     bigint not null references units(id),
  sectors     text[] not null check (cardinality(sectors) between 1 and 20),
  period_from date not null,
  period_to   date not null,
  status      text not null default 'open' check (status in ('open', 'closed')),
  created_by  bigint not null references users(id),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz,
  closed_by   bigint references users(id),
  closed_at   timestamptz,
  check (period_from <= period_to),
  check ((status = 'closed') = (closed_at is not null))
);
-- Lists are a subtree (prefix) or the regions above the user (equality), newest first.
create index screening_rounds_region_idx on screening_rounds (region_code text_pattern_ops, id desc);

-- A sector's checklist: every edit is a new version; the current one is the highest version.
create table checklist_versions (
  id         bigint generated always as identity primary key,
  sector     text not null,
  version    integer not null check (version >= 1),
  items      jsonb not null check (jsonb_typeof(items) = 'array' and jsonb_array_length(items) >= 1),  -- [{key, label}]
  created_by bigint references users(id),   -- null: version 1, written by this migration
  created_at timestamptz not null default now(),
  unique (sector, version)
);

-- Version 1 of every sector is the checklist the code has used so far (CHECKLIST_ITEMS in shared/domain.ts).
insert into checklist_versions (sector, version, items)
select k, 1, '[{"key": "prepaid", "label": "销售预付卡、会员卡或收取会员费、床位费"},
               {"key": "deposit", "label": "收取押金、保证金或“投资”款"},
               {"key": "returns", "label": "承诺高额回报、保本保息或返利"},
               {"key": "health_claims", "label": "宣称产品能治病等虚假宣传"},
               {"key": "no_commitment", "label": "未签订不诈骗承诺书"}]'::jsonb
from unnest(array['elderly_care_institution', 'unregistered_care_place', 'travel_agency', 'health_product_seller', 'real_estate_developer',
                  'care_land_parcel', 'medical_care_institution', 'direct_seller', 'art_dealer', 'finance_company', 'other']) k;

alter table inspections
  add column round_id             bigint references screening_rounds(id),
  add column kind                 text not null default 'routine' check (kind in ('routine', 'self_check', 'spot_check')),
  add column sampling_ratio       numeric(5, 4) check (sampling_ratio > 0 and sampling_ratio <= 1),
  add column checklist_version_id bigint references checklist_versions(id),
  -- A spot check records the share of subjects it sampled; no other kind has one.
  add constraint inspections_spot_check_ratio check ((kind = 'spot_check') = (sampling_ratio is not null));
-- Coverage counts the distinct subjects inspected in a round; the ledger filters hazards by round.
create index inspections_round_idx on inspections (round_id, subject_id) where round_id is not null;

-- Every inspection keeps the version it used: those recorded before versions existed used version 1.
update inspections i set checklist_version_id = v.id
  from subjects s, checklist_versions v
 where s.id = i.subject_id and v.sector = s.kind and v.version = 1;

-- An inspection written without a version (the service passes the one it validated against; bulk
-- inserts and older code do not) gets its sector's current version, so none is ever left without one.
create function inspections_checklist_version() returns trigger language plpgsql as $$
begin
  if new.checklist_version_id is null then
    select v.id into new.checklist_version_id
      from subjects s join checklist_versions v on v.sector = s.kind
     where s.id = new.subject_id order by v.version desc limit 1;
  end if;
  return new;
end $$;
create trigger inspections_checklist_version before insert on inspections for each row execute function inspections_checklist_version();
