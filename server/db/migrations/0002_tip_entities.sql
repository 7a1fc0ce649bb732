-- Entities named by tips (companies, credit codes, phones, bank cards, addresses), normalised, so
-- that tips naming the same one are found by an index lookup, never a scan.
create table tip_entities (
  kind       text not null,
  normalized text not null,
  tip_id     bigint not null references tips(id),
  primary key (kind, normalized, tip_id)
);
create index tip_entities_tip_idx on tip_entities (tip_id);
