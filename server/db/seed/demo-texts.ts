import type { FraudType } from '../../../shared/domain.ts';

/**
 * Hand-written templates for demo tips, one set per fraud type, modelled on the patterns in
 * shared/docs/domain.md. Every name, company and number in them is invented.
 */
export const COMPANIES = [
  '福寿康养老服务有限公司', '金色年华健康管理有限公司', '夕阳红康养产业发展有限公司', '松鹤颐养投资管理有限公司',
  '长青生物科技有限公司', '百岁康健康咨询有限公司', '安康养老产业集团', '仁和颐年养老公寓',
  '鑫泰财富投资有限公司', '乐龄之家文化传播有限公司', '御康堂保健品经营部', '银龄互助服务中心',
];
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马'];
export const STREETS = ['振华街', '东风路', '港城大街', '南山路', '府前路', '海岱路', '新嘉街', '东莱街'];

export const TEMPLATES: Record<FraudType, string[]> = {
  elderly_service: [
    '我母亲今年{age}岁，上个月在{company}交了{amount}元“床位预订费”，说养老院明年开业可以优先入住，现在对方电话打不通，地址{street}{no}号的门店也关了。',
    '{company}在小区门口推销养老服务会员卡，说交{amount}元办卡就能终身免费享受上门护理，已经有十几位老人办了卡，现在服务根本没有兑现。',
    '我父亲在{company}办了预付费养老服务卡，充值{amount}元，现在机构负责人失联，卡里的钱退不出来，同小区还有{victims}位老人受骗。',
  ],
  elderly_project: [
    '{company}以投资“康养基地”为名，承诺年化收益18%，保本保息，我爷爷投了{amount}元，现在利息停发，公司人去楼空。',
    '有人以认购“养老公寓产权”为名吸收老人资金，{company}每月组织老人参观项目、吃饭送礼，宣称限时优惠，涉及老人约{victims}人。',
    '{company}在{street}设点，动员老人购买“养老项目股权”，称三年翻倍，我母亲已投入{amount}元，现在无法赎回。',
  ],
  elderly_product: [
    '{company}天天在{street}{no}号开免费讲座，送鸡蛋送礼品，然后推销保健品，说能治高血压糖尿病，我父亲花了{amount}元买了一堆。',
    '有人冒充协和医院专家搞“免费体检”，说我母亲有严重心脏病，必须买他们{amount}元一疗程的“特效药”，还叮嘱不要告诉子女。',
    '{company}卖所谓“量子理疗床”，宣称包治百病，价格{amount}元，我们小区已有{victims}位老人购买，使用后没有任何效果。',
  ],
  house_for_pension: [
    '有人以“以房养老”为名，让我父亲把房子抵押出去，说每月能拿高额养老金，结果钱被投进了{company}的理财产品，现在房子可能保不住了。',
    '{company}的业务员劝我母亲办理房产抵押借款{amount}元，购买他们的“养老理财”，承诺每月返利，现在已停止返利，房子被债权人起诉。',
  ],
  pension_insurance: [
    '有人自称社保局工作人员，说可以帮忙代缴养老保险、补缴社保，一次性收取{amount}元“手续费”，收钱后联系不上，我村有{victims}位老人交了钱。',
    '{company}声称能“内部办理”提高养老金待遇，收取每人{amount}元办理费，至今没有任何办理结果，对方电话已停机。',
  ],
  elderly_assistance: [
    '有人打着政府“养老帮扶”旗号，到村里登记老人身份证和银行卡信息，说能领取补贴，要先交{amount}元“工本费”，登记了{victims}人。',
    '{company}以“爱心帮扶”为名组织老人免费旅游，途中强制购物，我母亲被诱导花了{amount}元买玉器，明显以次充好。',
    '自称“慈善基金会”的人给老人打电话，说可以领取帮扶金，需先缴纳{amount}元保证金，我姑姑已经转账。',
  ],
};

export const ANSWERS = {
  true: '经核查，您反映的问题基本属实。有关部门已依法立案侦查，并对涉事机构责令停业整改。感谢您的举报，如有新的线索请继续反映。',
  partly_true: '经核查，您反映的问题部分属实。有关部门已对涉事经营者进行约谈并责令整改，发布了风险提示。感谢您的监督。',
  untrue: '经核查，您反映的机构证照齐全，未发现违法违规经营行为。我们将持续关注。感谢您的关心与支持。',
  unverifiable: '经核查，因线索信息不足，暂无法核实。如您掌握更多情况，请通过查询页面补充提供，我们将继续核查。',
} as const;
