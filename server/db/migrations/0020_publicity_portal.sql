-- Publicity, the rest of issue 10: ads and online monitoring rounds (广告监测), public knowledge and
-- warnings for the portal with a second person's review (防骗知识/预警), and each campaign office's
-- published reporting channels (举报方式公告).

-- One monitoring round of a market-regulation or cyberspace unit (or an office): where and when it
-- looked, on which media, and what came of it. ads_monitored and ads_cleaned are indicators.md keys.
create table ads_monitoring_rounds (
  id                 bigint generated always as identity primary key,
  region_code        text not null references regions(code),
  -- The unit that ran the round (the unit of whoever recorded it): the only one that may correct it.
  unit_id            bigint not null references units(id),
  title              text not null check (char_length(title) between 2 and 100),
  media              text[] not null constraint ads_monitoring_rounds_media_known check (media <@ array[
    'outdoor', 'print', 'broadcast', 'website', 'social_media', 'short_video', 'other']::text[]),
  -- Beijing dates; a round belongs to the period of its start date, like an activity.
  start_date         date not null,
  end_date           date not null,
  ads_monitored      int not null default 0 check (ads_monitored >= 0),
  illegal_ads_found  int not null default 0 check (illegal_ads_found >= 0),
  ads_cleaned        int not null default 0 check (ads_cleaned >= 0),
  accounts_closed    int not null default 0 check (accounts_closed >= 0),
  cases_transferred  int not null default 0 check (cases_transferred >= 0),
  note               text check (char_length(note) <= 1000),
  created_by         bigint not null references users(id),
  created_at         timestamptz not null default now(),
  updated_by         bigint references users(id),
  updated_at         timestamptz,
  check (cardinality(media) between 1 and 7),
  check (illegal_ads_found <= ads_monitored),
  check (start_date <= end_date and end_date - start_date <= 366)
);
create index ads_monitoring_rounds_region_idx on ads_monitoring_rounds (region_code text_pattern_ops, start_date);
create index ads_monitoring_rounds_unit_idx on ads_monitoring_rounds (unit_id, id);

-- An article for the portal: written by an office for a region (its subtree's visitors see it),
-- published only after someone who did not write it approves it.
create table public_articles (
  id            bigint generated always as identity primary key,
  kind          text not null constraint public_articles_kind_known check (kind in ('knowledge', 'warning')),
  -- The scope: visitors who pick this region or one inside it see the article.
  region_code   text not null references regions(code),
  unit_id       bigint not null references units(id),
  fraud_type    text constraint public_articles_fraud_type_known check (fraud_type in
    ('elderly_service', 'elderly_project', 'elderly_product', 'house_for_pension', 'pension_insurance', 'elderly_assistance')),
  title         text not null check (char_length(title) between 4 and 60),
  summary       text not null check (char_length(summary) between 4 and 200),
  body          text not null check (char_length(body) between 10 and 20000),
  -- A warning is about now: after this Beijing date the portal stops showing it.
  expires_on    date,
  status        text not null default 'draft' constraint public_articles_status_known check (status in ('draft', 'pending', 'published', 'withdrawn')),
  -- Everyone who wrote its current text since it was last approved: none of them may approve it.
  editors       bigint[] not null default '{}',
  review_note   text check (char_length(review_note) <= 500),
  submitted_at  timestamptz,
  reviewed_by   bigint references users(id),
  reviewed_at   timestamptz,
  published_at  timestamptz,
  created_by    bigint not null references users(id),
  created_at    timestamptz not null default now(),
  updated_by    bigint references users(id),
  updated_at    timestamptz,
  -- The four-eyes rule, kept by the database as well as the service.
  constraint public_articles_four_eyes check (status <> 'published' or (published_at is not null and reviewed_by is not null and not (reviewed_by = any(editors))))
);
create index public_articles_region_idx on public_articles (region_code text_pattern_ops, id);
create index public_articles_published_idx on public_articles (region_code, published_at desc) where status = 'published';

-- A campaign office's published reporting channels (one row per office; its region is the office's).
create table reporting_channels (
  unit_id     bigint primary key references units(id),
  hotline     text not null check (hotline ~ '^[0-9][0-9-]{2,19}$'),
  address     text check (char_length(address) <= 200),
  email       text check (char_length(email) <= 100),
  hours       text check (char_length(hours) <= 100),
  note        text check (char_length(note) <= 300),
  published   boolean not null default false,
  updated_by  bigint not null references users(id),
  updated_at  timestamptz not null default now()
);
