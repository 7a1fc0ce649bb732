import type { FraudType } from '../../shared/domain.ts';

/** The six kinds of elderly fraud in plain words, each with one example, for the portal. */
export const KINDS: { code: FraudType; title: string; plain: string; example: string }[] = [
  { code: 'elderly_service', title: '养老服务骗局', plain: '让老人预交会员费、床位费、押金，说能享受养老服务，钱交了服务却没有。', example: '“交3万元订床位，养老院明年开业优先入住。”结果养老院根本不存在。' },
  { code: 'elderly_project', title: '养老项目投资骗局', plain: '以投资养老院、康养基地、养老公寓为名，承诺高额回报、保本保息。', example: '“投10万元，每年返利18%，三年翻倍。”过几个月公司人去楼空。' },
  { code: 'elderly_product', title: '保健品、理疗仪骗局', plain: '用免费讲座、免费体检、送鸡蛋礼品吸引老人，再高价卖保健品或仪器，说能治病。', example: '“这个理疗床包治百病，原价5万，今天只要2万。”' },
  { code: 'house_for_pension', title: '“以房养老”骗局', plain: '劝老人把房子抵押出去，把钱投进所谓的理财产品，最后房子没了。', example: '“房子抵押给我们，每月给您发养老金。”几个月后返利停了，房子被拍卖。' },
  { code: 'pension_insurance', title: '代办养老保险骗局', plain: '冒充社保工作人员，说能“内部办理”补缴社保、提高养老金，收取手续费。', example: '“交5000元手续费，帮您补缴养老保险，每月多领800元。”' },
  { code: 'elderly_assistance', title: '“养老帮扶”骗局', plain: '打着政府补贴、慈善帮扶的名义，收取工本费、保证金，或骗取身份证和银行卡信息。', example: '“政府发养老补贴，先交200元工本费，再把银行卡号告诉我。”' },
];

export const STATUS_WORDS: Record<string, string> = {
  submitted: '已提交，等待受理',
  accepted: '已受理，正在安排核查',
  rejected: '不予受理（请看答复）',
  merged: '已与相关举报合并办理',
  dispatched: '已交有关部门核查',
  in_progress: '有关部门正在核查',
  reported: '核查结果正在审核',
  closed: '已办结（请看答复）',
};
