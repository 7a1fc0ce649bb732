-- supervision_rounds joins the indicator engine (0022) now that its strand exists (0027): a round
-- counts once, on its start date, in the region of the supervising unit (docs/indicators.md,
-- "Supervision"), with the supervising unit as its 'unit' dimension.
create function stats_c_supervision_round(r supervision_rounds)
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language sql immutable strict as $$
  select r.region_code, r.start_date, 'supervision_rounds', d.dim, d.dim_value, 1::bigint
  from (values ('', ''), ('unit', r.supervising_unit_id::text)) d(dim, dim_value)
$$;

create or replace function stats_contributions()
returns table (region_code text, day date, indicator text, dim text, dim_value text, value bigint)
language plpgsql stable as $$
begin
  return query select c.* from tips t cross join lateral stats_c_tip(t) c;
  return query select c.* from case_stages s join criminal_cases k on k.id = s.case_id
    cross join lateral stats_c_case_stage(s, k.region_code, k.fraud_types) c;
  return query select c.* from case_figures f join criminal_cases k on k.id = f.case_id
    cross join lateral stats_c_case_figure(f, k.region_code, k.fraud_types, 1) c
   where not exists (select 1 from case_figures x where x.corrects_id = f.id);
  return query select c.* from inspections i join subjects s on s.id = i.subject_id cross join lateral stats_c_inspection(i, s.region_code, s.kind) c;
  return query select c.* from hazards h join subjects s on s.id = h.subject_id cross join lateral stats_c_hazard(h, s.region_code, s.kind) c;
  return query select c.* from enforcement_records e join subjects s on s.id = e.subject_id cross join lateral stats_c_enforcement(e, s.region_code, s.kind) c;
  return query select c.* from publicity_activities a cross join lateral stats_c_activity(a) c;
  return query select c.* from ads_monitoring_rounds m cross join lateral stats_c_monitoring(m) c;
  return query select c.* from subjects s cross join lateral stats_c_subject(s) c;
  return query select c.* from supervision_rounds r cross join lateral stats_c_supervision_round(r) c;
end $$;

create function stats_supervision_rounds_changed() returns trigger language plpgsql as $$
begin
  insert into stats_delta (region_code, day, indicator, dim, dim_value, value)
  select x.region_code, x.day, x.indicator, x.dim, x.dim_value, sum(x.v)
    from (select c.region_code, c.day, c.indicator, c.dim, c.dim_value, -c.value as v from stats_c_supervision_round(old) c
          union all select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value from stats_c_supervision_round(new) c) x
   group by 1, 2, 3, 4, 5 having sum(x.v) <> 0;
  return null;
end $$;
create trigger supervision_rounds_stats after insert or update or delete on supervision_rounds
  for each row execute function stats_supervision_rounds_changed();

-- The rounds that exist already: appended to the delta like any new record (no full rebuild).
insert into stats_delta (region_code, day, indicator, dim, dim_value, value)
select c.region_code, c.day, c.indicator, c.dim, c.dim_value, c.value
  from supervision_rounds r cross join lateral stats_c_supervision_round(r) c;
