-- Several server processes on one PostgreSQL (issue 15 item 1): what a process used to count in its
-- own memory is counted here, so a limit holds across all of them.
--
-- Rate limits and guess throttles without Redis: one row per key (a keyed hash of a client's address
-- or of a tracking code, prefixed with what it limits — never an address), counting hits in a fixed
-- window. Unlogged: written on every limited request, worth nothing after a crash (the counts start
-- again), and not sent to replicas. Expired rows are deleted by the retention job.
create unlogged table rate_counters (
  key      text primary key,
  hits     integer not null,
  reset_at timestamptz not null
);
create index rate_counters_reset_idx on rate_counters (reset_at);

-- Whose share of the pending-upload quota an unattached upload counts against (a keyed hash of the
-- client's address or of the staff user, as the rate limits use). Only while it is unattached: the
-- statement that attaches it to a record clears it, so no record keeps it.
alter table uploads add column pending_client text;
create index uploads_pending_client_idx on uploads (pending_client) where pending_client is not null;
create function uploads_clear_pending_client() returns trigger language plpgsql as $$
begin
  if new.tip_id is not null or new.activity_id is not null or new.hazard_id is not null or new.finding_id is not null then
    new.pending_client := null;
  end if;
  return new;
end $$;
create trigger uploads_clear_pending_client before update on uploads
  for each row when (new.pending_client is not null) execute function uploads_clear_pending_client();
