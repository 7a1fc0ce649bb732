-- A unit's ended assignments (a re-examination ends them): with tip_assignments_live_idx they are
-- all the assignments an open tip can have, so a unit's overdue and due-soon counts read these two
-- small sets instead of its whole history (jurisdiction.ts, assignedTipsSql).
create index tip_assignments_ended_idx on tip_assignments (unit_id, tip_id) where not active;
