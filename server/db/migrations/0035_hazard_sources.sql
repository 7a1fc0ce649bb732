-- Hazards without an inspection (issue 13 item 4): where each hazard came from. One found at an
-- inspection names it (inspection_id, source 'inspection'); one from a tip names the tip, one from
-- a supervision finding (督导检查) names the finding, one from a complaint (投诉) says whose and how
-- it was received. Rows from before keep 'inspection' (they were recorded on the subject's page
-- after a visit). Deadline and responsible person were already required (0007).
alter table hazards
  add column source            text not null default 'inspection',
  add column source_tip_id     bigint references tips(id),
  add column source_finding_id bigint references supervision_findings(id),
  add column source_note       text,
  add constraint hazards_source_known check (source in ('inspection', 'tip', 'complaint', 'supervision')),
  add constraint hazards_source_refs check (
    (source_tip_id is not null) = (source = 'tip')
    and (source_finding_id is not null) = (source = 'supervision')
    and (source <> 'complaint' or length(btrim(coalesce(source_note, ''))) >= 2)
    and (inspection_id is null or source = 'inspection'));
create index hazards_source_tip_idx on hazards (source_tip_id) where source_tip_id is not null;
create index hazards_source_finding_idx on hazards (source_finding_id) where source_finding_id is not null;
-- The official tables (item 6) count a sector's hazards found in a period per child region.
create index hazards_created_idx on hazards (created_at);
