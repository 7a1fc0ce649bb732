-- One source of truth for penalties (issue 9): the enforcement records. Until now a penalty could be
-- recorded on a hazard (hazards.fine_yuan, penalty_note, penalized_at; 0007, 0015) and again as a
-- 行政处罚决定书 in enforcement_records (0016), and the ledger and the enforcement figures each
-- counted their own. A hazard's penalty is now an enforcement record naming the hazard; the ledger
-- reads its 罚没金额 from there. Penalties kept only on hazards become records here (one per hazard,
-- unless that hazard already has a penalty decision), dated the day they were recorded, and the
-- hazard's own columns go, so that nothing can count them a second time.
insert into enforcement_records (kind, doc_no, unit_id, subject_id, hazard_id, issued_on, fine_fen, summary, created_by, created_at)
select 'penalty_decision', '隐患处罚-' || h.id, h.unit_id, h.subject_id, h.id,
       (coalesce(h.penalized_at, h.created_at) at time zone 'Asia/Shanghai')::date,
       round(h.fine_yuan * 100)::bigint, coalesce(nullif(h.penalty_note, ''), '隐患整改中记录的行政处罚'), h.created_by, coalesce(h.penalized_at, h.created_at)
  from hazards h
 where h.fine_yuan is not null
   and not exists (select 1 from enforcement_records e where e.hazard_id = h.id and e.kind = 'penalty_decision');

alter table hazards drop column fine_yuan, drop column penalty_note, drop column penalized_at;

create index enforcement_records_hazard_idx on enforcement_records (hazard_id) where hazard_id is not null;
