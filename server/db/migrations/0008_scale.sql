-- Fast at national scale (issue 7): what the workbench, the tip list and the jobs need to reach
-- tips by index instead of scanning every visible tip.

-- The unit that must act now on a tip and the office that dispatched to it: the deepest (latest)
-- active lead assignment, null when there is none. Kept by a trigger on tip_assignments, so no code
-- path can forget it; it is the same answer as currentLead() in tips.policy.ts.
alter table tips
  add column lead_unit_id bigint references units(id),
  add column lead_dispatcher_unit_id bigint references units(id);

create function tips_follow_lead() returns trigger language plpgsql as $$
declare
  tip bigint := case when tg_op = 'DELETE' then old.tip_id else new.tip_id end;
  lead bigint;
  dispatcher bigint;
begin
  select a.unit_id, a.dispatched_by_unit_id into lead, dispatcher
  from tip_assignments a where a.tip_id = tip and a.active and a.role = 'lead' order by a.id desc limit 1;
  update tips set lead_unit_id = lead, lead_dispatcher_unit_id = dispatcher
  where id = tip and (lead_unit_id, lead_dispatcher_unit_id) is distinct from (lead, dispatcher);
  return null;
end $$;
-- Status changes (signed, reported, returned, closed) do not move the lead: only these columns do.
create trigger tip_assignments_lead after insert or delete or update of tip_id, unit_id, role, active, dispatched_by_unit_id
  on tip_assignments for each row execute function tips_follow_lead();

update tips t set lead_unit_id = l.unit_id, lead_dispatcher_unit_id = l.dispatched_by_unit_id
from (select distinct on (tip_id) tip_id, unit_id, dispatched_by_unit_id from tip_assignments
      where active and role = 'lead' order by tip_id, id desc) l
where l.tip_id = t.id;

-- One index per kind of access, so each branch of "visible to me" and each to-do count is a range
-- scan: the unit leading (待签收 / 办理中), the office reviewing (待审核), the receiving office's queue
-- in list order, and the units a tip was ever dispatched to.
create index tips_lead_unit_idx on tips (lead_unit_id, status);
create index tips_lead_dispatcher_idx on tips (lead_dispatcher_unit_id, status);
create index tips_office_received_idx on tips (office_unit_id, received_at desc, id desc);
-- Open deadlines by region subtree: overdue and due-soon counts touch only the few open tips, from
-- the index alone (the accused units ride along, for the "never to the accused" filter).
create index tips_open_deadline_idx on tips (region_code text_pattern_ops, deadline_at) include (accused_unit_ids)
  where status in ('dispatched', 'in_progress');
create index tip_assignments_unit_tip_idx on tip_assignments (unit_id, tip_id);
-- Assignments on live tips (closing marks them closed, a re-examination ends them): a unit's open work.
create index tip_assignments_live_idx on tip_assignments (unit_id, tip_id) where active and status <> 'closed';

-- A member unit sees tips only through its assignments: its list page, newest tip first, is read
-- from the assignments in that order. The copy of the tip's received_at is kept by triggers both ways
-- (the demo seed backdates tips after dispatching them).
alter table tip_assignments add column tip_received_at timestamptz;
create function tip_assignments_received_at() returns trigger language plpgsql as $$
begin
  new.tip_received_at := (select received_at from tips where id = new.tip_id);
  return new;
end $$;
create trigger tip_assignments_received_at before insert or update of tip_id on tip_assignments
  for each row execute function tip_assignments_received_at();
create function tips_received_at_to_assignments() returns trigger language plpgsql as $$
begin
  update tip_assignments set tip_received_at = new.received_at where tip_id = new.id;
  return null;
end $$;
create trigger tips_received_at after update of received_at on tips
  for each row when (old.received_at is distinct from new.received_at) execute function tips_received_at_to_assignments();
update tip_assignments a set tip_received_at = t.received_at from tips t where t.id = a.tip_id;
alter table tip_assignments alter column tip_received_at set not null;
create index tip_assignments_unit_received_idx on tip_assignments (unit_id, tip_received_at desc, tip_id desc);
-- Superseded by (unit_id, tip_id): nothing filters assignments by unit and active alone.
drop index tip_assignments_unit_idx;

-- Where each periodic job got to (the deadline and cluster sweeps look only at what changed since).
create table job_state (
  name       text primary key,
  watermark  timestamptz not null,
  updated_at timestamptz not null default now()
);

-- Retention deletes idempotency keys older than 7 days by this (one row per public submission).
create index idempotency_keys_created_idx on idempotency_keys (created_at);
-- The deadline job finds open tips changed since its last run (a result returned after the deadline).
create index tips_open_updated_idx on tips (updated_at) where status in ('dispatched', 'in_progress');
