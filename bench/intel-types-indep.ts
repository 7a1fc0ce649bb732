/**
 * Session 16 (2026-12-01): an INDEPENDENT constructed set for the six fraud types — CONSTRUCTED, written by hand on
 * 2026-12-01 by a helper who had read only the labelling guide in docs/intel.md ("Labelling guide (cases and scam
 * messages)", the type decisions recorded with the collections) and the DEV cases — never verdict.ts, lexicon.ts or
 * intel.detection.test.ts before writing it. Not data: no text here is real, none may enter data/real or training.
 *
 * 120 case descriptions, 20 per type, in the voices of a procuratorate or court typical case, a police warning, a news
 * report and a victim's relative. Each carries its type by the guide; `boundary` names the guide decision the item
 * tests (services sold as prepaid cards or treatment courses vs goods; 养老项目 returns vs 养老服务 deposits;
 * collectibles with and without a promised resale; 补贴 as a return; 以房养老 vs other loans; 代办/补缴 and fake pension
 * certification; fake subsidies vs fake charity; 旅居/候鸟式养老; 助餐; 适老化改造). `doubt` marks a label a second
 * reader could dispute.
 *
 *   npx tsx bench/intel-types-indep.ts [--list]   type accuracy per type and the confusion matrix, rules + shipped model
 *                                                and rules alone; --list prints every wrong item
 */
import { judge } from '../server/modules/intel/verdict.ts';
import { loadModel } from '../server/modules/intel/model.ts';

export type SixType = 'elderly_service' | 'elderly_project' | 'elderly_product' | 'house_for_pension' | 'pension_insurance' | 'elderly_assistance';
export type Voice = 'court' | 'procuratorate' | 'police' | 'news' | 'relative';
export interface ConstructedCase { id: string; type: SixType; voice: Voice; boundary?: string; doubt?: string; text: string }

/** Constructed case descriptions (session 16, 2026-12-01). CONSTRUCTED — not real, never data. */
export const CONSTRUCTED_TYPE_CASES: readonly ConstructedCase[] = [
  // ── 养老服务 elderly_service: money paid for future care, no return beyond discounts or the deposit refunded ──
  { id: 't001', type: 'elderly_service', voice: 'court', boundary: 'deposit with a discount, refund of the balance', text: '法院审理查明:2019年起,某康养公司以"入住预订"为名向老人出售"颐年养老卡",每张5万元至20万元,承诺凭卡入住旗下养老公寓并享受八折优惠,未入住可退还卡内余额。后公司停止经营,负责人失联,120余名老人卡内余额无法退还。' },
  { id: 't002', type: 'elderly_service', voice: 'relative', boundary: '疗程卡 at a 养生馆', text: '我父亲今年81岁,去年在小区门口的养生馆办了一张"艾灸疗程卡",一次交了2.6万元,说能做一百次,专治他的老寒腿。做了不到二十次,店就关门了,电话也打不通,卡里的钱一分没退。' },
  { id: 't003', type: 'elderly_service', voice: 'police', boundary: '候鸟式旅居 membership, no return', text: '警方提醒:近期有不法分子以"候鸟式旅居养老"为名,诱导老人缴纳3万至8万元会员费,承诺每年冬季可到海南、广西的"合作基地"免费入住三个月。老人交钱后,基地不是无法入住就是临时加价,公司随后人去楼空。' },
  { id: 't004', type: 'elderly_service', voice: 'news', boundary: '助餐 prepaid meal card', text: '记者了解到,某社区"长者食堂"去年推出充值优惠,老人一次充值3000元可享九折用餐,不少老人一次充了上万元。今年3月,食堂突然停业,经营者失联,近两百名老人的助餐卡余额共计60余万元无法退回。' },
  { id: 't005', type: 'elderly_service', voice: 'procuratorate', boundary: 'prepaid home care', text: '基本案情:被告人王某经营一家"居家养老服务中心",以提供上门护理、助浴、陪诊服务为名,与老人签订三年服务协议,一次性收取服务费1.8万元至4.5万元。收款后,王某仅安排数次上门服务即停止履约,并将收取的412万元用于个人挥霍。' },
  { id: 't006', type: 'elderly_service', voice: 'relative', boundary: '美容护理卡 (sessions, no goods)', text: '母亲78岁,被一家美容院的店员拉进去做了次免费面部护理,后来陆续办了"抗衰老护理卡",前后充值十多万元。卡上写着能做多少次护理,店里每次都说她皮肤问题多,要加做疗程,卡里的钱很快就扣完了。' },
  { id: 't007', type: 'elderly_service', voice: 'police', boundary: 'bed deposit refunded is no return', text: '反诈中心提示:一些不正规的"养老驿站"以"提前锁定床位"为由,要求老人交纳床位押金10万元,声称"先交先住,入住满五年押金全额退还"。实际上驿站并无相应床位,收到押金后即转移资金。' },
  { id: 't008', type: 'elderly_service', voice: 'news', text: '某"医养结合"护理院去年向入住老人推出"终身护理套餐",一次性缴纳38万元即可终身入住并享受护理服务,不再另收费用。今年护理院因资金链断裂停业,已入住的40多名老人被要求限期搬离,套餐费用无人退还。' },
  { id: 't009', type: 'elderly_service', voice: 'court', boundary: 'a priced treatment course, no goods (c138 kind)', doubt: 'the guide names 疗程卡, not a course sold by itself; labelled by the c220/c221 decision', text: '法院查明:某健康管理公司以"脑梗康复训练"为名,向患病老人推销康复训练疗程,每个疗程12次,收费9800元,宣称"做完三个疗程就不用再吃药"。经查,该训练仅为普通按摩,公司并无医疗资质,共收取老年人费用200余万元。' },
  { id: 't010', type: 'elderly_service', voice: 'relative', boundary: '旅居 club fee, no return', text: '我姑姑在一家"旅居养老俱乐部"交了2万元年费,说交了年费一年能跟团去外地住四次,吃住全包。结果只去了一次周边的农家乐,俱乐部就换了地址,工作人员说要再交1万元"升级费"才能继续参加。' },
  { id: 't011', type: 'elderly_service', voice: 'news', text: '"交钱容易退钱难。"市民赵女士说,父亲去年入住某老年公寓,按要求预交了两年的护理费和伙食费共14万元。半年后父亲因病转院,她申请退还剩余费用,公寓先是推说要"走流程",后来干脆不接电话。' },
  { id: 't012', type: 'elderly_service', voice: 'police', boundary: '助餐 prepaid online, "政府指导" only a wrapper', text: '民警介绍,涉案的"孝心助餐平台"以"政府指导、平价助餐"为宣传,吸引老人在小程序上一次性预存半年至一年的餐费,承诺每天送餐上门。平台运营三个月后停止送餐,涉及老人1300余名,预存餐费87万元。' },
  { id: 't013', type: 'elderly_service', voice: 'procuratorate', text: '检察机关审查查明:2020年至2022年,某养老服务公司法定代表人李某明知公司已无力运营,仍以"年卡优惠""会员预存"等方式向老人销售"安享养老服务卡",收取预付款共计960万元,后将资金用于偿还个人债务,致使卡内服务无法兑现。' },
  { id: 't014', type: 'elderly_service', voice: 'relative', boundary: '理疗年卡 with health bait, no goods', text: '爷爷在老年大学门口被人拉去听了一堂"健康讲座",讲课的人说他们中心有专业理疗师,办一张"理疗年卡"只要8800元,一年内随时可以来做推拿、刮痧、拔罐,能调理高血压。爷爷办了卡,去了不到一个月,中心就贴出"装修暂停营业"的告示,再也没开门。' },
  { id: 't015', type: 'elderly_service', voice: 'news', boundary: '适老化改造 sold as a prepaid service package', doubt: 'a renovation is not care; the package was paid ahead for work and visits not done — a reader could say 养老产品 (the 扶手 delivered)', text: '有老人反映,某家政公司上门推销"居家适老化改造服务包",一次性收费1.6万元,承诺改造卫生间、加装扶手,并提供一年的上门巡检和助浴服务。老人付款后,公司只派人装了两根扶手,此后再无音讯。' },
  { id: 't016', type: 'elderly_service', voice: 'court', boundary: '康养旅居 stay paid ahead, no return', text: '被告人张某以某"康养旅居基地"名义,向老年人宣传"一次缴费、每年可在基地免费居住两个月、入住期间三餐全包",共与210名老人签订《旅居养老协议》,收取费用1500余万元。经查,该基地为张某临时租用的农家院,根本不具备接待条件。' },
  { id: 't017', type: 'elderly_service', voice: 'police', text: '警方呼籲長者留意:有安老院舍以「預留宿位」為名,要求長者家屬先繳交數萬元「輪候按金」,聲稱可優先入住。家屬繳款後,院舍以各種理由拖延,最終突然結業,按金無法取回。' },
  { id: 't018', type: 'elderly_service', voice: 'news', boundary: '储值卡 for sessions at a 养生会所', text: '在一家"健康养生会所",72岁的刘阿姨办了一张3万元的储值卡,用于做足疗和"经络疏通"。店员告诉她,卡里钱越多折扣越低,她又陆续充了两次。半年后会所易主,新老板不承认之前的储值卡,刘阿姨卡里还剩5万多元。' },
  { id: 't019', type: 'elderly_service', voice: 'relative', boundary: 'prepaid 陪诊 service', text: '我妈一个人住,被人推销了"一对一陪诊管家"服务,预交两年费用2.4万元,说每次去医院都有人陪着挂号、取药。交钱后打过三次电话约陪诊,对方都说人手不够,后来号码成了空号。' },
  { id: 't020', type: 'elderly_service', voice: 'news', boundary: '保本 deposit without interest is not a return', text: '某养老院以"保本入住"为卖点推出"床位保证金",老人交纳20万元保证金即可按七折支付月费,合同约定退住时保证金全额退还、不计利息。该院负责人后来将保证金挪用于异地新建项目,导致多名退住老人无法取回保证金。' },

  // ── 养老项目 elderly_project: money handed over with a promised financial return ──
  { id: 't021', type: 'elderly_project', voice: 'court', boundary: 'bed contract paying a yearly return', text: '法院审理查明:被告人以经营养老公寓为名,向老人推销"床位认购合同",每张床位5万元,约定每年按认购款的9%支付"床位收益",三年期满返还本金,老人亦可选择入住抵扣。至案发,共吸收资金2.3亿元。' },
  { id: 't022', type: 'elderly_project', voice: 'police', boundary: '补贴 paid as a return on money put in', text: '警方提示:近期有团伙以"养老基金""颐养理财"为名,在公园、广场向老人发放传单,宣称投资一万元每月可得300元"养老补贴",到期还本。老人投入后,前几个月确实收到"补贴",之后平台关闭,负责人失联。' },
  { id: 't023', type: 'elderly_project', voice: 'relative', boundary: 'collectibles with a promised buy-back', text: '我父亲被一个收藏品公司的业务员哄着买了二十多套纪念钞,花了40多万。业务员跟他说这些钞"三年翻三倍",公司到时候会按市场价帮他回购,还签了回购协议。现在公司早就没人了,那些钞拿到钱币市场,人家说最多值几千块。' },
  { id: 't024', type: 'elderly_project', voice: 'procuratorate', boundary: '养老 villa use-right with rent returned (not the elder\'s home)', text: '基本案情:2018年至2021年,被告人周某等人推出"生态养老产业园"项目,以"认购养老别墅使用权、每年返租金8%、五年后原价回购"为诱饵,向600余名中老年人吸收资金共计3.1亿元,所得款项大部分用于支付前期投资人的"租金"和个人挥霍。' },
  { id: 't025', type: 'elderly_project', voice: 'news', boundary: '旅居 membership with 分红', text: '在"旅居养老"的幌子下,某公司推出"候鸟会员",会员缴纳10万元至50万元不等的"养老金",不但可以在全国二十多个基地旅居,每年还能领取12%的"旅居分红"。去年以来,公司拖欠分红,总部人去楼空。' },
  { id: 't026', type: 'elderly_project', voice: 'relative', boundary: '养生馆 but a share with 分红', text: '奶奶在一家养生馆做了好几年理疗,后来店长跟她说店里要开连锁分店,邀请她"入股",投5万元每个月分红2000元。奶奶把存款都投了进去,只拿到过两次分红,店就关门了。' },
  { id: 't027', type: 'elderly_project', voice: 'court', boundary: 'collectibles with a promised auction', text: '被告人陈某设立某文化艺术品公司,以高价向老年客户出售字画,并承诺由公司代为托管、一年后在拍卖会上拍出,拍卖所得扣除10%佣金后归客户所有,未拍出则原价回购。共有170余名老人购买,涉案金额2600余万元。' },
  { id: 't028', type: 'elderly_project', voice: 'police', boundary: '"国家扶持" wrapper on an equity investment, no payout for a fee', text: '民警介绍,该团伙打着"国家养老产业扶持项目"的旗号,声称投资"智慧养老社区"原始股,上市后可获十倍收益,先后向数百名退休人员出售"股权",收取款项4000余万元。' },
  { id: 't029', type: 'elderly_project', voice: 'news', boundary: 'care home paying interest on deposits', text: '某养老院向入住老人推出"爱心存款",存满10万元按年息10%付息,存满30万元还可免除一年的伙食费。不少老人把积蓄存了进去。去年年底起,养老院以"资金紧张"为由停止付息,院长目前已被警方控制。' },
  { id: 't030', type: 'elderly_project', voice: 'relative', text: '我丈母娘74岁,被人拉进一个"银发互助群",群里天天讲"养老钱要会理财",让大家买一款"稳健养老宝",说保本,每月收益2.5%,比银行高多了。她前后投了23万,现在APP已经打不开了。' },
  { id: 't031', type: 'elderly_project', voice: 'procuratorate', boundary: 'a "保健品" card as the wrapper of a monthly return', text: '检察机关指控:被告人以出售"养老保健品消费卡"为名,承诺老人购卡后每月按卡面金额的3%返还现金,一年后可全额退卡,实际并无产品供应,所收款项用于支付先期客户的返利。' },
  { id: 't032', type: 'elderly_project', voice: 'court', boundary: 'an apartment bought in with a return (not the elder\'s home pledged)', text: '法院认定:被告公司以"养老公寓预售"为名与老人签订认购协议,承诺老人交纳的认购款每年按11%计付"资金占用费",三年后老人可选择入住或退还本金。被告公司共与830名老人签约,收取认购款5.6亿元。' },
  { id: 't033', type: 'elderly_project', voice: 'police', text: '刑事局提醒:詐團近來以「退休理財」、「安養基金」為名,在通訊軟體群組招攬長者投資,宣稱每月固定配息3%、保證還本。一名68歲退休教師先後匯出520萬元,直到無法出金才驚覺受騙。' },
  { id: 't034', type: 'elderly_project', voice: 'news', boundary: 'loans (not the home) raised to invest', text: '记者调查发现,一些业务员鼓动老人用信用卡套现、甚至办理网络贷款,投入所谓的"养老康养项目",承诺每季度分红。69岁的赵大爷借了三笔网贷共15万元投进去,分红只拿到过一次。' },
  { id: 't035', type: 'elderly_project', voice: 'procuratorate', boundary: '补贴 as a return + property that is not the elder\'s home', text: '被告人刘某等人成立所谓"森林康养基地",以"认养康养木屋、每年返还认养款的15%作为养老补贴、十年后木屋产权归个人"为宣传,向老年人非法吸收资金8600万元。案发后大部分资金无法追回。' },
  { id: 't036', type: 'elderly_project', voice: 'relative', boundary: 'collectibles with 翻番 and a resale offered', text: '老爸被电话推销买了一批"纪念金币",对方说是限量发行,明年就停产,让他多买点,"以后至少翻一番",还说公司可以帮忙挂到交易平台上卖。他前后花了18万,后来拿去鉴定,是镀金的。' },
  { id: 't037', type: 'elderly_project', voice: 'news', text: '"投1万送一年免费体检,每年再返1200元。"在某"健康养老合作社",业务员这样向老人推销"社员股金"。合作社吸收200多名老人的股金1100余万元后,负责人携款潜逃。' },
  { id: 't038', type: 'elderly_project', voice: 'court', boundary: 'grave plots sold for resale with a yearly gain', text: '经审理查明,被告人以某陵园公司名义向老年人推销墓穴,宣称墓穴"只涨不跌",购买后可由公司代为转售,年收益不低于20%。共有300余名老人购买墓穴,涉案金额5000余万元。' },
  { id: 't039', type: 'elderly_project', voice: 'police', boundary: '津贴 paid monthly on a fee whose principal comes back', text: '派出所接到多名老人报案:某"养老互助会"要求会员每人缴纳入会金2万元,承诺每月发放"养老津贴"800元,缴满两年后入会金全额退还。该互助会共吸收会员300余名,现负责人已失联。' },
  { id: 't040', type: 'elderly_project', voice: 'relative', boundary: 'a "养老服务合同" wrapper with 8% interest', text: '我妈在一个"老年公寓项目"的推介会上交了30万,人家说这是"养老理财",每年按8%给利息,想住了还能优先住进去。合同上写的是"养老服务合同",所以我们一开始还以为只是订了个床位。' },

  // ── 养老产品 elderly_product: goods sold at inflated prices by false claims ──
  { id: 't041', type: 'elderly_product', voice: 'police', text: '民警提醒:近期有人在菜市场附近以"免费测血糖"为由搭讪老人,随后推销所谓"降糖神茶",称喝三个月就可以停药,每盒售价680元。经查,该茶为普通代用茶,成本不足10元。' },
  { id: 't042', type: 'elderly_product', voice: 'procuratorate', text: '基本案情:被告人李某等人租用会议室,以免费发放鸡蛋、挂面吸引老人听"健康讲座",冒充专家宣称其销售的"量子能量床垫"可治疗高血压、失眠、关节炎,每张售价2.98万元,共骗取86名老年人钱款190余万元。' },
  { id: 't043', type: 'elderly_product', voice: 'relative', boundary: 'the 养生馆 selling the pills', text: '我奶奶在一家养生馆里被推销了一大堆"酵素"和"灵芝孢子粉",店员说能抗癌,一年下来花了9万多。她每天去店里坐着听课,店员都叫她"干妈"。家里人劝她别再去,她还说店员比亲孙子还亲。' },
  { id: 't044', type: 'elderly_product', voice: 'news', boundary: 'a refund guarantee is no return', text: '记者暗访发现,某"老年健康体验店"每天播放"专家讲座",店员把一款普通的电热理疗仪说成能"疏通血管、溶解血栓",标价1.68万元,还承诺"无效全额退款"。多名老人购买后,既没有效果,也退不了款。' },
  { id: 't045', type: 'elderly_product', voice: 'court', boundary: 'collectibles without a promised resale', text: '法院查明:被告人通过电话向老年人推销"纪念邮票大全"和"开国元勋纪念章",谎称是"国家限量发行、收藏价值极高",以数千元至数万元一套的价格出售,实际成本每套不足百元,共骗取2100余名老年人1600余万元。' },
  { id: 't046', type: 'elderly_product', voice: 'police', boundary: 'goods wrapped in "the state pays the rest"', text: '警方通报:犯罪嫌疑人冒充"老龄委健康扶助办公室"工作人员,向老人声称国家对慢病老人补贴购买"心脑血管治疗仪",每台原价1.2万元,老人只需自付3800元,其余由国家承担。经查,该仪器为普通按摩器。' },
  { id: 't047', type: 'elderly_product', voice: 'relative', text: '我爸看直播间里的"老中医"讲课上了瘾,买了好几回"祖传膏药"和"护心丸",一回就是好几千。主播说吃了这个就不用再做支架,他把医院开的药都停了。家里人劝了好多次,他都不听,还说我们不懂。' },
  { id: 't048', type: 'elderly_product', voice: 'news', text: '一名82歲老翁日前在公園遭兩名男子搭訕,對方謊稱是「部落特產」的山藥丸,可治糖尿病、降血壓,以一罐3萬元的價格賣給老翁,老翁前後共買了4罐,家屬發現後報警。經檢驗,該藥丸並無任何療效。' },
  { id: 't049', type: 'elderly_product', voice: 'procuratorate', text: '检察机关审查查明:某生物科技公司以"旅游+讲座"模式,组织老年人免费到外地旅游,途中安排"专家义诊",诊断老人患有各种疾病,随后推销"纳米细胞营养液",每瓶3880元,共向1000余名老年人销售2300余万元。' },
  { id: 't050', type: 'elderly_product', voice: 'news', boundary: 'free sessions as bait, the machine bought', text: '不少老人每天到"理疗体验店"免费体验半小时,店员则反复暗示"体验只能缓解,买回家天天用才能治好"。75岁的孙阿姨最终花2.6万元买回一台"远红外理疗舱",使用后反而头晕不适。' },
  { id: 't051', type: 'elderly_product', voice: 'relative', boundary: 'collectible gold bars, no resale promised', text: '外公收藏了一辈子邮票,前两年有人打电话说有一套"建国纪念金条",有"很高的收藏价值",数量有限。他前后买了11根,花了十几万。拿到金店去问,人家说是镀金的铜条。' },
  { id: 't052', type: 'elderly_product', voice: 'court', boundary: 'goods prepaid for a year (goods, not a service)', text: '被告人以"长寿村矿泉水"为名向社区老人推销普通桶装水,宣称长期饮用可"软化血管、预防中风",每桶售价198元,并要求老人一次预订一年的用量,共向300余名老人收取货款180余万元。' },
  { id: 't053', type: 'elderly_product', voice: 'police', text: '反诈民警提醒:有不法分子上门为老人"免费检测"家中水质,谎称水中重金属超标、长期饮用会致癌,随后推销价值上万元的"富氢净水机"。已有多名老人购买,净水机实际价格不到一千元。' },
  { id: 't054', type: 'elderly_product', voice: 'news', boundary: '适老化改造 goods with an official-sounding wrapper', text: '记者调查发现,有商家打着"政府推广适老化改造"的旗号上门,向独居老人推销扶手、防滑垫、智能报警器等产品,一套收费9800元,而同类产品的市场价不到一千元。不少老人信以为真,当场付款。' },
  { id: 't055', type: 'elderly_product', voice: 'procuratorate', boundary: 'a membership card, but the money buys goods', text: '被告人王某以"会员制"经营保健品店,老人先交999元办会员卡可每天免费领鸡蛋,随后店员以"会员专享价"推销"深海鱼油"和"蛋白肽粉",宣称可治愈糖尿病。案发时,涉案老人达400余名,销售额700余万元。' },
  { id: 't056', type: 'elderly_product', voice: 'relative', text: '婆婆在社区门口的"助听器免费验配"活动中被店员说"听力严重退化,不马上配就会聋",当场花1.9万元配了一对助听器。后来到医院检查,只是轻度听力下降,那对助听器网上也就一两千元。' },
  { id: 't057', type: 'elderly_product', voice: 'news', text: '"一片就能让老人骨头变硬。"在一场"骨健康讲座"上,主讲人把普通钙片包装成"进口骨肽素",以每盒1280元的价格卖给台下的老人,现场有30多名老人掏钱购买。经检测,该产品就是普通钙片。' },
  { id: 't058', type: 'elderly_product', voice: 'court', boundary: 'goods sold with a fake 补贴 deducted from the price', text: '经审理查明:被告人向老年人推销"养老护理床",谎称购买可享受"民政部门养老补贴"5000元,补贴由公司代为申领后抵扣货款,实际并无任何补贴。该床市场价不足两千元,售价1.6万元。' },
  { id: 't059', type: 'elderly_product', voice: 'police', text: '警方提醒,近來有業者到社區辦「健康講座」,送雞蛋、衛生紙吸引長者,再以「磁石項鍊可改善心血管」為由高價兜售,一條索價2萬8千元,已有多名長者受害。經查,該項鍊成本不到百元。' },
  { id: 't060', type: 'elderly_product', voice: 'relative', boundary: 'a "疗程" of capsules is goods', text: '我大姨在老年大学认识了一个"养生顾问",顾问带她去了一个"专家座谈会",会上有人说她血管堵了,给她推荐了一套"清栓胶囊",一个疗程六个月,一共3.6万元,说吃完血管就通了。' },

  // ── 以房养老 house_for_pension: the elder's home pledged, mortgaged, sold or entrusted ──
  { id: 't061', type: 'house_for_pension', voice: 'procuratorate', text: '基本案情:被告人以"以房养老"为名,诱骗老人将房产抵押给小额贷款公司借款,借款由被告人控制的公司"代为理财",承诺每月支付老人5%的收益。后公司停止付息,出借人依据公证文书申请执行,20余名老人的房屋被拍卖。' },
  { id: 't062', type: 'house_for_pension', voice: 'relative', boundary: 'home "entrusted" for a monthly pension', text: '我叔叔一个人住,被人说服把房子"委托"给一家"养老服务公司",签了一大堆文件,说每个月能领6000元养老金,房子还是他住。结果没过一年,就有人拿着新房产证上门,说房子已经过户了。' },
  { id: 't063', type: 'house_for_pension', voice: 'police', text: '警方提示:凡是要求您把房产证交出去、到公证处签"委托书",还承诺每月给您发"养老金"的,都要高度警惕。近期我市已有三名老人因此失去自住房,这是"以房养老"骗局的典型套路。' },
  { id: 't064', type: 'house_for_pension', voice: 'court', text: '法院查明:被告人向老人谎称"房产增值理财",要求老人将自住房屋抵押获得借款120万元,再将借款投入其公司的"理财产品"。被告人支付几期利息后失联,老人背负借款本息,房屋面临被执行。' },
  { id: 't065', type: 'house_for_pension', voice: 'news', boundary: 'home mortgaged to buy collectibles (rule 2 before the collectibles rule)', text: '记者了解到,78岁的陈老太被推销员说动购买"升值藏品",因手头没有现金,推销员带她把自住的老房子抵押借了80万元。如今藏品一文不值,借款到期后放贷人起诉要求处置房产。' },
  { id: 't066', type: 'house_for_pension', voice: 'police', text: '一名75歲老婦被假投資集團誘騙,集團成員帶她到代書處辦理自住房屋抵押借款800萬元,並稱「借款拿來投資,每月配息足以還款」,直到房屋遭查封才驚覺受騙。警方已逮捕多名嫌犯。' },
  { id: 't067', type: 'house_for_pension', voice: 'procuratorate', boundary: '"以房养老保险" named — the home decides, not 养老保险', text: '检察机关查明:被告人冒充某保险公司"以房养老保险"业务员,向老人宣称只要将房屋"反向抵押"给公司,即可每月领取养老金直至终老。老人签署的实际是房屋买卖合同,房屋随即被转卖。' },
  { id: 't068', type: 'house_for_pension', voice: 'relative', boundary: 'home transferred to the scheme\'s man for a place and a return', text: '我爸妈听信了一个"养老社区"的宣传,说把老房子过户给社区、就能终身住进社区的养老公寓,还每年返还5%。他们把唯一的房子过户给了社区老板指定的人,现在公寓没建起来,房子也没了。' },
  { id: 't069', type: 'house_for_pension', voice: 'police', text: '派出所接到一名八旬老人报案,称有人以"办理以房养老手续"为由,带他到公证处签了"全权委托书",对方随后以他的名义把房子抵押借款,并取走了全部借款。老人至今仍被放贷人追讨欠款。' },
  { id: 't070', type: 'house_for_pension', voice: 'news', text: '在这类"房本理财"骗局中,业务员往往先上门陪老人聊天,再劝说老人"房子放着也是放着,抵押出来钱生钱",承诺年化18%的收益。一旦资金链断裂,老人便面临"钱房两空"。' },
  { id: 't071', type: 'house_for_pension', voice: 'court', text: '被告人以"养老房产托管"为名与老人签订托管协议,收取老人房屋的产权证及身份证件,承诺每月支付托管收益4000元,随后私自将房屋出售,得款310万元。老人的家人发现后已向警方报案。' },
  { id: 't072', type: 'house_for_pension', voice: 'relative', boundary: 'home pledged for a fake "养老年金" (not insurance arranged)', text: '舅舅今年70岁,被一个"理财规划师"带去银行把住的房子做了二次抵押,贷出来的50万全买了对方推荐的"养老年金计划",说每月能领3000元。现在那家公司查无此人,银行每月还要他还贷款。' },
  { id: 't073', type: 'house_for_pension', voice: 'procuratorate', text: '被告人以帮助老人"盘活房产、安享晚年"为名,诱使老人签订借款合同和房屋抵押合同,并办理具有强制执行效力的债权文书公证,借款随即被转入被告人控制的账户。多名老人因此失去了唯一住房。' },
  { id: 't074', type: 'house_for_pension', voice: 'police', text: '警方提醒:正规的以房养老业务不会要求老人把借款交给第三方"理财"。近日,一名退休工人把自住房抵押后借得的60万元交给"养老投资顾问",对方承诺月息2%,最终血本无归。' },
  { id: 't075', type: 'house_for_pension', voice: 'news', text: '"房子还是您的,每个月还能多拿一份养老钱。"记者调查发现,一些所谓的"养老服务机构"用这样的话术让老人签下房屋抵押合同,老人拿到的"养老钱"其实就是自己房屋的抵押借款。' },
  { id: 't076', type: 'house_for_pension', voice: 'court', boundary: 'home transferred for lifelong care (rule 2 before rule 7)', text: '法院审理查明:被告人以"房屋养老计划"为名,让老人将房屋过户至公司名下,承诺为老人提供终身养老服务并每月发放生活费2500元。过户后,公司仅支付三个月生活费,随即将房屋转卖。' },
  { id: 't077', type: 'house_for_pension', voice: 'relative', boundary: 'home mortgaged for a care-home bed', text: '我丈人被人忽悠,说他那套老房子可以"抵押给养老公司换养老院床位",签了抵押合同以后住进了一家养老院。住了半年,养老院倒闭了,房子也被债主申请拍卖了。我们一家到现在还在打官司。' },
  { id: 't078', type: 'house_for_pension', voice: 'police', text: '警方接獲一名80歲長者家屬報案,指長者被人游說以自住物業作抵押,向財務公司借款200萬元,並把款項交予對方投資「退休保本計劃」,其後對方失聯,物業面臨被收回。警方正調查事件。' },
  { id: 't079', type: 'house_for_pension', voice: 'news', text: '老人张某在一场"养老理财讲座"上签下协议,把房产证押给主办方,换取每月1万元的"养老收益"。主办方实际用张某的房子向民间借贷人借了150万元,张某对此一无所知。' },
  { id: 't080', type: 'house_for_pension', voice: 'procuratorate', text: '被告人以"以房养老、安度晚年"为名,诱骗6名老年人签署房屋买卖合同及授权委托书,将价值共计2000余万元的房产过户至同伙名下,再抵押套现。六名老人均无其他住房。' },

  // ── 养老保险 pension_insurance: a fee to arrange insurance/retirement/pension, or impersonating 社保/人社 about the pension ──
  { id: 't081', type: 'pension_insurance', voice: 'relative', boundary: '挂靠 + 补缴', text: '我妈今年55岁,没交过社保。邻居介绍了一个"能人",说交8万元就能帮她挂靠到一家国企,补缴15年养老保险,下个月就能领退休金。交了钱等了一年,社保系统里根本查不到她的缴费记录。' },
  { id: 't082', type: 'pension_insurance', voice: 'police', boundary: 'fake 养老金资格认证 call', text: '警方提醒:近期有骗子冒充社保局工作人员给老人打电话,称"今年养老金资格认证改为线上办理,需要核对银行卡信息",诱骗老人说出银行卡号和验证码,随后盗刷卡内存款。已有多名老人因此受骗。' },
  { id: 't083', type: 'pension_insurance', voice: 'court', text: '法院查明:被告人谎称与人社部门"有关系",能为未达到退休年龄的人员办理"特殊工种提前退休",每人收取"运作费"3万至6万元,共收取47人费用160余万元,均未办成。' },
  { id: 't084', type: 'pension_insurance', voice: 'news', boundary: '代办补缴', text: '"补缴一次、终身领取。"一些中介以"代办灵活就业养老保险补缴"为名,收取老人数万元"手续费",承诺可以一次补足缴费年限。记者调查发现,养老保险补缴有严格条件,这些中介根本无法办理。' },
  { id: 't085', type: 'pension_insurance', voice: 'procuratorate', boundary: 'impersonating 社保 about stopping the pension', text: '基本案情:被告人冒充社保中心工作人员,打电话告知多名退休老人"养老金发放异常,即将停发",要求老人将卡内存款转入"安全账户"进行"资金核验",共骗取老年人钱款83万元。' },
  { id: 't086', type: 'pension_insurance', voice: 'relative', boundary: 'impersonating 人社 about an overpaid pension', text: '父亲退休多年,有一天接到电话,对方自称是区人社局的,说他的养老金多发了两年,要退回4万多元,不然要追究法律责任。父亲吓坏了,差点就去银行转账,幸好被柜员拦下了。' },
  { id: 't087', type: 'pension_insurance', voice: 'police', boundary: '病退 for a fee', text: '反诈中心提示:"帮您办病退""花钱提前领养老金"都是骗局。近期一名52岁女子向自称"社保局内部人员"的男子支付"疏通费"5万元,对方承诺为其伪造病历办理病退,收钱后即失联。' },
  { id: 't088', type: 'pension_insurance', voice: 'news', text: '在农村地区,有人冒充"乡镇社保协管员",挨家挨户上门为老人"办理城乡居民养老保险提档",称多交5000元每月养老金就能多领300元。多名老人交钱后,既没有缴费凭证,养老金也没有增加。' },
  { id: 't089', type: 'pension_insurance', voice: 'court', text: '被告人以"代办企业职工养老保险"为名,伪造缴费凭证和社保卡,向60余名城乡居民收取"代缴费",金额共计420万元,所收款项从未缴入社保基金。多名老人到龄后才发现自己根本没有参保记录。' },
  { id: 't090', type: 'pension_insurance', voice: 'relative', boundary: 'SMS about 养老认证', text: '我岳母去年收到一条短信,说"您的养老金待遇资格认证未通过,请点击链接重新认证"。她点进去按提示填了身份证号、银行卡号和密码,第二天卡里的3万块钱就被转走了。我们报了警,钱到现在也没追回来。' },
  { id: 't091', type: 'pension_insurance', voice: 'police', text: '警方破获一起"办理退休"诈骗案:犯罪嫌疑人以"内部指标"为名,称可让已超龄但未参保的农民"一次性补缴、当月领退休金",向每人收取10万元以上,涉及受害人200余名。' },
  { id: 't092', type: 'pension_insurance', voice: 'news', text: '记者接到多名读者反映,有人自称"养老保险代理人",称可以帮助在外地打工多年的中老年人"转移接续养老保险关系",每人收取"手续费"8000元,承诺退休待遇翻倍。有读者交钱后,对方便再也联系不上。' },
  { id: 't093', type: 'pension_insurance', voice: 'procuratorate', boundary: '补发 of the pension by a fake 人社 (rule 3 before rule 4)', text: '被告人冒充某市人社局工作人员,以"养老金调整后需补发差额"为由,要求退休老人先缴纳"个人所得税"和"手续费",共骗取23名退休老人钱款41万元。多名老人事后才知道养老金根本没有补发一说。' },
  { id: 't094', type: 'pension_insurance', voice: 'relative', boundary: '买断工龄 to draw a pension', text: '我舅舅60岁了,一直在乡下种地。有个远房亲戚说能帮他"买断工龄",交7万块就能按企业退休人员每月领2000多元。舅舅把积蓄都交了,结果那个亲戚后来说"政策变了",钱也不退。' },
  { id: 't095', type: 'pension_insurance', voice: 'police', boundary: 'Taiwan 勞保 老年年金 impersonated', text: '勞保局提醒:近來有詐騙集團冒用勞保局名義,撥打電話給年長民眾,稱其「老年年金」資料有誤,需透過網路銀行「更正」,誘使民眾操作轉帳,已有多名長者受騙。勞保局強調不會以電話要求民眾操作轉帳。' },
  { id: 't096', type: 'pension_insurance', voice: 'court', text: '经审理查明,被告人以帮助他人"挂靠单位缴纳社保、到龄即可办理退休"为由,先后收取19名中老年人"挂靠费""管理费"共计230万元,并伪造单位证明和退休审批表。案发时无一人办成退休。' },
  { id: 't097', type: 'pension_insurance', voice: 'news', text: '有老人反映,社区里来了一伙人,自称是"省社保厅"的,可以为老人办理"养老金提标",每人交3000元"提标费",每月养老金就能涨500元。不少老人交了钱,养老金却一分没涨。' },
  { id: 't098', type: 'pension_insurance', voice: 'relative', text: '我爸今年刚退休,有人打电话说他的养老保险"缴费基数有误",要补缴1.2万元才能按正常标准发放养老金,还给了一个账户让他转账。我们打12333一问,根本没有这回事。' },
  { id: 't099', type: 'pension_insurance', voice: 'procuratorate', text: '某村原会计陈某利用村民对其信任,谎称可代为办理"被征地农民养老保险",收取38户村民的参保费用共计96万元,据为己有,致使多名老人到龄无法领取养老金。案发后陈某被依法逮捕。' },
  { id: 't100', type: 'pension_insurance', voice: 'police', boundary: 'fake 认证 app with screen sharing', text: '警方提示:"养老金资格认证"全程免费,社保部门不会打电话要求提供验证码。近日,一位七旬老人按"社保局"来电要求,在手机上下载了"认证APP"并开启屏幕共享,卡内5万元养老钱被转走。' },

  // ── 养老帮扶 elderly_assistance: a fake subsidy, relief, charity or welfare payout that first costs a fee or data ──
  { id: 't101', type: 'elderly_assistance', voice: 'police', text: '警方提醒:近期有骗子冒充民政局工作人员给高龄老人打电话,称"国家新出台高龄补贴政策,每人可领1.2万元",但需先交600元"手续费"办理补贴卡。已有老人按对方要求转账。' },
  { id: 't102', type: 'elderly_assistance', voice: 'relative', boundary: '补发工资', text: '我奶奶接到一个电话,对方说是她原来单位退管办的,要给退休职工补发当年拖欠的工资1.8万元,但要先交2000元的"个人所得税"。奶奶差点就去转账了,被我拦住了。后来我们打电话到退管办核实,根本没有这回事。' },
  { id: 't103', type: 'elderly_assistance', voice: 'procuratorate', boundary: '扶贫款 for an activation fee', text: '基本案情:被告人伪造"国务院扶贫办"公文,向农村老人邮寄"扶贫专项资金发放通知",称每户可领取200万元扶贫款,须先缴纳"资金激活费"5000元至3万元,共骗取老年人钱款360余万元。' },
  { id: 't104', type: 'elderly_assistance', voice: 'news', boundary: '民族资产解冻', text: '"交500元会费,年底就能领10万元分红。"一个自称"民族资产解冻委员会"的组织在多个村镇发展"会员",其中大多是老人。警方调查发现,该组织所称的"民族资产"纯属虚构。' },
  { id: 't105', type: 'elderly_assistance', voice: 'court', boundary: '慈善富民 paying a monthly "养老金" after a fee (the guide: assistance even when dressed as an investment)', doubt: 'a monthly payout on money paid in could be read as a return (rule 6); the guide names 慈善富民 → assistance', text: '法院查明:被告人以"慈善富民工程"为名,宣称会员缴纳3000元"入会费"后,每月可领取"慈善养老金"2000元,共发展会员1200余名,多为农村老年人,收取会费360余万元。' },
  { id: 't106', type: 'elderly_assistance', voice: 'police', text: '民警提醒:凡是打电话说"为您办理老年人慰问金""发放春节慰问品",却要求先提供银行卡号、验证码或先转钱的,都是诈骗。近日一名75岁老人因此被骗走银行卡内的2.3万元。' },
  { id: 't107', type: 'elderly_assistance', voice: 'relative', text: '我外公是退伍老兵,前段时间有人打电话,说是"退役军人事务局"的,国家给老兵发"纪念慰问金"3万元,让他先交1000元"工本费"办一张"荣誉卡",钱才能打到卡上。' },
  { id: 't108', type: 'elderly_assistance', voice: 'news', boundary: 'fake 助餐补贴 (data asked)', text: '有不法分子冒充社区工作人员上门,称"老年助餐补贴"今年改为发到银行卡,需要老人提供身份证、银行卡和手机验证码进行"绑定"。已有多名老人的银行卡被盗刷。警方提醒,社区不会上门索要验证码。' },
  { id: 't109', type: 'elderly_assistance', voice: 'procuratorate', boundary: 'fake 适老化改造 subsidy; the deposit "returned" is no return', text: '被告人冒充街道工作人员,以"适老化改造政府补贴"为名,告知老人可获得2万元改造补贴,需先交纳2000元"施工保证金",补贴到账后保证金一并返还。共骗取40余名老人钱款9万余元。' },
  { id: 't110', type: 'elderly_assistance', voice: 'court', boundary: 'fake charity card', text: '被告人以"夕阳红爱心基金会"名义伪造民政部批文,向老人宣称缴纳1000元"爱心会员费"即可领取"爱心卡",凭卡可一次性领取"助老慰问金"2万元,共骗取2000余名老年人钱款。' },
  { id: 't111', type: 'elderly_assistance', voice: 'relative', text: '爸爸手机上来了个视频电话,对方穿着制服,说是"老龄办"的,国家给70岁以上老人发放"长寿补贴",要先在APP上验证身份,让爸爸把银行卡号和密码都输进去。幸好我及时发现,挂断了电话。' },
  { id: 't112', type: 'elderly_assistance', voice: 'police', boundary: '困难补助 on 医保 (not pension)', text: '警方通报:犯罪嫌疑人以"医保报销后还能申请大病困难补助"为由,在医院门口寻找患病老人,称可帮忙多报销2万元,但要先交"好处费"2000元,得手后即逃离。目前警方已将其抓获。' },
  { id: 't113', type: 'elderly_assistance', voice: 'news', boundary: 'fake charity dressed as an investment', text: '一款名为"慈善助老"的APP宣称是"国家级公益平台",号召老人"捐一份爱心,领一份国家补助",捐得越多,领到的"国家补助"越多。不少老人先后投入数万元,平台却在半年后关闭。' },
  { id: 't114', type: 'elderly_assistance', voice: 'procuratorate', boundary: '老年保障金', text: '被告人谎称其掌握"中央特批老年保障金"发放名额,每名老人缴纳3000元"登记费"后即可一次性领取保障金50万元,先后骗取240余名老年人钱款72万元。被害老人中年龄最大的已88岁。' },
  { id: 't115', type: 'elderly_assistance', voice: 'police', text: '詐騙集團假冒「社會局」人員致電長者,佯稱可申請「中低收入老人生活津貼」每月7千元,但須先匯款「保證金」1萬元。一名78歲老婦信以為真,前往銀行匯款時被行員攔下。' },
  { id: 't116', type: 'elderly_assistance', voice: 'relative', text: '我姥姥被一个"扶贫专员"拉进了微信群,说国家要给农村老人发"乡村振兴补助金",一人30万,要先交"审核费",群里每天都有人晒"到账截图"。姥姥偷偷转了8000块。' },
  { id: 't117', type: 'elderly_assistance', voice: 'police', boundary: 'a gift pack as bait for data, loans taken in the elder\'s name', text: '反诈民警提示:所谓"免费领取老年人爱心大礼包",往往先要求老人登记身份证号、银行卡号和手机号。近期有人以此为名骗取老人个人信息后,冒用其身份办理了多笔网络贷款。' },
  { id: 't118', type: 'elderly_assistance', voice: 'court', text: '被告人以发放"老党员困难帮扶金"为名,冒充组织部门工作人员,向多名老党员声称可领取帮扶金1万元,须先缴纳"党费补差"1500元,共骗取17名老人钱款2.5万元。' },
  { id: 't119', type: 'elderly_assistance', voice: 'news', text: '"国家要给您家发一笔养老补助,2万块。"68岁的李阿姨接到这样的电话后,按对方指示在ATM机上操作"激活补助",结果把自己卡里的1.5万元转给了对方。李阿姨事后才知道根本没有这项补助。' },
  { id: 't120', type: 'elderly_assistance', voice: 'procuratorate', boundary: '民族资产解冻 dressed as an investment with a care-home place', text: '被告人以"民族资产解冻"项目需要"启动资金"为由,宣称老人投入1万元,资产解冻后可获得100万元回报,还可免费入住"国家养老基地",共骗取老年人资金800余万元。' },
];

const CODES: readonly SixType[] = ['elderly_service', 'elderly_project', 'elderly_product', 'house_for_pension', 'pension_insurance', 'elderly_assistance'];
const SHORT: Record<string, string> = { elderly_service: '服务', elderly_project: '项目', elderly_product: '产品', house_for_pension: '以房', pension_insurance: '保险', elderly_assistance: '帮扶', none: '无' };

function measure(model: ReturnType<typeof loadModel> | null, list: boolean) {
  const matrix = new Map<string, number>();
  const wrong: string[] = [];
  let right = 0;
  for (const c of CONSTRUCTED_TYPE_CASES) {
    const v = judge(c.text, model);
    const top = v.fraudTypes[0]?.code ?? 'none';
    matrix.set(`${c.type}|${top}`, (matrix.get(`${c.type}|${top}`) ?? 0) + 1);
    if (top === c.type) right++;
    else wrong.push(`  ${c.id} [${SHORT[c.type]} → ${SHORT[top] ?? top}] ${v.fraudTypes.map((t) => `${t.code}:${t.confidence}`).join(',')}${c.boundary ? ` (${c.boundary})` : ''}\n      ${c.text.slice(0, 90)}`);
  }
  const n = CONSTRUCTED_TYPE_CASES.length;
  console.log(`\n${model ? 'rules + shipped model' : 'rules alone'}: type accuracy ${(right / n).toFixed(3)} (${right}/${n})`);
  const cols = [...CODES, 'none'];
  console.log(`  label \\ chosen  ${cols.map((c) => SHORT[c]).join('  ')}   recall  precision`);
  for (const r of CODES) {
    const row = cols.map((c) => String(matrix.get(`${r}|${c}`) ?? 0).padStart(3));
    const tp = matrix.get(`${r}|${r}`) ?? 0;
    const chosen = CODES.reduce((s, l) => s + (matrix.get(`${l}|${r}`) ?? 0), 0);
    console.log(`  ${SHORT[r]}            ${row.join('  ')}   ${(tp / 20).toFixed(2)}    ${chosen ? (tp / chosen).toFixed(2) : '-'}`);
  }
  if (list) for (const w of wrong) console.log(w);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const list = process.argv.includes('--list');
  measure(loadModel(), list);
  measure(null, list);
}
