import type { Db } from '../client.ts';
import { loadUser, type SessionUser } from '../../modules/auth/auth.service.ts';
import { approveFigure, reportFigures, returnFigure } from '../../modules/figures/figures.service.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { DemoStructure } from './seed.ts';

/**
 * Reported figures of last month through their review (issue 11 item 2), by the real services:
 * 龙口市公安局 reports, 龙口市's office approves; 龙口市's office reports, 烟台市's approves; 芝罘区's
 * figure is returned with a reason; and one figure of each kind waits in a queue (待审核), for
 * 龙口市's office (from its market regulator) and for 烟台市's (from 龙口市's office).
 */
export async function seedDemoFigures(db: Db, s: DemoStructure): Promise<number> {
  const as = async (username: string) => (await loadUser(db, s.users.get(username)!)) as SessionUser;
  const [police, market, lk, lkLead, zf, ytLead] = await Promise.all(['lk_police', 'lk_market_regulation', 'lk_intake', 'lk_lead', 'zf_intake', 'yt_lead'].map(as));
  const today = chinaToday();
  const monthStart = `${today.slice(0, 7)}-01`;
  const last = new Date(`${monthStart}T00:00:00Z`);
  last.setUTCDate(0);
  const period = { periodStart: `${last.toISOString().slice(0, 7)}-01`, periodEnd: last.toISOString().slice(0, 10), source: 'form' as const };
  const f = (indicator: 'meetings' | 'elderly_devices' | 'tips_received' | 'beds', value: number, unit: string, note?: string) => ({ indicator, value, unit, approx: false, note: note ?? null });

  const fromPolice = await reportFigures(db, police, { ...period, figures: [f('meetings', 6, '次', '反诈宣传专题会议'), f('elderly_devices', 120, '台', '为老年人手机安装国家反诈中心 App'), f('tips_received', 35, '条', '110 接报涉养老诈骗警情')] });
  for (const id of fromPolice) await approveFigure(db, lkLead, id);
  const [office] = await reportFigures(db, lk, { ...period, figures: [f('meetings', 4, '次', '专项办联席会议')] });
  await approveFigure(db, ytLead, office);
  const [zfBeds] = await reportFigures(db, zf, { ...period, figures: [f('beds', 2000, '张')] });
  await returnFigure(db, ytLead, zfBeds, '床位数与民政部门登记不一致，请核实后重报');
  await reportFigures(db, market, { ...period, figures: [f('meetings', 3, '次', '养老服务机构预付费专项约谈')] });
  await reportFigures(db, lk, { ...period, figures: [f('elderly_devices', 300, '台')] });
  return fromPolice.length + 5;
}
