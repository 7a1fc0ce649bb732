/**
 * CONSTRUCTED passages (not real data), written 2026-12-01 (session 16) by a second, independent writer who had not read
 * figures.ts, numbers.ts, figures.real.test.ts or the other bench/intel-fig-*.ts files: 40 passages of 200–500 characters
 * in voices the first set did not stress — a provincial 专项办 half-year summary with long lists, 公安厅 bulletins, 检察院
 * and 法院 reports, 民政 screening, 市场监管 保健品, 金融 防非, 住建/文旅/卫健, a 宣传月 summary, county weekly 简报 on tips,
 * TV transcripts and OCR'd scans (full-width digits, split numbers, stray line breaks, 〇 for 零, mixed 万/亿).
 * Labels by the guide in docs/intel.md; only keyed figures are listed (numbers the guide keys `other` and non-figures are
 * absent, so a keyed prediction on them is a false positive). Each figure: [indicator, value, approx, quote, numeral in the
 * quote, note?]; the span is the numeral inside the first occurrence of the quote.
 *   npx tsx bench/intel-fig-passages2.ts [--verbose] [--probe]
 */
import { formatRealFigureScores, scoreRealFigures, type RealFigureMistakes, type RealSummary } from '../server/modules/intel/evaluate-real.ts';

type L = [indicator: string, value: number, approx: boolean, quote: string, num: string, note?: string];
interface P { id: string; text: string; figures: L[]; masked?: string[] }

export const PASSAGES2_CONSTRUCTED: P[] = [
  {
    id: 'r01',
    text: '全省打击整治养老诈骗专项行动半年工作总结（摘要）。专项行动开展以来，全省各级专项办共受理群众举报线索4,862条，已核查4,517条，办结4,203条，办结率86.4%；公安机关立案侦办养老诈骗案件1,136起，破获案件982起，抓获犯罪嫌疑人2,417名，打掉犯罪团伙137个，追赃挽损3.62亿元；检察机关批准逮捕犯罪嫌疑人1,288人，提起公诉案件416件1,903人；审判机关审结案件238件，判处罪犯1,012人。各地共排查养老机构、老年用品销售门店等主体6.8万家，发现问题隐患2,931个，已整改2,655个。',
    figures: [
      ['tips_received', 4862, false, '受理群众举报线索4,862条', '4,862'],
      ['tips_verified', 4517, false, '已核查4,517条', '4,517'],
      ['tips_closed', 4203, false, '办结4,203条', '4,203'],
      ['closure_rate_pct', 86.4, false, '办结率86.4%', '86.4'],
      ['cases_filed', 1136, false, '立案侦办养老诈骗案件1,136起', '1,136'],
      ['cases_solved', 982, false, '破获案件982起', '982'],
      ['suspects_arrested', 2417, false, '抓获犯罪嫌疑人2,417名', '2,417'],
      ['amount_recovered_yuan', 362000000, false, '追赃挽损3.62亿元', '3.62亿'],
      ['suspects_detained_formally', 1288, false, '批准逮捕犯罪嫌疑人1,288人', '1,288'],
      ['prosecuted_cases', 416, false, '提起公诉案件416件', '416'],
      ['prosecuted_persons', 1903, false, '416件1,903人', '1,903'],
      ['trial_cases', 238, false, '审结案件238件', '238'],
      ['entities_screened', 68000, false, '等主体6.8万家', '6.8万'],
      ['hazards_found', 2931, false, '发现问题隐患2,931个', '2,931'],
      ['hazards_rectified', 2655, false, '已整改2,655个', '2,655'],
    ],
  },
  {
    id: 'r02',
    text: '二、宣传发动全面铺开。上半年，全省累计开展集中宣传活动1.27万场次，举办防骗讲座3,400余场，发放宣传资料286万份、宣传品9.6万件，悬挂横幅1.8万条，张贴海报4.3万张，发送防诈短信1,560万条，在省级以上媒体刊发报道620余篇，制作防骗短视频340个，覆盖群众1,100余万人次。省专项办先后4次召开推进会，派出7个督导组开展督导3轮，推动各地把宣传触角延伸到村（社区）、小区和老年人聚集的公园广场。',
    figures: [
      ['publicity_events', 12700, false, '集中宣传活动1.27万场次', '1.27万'],
      ['publicity_events', 3400, true, '防骗讲座3,400余场', '3,400余'],
      ['materials_distributed', 2860000, false, '宣传资料286万份', '286万'],
      ['banners', 18000, false, '悬挂横幅1.8万条', '1.8万'],
      ['posters', 43000, false, '张贴海报4.3万张', '4.3万'],
      ['sms_sent', 15600000, false, '发送防诈短信1,560万条', '1,560万'],
      ['media_posts', 620, true, '刊发报道620余篇', '620余'],
      ['videos_made', 340, false, '制作防骗短视频340个', '340'],
      ['people_reached', 11000000, true, '覆盖群众1,100余万人次', '1,100余万'],
      ['meetings', 4, false, '先后4次召开推进会', '4'],
      ['supervision_rounds', 3, false, '开展督导3轮', '3'],
    ],
  },
  {
    id: 'r03',
    text: '截至6月底，全省共梳理排查涉养老诈骗问题线索**条，其中涉及“养老服务”类1,024条、“投资理财”类2,387条、“保健品”类1,533条、“以房养老”类96条；各地已将*****条线索移交公安机关。全省共清理涉老虚假广告1,230条，下架违规产品430余个，关停违规网站、公众号58个，对112家单位下达责令改正通知书。下一步，省专项办将继续加强线索研判，对重点线索实行挂牌督办。同时，省专项办于7月1日召开第二次全体成员单位会议，部署下半年工作。',
    figures: [
      ['tips_received', 1024, false, '“养老服务”类1,024条', '1,024', 'part'],
      ['tips_received', 2387, false, '“投资理财”类2,387条', '2,387', 'part'],
      ['tips_received', 1533, false, '“保健品”类1,533条', '1,533', 'part'],
      ['tips_received', 96, false, '“以房养老”类96条', '96', 'part'],
      ['ads_cleaned', 1230, false, '清理涉老虚假广告1,230条', '1,230'],
      ['rectification_notices', 112, false, '对112家单位下达责令改正通知书', '112'],
    ],
    masked: ['问题线索**条', '*****条线索'],
  },
  {
    id: 'r04',
    text: '三、整治成效逐步显现。全省民政部门排查养老机构2,316家，发现并整改隐患问题147个；市场监管部门出动执法人员3.2万人次，检查保健食品经营主体4.1万家次，立案查处违法案件392件，罚没款1,076.5万元；地方金融监管部门排查涉嫌非法集资风险企业860余家，处置非法集资案件43起，涉案金额约7.8亿元；住建部门排查以房养老、以“养老”名义销售房产项目215个。下半年，各成员单位将围绕“一是摸清底数、二是整治隐患、三是建章立制”三个方面持续发力。',
    figures: [
      ['entities_screened', 2316, false, '排查养老机构2,316家', '2,316'],
      ['inspections_person_times', 32000, false, '出动执法人员3.2万人次', '3.2万'],
      ['entities_screened', 41000, false, '经营主体4.1万家次', '4.1万'],
      ['cases_filed', 392, false, '立案查处违法案件392件', '392'],
      ['penalty_amount_yuan', 10765000, false, '罚没款1,076.5万元', '1,076.5万'],
      ['entities_screened', 860, true, '风险企业860余家', '860余'],
      ['amount_involved_yuan', 780000000, true, '涉案金额约7.8亿元', '7.8亿'],
      ['entities_screened', 215, false, '销售房产项目215个', '215'],
    ],
  },
  {
    id: 'r05',
    text: '省公安厅6月28日通报，打击整治养老诈骗专项行动开展以来，全省公安机关坚持“打、防、宣、治”一体推进，共破获养老诈骗案件1,852起，抓获犯罪嫌疑人3,064名，打掉犯罪团伙214个，捣毁窝点97处，追赃挽损5.17亿元，涉案金额达23.6亿元。其中，侦破涉老“保健品”类诈骗案件612起，抓获犯罪嫌疑人1,130名；侦破“投资理财”类案件487起，追赃挽损2.9亿余元。省公安厅有关负责人表示，下一步将继续保持高压态势，对近5年来的涉老积案开展“回头看”，确保专项行动取得实效。',
    figures: [
      ['cases_solved', 1852, false, '破获养老诈骗案件1,852起', '1,852'],
      ['suspects_arrested', 3064, false, '抓获犯罪嫌疑人3,064名', '3,064'],
      ['amount_recovered_yuan', 517000000, false, '追赃挽损5.17亿元', '5.17亿'],
      ['amount_involved_yuan', 2360000000, false, '涉案金额达23.6亿元', '23.6亿'],
      ['cases_solved', 612, false, '诈骗案件612起', '612', 'part'],
      ['suspects_arrested', 1130, false, '抓获犯罪嫌疑人1,130名', '1,130', 'part'],
      ['cases_solved', 487, false, '类案件487起', '487', 'part'],
      ['amount_recovered_yuan', 290000000, true, '追赃挽损2.9亿余元', '2.9亿余', 'part'],
    ],
  },
  {
    id: 'r06',
    text: '5月中旬，市公安局经侦支队成功侦破一起以“养老公寓”为名的非法吸收公众存款案，抓获犯罪嫌疑人23名，其中刑事拘留19人、取保候审4人，冻结涉案资金1,400余万元，查明涉案金额2.3亿元，涉及受害群众1,700余人，其中60岁以上老年人1,520人。目前，已为受害群众挽回经济损失3,800余万元，案件已移送检察机关审查起诉。经查，犯罪嫌疑人张某（男，45岁）自2019年起以高额返利为诱饵，先后在全市开设门店6家，诱骗老年人签订所谓“养老公寓”认购合同。',
    figures: [
      ['suspects_arrested', 23, false, '抓获犯罪嫌疑人23名', '23'],
      ['amount_involved_yuan', 230000000, false, '查明涉案金额2.3亿元', '2.3亿'],
      ['victims', 1700, true, '涉及受害群众1,700余人', '1,700余'],
      ['victims', 1520, false, '老年人1,520人', '1,520', 'part'],
      ['amount_recovered_yuan', 38000000, true, '挽回经济损失3,800余万元', '3,800余万'],
    ],
  },
  {
    id: 'r07',
    text: '全省公安机关组织开展三次集中收网行动，共打掉以“以房养老”“投资养老”为幌子的犯罪团伙四十六个，抓获犯罪嫌疑人八百余名，破获案件一千二百余起，追缴赃款赃物折合人民币一点二亿元。其中，省厅直接指挥侦办的“5·16”专案，抓获主要犯罪嫌疑人17名，涉案金额4.6亿元，为1.2万余名老年人挽回损失8,600余万元。省公安厅提醒广大老年朋友，凡是承诺“保本高息”的投资项目都要提高警惕，如遇可疑情况请及时拨打110报警或96110反诈专线咨询。',
    figures: [
      ['suspects_arrested', 800, true, '抓获犯罪嫌疑人八百余名', '八百余'],
      ['cases_solved', 1200, true, '破获案件一千二百余起', '一千二百余'],
      ['amount_recovered_yuan', 120000000, false, '折合人民币一点二亿元', '一点二亿'],
      ['suspects_arrested', 17, false, '抓获主要犯罪嫌疑人17名', '17', 'part'],
      ['amount_involved_yuan', 460000000, false, '涉案金额4.6亿元', '4.6亿'],
      ['victims', 12000, true, '为1.2万余名老年人挽回损失', '1.2万余', 'doubtful: persons for whom losses were recovered, as the session-13 decision'],
      ['amount_recovered_yuan', 86000000, true, '挽回损失8,600余万元', '8,600余万'],
    ],
  },
  {
    id: 'r08',
    text: '近日，县公安局召开新闻发布会通报：专项行动以来，全县共受理养老诈骗报案46起，立案38起，破案31起，将29名犯罪嫌疑人抓获归案，追回被骗资金217.6万元，全部发还给72名受害老人。同时，民警深入全县12个乡镇开展宣讲56场，发放宣传资料2.3万份，入户走访老年人家庭4,600余户，切实提高了辖区老年人的识骗防骗能力。发布会上，县公安局还公布了5起典型案例，并提醒群众：凡是以“免费体检”“免费旅游”为名邀请老年人参加的活动，都要多留一个心眼。',
    figures: [
      ['cases_filed', 38, false, '立案38起', '38'],
      ['cases_solved', 31, false, '破案31起', '31'],
      ['suspects_arrested', 29, false, '将29名犯罪嫌疑人抓获归案', '29'],
      ['amount_recovered_yuan', 2176000, false, '追回被骗资金217.6万元', '217.6万'],
      ['victims', 72, false, '发还给72名受害老人', '72'],
      ['publicity_events', 56, false, '开展宣讲56场', '56'],
      ['materials_distributed', 23000, false, '发放宣传资料2.3万份', '2.3万'],
      ['households_visited', 4600, true, '老年人家庭4,600余户', '4,600余'],
    ],
  },
  {
    id: 'r09',
    text: '2022年，全市检察机关深入参与打击整治养老诈骗专项行动，共受理审查逮捕养老诈骗犯罪案件87件153人，批准逮捕126人；受理审查起诉112件241人，提起公诉96件207人；对公安机关应当立案而不立案的监督立案3件，追加逮捕、追加起诉14人；办理涉养老领域公益诉讼案件21件，发出诉前检察建议17份。通过以案促赃、释法说理，督促退赃退赔1,860余万元。此外，全市检察机关12309检察服务中心共接待涉老来访群众430余人次，提供法律咨询260余次。',
    figures: [
      ['suspects_detained_formally', 126, false, '批准逮捕126人', '126'],
      ['prosecuted_cases', 96, false, '提起公诉96件', '96'],
      ['prosecuted_persons', 207, false, '96件207人', '207'],
      ['rectification_notices', 17, false, '诉前检察建议17份', '17', 'doubtful: 检察建议 as one of 三书一函 (as the first set)'],
    ],
  },
  {
    id: 'r10',
    text: '一年来，我院共办理养老诈骗刑事案件34件78人，其中审查逮捕18件41人，批准逮捕35人；提起公诉29件66人，法院已判决22件49人，判处有期徒刑五年以上的11人。在办案中，我院坚持追赃挽损与打击犯罪并重，共追赃挽损2,460万元，挽损率达到61.3%。针对办案中发现的养老机构管理漏洞，向主管部门制发检察建议6份，均已回复整改。今年，我院还选派5名检察官担任养老机构法治副院长，到机构开展法治讲座14场，受教育老年人800余人次。',
    figures: [
      ['suspects_detained_formally', 35, false, '批准逮捕35人', '35'],
      ['prosecuted_cases', 29, false, '提起公诉29件', '29'],
      ['prosecuted_persons', 66, false, '29件66人', '66'],
      ['trial_cases', 22, false, '法院已判决22件', '22'],
      ['amount_recovered_yuan', 24600000, false, '共追赃挽损2,460万元', '2,460万'],
      ['recovery_rate_pct', 61.3, false, '挽损率达到61.3%', '61.3', 'doubtful: the catalogue has 追赃挽损率; the guide lists only 破案率/占比/覆盖率 as other rates'],
      ['rectification_notices', 6, false, '制发检察建议6份', '6', 'doubtful, as r09'],
      ['publicity_events', 14, false, '开展法治讲座14场', '14'],
      ['people_reached', 800, true, '受教育老年人800余人次', '800余'],
    ],
  },
  {
    id: 'r11',
    text: '全省检察机关聚焦养老诈骗犯罪“全链条”，依法从严提起公诉1,284人，起诉“套路贷”“以房养老”类案件63件；同时，深入开展“检察官进社区”法治宣传，举办讲座380余场，受教育老年群众4.6万人次，发放宣传手册12万余册，通过检察新媒体发布典型案例及普法文章230余篇，引导老年人依法维权、理性消费。全省已有96个基层检察院与当地民政部门建立了涉老案件线索双向移送机制，累计相互移送线索118条，形成了打击合力。',
    figures: [
      ['prosecuted_persons', 1284, false, '提起公诉1,284人', '1,284'],
      ['prosecuted_cases', 63, false, '类案件63件', '63'],
      ['publicity_events', 380, true, '举办讲座380余场', '380余'],
      ['people_reached', 46000, false, '受教育老年群众4.6万人次', '4.6万'],
      ['materials_distributed', 120000, true, '宣传手册12万余册', '12万余'],
      ['media_posts', 230, true, '普法文章230余篇', '230余', 'doubtful: typical cases and articles in one count'],
    ],
  },
  {
    id: 'r12',
    text: '白皮书显示，2022年1月至2023年6月，全市两级法院共受理涉养老诈骗刑事案件143件，审结131件，判处罪犯387人，其中判处五年以上有期徒刑的罪犯92人，占比23.8%；判处罚金共计2,715万元，责令退赔被害人经济损失1.46亿元。从被害人年龄看，60岁以上被害人占比达82.6%，单案被害人最多的达1,300余人。白皮书同时指出，此类犯罪呈现出作案手段隐蔽化、组织形式公司化、诈骗对象特定化等三个特点，并从五个方面提出了对策建议。',
    figures: [
      ['trial_cases', 131, false, '审结131件', '131'],
      ['victims', 1300, true, '单案被害人最多的达1,300余人', '1,300余', 'doubtful: the largest single case'],
    ],
  },
  {
    id: 'r13',
    text: '市中级人民法院发布的《涉养老诈骗犯罪审判白皮书》指出，近三年来，全市法院一审审结此类案件78件214人，二审审结19件，涉案金额合计9.3亿余元，涉及被害人1.1万余名。法院通过执行追赃，已向被害人发还款项3,260万元。同时，法院向民政、市场监管等部门发出司法建议书9份，开展巡回审判、以案说法活动45场次。白皮书还收录了10个典型案例，涵盖“以房养老”“养老服务”“投资理财”等类型，为老年人提供了生动的反面教材。',
    figures: [
      ['trial_cases', 78, false, '一审审结此类案件78件', '78'],
      ['trial_cases', 19, false, '二审审结19件', '19'],
      ['amount_involved_yuan', 930000000, true, '涉案金额合计9.3亿余元', '9.3亿余'],
      ['victims', 11000, true, '涉及被害人1.1万余名', '1.1万余'],
      ['amount_recovered_yuan', 32600000, false, '发还款项3,260万元', '3,260万', 'doubtful: money recovered by enforcement and returned'],
      ['rectification_notices', 9, false, '司法建议书9份', '9'],
      ['publicity_events', 45, false, '以案说法活动45场次', '45'],
    ],
  },
  {
    id: 'r14',
    text: '据统计，专项行动期间，全省法院公开宣判养老诈骗案件56批次，集中宣判案件248件，当庭宣判率达71%，判处被告人613人，其中适用缓刑的仅占4.2%。各级法院联合公安、检察机关召开新闻发布会32次，发布典型案例86个，组织老年人旁听庭审1,900余人次，以身边案教育身边人。在一起典型案件中，被告人以销售“保健床垫”为名，骗取80余名老年人钱款共计436万元，被依法判处有期徒刑十二年，并处罚金50万元。',
    figures: [
      ['trial_cases', 248, false, '集中宣判案件248件', '248'],
      ['meetings', 32, false, '召开新闻发布会32次', '32'],
      ['people_reached', 1900, true, '旁听庭审1,900余人次', '1,900余', 'doubtful: attendance as reach (session-12 decision)'],
      ['victims', 80, true, '骗取80余名老年人钱款', '80余', 'persons cheated in one described case'],
      ['amount_involved_yuan', 4360000, false, '钱款共计436万元', '436万', 'doubtful: money cheated in one described case, as s031'],
    ],
  },
  {
    id: 'r15',
    text: '省民政厅关于养老服务领域涉诈风险排查整治情况的报告。全省现有养老机构2,187家，床位21.6万张。专项行动中，各级民政部门对全部养老机构开展拉网式排查，共排查养老机构2,187家次、社区养老服务设施3,540个，发现涉诈风险隐患183处，已整改销号171处，整改率93.4%；关停取缔违规机构12家，对26家机构下发整改通知书，约谈负责人58人次。截至目前，全省养老机构已全部签订《防范养老诈骗承诺书》，张贴防骗提示海报6,800余张。',
    figures: [
      ['institutions_count', 2187, false, '现有养老机构2,187家', '2,187'],
      ['beds', 216000, false, '床位21.6万张', '21.6万'],
      ['entities_screened', 2187, false, '排查养老机构2,187家次', '2,187'],
      ['entities_screened', 3540, false, '服务设施3,540个', '3,540'],
      ['hazards_found', 183, false, '发现涉诈风险隐患183处', '183'],
      ['hazards_rectified', 171, false, '已整改销号171处', '171'],
      ['rectification_notices', 26, false, '对26家机构下发整改通知书', '26'],
      ['posters', 6800, true, '提示海报6,800余张', '6,800余'],
    ],
  },
  {
    id: 'r16',
    text: '县民政局开展养老机构“回头看”专项排查，出动检查人员136人次，检查养老机构、农村敬老院及居家养老服务中心共41家，发现消防、食品、预收费等方面问题隐患29个，现场整改17个，限期整改12个；对排查出的3条涉嫌养老诈骗线索，已第一时间移交公安机关。下一步，县民政局将建立问题清单，逐项跟踪销号。县民政局同时在全县23家养老机构设立防骗宣传栏，组织入住老人及家属开展防骗知识讲座9场，参与老人及家属540余人。',
    figures: [
      ['inspections_person_times', 136, false, '出动检查人员136人次', '136'],
      ['entities_screened', 41, false, '居家养老服务中心共41家', '41'],
      ['hazards_found', 29, false, '问题隐患29个', '29'],
      ['hazards_rectified', 17, false, '现场整改17个', '17'],
      ['tips_received', 3, false, '排查出的3条涉嫌养老诈骗线索', '3'],
      ['publicity_events', 9, false, '防骗知识讲座9场', '9'],
      ['people_reached', 540, true, '参与老人及家属540余人', '540余', 'attendance as reach'],
    ],
  },
  {
    id: 'r17',
    text: '在排查中，全市共发现违规收取会员费、预付费的养老机构9家，涉及老年人1,260名，涉及金额2,030万元。目前，已督促7家机构清退预收费用1,470余万元，剩余2家已移交公安机关立案侦查。市民政局同步开展养老机构负责人培训6期，培训460人次，进一步压实机构主体责任，从源头防范非法集资风险。市民政局提醒，养老机构收取的预收费用应当用于养老服务，单个老年人预收押金不得超过月服务费的12倍，会员费不得超过床位费的12个月标准。',
    figures: [
      ['amount_involved_yuan', 20300000, false, '涉及金额2,030万元', '2,030万', 'doubtful: money of irregular prepayments'],
      ['amount_recovered_yuan', 14700000, true, '清退预收费用1,470余万元', '1,470余万'],
    ],
  },
  {
    id: 'r18',
    text: '市市场监管局开展保健品市场“清源”行动工作总结：行动期间，共出动执法人员2,840人次，检查保健食品生产经营单位1,962家次，检查会议营销、体验式销售场所137个，监测保健食品网络广告6,300余条，责令删除违法广告212条；立案查处虚假宣传、违法广告等案件87件，结案64件，罚没款386.2万元，移送公安机关涉嫌犯罪案件5件。行动中，市市场监管局还联合公安机关开展联合执法行动9次，捣毁制售假冒保健品窝点3个，查扣问题保健品2,100余盒。',
    figures: [
      ['inspections_person_times', 2840, false, '出动执法人员2,840人次', '2,840'],
      ['entities_screened', 1962, false, '生产经营单位1,962家次', '1,962'],
      ['entities_screened', 137, false, '体验式销售场所137个', '137'],
      ['ads_monitored', 6300, true, '网络广告6,300余条', '6,300余'],
      ['ads_cleaned', 212, false, '责令删除违法广告212条', '212'],
      ['cases_filed', 87, false, '等案件87件', '87'],
      ['penalty_amount_yuan', 3862000, false, '罚没款386.2万元', '386.2万'],
    ],
  },
  {
    id: 'r19',
    text: '区市场监管局聚焦老年人保健品消费领域，开展专项检查12轮，检查药店、保健品专卖店等经营主体483户次，发现并查处问题23个，下达责令改正通知书31份，没收违法所得及罚款合计47.6万元；组织“3·15”进社区宣传活动18场，现场解答群众咨询600余人次，发放《老年人保健品消费提示》1.5万份，营造安全放心的消费环境。区市场监管局还在全区32家药店、商超设立“老年人消费维权服务站”，今年以来共处理老年消费者投诉48件。',
    figures: [
      ['entities_screened', 483, false, '经营主体483户次', '483'],
      ['rectification_notices', 31, false, '责令改正通知书31份', '31'],
      ['penalty_amount_yuan', 476000, false, '罚款合计47.6万元', '47.6万'],
      ['publicity_events', 18, false, '进社区宣传活动18场', '18'],
      ['materials_distributed', 15000, false, '消费提示》1.5万份', '1.5万'],
    ],
  },
  {
    id: 'r20',
    text: '截至目前，全省市场监管系统共查办涉老保健品虚假宣传案件1,046件，其中立案查处632件，罚没金额2,380余万元；清理整治涉老虚假违法广告4,700余条；约谈平台企业32家，督促下架违规商品1.2万件；受理涉老消费投诉举报9,860件，为老年消费者挽回经济损失1,530万元，切实维护了老年人合法权益。省市场监管局将于下月起开展为期3个月的“回头看”，对已办结案件中的41家重点企业进行再检查，坚决防止问题反弹。',
    figures: [
      ['admin_penalties', 1046, false, '虚假宣传案件1,046件', '1,046', 'doubtful: 查办 by a regulator without 立案 (as s077)'],
      ['cases_filed', 632, false, '其中立案查处632件', '632', 'part'],
      ['penalty_amount_yuan', 23800000, true, '罚没金额2,380余万元', '2,380余万'],
      ['ads_cleaned', 4700, true, '违法广告4,700余条', '4,700余'],
      ['amount_recovered_yuan', 15300000, false, '挽回经济损失1,530万元', '1,530万'],
    ],
  },
  {
    id: 'r21',
    text: '省地方金融监管局防范非法集资工作通报：专项行动以来，全省共排查涉嫌以养老名义非法集资风险企业1,312家，发现风险线索276条，移交公安机关立案侦查的非法集资案件58起，涉案金额31.7亿元，涉及集资参与人2.6万余人。全省银行业金融机构在柜面成功劝阻老年客户可疑转账汇款1,894笔，避免资金损失8,750万元。同时，省地方金融监管局组织开展“防范非法集资进万家”活动，在全省各地举办宣传活动1,560场，发放宣传资料83万份。',
    figures: [
      ['entities_screened', 1312, false, '风险企业1,312家', '1,312'],
      ['tips_received', 276, false, '发现风险线索276条', '276'],
      ['amount_involved_yuan', 3170000000, false, '涉案金额31.7亿元', '31.7亿'],
      ['publicity_events', 1560, false, '举办宣传活动1,560场', '1,560'],
      ['materials_distributed', 830000, false, '发放宣传资料83万份', '83万'],
    ],
  },
  {
    id: 'r22',
    text: 'XX银行XX分行开展“守护银发”专项行动，组织辖内网点开展厅堂宣传860余场，向老年客户发放防非宣传折页4.2万份，通过手机银行推送防诈提示消息12万条；全年成功堵截涉诈交易37笔，为老年客户挽回资金损失426万元，其中识别并劝阻“以房养老”类骗局6起，得到了客户和监管部门的一致好评。该分行还为辖内62个网点配备了“老年客户服务专员”，累计为老年客户提供上门服务310余次，协助办理养老金业务2,400余笔。',
    figures: [
      ['publicity_events', 860, true, '厅堂宣传860余场', '860余'],
      ['materials_distributed', 42000, false, '宣传折页4.2万份', '4.2万'],
      ['amount_recovered_yuan', 4260000, false, '挽回资金损失426万元', '426万'],
    ],
  },
  {
    id: 'r23',
    text: '今年以来，市处非办牵头开展“防范非法集资宣传月”活动，累计举办防非进社区、进老年大学活动214场次，发放宣传资料11.3万份，悬挂宣传横幅640余条，电子屏滚动播放标语3,200余条次，受众群众约8.7万人次。同期，全市公安机关立案侦办以养老名义实施的非法集资案件14起，挽回损失1.06亿元。市处非办还对全市138家民间投资理财、养老服务类企业开展风险排查，发现涉嫌非法集资风险线索19条，已全部移交相关部门处置。',
    figures: [
      ['publicity_events', 214, false, '进老年大学活动214场次', '214'],
      ['materials_distributed', 113000, false, '宣传资料11.3万份', '11.3万'],
      ['banners', 640, true, '宣传横幅640余条', '640余'],
      ['people_reached', 87000, true, '受众群众约8.7万人次', '8.7万'],
      ['cases_filed', 14, false, '非法集资案件14起', '14'],
      ['amount_recovered_yuan', 106000000, false, '挽回损失1.06亿元', '1.06亿'],
      ['entities_screened', 138, false, '对全市138家民间投资理财', '138'],
      ['tips_received', 19, false, '风险线索19条', '19'],
    ],
  },
  {
    id: 'r24',
    text: '市住建局专项整治“以房养老”“养老地产”虚假宣传情况：全市共排查房地产开发企业、中介机构427家，检查在售楼盘项目186个，发现以“养老”名义虚假宣传问题11个，已全部整改到位；对3家违规企业下达整改通知书，约谈企业负责人15人次，暂停网签备案2家，清理涉老虚假房地产广告34条。市住建局还在全市房地产交易大厅、中介门店张贴防范“以房养老”诈骗提示海报830张，发放告知书4,500份，提醒老年人签订房屋买卖、抵押合同时务必与子女商量。',
    figures: [
      ['entities_screened', 427, false, '中介机构427家', '427'],
      ['entities_screened', 186, false, '在售楼盘项目186个', '186'],
      ['hazards_found', 11, false, '虚假宣传问题11个', '11'],
      ['rectification_notices', 3, false, '对3家违规企业下达整改通知书', '3'],
      ['ads_cleaned', 34, false, '房地产广告34条', '34'],
      ['posters', 830, false, '提示海报830张', '830'],
      ['materials_distributed', 4500, false, '发放告知书4,500份', '4,500', 'doubtful: notices handed out as materials'],
    ],
  },
  {
    id: 'r25',
    text: '省文化和旅游厅报告，专项行动期间，全省文旅部门共检查旅行社2,146家次、A级旅游景区318家次，线上巡查在线旅游平台及老年旅游产品1,900余条，查处“不合理低价游”等违法违规案件27件，罚款89.5万元；发布老年人旅游消费提示4期，开展“文明旅游进社区”宣传活动120余场。对检查中发现的以“免费旅游”“低价旅游”为名诱骗老年人购买保健品的5家旅行社，已依法吊销旅行社业务经营许可证2家，列入失信名单3家。',
    figures: [
      ['entities_screened', 2146, false, '检查旅行社2,146家次', '2,146'],
      ['entities_screened', 318, false, '旅游景区318家次', '318'],
      ['admin_penalties', 27, false, '违法违规案件27件', '27'],
      ['penalty_amount_yuan', 895000, false, '罚款89.5万元', '89.5万'],
      ['publicity_events', 120, true, '宣传活动120余场', '120余'],
    ],
  },
  {
    id: 'r26',
    text: '市卫生健康委在专项行动中，组织卫生监督员对辖区医养结合机构、养老机构内设医疗机构开展监督检查，共出动卫生监督员324人次，检查单位109家，发现违规开展诊疗、虚假宣传等问题8个，责令整改8个，立案查处2起，罚款3.2万元；同时，在全市56家二级以上医疗机构候诊区、发热门诊等滚动播放防诈宣传视频。市卫生健康委还组织全市基层医疗卫生机构家庭医生签约团队在入户随访中开展防诈宣传，共入户随访老年人2.8万人次，发放宣传资料3.6万份。',
    figures: [
      ['inspections_person_times', 324, false, '出动卫生监督员324人次', '324'],
      ['entities_screened', 109, false, '检查单位109家', '109'],
      ['hazards_found', 8, false, '虚假宣传等问题8个', '8'],
      ['cases_filed', 2, false, '立案查处2起', '2'],
      ['penalty_amount_yuan', 32000, false, '罚款3.2万元', '3.2万'],
      ['households_visited', 28000, false, '入户随访老年人2.8万人次', '2.8万', 'doubtful: persons visited at home, in 人次'],
      ['materials_distributed', 36000, false, '宣传资料3.6万份', '3.6万'],
    ],
  },
  {
    id: 'r27',
    text: '“防范养老诈骗宣传月”活动总结。活动期间，全县组织开展各类集中宣传活动96场，举办防骗知识讲座43场，参与群众1.6万余人；印制发放《防范养老诈骗明白纸》3.5万份、宣传手提袋5,000个；张贴宣传海报1,200张，悬挂横幅320条；通过县融媒体中心播出专题节目12期，在微信公众号推送文章58篇，阅读量达23万次；向全县老年手机用户发送防诈短信14.6万条。宣传月期间，县专项办还开展了“防骗知识有奖问答”活动，发放奖品300份。',
    figures: [
      ['publicity_events', 96, false, '集中宣传活动96场', '96'],
      ['publicity_events', 43, false, '知识讲座43场', '43'],
      ['people_reached', 16000, true, '参与群众1.6万余人', '1.6万余', 'attendance as reach'],
      ['materials_distributed', 35000, false, '明白纸》3.5万份', '3.5万'],
      ['posters', 1200, false, '宣传海报1,200张', '1,200'],
      ['banners', 320, false, '悬挂横幅320条', '320'],
      ['media_posts', 12, false, '专题节目12期', '12', 'doubtful: broadcast programmes as media posts'],
      ['media_posts', 58, false, '推送文章58篇', '58'],
      ['sms_sent', 146000, false, '防诈短信14.6万条', '14.6万'],
    ],
  },
  {
    id: 'r28',
    text: '宣传月期间，全市各成员单位联动开展“五进”宣传，累计开展活动1,368场次，覆盖老年群众42.7万人次；发放宣传资料、宣传品共计56万余份；在主流媒体刊播新闻报道186篇（条），其中中央级媒体11篇；制作反诈微视频、情景剧等37部，网络播放量超过600万次；组织志愿者8,600余人次开展入户宣传，走访老年家庭7.9万户。宣传月结束后，各地共评选出防范养老诈骗“优秀宣传员”120名、“示范社区”15个，并于12月5日举行表彰仪式。',
    figures: [
      ['publicity_events', 1368, false, '开展活动1,368场次', '1,368'],
      ['people_reached', 427000, false, '覆盖老年群众42.7万人次', '42.7万'],
      ['media_posts', 186, false, '新闻报道186篇', '186'],
      ['media_posts', 11, false, '中央级媒体11篇', '11', 'part'],
      ['videos_made', 37, false, '情景剧等37部', '37', 'doubtful: videos and skits in one count'],
      ['households_visited', 79000, false, '走访老年家庭7.9万户', '7.9万'],
    ],
  },
  {
    id: 'r29',
    text: '镇综治中心联合派出所、司法所在全镇11个村（社区）开展防范养老诈骗巡回宣讲，共举办宣讲会22场，为1,300余名老年人讲解常见诈骗手法，现场发放宣传折页2,600份、防诈扇子800把，张贴宣传展板44块，利用“村村响”广播播放防诈音频460余次，让防骗知识家喻户晓。下一步，镇里将把防范养老诈骗宣传纳入网格日常工作，由全镇86名网格员每月至少走访辖区独居、空巢老人1次，确保宣传全覆盖、无死角。今年以来，网格员已累计走访独居老人1,470户次。',
    figures: [
      ['publicity_events', 22, false, '举办宣讲会22场', '22'],
      ['people_reached', 1300, true, '为1,300余名老年人讲解', '1,300余'],
      ['materials_distributed', 2600, false, '宣传折页2,600份', '2,600'],
      ['posters', 44, false, '宣传展板44块', '44'],
      ['households_visited', 1470, false, '走访独居老人1,470户次', '1,470'],
    ],
  },
  {
    id: 'r30',
    text: 'XX县打击整治养老诈骗专项行动工作简报（第*期）。本周，县专项办新受理群众举报线索17条，累计受理线索236条；本周办结线索21条，累计办结209条，办结率88.6%，其中按期办结201条，按期办结率96.2%；本周转办公安机关线索4条，累计转办37条；尚有27条线索正在核查中，无超期线索。各乡镇（街道）要严格落实线索“日登记、周调度、月通报”制度，对超过30日未办结的线索，县专项办将予以通报。联系电话：0391-5123456。',
    figures: [
      ['tips_received', 17, false, '新受理群众举报线索17条', '17'],
      ['tips_received', 236, false, '累计受理线索236条', '236'],
      ['tips_closed', 21, false, '本周办结线索21条', '21'],
      ['tips_closed', 209, false, '累计办结209条', '209'],
      ['closure_rate_pct', 88.6, false, '办结率88.6%', '88.6'],
      ['tips_closed_on_time', 201, false, '其中按期办结201条', '201', 'part; the catalogue key 按期办结'],
      ['on_time_rate_pct', 96.2, false, '按期办结率96.2%', '96.2'],
    ],
    masked: ['第*期'],
  },
  {
    id: 'r31',
    text: '第**期工作简报：截至*月*日，全县累计收集养老诈骗线索312条，已核查处置298条，查实线索41条，办结286条，办结率91.7%；超期未办结线索3条，已由县专项办发函督办。本期县专项办组织开展督导检查2轮，召开专题调度会议1次，向各乡镇下发工作提示函9份，推动线索按期办结。另据统计，本期各乡镇共开展入户宣传1,120户，发放宣传资料6,800份，张贴宣传标语230条，各项工作有序推进。下期简报将于下周一印发，请各乡镇及时报送本周工作进展。',
    figures: [
      ['tips_received', 312, false, '收集养老诈骗线索312条', '312'],
      ['tips_verified', 298, false, '已核查处置298条', '298'],
      ['tips_true', 41, false, '查实线索41条', '41'],
      ['tips_closed', 286, false, '办结286条', '286'],
      ['closure_rate_pct', 91.7, false, '办结率91.7%', '91.7'],
      ['tips_overdue', 3, false, '超期未办结线索3条', '3'],
      ['supervision_rounds', 2, false, '督导检查2轮', '2'],
      ['meetings', 1, false, '专题调度会议1次', '1'],
      ['rectification_notices', 9, false, '工作提示函9份', '9'],
      ['households_visited', 1120, false, '开展入户宣传1,120户', '1,120'],
      ['materials_distributed', 6800, false, '发放宣传资料6,800份', '6,800'],
      ['banners', 230, false, '张贴宣传标语230条', '230'],
    ],
    masked: ['第**期', '*月*日'],
  },
  {
    id: 'r32',
    text: '【工作动态】9月份，全区各街道共受理养老诈骗线索 58 条，其中公安机关转来12条、12345热线转办19条、群众来信来访27条；已办结51条，正在办理7条。本月区专项办对6个街道开展交叉检查，抽查线索台账120份，发现问题14个，已督促整改。区公安分局本月新立案4起，破案3起，刑拘犯罪嫌疑人5人。请各街道于每月25日前将线索办理台账报区专项办，逾期未报的将在全区通报。本期共通报工作滞后街道2个。',
    figures: [
      ['tips_received', 58, false, '受理养老诈骗线索 58 条', '58'],
      ['tips_received', 12, false, '公安机关转来12条', '12', 'part'],
      ['tips_received', 19, false, '热线转办19条', '19', 'part'],
      ['tips_received', 27, false, '群众来信来访27条', '27', 'part'],
      ['tips_closed', 51, false, '已办结51条', '51'],
      ['hazards_found', 14, false, '发现问题14个', '14', 'doubtful: problems in the tip files, not hazards of an institution'],
      ['cases_filed', 4, false, '新立案4起', '4'],
      ['cases_solved', 3, false, '破案3起', '3'],
    ],
  },
  {
    id: 'r33',
    text: '县打击整治养老诈骗专项行动周报：本周共接收各类涉老诈骗线索9条（累计143条），当周办结8条（累计131条）；公安机关本周破获养老诈骗案件2起，抓获犯罪嫌疑人3人，追回涉案资金6.8万元；市场监管局本周检查保健品门店15家，民政局检查养老机构4家，均未发现问题。各成员单位要继续落实周报制度，按时报送工作进展。下周，县专项办将联合县公安局、县市场监管局对城区3个重点商圈开展联合检查，并在县广场举办第3场集中宣传活动。',
    figures: [
      ['tips_received', 9, false, '涉老诈骗线索9条', '9'],
      ['tips_received', 143, false, '（累计143条）', '143'],
      ['tips_closed', 8, false, '当周办结8条', '8'],
      ['tips_closed', 131, false, '（累计131条）', '131'],
      ['cases_solved', 2, false, '诈骗案件2起', '2'],
      ['suspects_arrested', 3, false, '抓获犯罪嫌疑人3人', '3'],
      ['amount_recovered_yuan', 68000, false, '追回涉案资金6.8万元', '6.8万'],
      ['entities_screened', 15, false, '检查保健品门店15家', '15'],
      ['entities_screened', 4, false, '检查养老机构4家', '4'],
    ],
  },
  {
    id: 'r34',
    text: '主持人：今天上午，省政府新闻办举行新闻发布会，通报全省打击整治养老诈骗专项行动进展情况。记者从发布会上获悉，专项行动开展以来，全省公安机关共侦破养老诈骗案件两千一百多起，抓获犯罪嫌疑人三千六百多名，追赃挽损十一点三亿元。\n（同期声）省公安厅副厅长：我们为一万四千多名老年人挽回了损失，打掉了一百二十多个犯罪团伙。据介绍，专项行动期间，全省还开展各类宣传活动5.6万场，发放宣传资料1,200多万份，受教育群众超过3,000万人次。',
    figures: [
      ['cases_solved', 2100, true, '养老诈骗案件两千一百多起', '两千一百多'],
      ['suspects_arrested', 3600, true, '犯罪嫌疑人三千六百多名', '三千六百多'],
      ['amount_recovered_yuan', 1130000000, false, '追赃挽损十一点三亿元', '十一点三亿'],
      ['victims', 14000, true, '为一万四千多名老年人挽回了损失', '一万四千多', 'doubtful, as r07'],
      ['publicity_events', 56000, false, '各类宣传活动5.6万场', '5.6万'],
      ['materials_distributed', 12000000, true, '宣传资料1,200多万份', '1,200多万'],
      ['people_reached', 30000000, true, '受教育群众超过3,000万人次', '3,000万'],
    ],
  },
  {
    id: 'r35',
    text: '记者：在市民政局的监控大屏上，全市183家养老机构的实时画面一目了然。据介绍，专项行动开展以来，民政部门已经为全市8,000多名独居老人安装了智能腕表和紧急呼叫设备，累计排查养老机构183家，发现隐患42处，目前已经整改完成39处。\n市民王大爷：“社区的民警上个月来了三次，给我们讲了怎么防骗。”记者了解到，该市还为全市社区配备了反诈宣传员260名，今年以来共开展进社区宣传活动430场，覆盖老年人4.5万人次。',
    figures: [
      ['entities_screened', 183, false, '累计排查养老机构183家', '183'],
      ['hazards_found', 42, false, '发现隐患42处', '42'],
      ['hazards_rectified', 39, false, '整改完成39处', '39'],
      ['publicity_events', 430, false, '进社区宣传活动430场', '430'],
      ['people_reached', 45000, false, '覆盖老年人4.5万人次', '4.5万'],
    ],
  },
  {
    id: 'r36',
    text: '（二）线索核查。专项行动开展以来，我局共接收上级交办及群众举报线索１２６条，经核查，属实或部分属实的３４条，已全部办结，办结率１００％。其中，移送公安机关处理的７条，移送市场监管部门处理的５条。\n（三）打击处理。全县公安机关立案侦查养老诈骗案件２３起，破案１９起，抓获犯罪嫌疑人４１名，追赃挽损３８６．５万元。\n（四）宣传教育。全县共开展宣传活动４８场次，发放宣传资料１．２万份，悬挂横幅１５０条。各项工作均按时间节点有序推进。',
    figures: [
      ['tips_received', 126, false, '群众举报线索１２６条', '１２６'],
      ['closure_rate_pct', 100, false, '办结率１００％', '１００'],
      ['cases_filed', 23, false, '养老诈骗案件２３起', '２３'],
      ['cases_solved', 19, false, '破案１９起', '１９'],
      ['suspects_arrested', 41, false, '犯罪嫌疑人４１名', '４１'],
      ['amount_recovered_yuan', 3865000, false, '追赃挽损３８６．５万元', '３８６．５万'],
      ['publicity_events', 48, false, '宣传活动４８场次', '４８'],
      ['materials_distributed', 12000, false, '宣传资料１．２万份', '１．２万'],
      ['banners', 150, false, '悬挂横幅１５０条', '１５０'],
    ],
  },
  {
    id: 'r37',
    text: '四、排查整治情况\n全市共排查各类养老服务机构\n1 024家，发现风险隐患\n318个，已整改2 96个，整改率9 3.1%。市场监管部门检查保健品经营单位3,5\n60家次，立案\n查处案件47件，罚没款\n2 1 3.6万元。\n五、存在的问题\n一是部分老年人防骗意识仍然不强；二是基层排查力量不足。三是宣传成效有待提升，部分宣传活动形式单一；四是长效机制尚不健全。全市共有3个县区未按时报送工作台账。下一步将逐项制定措施，限期整改。',
    figures: [
      ['entities_screened', 1024, false, '养老服务机构\n1 024家', '1 024'],
      ['hazards_found', 318, false, '风险隐患\n318个', '318'],
      ['hazards_rectified', 296, false, '已整改2 96个', '2 96'],
      ['entities_screened', 3560, false, '经营单位3,5\n60家次', '3,5\n60', 'a number broken by a line break'],
      ['cases_filed', 47, false, '查处案件47件', '47'],
      ['penalty_amount_yuan', 2136000, false, '罚没款\n2 1 3.6万元', '2 1 3.6万'],
    ],
  },
  {
    id: 'r38',
    text: '二〇二二年度全县防范养老诈骗工作情况。全年共开展宣传活动1〇5场次，发放宣传资料2〇〇〇〇余份，受教育群众一万〇三百余人次；公安机关破获养老诈骗案件1〇起，抓获犯罪嫌疑人2〇人，追回损失资金1〇8万元；民政部门检查养老机构3〇家次，发现隐患6处，全部整改完毕。县专项办将持续巩固专项行动成果，推动建立长效机制。县专项办共向各乡镇下发督办通知1〇份，开展督导检查两轮。同时，各乡镇均明确1名分管领导负责专项行动日常工作，确保责任落实到人。',
    figures: [
      ['publicity_events', 105, false, '宣传活动1〇5场次', '1〇5'],
      ['materials_distributed', 20000, true, '宣传资料2〇〇〇〇余份', '2〇〇〇〇余'],
      ['people_reached', 10300, true, '受教育群众一万〇三百余人次', '一万〇三百余'],
      ['cases_solved', 10, false, '诈骗案件1〇起', '1〇'],
      ['suspects_arrested', 20, false, '犯罪嫌疑人2〇人', '2〇'],
      ['amount_recovered_yuan', 1080000, false, '追回损失资金1〇8万元', '1〇8万'],
      ['entities_screened', 30, false, '养老机构3〇家次', '3〇'],
      ['hazards_found', 6, false, '发现隐患6处', '6'],
      ['supervision_rounds', 2, false, '开展督导检查两轮', '两'],
    ],
  },
  {
    id: 'r39',
    text: '据统计，专项行动以来全省累计追赃挽损1亿2千万元，涉案金额共计3.5亿余元；其中某“养老社区”项目非法集资案涉案金额1亿零500万元，受害老人1千余名。全省共收集线索1.03万条，核查处置9,870条；发放宣传资料186.4万份、发送短信2千万条，老年群体识骗防骗能力明显增强。专项行动中，全省共召开新闻发布会26场，通报典型案例130余起，曝光率100%。下一步，全省将持续巩固专项行动成果，推动打击整治常态化、长效化。',
    figures: [
      ['amount_recovered_yuan', 120000000, false, '追赃挽损1亿2千万元', '1亿2千万'],
      ['amount_involved_yuan', 350000000, true, '涉案金额共计3.5亿余元', '3.5亿余'],
      ['amount_involved_yuan', 105000000, false, '涉案金额1亿零500万元', '1亿零500万', 'one described case'],
      ['victims', 1000, true, '受害老人1千余名', '1千余'],
      ['tips_received', 10300, false, '收集线索1.03万条', '1.03万'],
      ['tips_verified', 9870, false, '核查处置9,870条', '9,870'],
      ['materials_distributed', 1864000, false, '宣传资料186.4万份', '186.4万'],
      ['sms_sent', 20000000, false, '发送短信2千万条', '2千万'],
      ['meetings', 26, false, '召开新闻发布会26场', '26'],
    ],
  },
  {
    id: 'r40',
    text: 'XX市打击整治养老诈骗专项行动工作总结\n一、 工作开展情况\n截至 2022 年 12 月 31 日 ，全市共召开专题会议 ** 次，开展督导检查 6 轮次 ，受理线索 1,236 条，办结 1,198 条，办结率 96.9 % ；立案 84 起，破案 71 起，抓获犯罪嫌疑人 153 名，追赃挽损 4,268.3 万元 ；发放宣传资料 ＊＊ 万份，举办讲座 215 场 。\n二、 存在问题\n宣传覆盖面仍有不足，约 3 成乡镇尚未实现村级全覆盖。',
    figures: [
      ['supervision_rounds', 6, false, '督导检查 6 轮次', '6'],
      ['tips_received', 1236, false, '受理线索 1,236 条', '1,236'],
      ['tips_closed', 1198, false, '办结 1,198 条', '1,198'],
      ['closure_rate_pct', 96.9, false, '办结率 96.9 %', '96.9'],
      ['cases_filed', 84, false, '立案 84 起', '84'],
      ['cases_solved', 71, false, '破案 71 起', '71'],
      ['suspects_arrested', 153, false, '抓获犯罪嫌疑人 153 名', '153'],
      ['amount_recovered_yuan', 42683000, false, '追赃挽损 4,268.3 万元', '4,268.3 万'],
      ['publicity_events', 215, false, '举办讲座 215 场', '215'],
    ],
    masked: ['专题会议 ** 次', '＊＊ 万份'],
  },
];

/**
 * PROBE batch (q01–q10), CONSTRUCTED 2026-12-01 (session 16) by the same second writer AFTER reading figures.ts and fixing the
 * kinds of the 40 passages above: not independent of the rules, but unseen by them; committed before the extractor was run on it.
 *   npx tsx bench/intel-fig-passages2.ts --probe
 */
export const PASSAGES2_PROBE_CONSTRUCTED: P[] = [
  {
    id: 'q01',
    text: '第三季度，全市专项办新收到群众举报线索326条，连同上季度结转的41条，共需办理367条，已办结352条，办结率95.9%；各成员单位共开展联合检查17次，检查各类经营场所1,208家次，发现问题隐患94个，已整改86个，正在整改8个。公安机关侦破养老诈骗案件27起，抓获犯罪嫌疑人58名，追赃挽损1,365万元；检察机关批准逮捕32人，提起公诉19件44人。第四季度，专项办将重点围绕线索“清仓见底”和隐患“动态清零”两项任务，深入开展“回头看”工作。',
    figures: [
      ['tips_received', 326, false, '举报线索326条', '326'],
      ['tips_closed', 352, false, '已办结352条', '352'],
      ['closure_rate_pct', 95.9, false, '办结率95.9%', '95.9'],
      ['entities_screened', 1208, false, '经营场所1,208家次', '1,208'],
      ['hazards_found', 94, false, '发现问题隐患94个', '94'],
      ['hazards_rectified', 86, false, '已整改86个', '86'],
      ['cases_solved', 27, false, '诈骗案件27起', '27'],
      ['suspects_arrested', 58, false, '犯罪嫌疑人58名', '58'],
      ['amount_recovered_yuan', 13650000, false, '追赃挽损1,365万元', '1,365万'],
      ['suspects_detained_formally', 32, false, '批准逮捕32人', '32'],
      ['prosecuted_cases', 19, false, '提起公诉19件', '19'],
      ['prosecuted_persons', 44, false, '19件44人', '44'],
    ],
  },
  {
    id: 'q02',
    text: '市公安局新闻发言人介绍，今年以来，全市公安机关共接报养老诈骗警情312起，立案侦查245起，已破案198起，破案率80.8%；共抓获犯罪嫌疑人436人，其中网上追逃抓获在逃人员27人；打掉诈骗团伙19个，追缴赃款2,870余万元，为680余名老年人挽回损失。发言人提醒，老年朋友遇到“高额返利”“免费领取”等情况，要第一时间拨打110报警。据悉，专项行动开展以来，该局先后组织开展集中收网行动3次，在全市设立反诈宣传点46个，实现城乡全覆盖。',
    figures: [
      ['cases_filed', 245, false, '立案侦查245起', '245'],
      ['cases_solved', 198, false, '已破案198起', '198'],
      ['suspects_arrested', 436, false, '犯罪嫌疑人436人', '436'],
      ['suspects_arrested', 27, false, '在逃人员27人', '27', 'part; fugitives caught (as the guide notes)'],
      ['amount_recovered_yuan', 28700000, true, '追缴赃款2,870余万元', '2,870余万'],
      ['victims', 680, true, '为680余名老年人挽回损失', '680余', 'doubtful, as r07'],
    ],
  },
  {
    id: 'q03',
    text: '2022年，市中级人民法院及辖区基层法院共审结涉养老诈骗刑事案件46件，判处被告人118人，判处罚金合计673万元；在审判中督促被告人退赔被害人损失1,124万元，发放执行款至312名被害人手中。同时，法院通过开展“法官进社区”活动32场，为2,100余名老年人讲解防骗知识，发放《防范养老诈骗法律指引》5,000册。市中院有关负责人表示，下一步将继续依法从严惩处养老诈骗犯罪，对犯罪数额特别巨大的依法判处十年以上有期徒刑。',
    figures: [
      ['trial_cases', 46, false, '刑事案件46件', '46'],
      ['victims', 312, false, '至312名被害人手中', '312'],
      ['publicity_events', 32, false, '活动32场', '32'],
      ['people_reached', 2100, true, '为2,100余名老年人讲解', '2,100余'],
      ['materials_distributed', 5000, false, '法律指引》5,000册', '5,000'],
    ],
  },
  {
    id: 'q04',
    text: '（一）排查情况。全区共排查养老机构４６家、社区日间照料中心１２８个，检查覆盖率１００％；发现风险隐患２３处，其中涉及预收费问题的７处、涉及保健品推销的５处，已全部整改到位。\n（二）宣传情况。在全区养老机构张贴防骗海报５６０张，开展防骗讲座６２场，受益老人３，２００余人次。\n（三）下一步打算。继续加强日常监管。\n（四）存在问题。一是部分机构负责人重视程度不够，宣传流于形式；二是个别机构仍存在向入住老人推销保健品的苗头。',
    figures: [
      ['entities_screened', 46, false, '养老机构４６家', '４６'],
      ['entities_screened', 128, false, '日间照料中心１２８个', '１２８'],
      ['hazards_found', 23, false, '风险隐患２３处', '２３'],
      ['hazards_found', 7, false, '预收费问题的７处', '７', 'part'],
      ['hazards_found', 5, false, '保健品推销的５处', '５', 'part'],
      ['posters', 560, false, '防骗海报５６０张', '５６０'],
      ['publicity_events', 62, false, '防骗讲座６２场', '６２'],
      ['people_reached', 3200, true, '受益老人３，２００余人次', '３，２００余'],
    ],
  },
  {
    id: 'q05',
    text: '全省市场监管部门共检查保健食品经营者5.3万户次，立案查处涉老保健食品违法案件1,873件，案值1.06亿元，罚没款合计4,512万元；其中，查处虚假宣传案件962件，罚没1,870万元。共抽检保健食品样品2,450批次，发现不合格样品31批次，已全部下架处置。下一步，全省将持续加大对会议营销、免费体验等销售行为的监管力度。同时，全省共受理老年人消费投诉举报3,260件，调解成功2,980件，为老年消费者营造了放心的消费环境。',
    figures: [
      ['entities_screened', 53000, false, '经营者5.3万户次', '5.3万'],
      ['cases_filed', 1873, false, '违法案件1,873件', '1,873'],
      ['amount_involved_yuan', 106000000, false, '案值1.06亿元', '1.06亿', 'doubtful: 案值 as the amount involved'],
      ['penalty_amount_yuan', 45120000, false, '罚没款合计4,512万元', '4,512万'],
      ['cases_filed', 962, false, '虚假宣传案件962件', '962', 'part; doubtful: 查处 as a breakdown of 立案查处'],
      ['penalty_amount_yuan', 18700000, false, '罚没1,870万元', '1,870万', 'part'],
    ],
  },
  {
    id: 'q06',
    text: '今年以来，我市银行机构累计识别拦截涉老可疑交易2,316笔，涉及金额3,480万元；会同公安机关开展“断卡”行动，清理涉诈账户1,120个。在防非宣传方面，各银行网点开展“金融知识进社区”活动380场，发放宣传折页8.6万份，在营业网点电子屏滚动播放防非标语1.2万小时，惠及老年客户约12万人次。下一步，市金融监管部门将指导银行机构完善老年客户大额转账提醒机制，确保风险早发现、早预警、早处置、早化解。',
    figures: [
      ['publicity_events', 380, false, '活动380场', '380'],
      ['materials_distributed', 86000, false, '宣传折页8.6万份', '8.6万'],
      ['people_reached', 120000, true, '惠及老年客户约12万人次', '12万'],
    ],
  },
  {
    id: 'q07',
    text: '【专项行动简报第１２期】\n截至１〇月３１日，全县累计受理涉养老诈骗线索２０６条，办结１９８条，办结率９６．１％；其中本月新受理１５条，\n办结１７条。县专项办本月开展督导检查１轮，对\n３个乡镇进行了通报。各乡镇要对照问题清单，逐项整改落实，确保专项行动各项任务按期完成，并于每月５日前报送上月工作情况。\n报：县委、县政府主要领导；送：各成员单位；发：各乡镇（街道）。联系人：张某，电话：0395-8123456。',
    figures: [
      ['tips_received', 206, false, '线索２０６条', '２０６'],
      ['tips_closed', 198, false, '办结１９８条', '１９８'],
      ['closure_rate_pct', 96.1, false, '办结率９６．１％', '９６．１'],
      ['tips_received', 15, false, '本月新受理１５条', '１５', 'part'],
      ['tips_closed', 17, false, '办结１７条', '１７', 'part'],
      ['supervision_rounds', 1, false, '督导检查１轮', '１'],
    ],
  },
  {
    id: 'q08',
    text: '记者在活动现场看到，不少老人拿着刚领到的宣传手册认真阅读。据主办方介绍，本次宣传月期间，全市共举办各类宣传活动两百余场，发放宣传资料三万多份，现场接受咨询的群众超过五千人次。七十二岁的李阿姨说：“以前总觉得骗子离我很远，今天听了讲座才知道，一不小心就会上当。”主办方表示，这样的活动还会继续办下去。据了解，今年以来，该市已累计为老年人下载安装国家反诈中心APP1.6万余次，老年人涉诈案件发案数同比下降了三成以上。',
    figures: [
      ['publicity_events', 200, true, '宣传活动两百余场', '两百余'],
      ['materials_distributed', 30000, true, '宣传资料三万多份', '三万多'],
    ],
  },
  {
    id: 'q09',
    text: '今年1至9月，全省检察机关共批准逮捕养老诈骗犯罪嫌疑人863人，起诉1,427人，其中起诉组织者、策划者等首要分子219人；对不构成犯罪的依法不批捕42人、不起诉37人。针对案件暴露出的监管漏洞，全省检察机关共制发检察建议54份，已采纳整改49份；督促追赃挽损6,230余万元，最大限度挽回老年人损失。全省检察机关还通过“检察开放日”等形式，邀请老年群众走进检察院，感受司法温度、学习防骗知识、提升防范意识。',
    figures: [
      ['suspects_detained_formally', 863, false, '犯罪嫌疑人863人', '863'],
      ['prosecuted_persons', 1427, false, '起诉1,427人', '1,427'],
      ['prosecuted_persons', 219, false, '首要分子219人', '219', 'part'],
      ['rectification_notices', 54, false, '检察建议54份', '54', 'doubtful, as r09'],
      ['amount_recovered_yuan', 62300000, true, '督促追赃挽损6,230余万元', '6,230余万', 'doubtful: recovery urged by the procuratorate'],
    ],
  },
  {
    id: 'q10',
    text: '市卫健委、市住建局联合通报：全市共排查医养结合机构37家、养老机构内设医疗机构52家，发现违规执业问题6个，已立案查处1起；排查以“养老”名义销售的房地产项目43个、中介门店310家，发现虚假宣传问题9个，责令整改9个，清理违规广告27条，对2家企业下达责令改正通知书。两部门将建立信息共享机制，定期会商研判。通报指出，少数机构和企业对专项整治认识不到位，个别问题整改还不彻底，需在下阶段进一步压实主体责任和监管责任。',
    figures: [
      ['entities_screened', 37, false, '医养结合机构37家', '37'],
      ['entities_screened', 52, false, '内设医疗机构52家', '52'],
      ['hazards_found', 6, false, '违规执业问题6个', '6'],
      ['cases_filed', 1, false, '已立案查处1起', '1'],
      ['entities_screened', 43, false, '房地产项目43个', '43'],
      ['entities_screened', 310, false, '中介门店310家', '310'],
      ['hazards_found', 9, false, '虚假宣传问题9个', '9'],
      ['ads_cleaned', 27, false, '违规广告27条', '27'],
      ['rectification_notices', 2, false, '对2家企业下达责令改正通知书', '2'],
    ],
  },
];

export function passages2AsSummaries(set: P[] = PASSAGES2_CONSTRUCTED): RealSummary[] {
  return set.map((p) => ({
    id: p.id, text: p.text, split: 'dev' as const, masked: p.masked ?? [],
    figures: p.figures.map(([indicator, value, approx, quote, num, note]) => {
      const q = p.text.indexOf(quote);
      const n = quote.indexOf(num);
      if (q < 0 || n < 0) throw new Error(`${p.id}: quote or numeral not found: ${quote} / ${num}`);
      return { indicator, value, unit: '', approx, quote, start: q + n, end: q + n + num.length, ...(note ? { note } : {}) };
    }),
  }));
}

if (process.argv[1]?.endsWith('intel-fig-passages2.ts')) {
  const probe = process.argv.includes('--probe');
  const set = probe ? PASSAGES2_PROBE_CONSTRUCTED : PASSAGES2_CONSTRUCTED;
  const items = passages2AsSummaries(set);
  for (const p of set) {
    if (p.text.length < 200 || p.text.length > 500) console.log(`length ${p.id} ${p.text.length}`);
    for (const m of p.masked ?? []) if (!p.text.includes(m)) throw new Error(`${p.id}: masked quote not found ${m}`);
  }
  const mistakes: RealFigureMistakes[] = [];
  const scores = scoreRealFigures(items, mistakes);
  if (process.argv.includes('--verbose')) {
    for (const m of mistakes) {
      const lines = [
        ...m.missed.map((f) => `  missed ${f.indicator}=${f.value} «${f.quote}»${f.note ? ` (${f.note})` : ''}`),
        ...m.wrong.map((f) => `  wrong  ${f.indicator}=${f.value} «${items.find((s) => s.id === m.id)!.text.slice(Math.max(0, f.start - 12), f.end + 4)}»`),
        ...m.guessed.map((f) => `  GUESSED masked ${f.indicator}=${f.value}`),
        ...m.maskedMissed.map((q) => `  masked not reported «${q}»`),
      ];
      if (lines.length) console.log(`${m.id}\n${lines.join('\n')}`);
    }
  }
  console.log(formatRealFigureScores(`constructed passages, second writer (session 16)${probe ? ', probe batch' : ''}`, scores));
}
