-- The fingerprint of the server secret the data was written with (HMAC of a constant, the same value
-- backups carry as keyCheck). A start with another secret is refused instead of writing data that
-- can never be read back together with the old. One row at most.
create table key_fingerprint (
  id          boolean primary key default true check (id),
  fingerprint text not null,
  created_at  timestamptz not null default now()
);

-- Uploads waiting for their report count against a quota on every upload: sum them from an index.
create index uploads_pending_idx on uploads (id) include (size_bytes) where tip_id is null;
