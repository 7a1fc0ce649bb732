-- Rectification evidence and penalties on the hazard ledger (issue 8, item 11).
-- Files attached to a hazard (photos of the fix, 整改报告, 处罚决定书) are uploads like a tip's
-- evidence: the same checks, encryption and quota, attached by naming their ids in an action. A file
-- belongs to one record at most; one attached to no record is "unattached" (quota, stale sweep):
-- unattached() in server/modules/uploads/capacity.ts, which every attach also requires.
alter table uploads add column hazard_id bigint references hazards(id);
alter table uploads add constraint uploads_hazard_or_tip check (hazard_id is null or tip_id is null);
create index uploads_hazard_idx on uploads (hazard_id) where hazard_id is not null;
-- uploads_pending_idx (0009, redefined by later migrations) is left as it is: its predicate is implied
-- by "unattached", so the quota's sum still reads it; hazard files it covers are few.

-- A penalty (行政处罚) recorded on a hazard: the amount goes to fine_yuan (the ledger's 罚没金额),
-- with what it was for and when, so the period's admin_penalties and penalty_amount_yuan can be counted.
alter table hazards add column penalty_note text, add column penalized_at timestamptz;
update hazards set penalized_at = created_at where fine_yuan is not null;
