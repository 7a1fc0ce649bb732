-- Rectification evidence and penalties on the hazard ledger (issue 8, item 11).
-- Files attached to a hazard (photos of the fix, 整改报告, 处罚决定书) are uploads like a tip's
-- evidence: the same checks, encryption and quota, attached by naming their ids in an action. A file
-- belongs to one record at most; one attached to neither is "pending" (quota, stale cleanup).
alter table uploads add column hazard_id bigint references hazards(id);
alter table uploads add constraint uploads_one_owner check (tip_id is null or hazard_id is null);
create index uploads_hazard_idx on uploads (hazard_id) where hazard_id is not null;
drop index uploads_pending_idx;
create index uploads_pending_idx on uploads (id) include (size_bytes) where tip_id is null and hazard_id is null;

-- A penalty (行政处罚) recorded on a hazard: the amount goes to fine_yuan (the ledger's 罚没金额),
-- with what it was for and when, so the period's admin_penalties and penalty_amount_yuan can be counted.
alter table hazards add column penalty_note text, add column penalized_at timestamptz;
update hazards set penalized_at = created_at where fine_yuan is not null;
