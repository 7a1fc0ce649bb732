import type { Db } from '../client.ts';
import { loadUser, type SessionUser } from '../../modules/auth/auth.service.ts';
import { generateReport, sendUrgent, signOffReport } from '../../modules/reports/reports.service.ts';
import { reportBody, urgentBody } from '../../modules/reports/reports.schemas.ts';
import { chinaToday } from '../../../shared/time.ts';
import type { DemoStructure } from './seed.ts';

/**
 * The demo province's work reports (issue 11), through the real services: two 总结周报 of the last
 * two whole weeks and a 阶段工作总结 of the last quarter, each generated from the figures of the demo
 * data by 山东省's office and signed off by its lead; and a 要情随报 from 龙口市 to 烟台市, which appears
 * in 烟台市's daily report of today.
 */
export async function seedDemoReports(db: Db, s: DemoStructure): Promise<number> {
  const as = async (username: string) => (await loadUser(db, s.users.get(username)!)) as SessionUser;
  const [lead, intake, county] = [await as('sd_lead'), await as('sd_intake'), await as('lk_intake')];
  const day = (ago: number) => chinaToday(Date.now() - ago * 86400_000);
  const reports = [
    { kind: 'weekly', regionCode: '37', from: day(14) },
    { kind: 'weekly', regionCode: '37', from: day(7) },
    { kind: 'stage', regionCode: '37', from: day(90), to: day(1) },
  ];
  for (const body of reports) {
    const { id } = await generateReport(db, intake, reportBody.parse(body));
    await signOffReport(db, lead, id);
  }
  await sendUrgent(db, county, urgentBody.parse({
    regionCode: '370681001', occurredOn: day(0), title: '东莱街道一养生馆收取老人预付费后突然关门',
    description: '今日上午，东莱街道某养生馆关门停业，约四十名老年会员预付的理疗费、会员费无法退还，部分老人聚集在门店前。',
    amountFen: 86_000_000, victims: 42, measures: '公安机关已立案侦查并控制负责人；街道、市场监管部门到场疏导，逐一登记受害老人信息。',
  }));
  return reports.length;
}
