import { sql, type Db } from '../client.ts';
import { loadUser, type SessionUser } from '../../modules/auth/auth.service.ts';
import { recordHazard } from '../../modules/screening/screening.service.ts';
import { registerSubject } from '../../modules/subjects/subjects.service.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { DemoStructure } from './seed.ts';

/**
 * Hazards recorded without an inspection (issue 13 item 4), through the real service: one from a
 * complaint about an unregistered care place in 芝罘区, and one from a demo tip in 龙口市's queue, so
 * the ledger's 来源 column and filter and the official tables have both kinds.
 */
export async function seedDemoHazardSources(db: Db, s: DemoStructure): Promise<void> {
  const as = async (username: string) => (await loadUser(db, s.users.get(username)!)) as SessionUser;
  const inDays = (d: number) => chinaToday(Date.now() + d * 86400_000);
  const zf = await as('zf_intake');
  const place = (await registerSubject(db, zf, { regionCode: '370602', kind: 'unregistered_care_place', name: '芝罘区幸福里托老点' })).id;
  await recordHazard(db, zf, place, {
    description: '未经登记收住老人，并以“床位预订金”名义收取费用', category: 'qualification', serious: true, measure: 'rectification_order',
    deadline: inDays(20), responsible: '经营者 周某', source: { kind: 'complaint', note: '入住老人子女拨打 12345 热线投诉' },
  });
  const lk = await as('lk_intake');
  const [tip] = await db.query<{ tracking_code: string }>(sql`select t.tracking_code from tips t where t.office_unit_id = ${lk.unitId} and t.status <> 'merged' order by t.id limit 1`);
  const [home] = await db.query<{ id: number }>(sql`select id from subjects where name = '龙口市夕阳红颐养院'`);
  if (!tip || !home) return;
  await recordHazard(db, lk, home.id, {
    description: '举报反映以“免费体检”招揽老人推销保健品', category: 'false_ad', serious: false, measure: 'admonition',
    deadline: inDays(10), responsible: '院长 王某', source: { kind: 'tip', trackingCode: tip.tracking_code },
  });
}
