-- Documents a unit attaches to its report (issue 8): an upload attached to a tip may belong to one
-- assignment's report (the lead's or an assisting unit's). Null: evidence from the reporter or from
-- staff intake. The reporter's limit of 10 attachments per tip counts only the null ones.
alter table uploads add column assignment_id bigint references tip_assignments(id);
