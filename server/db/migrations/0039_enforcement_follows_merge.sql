-- A registry merge (issue 13 item 1) moves a subject's enforcement documents (三书一函, penalties,
-- transfers to the police) to the kept record, as it moves inspections, hazards and case links.
-- Left on the merged record they were lost to every count that reads live subjects only (the
-- official tables, the police's pending transfers, the kept subject's file) while the stats engine
-- still counted them. A document stays a record: its contents are never changed and it is never
-- deleted; the one update allowed is its subject reference, and only to the record the old subject
-- has been merged into (so the move is the merge's, never an edit). The stats trigger of 0022
-- moves its contributions with it (region and sector of the kept record).
create function enforcement_records_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and (to_jsonb(new) - 'subject_id') = (to_jsonb(old) - 'subject_id')
     and new.subject_id is not distinct from (select s.merged_into from subjects s where s.id = old.subject_id) then
    return new;
  end if;
  raise exception '% is append-only', tg_table_name;
end $$;
drop trigger enforcement_records_append_only on enforcement_records;
create trigger enforcement_records_append_only before update or delete on enforcement_records
  for each row execute function enforcement_records_guard();
