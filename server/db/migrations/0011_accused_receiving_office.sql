-- Tips received by an office they accuse (possible before intake skipped accused offices) move to
-- the nearest campaign office above it that they do not accuse, with an internal timeline event and
-- an audit row, so they reach a 待受理 list and the accused office stops receiving their notices.
create temporary table accused_moves on commit drop as
  select t.id as tip_id, t.office_unit_id as from_unit, (
      select o.id from units o
      where o.kind = 'campaign_office' and length(o.region_code) < length(cur.region_code)
        and cur.region_code like o.region_code || '%' and not (o.id = any(t.accused_unit_ids))
      order by length(o.region_code) desc, o.id limit 1) as to_unit
  from tips t join units cur on cur.id = t.office_unit_id
  where t.office_unit_id = any(t.accused_unit_ids);

delete from accused_moves where to_unit is null;

update tips t set office_unit_id = m.to_unit, updated_at = now() from accused_moves m where t.id = m.tip_id;

insert into tip_events (tip_id, kind, text, public, unit_id, data)
  select m.tip_id, 'transferred', '线索反映对象涉及原受理单位，移交' || u.name || '受理办理', false, m.to_unit,
         jsonb_build_object('fromUnitId', m.from_unit, 'toUnitId', m.to_unit, 'reason', 'accused')
  from accused_moves m join units u on u.id = m.to_unit;

insert into audit_log (actor_name, action, entity, entity_id, detail)
  select 'system', 'tip.transferred', 'tip', m.tip_id::text,
         jsonb_build_object('fromUnitId', m.from_unit, 'toUnitId', m.to_unit, 'reason', 'accused', 'by', 'migration 0011')
  from accused_moves m;

delete from notifications n using tips t, users u
  where n.tip_id = t.id and u.id = n.user_id and u.unit_id = any(t.accused_unit_ids);
