-- Fast at national scale, phase 2 (issue 7): indexes for the branches of visibility.
-- A unit's ended assignments (a re-examination ends them): with tip_assignments_live_idx they are
-- all the assignments an open tip can have, so a unit's overdue and due-soon counts read these two
-- small sets instead of its whole history (jurisdiction.ts, assignedTipsSql).
create index tip_assignments_ended_idx on tip_assignments (unit_id, tip_id) where not active;
-- An office's queue outside its own subtree (the list's "in my queue" branch; nearly always empty):
-- two short ranges on this index instead of every tip the office ever received.
create index tips_office_region_idx on tips (office_unit_id, region_code text_pattern_ops);
