-- Foundation: regions, units, staff, sessions, tips and their life, uploads, routing, notifications, audit.
-- Frozen once landed: change the schema with a new numbered file.

create table regions (
  code        text primary key,           -- GB/T 2260 + township codes; a prefix is its ancestry
  name        text not null,
  level       smallint not null check (level between 0 and 4), -- 0 nation (code ''), 1 province, 2 city, 3 county, 4 township
  parent_code text references regions(code)
);
create index regions_parent_idx on regions (parent_code);
create index regions_code_prefix_idx on regions (code text_pattern_ops);

create table units (
  id          bigint generated always as identity primary key,
  region_code text not null references regions(code),
  kind        text not null,
  name        text not null,
  created_at  timestamptz not null default now(),
  unique (region_code, name)
);
create index units_region_idx on units (region_code text_pattern_ops);

create table users (
  id                  bigint generated always as identity primary key,
  username            text not null unique,
  display_name        text not null,
  unit_id             bigint not null references units(id),
  roles               text[] not null,
  password_hash       text not null,
  disabled            boolean not null default false,
  created_at          timestamptz not null default now(),
  password_changed_at timestamptz not null default now(),
  last_login_at       timestamptz
);
create index users_unit_idx on users (unit_id);

-- Lockout is kept per attempted username (keyed hash), existing or not, so that it never tells
-- whether an account exists.
create table login_throttle (
  username_hash text primary key,
  failures      int not null default 0,
  locked_until  timestamptz,
  updated_at    timestamptz not null default now()
);

create table sessions (
  token_hash   text primary key,           -- sha256 of the cookie token; the token itself is never stored
  user_id      bigint not null references users(id),
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table tips (
  id                 bigint generated always as identity primary key,
  tracking_code      text not null unique,
  access_key_hash    text not null,         -- HMAC-SHA256(server key, access key)
  source             text not null,
  status             text not null,
  region_code        text not null references regions(code),
  office_unit_id     bigint not null references units(id), -- the campaign office whose queue received it
  description        text not null,
  fraud_types        text[] not null default '{}',
  subject            jsonb,                 -- {name, uscc, phone, address}: the accused, not the reporter
  accused_unit_ids   bigint[] not null default '{}', -- units named by the tip: never dispatched to
  amount_involved    numeric(18,2),
  victim_count       int,
  occurred_on        date,
  reporter_anonymous boolean not null,
  reporter_enc       text,                  -- AES-256-GCM of the reporter's identity
  search_tsv         tsvector not null,     -- jieba-segmented description + subject
  received_at        timestamptz not null default now(),
  deadline_at        timestamptz,           -- deadline of the current lead assignment
  reported_at        timestamptz,
  closed_at          timestamptz,
  public_answer      text,
  public_answer_at   timestamptz,
  merged_into_id     bigint references tips(id),
  rating_satisfied   boolean,
  rating_comment     text,
  rated_at           timestamptz,
  created_by         bigint references users(id),
  updated_at         timestamptz not null default now()
);
create index tips_region_received_idx on tips (region_code text_pattern_ops, received_at desc, id desc);
create index tips_received_idx on tips (received_at desc, id desc);
create index tips_office_idx on tips (office_unit_id, status);
create index tips_status_deadline_idx on tips (status, deadline_at);
create index tips_search_idx on tips using gin (search_tsv);
create index tips_fraud_types_idx on tips using gin (fraud_types);

-- One row per dispatch: who sent the tip to which unit, as lead or assisting, and what came back.
create table tip_assignments (
  id                    bigint generated always as identity primary key,
  tip_id                bigint not null references tips(id),
  unit_id               bigint not null references units(id),
  role                  text not null check (role in ('lead', 'assist')),
  parent_id             bigint references tip_assignments(id), -- the assignment under which it was re-dispatched
  dispatched_by_unit_id bigint not null references units(id),
  dispatched_by         bigint not null references users(id),
  deadline_at           timestamptz not null,
  instructions          text not null,
  status                text not null,      -- dispatched, signed, forwarded, reported, returned, closed, withdrawn
  active                boolean not null default true,
  signed_at             timestamptz,
  reported_at           timestamptz,
  verdict               text,
  measures              text[],
  summary               text,
  created_at            timestamptz not null default now()
);
create index tip_assignments_tip_idx on tip_assignments (tip_id);
create index tip_assignments_unit_idx on tip_assignments (unit_id, active);

create table tip_events (
  id         bigint generated always as identity primary key,
  tip_id     bigint not null references tips(id),
  at         timestamptz not null default now(),
  kind       text not null,
  actor_id   bigint references users(id),      -- null: the reporter or the system
  unit_id    bigint references units(id),
  public     boolean not null default false,    -- may the reporter read it
  text       text not null,
  data       jsonb
);
create index tip_events_tip_idx on tip_events (tip_id, at, id);

create table uploads (
  id           uuid primary key,                -- random: the only handle the public gets
  tip_id       bigint references tips(id),
  mime         text not null,
  size_bytes   int not null,
  storage_name text not null unique,
  created_at   timestamptz not null default now()
);
create index uploads_tip_idx on uploads (tip_id);

-- Replays of a public submission: the first response, encrypted (it holds the access key).
create table idempotency_keys (
  key_hash      text primary key,
  request_hash  text not null,
  response_enc  text not null,
  created_at    timestamptz not null default now()
);

-- Which unit kind should lead on a fraud type in a region subtree ('' = everywhere); most specific wins.
create table routing_rules (
  id                  bigint generated always as identity primary key,
  region_prefix       text not null default '',
  fraud_type          text not null,
  lead_kind           text not null,
  assist_kinds        text[] not null default '{}',
  updated_by          bigint references users(id),
  updated_at          timestamptz not null default now(),
  unique (region_prefix, fraud_type)
);
create table routing_rule_history (
  id          bigint generated always as identity primary key,
  rule_id     bigint not null,
  op          text not null,                -- create, update, delete
  data        jsonb not null,
  changed_by  bigint references users(id),
  changed_at  timestamptz not null default now()
);

create table notifications (
  id         bigint generated always as identity primary key,
  user_id    bigint not null references users(id),
  kind       text not null,
  tip_id     bigint references tips(id),
  text       text not null,
  dedupe_key text not null,                  -- one notification per (user, kind, tip, key): no floods
  created_at timestamptz not null default now(),
  read_at    timestamptz,
  unique (user_id, kind, tip_id, dedupe_key)
);
create index notifications_user_idx on notifications (user_id, created_at desc);

create table audit_log (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  actor_id    bigint,
  actor_name  text,
  action      text not null,
  entity      text not null,
  entity_id   text,
  detail      jsonb
);
create index audit_entity_idx on audit_log (entity, entity_id, at);

-- Append-only: the application never updates or deletes audit rows, and the database refuses to.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
