-- Publicity (宣传): the activity log with the counts of shared/docs/indicators.md, its Excel imports,
-- and photos of an activity kept in the uploads table like tip evidence.

-- One Excel import: who ran it, what the file was, what came of it, and the refused rows (row number,
-- reason, the row's cells as text) from which the error sheet is built.
create table publicity_imports (
  id           bigint generated always as identity primary key,
  unit_id      bigint not null references units(id),
  created_by   bigint not null references users(id),
  file_sha256  text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  rows_total   int not null check (rows_total >= 0),
  created      int not null check (created >= 0),
  duplicates   int not null check (duplicates >= 0),
  refused      int not null check (refused >= 0),
  errors       jsonb not null default '[]',
  created_at   timestamptz not null default now()
);
create index publicity_imports_unit_idx on publicity_imports (unit_id, id);

create table publicity_activities (
  id            bigint generated always as identity primary key,
  region_code   text not null references regions(code),
  -- The organising unit (the unit of whoever recorded it): the only one that may edit it.
  unit_id       bigint not null references units(id),
  -- Co-organisers are often outside the platform (居委会, 老年大学, a bank branch): names, not unit ids.
  co_organisers text[] not null default '{}' check (cardinality(co_organisers) <= 10),
  kind          text not null constraint publicity_activities_kind_known check (kind in
    ('lecture', 'campaign_day', 'community_visit', 'door_to_door', 'letter', 'new_media', 'short_video', 'sms', 'tv_radio',
     'banner_poster', 'performance', 'training', 'other')),
  title         text not null check (char_length(title) between 2 and 100),
  place         text check (char_length(place) <= 100),
  -- Beijing dates; a one-day activity has start = end. It belongs to the period of its start date.
  start_date    date not null,
  end_date      date not null,
  materials_distributed int not null default 0 check (materials_distributed >= 0),
  banners               int not null default 0 check (banners >= 0),
  posters               int not null default 0 check (posters >= 0),
  people_reached        int not null default 0 check (people_reached >= 0),
  households_visited    int not null default 0 check (households_visited >= 0),
  media_posts           int not null default 0 check (media_posts >= 0),
  videos_made           int not null default 0 check (videos_made >= 0),
  sms_sent              int not null default 0 check (sms_sent >= 0),
  note          text check (char_length(note) <= 1000),
  -- Imported rows: the import and a hash of the row's content, so the same file imported twice adds nothing.
  import_id     bigint references publicity_imports(id),
  fingerprint   text check (fingerprint ~ '^[0-9a-f]{64}$'),
  created_by    bigint not null references users(id),
  created_at    timestamptz not null default now(),
  updated_by    bigint references users(id),
  updated_at    timestamptz,
  check (start_date <= end_date and end_date - start_date <= 366)
);
-- Jurisdiction (a region-code prefix) and the period, for lists and the period's sums.
create index publicity_activities_region_idx on publicity_activities (region_code text_pattern_ops, start_date);
create index publicity_activities_start_idx on publicity_activities (start_date, id);
create index publicity_activities_unit_idx on publicity_activities (unit_id, id);
create unique index publicity_activities_fingerprint_idx on publicity_activities (unit_id, fingerprint) where fingerprint is not null;

-- Photos of an activity are uploads like tip evidence (encrypted, backed up, swept when orphaned),
-- attached to an activity instead of a tip. "Unattached" (quota, stale sweep) now means neither.
alter table uploads add column activity_id bigint references publicity_activities(id);
alter table uploads add constraint uploads_one_owner check (tip_id is null or activity_id is null);
create index uploads_activity_idx on uploads (activity_id) where activity_id is not null;
drop index uploads_pending_idx;
create index uploads_pending_idx on uploads (id) include (size_bytes) where tip_id is null and activity_id is null;
