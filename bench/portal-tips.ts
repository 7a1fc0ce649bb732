/**
 * The public reports the intake benchmarks send: four fraud types, named and anonymous reporters, as
 * the portal's form posts them (bench/intake, bench/cluster).
 */
export const DESCRIPTIONS = [
  '有人在小区门口开免费讲座推销保健品，说能治高血压糖尿病，我母亲花了两万多元买了一堆，吃了没有任何效果。',
  '某养老服务公司让老人预交床位费三万元，说养老院明年开业优先入住，现在电话打不通，门店也关了。',
  '有公司以投资养老公寓为名吸收老人资金，承诺年化收益百分之十八，保本保息，现在停止返利人去楼空。',
  '有人自称社保局工作人员，说可以代办补缴养老保险，一次性收取手续费五千元，收钱后联系不上。',
];
export const bodies = DESCRIPTIONS.map((d, i) =>
  JSON.stringify({
    regionCode: ['370681001', '370681002', '3706', '370602001'][i],
    description: d,
    fraudTypes: [['elderly_product'], ['elderly_service'], ['elderly_project'], ['pension_insurance']][i],
    subject: { name: ['福寿康养老服务有限公司', '金色年华健康管理有限公司', '鑫泰财富投资有限公司', undefined][i], phone: '13912345678' },
    amountInvolved: 20000 + i * 1000,
    reporter: i % 2 ? { anonymous: true } : { anonymous: false, name: '王建国', phone: '13812345678' },
  }),
);
