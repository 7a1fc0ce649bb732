/**
 * CONSTRUCTED whole passages for figure extraction (session 16, 2026-12-01, written by an independent helper
 * who had read only docs/intel.md's labelling guide and decisions, shared/indicators.ts and dev summaries; not
 * figures.ts, numbers.ts, figures.real.test.ts or the other constructed sets). NOT real data: every passage is
 * invented, in the voice of a county 专项办 weekly report, a city summary, police / procuratorate / court press
 * releases, a 市场监管 bulletin, a 民政 screening summary, a bank / 金融监管 notice, a township publicity-day
 * news item, and pasted or OCR'd text (full-width digits, stray spaces, "1，200", line breaks mid-sentence).
 * Labels by the guide: every keyed figure (indicator, value, approx, quote, the numeral's text inside the
 * quote), the numbers that are figures but `other`, and masked numbers. Doubtful labels carry a note "doubtful".
 *
 *   npx tsx bench/intel-fig-passages.ts [--quiet] [--probe]
 *
 * Scored with scoreRealFigures (the real-data rule: keyed P/R, wrong key on an `other` number is a false positive).
 */
import { formatRealFigureScores, scoreRealFigures, type RealFigure, type RealFigureMistakes, type RealSummary } from '../server/modules/intel/evaluate-real.ts';

/** [indicator, value, approx, quote, numeral text inside the quote (default: the first ASCII number with 余/多/万/亿), note] */
type F = [string, number, boolean, string, string?, string?];
interface Passage { id: string; voice: string; text: string; figs: F[]; masked?: string[] }

export const PASSAGES: Passage[] = [
  {
    id: 'p01', voice: 'county 专项办 weekly report',
    text: 'XX县打击整治养老诈骗专项行动工作周报（第6期）\n本周（6月13日至6月19日），县专项办共收到群众举报线索14条，其中12337平台转办3条，已核查11条，办结9条，累计办结率达87.5%。公安机关本周新立案侦查涉养老诈骗案件2起，抓获犯罪嫌疑人5名，追赃挽损12.6万元。各乡镇开展集中宣传活动8场，发放宣传折页2300余份，受教育群众约1800人次。',
    figs: [
      ['tips_received', 14, false, '收到群众举报线索14条'], ['tips_received', 3, false, '平台转办3条', '3', 'part'],
      ['tips_verified', 11, false, '已核查11条'], ['tips_closed', 9, false, '办结9条'], ['closure_rate_pct', 87.5, false, '办结率达87.5%'],
      ['cases_filed', 2, false, '立案侦查涉养老诈骗案件2起'], ['suspects_arrested', 5, false, '抓获犯罪嫌疑人5名'],
      ['amount_recovered_yuan', 126000, false, '追赃挽损12.6万元'], ['publicity_events', 8, false, '集中宣传活动8场'],
      ['materials_distributed', 2300, true, '宣传折页2300余份'], ['people_reached', 1800, true, '受教育群众约1800人次', '1800'],
    ],
  },
  {
    id: 'p02', voice: 'city work summary',
    text: '专项行动开展以来，全市公安机关共破获养老诈骗案件136起，其中现案97起、积案39起；抓获犯罪嫌疑人412名，打掉犯罪团伙23个，捣毁窝点31处，追缴涉案资金2.37亿元。全市检察机关批准逮捕涉养老诈骗犯罪嫌疑人158人，提起公诉64件203人；法院一审审结案件41件，判处罪犯118人。下一步，全市将继续保持高压态势，确保专项行动取得实效。',
    figs: [
      ['cases_solved', 136, false, '破获养老诈骗案件136起'], ['cases_solved', 97, false, '现案97起', '97', 'part'], ['cases_solved', 39, false, '积案39起', '39', 'part'],
      ['suspects_arrested', 412, false, '抓获犯罪嫌疑人412名'], ['other', 23, false, '打掉犯罪团伙23个'], ['other', 31, false, '捣毁窝点31处'],
      ['amount_recovered_yuan', 237000000, false, '追缴涉案资金2.37亿元'], ['suspects_detained_formally', 158, false, '犯罪嫌疑人158人'],
      ['prosecuted_cases', 64, false, '提起公诉64件203人', '64'], ['prosecuted_persons', 203, false, '提起公诉64件203人', '203'],
      ['trial_cases', 41, false, '审结案件41件'], ['other', 118, false, '判处罪犯118人'],
    ],
  },
  {
    id: 'p03', voice: 'police press release',
    text: '6月28日，记者从市公安局获悉，该局近日成功侦破一起以“以房养老”为名的集资诈骗案，抓获犯罪嫌疑人17名，涉案金额达8600余万元，受害群众涉及全市6个区县的430余名老年人，年龄最大的86岁。目前，警方已冻结涉案资金1200余万元，追回赃款326万元，并于7月5日在区政府广场举行集中返还仪式，将首批赃款返还给153名被害人。',
    figs: [
      ['suspects_arrested', 17, false, '抓获犯罪嫌疑人17名'], ['amount_involved_yuan', 86000000, true, '涉案金额达8600余万元', '8600余万'],
      ['other', 6, false, '全市6个区县'], ['victims', 430, true, '区县的430余名老年人', '430余'], ['other', 12000000, true, '冻结涉案资金1200余万元', '1200余万'],
      ['amount_recovered_yuan', 3260000, false, '追回赃款326万元'], ['victims', 153, false, '返还给153名被害人'],
    ],
  },
  {
    id: 'p04', voice: 'procuratorate report',
    text: '区检察院党组高度重视打击整治养老诈骗专项行动，成立由检察长任组长的工作专班。今年以来，区检察院共受理公安机关提请批准逮捕涉养老诈骗案件12件27人，经审查批准逮捕21人，不批准逮捕6人；受理移送审查起诉案件15件38人，已向法院提起公诉11件29人。办案中，该院共制发检察建议4份，追赃挽损536.2万元，向被害人释法说理230余人次。',
    figs: [
      ['other', 12, false, '涉养老诈骗案件12件27人', '12'], ['other', 27, false, '涉养老诈骗案件12件27人', '27'],
      ['suspects_detained_formally', 21, false, '经审查批准逮捕21人'], ['other', 6, false, '不批准逮捕6人'],
      ['other', 15, false, '审查起诉案件15件38人', '15'], ['other', 38, false, '审查起诉案件15件38人', '38'],
      ['prosecuted_cases', 11, false, '提起公诉11件29人', '11'], ['prosecuted_persons', 29, false, '提起公诉11件29人', '29'],
      ['rectification_notices', 4, false, '制发检察建议4份', '4', 'doubtful: 检察建议 as one of 三书一函'],
      ['amount_recovered_yuan', 5362000, false, '追赃挽损536.2万元'], ['other', 230, true, '释法说理230余人次'],
    ],
  },
  {
    id: 'p05', voice: 'court press release',
    text: '7月12日，市中级人民法院召开新闻发布会，通报全市法院打击整治养老诈骗专项行动工作情况。自2022年4月以来，全市两级法院共受理涉养老诈骗一审刑事案件58件，审结46件，判处被告人133人，其中判处五年以上有期徒刑的32人；通过财产处置、执行等方式追赃挽损2800余万元，向相关部门发出司法建议书9份。发布会还通报了3起典型案例。',
    figs: [
      ['other', 58, false, '一审刑事案件58件'], ['trial_cases', 46, false, '审结46件'], ['other', 133, false, '判处被告人133人'],
      ['other', 32, false, '有期徒刑的32人'], ['amount_recovered_yuan', 28000000, true, '追赃挽损2800余万元', '2800余万'],
      ['rectification_notices', 9, false, '司法建议书9份'], ['other', 3, false, '通报了3起典型案例'],
    ],
  },
  {
    id: 'p06', voice: '市场监管 bulletin',
    text: '市市场监督管理局关于打击整治养老诈骗专项行动进展情况的通报\n（市监通〔2022〕37号）\n各县（区）局：专项行动开展以来，全系统累计出动执法人员4216人次，检查保健食品经营单位1873家次，发现问题隐患95个，已整改完成88个；立案查处涉老虚假宣传案件19件，罚没款合计63.4万元，下达责令改正通知书27份。监测保健食品广告3100余条，清理违法广告46处。',
    figs: [
      ['inspections_person_times', 4216, false, '出动执法人员4216人次'], ['entities_screened', 1873, false, '经营单位1873家次'],
      ['hazards_found', 95, false, '发现问题隐患95个'], ['hazards_rectified', 88, false, '已整改完成88个'],
      ['cases_filed', 19, false, '虚假宣传案件19件'], ['penalty_amount_yuan', 634000, false, '罚没款合计63.4万元'],
      ['rectification_notices', 27, false, '责令改正通知书27份'], ['ads_monitored', 3100, true, '保健食品广告3100余条'], ['ads_cleaned', 46, false, '清理违法广告46处'],
    ],
  },
  {
    id: 'p07', voice: '民政 screening summary',
    text: '区民政局对全区养老服务机构开展全覆盖排查。全区现有养老机构42家，床位3860张，其中民办机构17家。截至6月底，共排查养老机构42家、居家社区养老服务站点126个，排查发现预收费、会员卡等风险隐患13个，已整改销号10个，其余3个正在整改中。累计走访入住老年人1500余人，发放《防范养老服务诈骗告知书》1500余份。',
    figs: [
      ['institutions_count', 42, false, '现有养老机构42家'], ['beds', 3860, false, '床位3860张'], ['institutions_count', 17, false, '民办机构17家', '17', 'part'],
      ['entities_screened', 42, false, '共排查养老机构42家'], ['entities_screened', 126, false, '服务站点126个'],
      ['hazards_found', 13, false, '风险隐患13个'], ['hazards_rectified', 10, false, '整改销号10个'], ['other', 3, false, '其余3个正在整改中'],
      ['other', 1500, true, '入住老年人1500余人', '1500余', 'doubtful: persons visited'], ['materials_distributed', 1500, true, '告知书》1500余份'],
    ],
  },
  {
    id: 'p08', voice: 'bank notice of publicity',
    text: '为深入推进打击整治养老诈骗专项行动，XX银行XX分行于6月15日起在辖内37个营业网点同步开展“守住养老钱”集中宣传月活动。活动期间，各网点利用LED屏滚动播放防诈标语，悬挂宣传横幅52条，张贴海报110张，发放宣传折页8600余份，开展进社区、进公园等外拓宣传46场，累计受众1.2万余人次。网点员工成功堵截疑似养老诈骗汇款4笔，为老年客户避免损失38.5万元。',
    figs: [
      ['other', 37, false, '辖内37个营业网点'], ['banners', 52, false, '悬挂宣传横幅52条'], ['posters', 110, false, '张贴海报110张'],
      ['materials_distributed', 8600, true, '宣传折页8600余份'], ['publicity_events', 46, false, '外拓宣传46场'],
      ['people_reached', 12000, true, '累计受众1.2万余人次'], ['other', 4, false, '汇款4笔'], ['other', 385000, false, '避免损失38.5万元'],
    ],
  },
  {
    id: 'p09', voice: 'township publicity day news',
    text: '6月15日上午，青石镇在镇文化广场举办“防范养老诈骗 守护幸福晚年”主题宣传日活动。镇派出所、司法所、市场监管所和镇卫生院等8个单位参加，现场设置咨询台6个，摆放展板20块，发放宣传资料1200余份、宣传品300余件，为60余名老年人免费测量血压。活动共吸引群众500余人参与，现场解答群众咨询80余人次。',
    figs: [
      ['other', 6, false, '设置咨询台6个'], ['posters', 20, false, '摆放展板20块'], ['materials_distributed', 1200, true, '宣传资料1200余份'],
      ['other', 300, true, '宣传品300余件'], ['other', 60, true, '为60余名老年人'], ['people_reached', 500, true, '吸引群众500余人参与'],
      ['other', 80, true, '群众咨询80余人次'],
    ],
  },
  {
    id: 'p10', voice: 'OCR, full-width digits',
    text: 'XX县打击整治养老诈骗专项行动办公室\n工作进展情况（扫描件）\n截至８月底，全县共破获养老诈骗案件１２起，抓获犯罪嫌疑人３６名，追赃挽损２６０余万元。县市场监管局检查保健品经营户１４５家次，立案查处３件。下一步，县专项办将持续做好线索核查和宣传教育工作，巩固专项行动成果。各乡镇要于每月5日前报送上月工作台账。',
    figs: [
      ['cases_solved', 12, false, '破获养老诈骗案件１２起', '１２'], ['suspects_arrested', 36, false, '抓获犯罪嫌疑人３６名', '３６'],
      ['amount_recovered_yuan', 2600000, true, '追赃挽损２６０余万元', '２６０余万'], ['entities_screened', 145, false, '经营户１４５家次', '１４５'],
      ['cases_filed', 3, false, '立案查处３件', '３'],
    ],
  },
  {
    id: 'p11', voice: 'pasted, stray spaces inside numbers',
    text: '专项行动工作进展通报\n（以下内容由网页复制）\n专项行动开展以来，全市共摸排涉养老诈骗线索 2 36条，已核查 1 98 条，办结1 7 6条。各地发放宣传资料 12 000余份，张贴海报 3 50张。各地要对照任务清单，逐项抓好落实，确保线索“清仓见底”，于12月20日前报送总结材料。请各地高度重视。',
    figs: [
      ['tips_received', 236, false, '涉养老诈骗线索 2 36条', '2 36'], ['tips_verified', 198, false, '已核查 1 98 条', '1 98'],
      ['tips_closed', 176, false, '办结1 7 6条', '1 7 6'], ['materials_distributed', 12000, true, '宣传资料 12 000余份', '12 000余'],
      ['posters', 350, false, '张贴海报 3 50张', '3 50'],
    ],
  },
  {
    id: 'p12', voice: 'pasted, thousands separators',
    text: '（转自区融媒体中心公众号）\n专项行动开展以来，区委政法委牵头，各成员单位密切配合，扎实推进宣传教育、依法打击、整治规范各项工作。据统计，全区累计发放宣传资料1，200余份，悬挂横幅35条，开展讲座14场。区公安分局侦破的一起保健品诈骗案中，涉案金额3,560万元，受害老人1，046名。区专项办提醒，老年人如接到陌生来电，请及时与家人核实。',
    figs: [
      ['materials_distributed', 1200, true, '宣传资料1，200余份', '1，200余'], ['banners', 35, false, '悬挂横幅35条'], ['publicity_events', 14, false, '开展讲座14场'],
      ['amount_involved_yuan', 35600000, false, '涉案金额3,560万元', '3,560万'], ['victims', 1046, false, '受害老人1，046名', '1，046'],
    ],
  },
  {
    id: 'p13', voice: 'pasted, line breaks mid-sentence',
    text: '区专项办第三季度工作小结\n专项行动以来，全区共排查养老服务机构、保健品经营场所等各类主体\n326家，发现涉诈风险隐患21个，已全部整改到位；开展“老年防骗”宣传进\n社区活动74场，发放宣传资料1.8万余份。\n下一步，区专项办将聚焦重点领域、重点人群，持续深化宣传教育，确保专项行动取得实效。联系人：张某。',
    figs: [
      ['entities_screened', 326, false, '各类主体\n326家'], ['hazards_found', 21, false, '涉诈风险隐患21个'],
      ['publicity_events', 74, false, '社区活动74场'], ['materials_distributed', 18000, true, '宣传资料1.8万余份'],
    ],
  },
  {
    id: 'p14', voice: 'template work summary, masked',
    text: '一、工作开展情况\n（一）强化组织领导。成立了以镇长为组长的专项行动领导小组，召开专题会议*次，研究部署专项工作。\n（二）加强宣传教育。共开展宣传活动**场次，发放宣传资料****份，悬挂横幅12条，受教育群众达*.*万人次。\n（三）深入排查整治。共排查辖区养老机构3家、保健品店铺9家，未发现问题隐患。',
    figs: [['banners', 12, false, '悬挂横幅12条'], ['entities_screened', 3, false, '辖区养老机构3家'], ['entities_screened', 9, false, '保健品店铺9家']],
    masked: ['召开专题会议*次', '宣传活动**场次', '宣传资料****份', '*.*万人次'],
  },
  {
    id: 'p15', voice: 'police warning with a case',
    text: '县公安局提醒：凡以“高额返利”“免费旅游”为名吸引老年人投资的，均可能是诈骗。近期，该局破获一起冒充“养老基金会”工作人员诈骗案，涉案金额23万元，被骗老人年龄在62岁至79岁之间，共计11人。目前已抓获犯罪嫌疑人3名，追回被骗资金18.6万元。群众如发现线索，可拨打举报电话0735-2261110。',
    figs: [
      ['amount_involved_yuan', 230000, false, '涉案金额23万元'], ['victims', 11, false, '共计11人'],
      ['suspects_arrested', 3, false, '抓获犯罪嫌疑人3名'], ['amount_recovered_yuan', 186000, false, '追回被骗资金18.6万元'],
    ],
  },
  {
    id: 'p16', voice: 'procuratorate annual figures',
    text: '2022年，市检察院共办理涉养老诈骗审查起诉案件87件，同比上升42.6%；起诉65件172人，占全市起诉诈骗类案件的18.3%。其中，涉及“以房养老”“保健品”类的案件占比超过六成。全市检察机关共为被害老人追赃挽损9600余万元，支持起诉5件。该院相关负责人表示，将持续加大对养老诈骗犯罪的惩治力度，依法维护老年人合法权益。',
    figs: [
      ['other', 87, false, '审查起诉案件87件'], ['other', 42.6, false, '同比上升42.6%'],
      ['prosecuted_cases', 65, false, '起诉65件172人', '65'], ['prosecuted_persons', 172, false, '起诉65件172人', '172'],
      ['other', 18.3, false, '案件的18.3%'], ['amount_recovered_yuan', 96000000, true, '追赃挽损9600余万元', '9600余万'],
      ['other', 5, false, '支持起诉5件', '5', 'doubtful: civil suits supported, not prosecutions'],
    ],
  },
  {
    id: 'p17', voice: 'city summary with ranks',
    text: '市专项办近日召开专项行动总结推进会，通报全市工作情况。截至11月30日，全省打击整治养老诈骗专项行动考核中，我市综合排名第3位。全市累计破获案件318起，破案数居全省第2；追赃挽损4.21亿元，挽损率达36.8%；排查线索2365条，已全部办结，办结率100%。会议要求，各地各部门要建立长效机制，巩固专项行动成果。',
    figs: [
      ['cases_solved', 318, false, '破获案件318起'], ['amount_recovered_yuan', 421000000, false, '追赃挽损4.21亿元'],
      ['recovery_rate_pct', 36.8, false, '挽损率达36.8%'], ['tips_received', 2365, false, '排查线索2365条'], ['closure_rate_pct', 100, false, '办结率100%'],
    ],
  },
  {
    id: 'p18', voice: 'county publicity summary with breakdowns',
    text: 'XX县专项行动宣传教育工作总结\n县委宣传部牵头，统筹全县各类宣传阵地，推动防范养老诈骗宣传进社区、进农村、进家庭。专项行动期间，全县共发放各类宣传资料5.6万份，其中宣传手册2.1万份、折页3.5万份；张贴海报1400余张，悬挂横幅260条；通过微信公众号、抖音等平台推送防骗信息95条，制作防骗短视频12部，播放量累计超过30万次。',
    figs: [
      ['materials_distributed', 56000, false, '宣传资料5.6万份'], ['materials_distributed', 21000, false, '宣传手册2.1万份', '2.1万', 'part'],
      ['materials_distributed', 35000, false, '折页3.5万份', '3.5万', 'part'], ['posters', 1400, true, '张贴海报1400余张'], ['banners', 260, false, '悬挂横幅260条'],
      ['media_posts', 95, false, '推送防骗信息95条'], ['videos_made', 12, false, '制作防骗短视频12部'], ['other', 300000, true, '超过30万次', '30万'],
    ],
  },
  {
    id: 'p19', voice: '金融监管 notice',
    text: '国家金融监督管理总局XX监管分局关于辖内养老金融领域反诈工作情况的通报\n一季度，辖内银行保险机构共开展“金融知识进社区”养老反诈宣传1462次，触达老年客户21.3万人次，发送风险提示短信48.7万条；排查涉老金融产品营销宣传行为，发现并督促整改不规范问题37个。下一步，各机构要持续加强营销宣传行为管理，严禁误导老年客户。',
    figs: [
      ['publicity_events', 1462, false, '养老反诈宣传1462次'], ['people_reached', 213000, false, '触达老年客户21.3万人次'],
      ['sms_sent', 487000, false, '风险提示短信48.7万条'], ['other', 37, false, '不规范问题37个', '37', 'found and rectified in one verb'],
    ],
  },
  {
    id: 'p20', voice: 'county 专项办 household visits',
    text: '本期要点：XX县打击整治养老诈骗专项行动工作周报（第9期）\n县专项办组织各乡镇网格员开展入户走访，累计走访独居、空巢老人家庭3420户，张贴防骗提示卡3420张，收集涉诈线索7条，已移交公安机关4条。全县组织召开推进会3次，开展督导检查2轮。请各乡镇于每周五下午5点前报送本周工作进展。附件：1.线索台账；2.宣传活动统计表。',
    figs: [
      ['households_visited', 3420, false, '空巢老人家庭3420户'], ['other', 3420, false, '防骗提示卡3420张', '3420', 'doubtful: cards posted'],
      ['tips_received', 7, false, '收集涉诈线索7条'], ['other', 4, false, '移交公安机关4条'], ['meetings', 3, false, '召开推进会3次'],
      ['supervision_rounds', 2, false, '督导检查2轮'],
    ],
  },
  {
    id: 'p21', voice: 'court figures, paired counts',
    text: '市中级人民法院新闻发布会通报：市法院系统充分发挥审判职能，一审审结涉养老诈骗刑事案件23件67人，二审审结5件14人，对28名被告人判处三年以上有期徒刑，判处罚金共计412万元。同时，市法院通过庭审直播、以案释法等方式开展法治宣传，切实增强老年人的防骗意识。宣判后，多名旁听的老年人表示受到了深刻教育。',
    figs: [
      ['trial_cases', 23, false, '刑事案件23件67人', '23'], ['other', 67, false, '刑事案件23件67人', '67'],
      ['trial_cases', 5, false, '二审审结5件14人', '5'], ['other', 14, false, '二审审结5件14人', '14'], ['other', 28, false, '对28名被告人'],
      ['other', 4120000, false, '罚金共计412万元', '412万', 'doubtful: criminal fines'],
    ],
  },
  {
    id: 'p22', voice: 'police release, Chinese numerals',
    text: '据市公安局刑侦支队介绍，“天网”行动战果通报\n两个月来，市公安局先后组织开展三次集中收网行动，破获养老诈骗案件二十六起，抓获犯罪嫌疑人一百一十二名，打掉犯罪团伙五个。警方提醒，老年朋友遇到“高额返利”“免费体检”等诱惑时，务必提高警惕，及时拨打110报警。该局将持续深挖彻查，坚决斩断伸向老年人的“黑手”。',
    figs: [
      ['other', 3, false, '三次集中收网行动', '三', 'doubtful'], ['cases_solved', 26, false, '养老诈骗案件二十六起', '二十六'],
      ['suspects_arrested', 112, false, '犯罪嫌疑人一百一十二名', '一百一十二'], ['other', 5, false, '犯罪团伙五个', '五'],
    ],
  },
  {
    id: 'p23', voice: '市场监管 joint action',
    text: '区市场监管局打击整治养老诈骗专项行动阶段性工作总结\n专项行动中，区市场监管局联合公安、卫健等部门对“会销”场所开展拉网式排查，检查保健食品经营户近千家次，约谈经营者60余人次，责令停业整顿4家，没收违法保健食品120余盒，罚款8.6万元。下一步，该局将对“会销”场所实行常态化监管。该局负责人表示，对违法行为将依法从严查处，绝不姑息。',
    figs: [
      ['entities_screened', 1000, true, '经营户近千家次', '千'], ['other', 60, true, '约谈经营者60余人次'], ['other', 4, false, '责令停业整顿4家'],
      ['other', 120, true, '保健食品120余盒'], ['penalty_amount_yuan', 86000, false, '罚款8.6万元'],
    ],
  },
  {
    id: 'p24', voice: 'city summary with document number',
    text: '根据《关于开展打击整治养老诈骗专项行动的通知》（X政办发〔2022〕21号）要求，我市于4月20日至10月31日开展专项行动。期间，全市累计接收群众举报线索412条，核查412条，其中查实线索58条，已全部移送相关部门处理；对全市215家养老机构、97家老年人活动场所进行全覆盖排查，发现风险隐患64处，整改到位61处。',
    figs: [
      ['tips_received', 412, false, '接收群众举报线索412条'], ['tips_verified', 412, false, '核查412条'], ['tips_true', 58, false, '查实线索58条', '58', 'part'],
      ['entities_screened', 215, false, '全市215家养老机构'], ['entities_screened', 97, false, '97家老年人活动场所'],
      ['hazards_found', 64, false, '发现风险隐患64处'], ['hazards_rectified', 61, false, '整改到位61处'],
    ],
  },
  {
    id: 'p25', voice: 'community lecture news',
    text: '为提高辖区老年人防骗意识，7月8日，红旗街道联合辖区派出所在幸福里社区开展防范养老诈骗知识讲座。社区民警结合近期发生的3起典型案例，向参加讲座的70余名老年人讲解了“保健品”“以房养老”等常见骗局。现场发放宣传手册150本，宣传环保袋100个。据了解，该社区60岁以上老年人有1260人，占常住人口的23%。',
    figs: [
      ['other', 3, false, '发生的3起典型案例'], ['people_reached', 70, true, '参加讲座的70余名老年人'], ['materials_distributed', 150, false, '宣传手册150本'],
      ['other', 100, false, '宣传环保袋100个'], ['other', 1260, false, '老年人有1260人'], ['other', 23, false, '常住人口的23%'],
    ],
  },
  {
    id: 'p26', voice: 'provincial 民政, line break',
    text: '省民政厅新闻发言人在发布会上介绍，全省民政系统共排查养老服务机构1.4万余家，\n覆盖入住老年人38.6万人，发现问题隐患1200余个，整改1150个，整改率95.8%。对排查发现的问题，全省各地建立了问题清单、整改清单和责任清单“三张清单”，实行销号管理。下一步，全省将持续深化整治。整改工作由各地民政部门负责督办。',
    figs: [
      ['entities_screened', 14000, true, '养老服务机构1.4万余家'], ['people_reached', 386000, false, '覆盖入住老年人38.6万人'],
      ['hazards_found', 1200, true, '发现问题隐患1200余个'], ['hazards_rectified', 1150, false, '整改1150个'], ['other', 95.8, false, '整改率95.8%'],
    ],
  },
  {
    id: 'p27', voice: 'provincial procuratorate',
    text: '省人民检察院2022年度工作报告（节选）\n检察机关坚持依法从严惩处，共批准逮捕涉养老诈骗犯罪嫌疑人356人，起诉278件791人，其中对组织、领导犯罪集团的首要分子起诉43人。同时，积极开展追赃挽损工作，督促退赃退赔1.26亿元。下一步，全省检察机关将持续深化专项行动，让老年人安享幸福晚年。全省检察机关将持续加强与公安、法院的协作配合，形成打击合力。',
    figs: [
      ['suspects_detained_formally', 356, false, '犯罪嫌疑人356人'], ['prosecuted_cases', 278, false, '起诉278件791人', '278'],
      ['prosecuted_persons', 791, false, '起诉278件791人', '791'], ['prosecuted_persons', 43, false, '首要分子起诉43人', '43', 'part'],
      ['other', 126000000, false, '督促退赃退赔1.26亿元', '1.26亿', 'doubtful: ordered restitution'],
    ],
  },
  {
    id: 'p28', voice: 'county bulletin with dates and phone',
    text: '【专项行动简报 第12期 2022年8月22日】\n8月15日至21日，我县各成员单位共开展宣传活动17场次，发放宣传资料3200份；县公安局破获电信网络诈骗案件4起，其中涉老案件1起，抓获犯罪嫌疑人2人。县卫健局检查医疗机构23家，发现问题2个，已当场整改。咨询电话：0738-8123456。报送：县专项办各成员单位。',
    figs: [
      ['publicity_events', 17, false, '宣传活动17场次'], ['materials_distributed', 3200, false, '宣传资料3200份'],
      ['cases_solved', 4, false, '电信网络诈骗案件4起', '4', 'doubtful: telecom fraud (as s018)'], ['cases_solved', 1, false, '涉老案件1起', '1', 'part'],
      ['suspects_arrested', 2, false, '抓获犯罪嫌疑人2人'], ['entities_screened', 23, false, '检查医疗机构23家'], ['hazards_found', 2, false, '发现问题2个'],
    ],
  },
  {
    id: 'p29', voice: 'OCR, full-width and spaces',
    text: '【扫描件识别文本】XX区专项行动工作进展\n截至目前，全区共受理养老诈骗线索 ５３条，核查办结 ５１条，办结率９６．２％；破获案件１ ５起，抓获嫌疑人 ４２ 人。\n以上数据截至10月31日，由区专项办汇总。（注：个别数字识别可能有误，以纸质件为准）各成员单位要按照职责分工，认真抓好落实，确保专项行动取得实效。',
    figs: [
      ['tips_received', 53, false, '养老诈骗线索 ５３条', '５３'], ['tips_closed', 51, false, '核查办结 ５１条', '５１', 'doubtful: verified and closed'],
      ['closure_rate_pct', 96.2, false, '办结率９６．２％', '９６．２'], ['cases_solved', 15, false, '破获案件１ ５起', '１ ５'],
      ['suspects_arrested', 42, false, '抓获嫌疑人 ４２ 人', '４２'],
    ],
  },
  {
    id: 'p30', voice: 'bank notice, masked',
    text: 'XX农商银行关于开展养老反诈宣传工作的情况说明\nXX农商银行：截至*月末，全行累计开展养老反诈宣传**场，发放宣传资料*万余份，堵截可疑交易12笔，涉及金额56万元。提醒广大老年客户：不轻信、不透露、不转账，如遇可疑情况请及时向银行网点工作人员咨询或报警。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。',
    figs: [['other', 12, false, '堵截可疑交易12笔'], ['other', 560000, false, '涉及金额56万元', '56万', 'blocked, not a case amount']],
    masked: ['截至*月末', '养老反诈宣传**场', '宣传资料*万余份'],
  },
  {
    id: 'p31', voice: 'publicity day, Chinese numerals',
    text: '9月20日，东山乡在集市上开展防范养老诈骗主题宣传日活动，乡综治办、派出所、司法所工作人员参加。活动现场，工作人员通过“一听、二看、三问”的方法，向老年人传授识骗技巧。本次活动共设置展板十二块，发放宣传单两千余份，开展现场咨询一百余人次，并为二十名高龄老人送上慰问品。活动持续到中午12时，赶集群众纷纷驻足了解。',
    figs: [
      ['posters', 12, false, '设置展板十二块', '十二'], ['materials_distributed', 2000, true, '宣传单两千余份', '两千余'],
      ['other', 100, true, '现场咨询一百余人次', '一百余'], ['other', 20, false, '为二十名高龄老人', '二十'],
    ],
  },
  {
    id: 'p32', voice: 'city 民政 summary',
    text: '市民政局关于养老服务领域专项整治工作情况的报告\n全市共有养老机构186家，其中公办养老机构71家，床位1.9万张，入住率约54%。专项行动中，市民政局牵头对186家养老机构逐一排查，发现违规收取会员费、押金等问题11个，清退押金共计37.2万元，涉及老年人49名。下一步，市民政局将对养老机构预收费实行监管。',
    figs: [
      ['institutions_count', 186, false, '共有养老机构186家'], ['institutions_count', 71, false, '公办养老机构71家', '71', 'part'], ['beds', 19000, false, '床位1.9万张'],
      ['other', 54, true, '入住率约54%', '54'], ['entities_screened', 186, false, '对186家养老机构逐一排查'], ['hazards_found', 11, false, '押金等问题11个'],
      ['amount_recovered_yuan', 372000, false, '清退押金共计37.2万元', '37.2万', 'refunds (退费)'], ['other', 49, false, '涉及老年人49名', '49', 'doubtful: persons refunded'],
    ],
  },
  {
    id: 'p33', voice: 'police, verb after the number',
    text: 'XX县公安局关于打击整治养老诈骗专项行动的工作总结（摘要）\n专项行动开展以来，县公安局对近三年来的涉老积案进行全面梳理，一批沉积多年的案件相继告破，共有9起积案被成功侦破，8名在逃人员被抓获归案。目前，相关案件正在进一步办理中，县公安局将全力开展追赃挽损工作。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。',
    figs: [['cases_solved', 9, false, '共有9起积案被成功侦破'], ['suspects_arrested', 8, false, '8名在逃人员被抓获归案', '8', 'fugitives']],
  },
  {
    id: 'p34', voice: 'court enforcement',
    text: '区法院召开新闻通报会，通报专项行动开展以来涉养老诈骗案件审执情况。在涉养老诈骗案件执行中，区法院开通执行“绿色通道”，执结案件17件，执行到位赃款286万元，全部发还112名被害老人。执行法官表示，每一分钱都是老人的“养老钱”，必须尽最大努力追回。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。',
    figs: [
      ['other', 17, false, '执结案件17件'], ['amount_recovered_yuan', 2860000, false, '执行到位赃款286万元', '286万', 'doubtful: enforcement'],
      ['victims', 112, false, '发还112名被害老人'],
    ],
  },
  {
    id: 'p35', voice: 'county publicity, 分别',
    text: '为营造全民反诈的浓厚氛围，县专项办于8月集中开展“防范养老诈骗宣传月”活动。全县14个乡镇（街道）分别开展了集中宣传，共举办文艺演出、法治讲座等活动56场，悬挂标语横幅180余条，张贴宣传海报600余张，发放宣传资料2.4万份，群众参与达1.1万人次。活动期间，县领导分别带队到乡镇督导宣传工作。受到群众好评。',
    figs: [
      ['other', 14, false, '全县14个乡镇'], ['publicity_events', 56, false, '讲座等活动56场'], ['banners', 180, true, '标语横幅180余条'],
      ['posters', 600, true, '宣传海报600余张'], ['materials_distributed', 24000, false, '宣传资料2.4万份'], ['people_reached', 11000, false, '群众参与达1.1万人次'],
    ],
  },
  {
    id: 'p36', voice: 'police press conference, a gang',
    text: '9月2日，市公安局召开新闻发布会通报：该局经侦支队历时3个月缜密侦查，成功打掉一个以销售“量子保健床垫”为名的诈骗团伙，抓获犯罪嫌疑人刘某（男，52岁）等14人，查扣涉案床垫600余张、车辆3辆，冻结银行账户27个，涉案金额1500余万元，受害老人遍及5个省份，达2100余人。警方提醒：“量子”产品并非包治百病。',
    figs: [
      ['suspects_arrested', 14, false, '52岁）等14人', '14'], ['other', 600, true, '涉案床垫600余张'], ['other', 3, false, '车辆3辆'],
      ['other', 27, false, '银行账户27个'], ['amount_involved_yuan', 15000000, true, '涉案金额1500余万元', '1500余万'], ['other', 5, false, '遍及5个省份'],
      ['victims', 2100, true, '达2100余人'],
    ],
  },
  {
    id: 'p37', voice: '民政 supervision',
    text: '区民政局专项行动工作总结\n区民政局先后4次召开养老服务机构负责人会议，部署防范养老服务诈骗工作；组织开展专项督查3轮，检查养老服务机构及站点58个次，下发整改通知书6份。通过督查，进一步压实了养老机构防范诈骗的主体责任。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。全区养老服务机构运行平稳。',
    figs: [
      ['meetings', 4, false, '先后4次召开'], ['supervision_rounds', 3, false, '专项督查3轮'], ['entities_screened', 58, false, '站点58个次'],
      ['rectification_notices', 6, false, '整改通知书6份'],
    ],
  },
  {
    id: 'p38', voice: '人民银行 notice',
    text: '为贯彻落实打击整治养老诈骗专项行动部署要求，人民银行XX中心支行组织辖内42家金融机构开展“养老反诈”宣传，累计开展宣传活动318场次，发放宣传折页、手册共计4.5万份，通过微信公众号发布推文26篇，阅读量超过8万次。下一步，将推动金融机构在网点设置“老年人服务专区”。各机构还在营业网点显著位置设置了防诈宣传专区，方便老年客户取阅。',
    figs: [
      ['publicity_events', 318, false, '宣传活动318场次'], ['materials_distributed', 45000, false, '手册共计4.5万份'], ['media_posts', 26, false, '发布推文26篇'],
      ['other', 80000, true, '阅读量超过8万次', '8万'],
    ],
  },
  {
    id: 'p39', voice: 'township teams',
    text: 'XX镇专项行动工作总结（第二部分 宣传教育）\n各村（社区）组建由3至5人组成的宣传小分队，共计86支，深入田间地头宣讲218场次，发放“防骗明白卡”6500张。同时，镇综治中心利用村村响大喇叭每天早、中、晚循环播放防骗提示。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。效果良好。',
    figs: [['other', 86, false, '共计86支'], ['publicity_events', 218, false, '宣讲218场次'], ['materials_distributed', 6500, false, '明白卡”6500张', '6500', 'doubtful: cards handed out']],
  },
  {
    id: 'p40', voice: 'procuratorate public-interest',
    text: '市人民检察院关于公益诉讼服务保障打击整治养老诈骗专项行动的情况通报\n全市检察机关立足公益诉讼检察职能，围绕保健品虚假宣传、养老机构消防安全等领域，立案办理公益诉讼案件32件，发出诉前检察建议25件，督促整治问题养老机构14家。目前，相关问题均已整改到位。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。',
    figs: [
      ['cases_filed', 32, false, '公益诉讼案件32件', '32', 'doubtful: any 立案 wording'], ['rectification_notices', 25, false, '诉前检察建议25件', '25', 'doubtful'],
      ['other', 14, false, '问题养老机构14家'],
    ],
  },
  {
    id: 'p41', voice: 'city tips, breakdown in next sentence',
    text: '市专项办线索核查工作情况通报\n全市共收到12337平台及本地受理的涉养老诈骗线索1086条。从线索来源看，群众来电来信412条，网上举报538条，其他渠道136条。截至目前，已核查1086条，办结1023条，办结率94.2%，按时办结率91.5%。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。',
    figs: [
      ['tips_received', 1086, false, '涉养老诈骗线索1086条'], ['tips_received', 412, false, '群众来电来信412条', '412', 'part'],
      ['tips_received', 538, false, '网上举报538条', '538', 'part'], ['tips_received', 136, false, '其他渠道136条', '136', 'part'],
      ['tips_verified', 1086, false, '已核查1086条'], ['tips_closed', 1023, false, '办结1023条'], ['closure_rate_pct', 94.2, false, '办结率94.2%'],
      ['on_time_rate_pct', 91.5, false, '按时办结率91.5%'],
    ],
  },
  {
    id: 'p42', voice: 'volunteer news',
    text: '9月9日重阳节前夕，XX街道新时代文明实践站组织青年志愿者走进敬老院，开展“反诈进院 温暖重阳”志愿服务活动。活动中，志愿者们为近百名老人讲解防骗知识，并现场演示“冒充子女借钱”等骗局，帮助30余名老人在手机上安装了国家反诈中心APP。敬老院负责人表示，此类活动很有意义，希望以后常来。活动最后，志愿者们还为老人们表演了节目。',
    figs: [['people_reached', 100, true, '为近百名老人', '百'], ['other', 30, true, '帮助30余名老人']],
  },
  {
    id: 'p43', voice: 'county 卫健',
    text: '县卫健局关于打击整治养老诈骗专项行动推进情况的报告\n县卫健局对辖区内32家医疗机构、15家养老机构内设医务室开展专项检查，出动执法人员96人次，发现无证行医等问题3个，立案查处2起，罚款1.2万元，没收违法所得3600元。对检查发现的问题，已全部督促整改到位。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。',
    figs: [
      ['entities_screened', 32, false, '辖区内32家医疗机构'], ['entities_screened', 15, false, '15家养老机构内设医务室'],
      ['inspections_person_times', 96, false, '出动执法人员96人次'], ['hazards_found', 3, false, '无证行医等问题3个'], ['cases_filed', 2, false, '立案查处2起'],
      ['penalty_amount_yuan', 12000, false, '罚款1.2万元'], ['penalty_amount_yuan', 3600, false, '没收违法所得3600元'],
    ],
  },
  {
    id: 'p44', voice: '文旅 inspection',
    text: '市文化和旅游局专项行动工作情况\n市文化和旅游局组织对全市旅行社开展“低价游”专项检查，共检查旅行社134家，线上巡查旅游平台产品820余条，约谈旅行社负责人18人，督促下架问题产品47个。同时，市文旅局通过官方网站发布“低价游”风险提示，提醒老年游客选择正规旅行社出游。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。',
    figs: [
      ['entities_screened', 134, false, '共检查旅行社134家'], ['other', 820, true, '平台产品820余条'], ['other', 18, false, '负责人18人'],
      ['other', 47, false, '问题产品47个'],
    ],
  },
  {
    id: 'p45', voice: 'template, masked counts',
    text: 'XXXX市场监管所打击整治养老诈骗专项行动工作总结\n一、工作开展情况\n截至目前，我局共出动执法人员***人次，检查经营主体**家，发现问题线索*条；开展宣传活动6场，发放宣传资料500余份。\n二、存在的问题\n部分老年人防范意识仍然薄弱，宣传覆盖面有待进一步扩大。\n三、下一步工作打算\n继续加大检查力度。',
    figs: [['publicity_events', 6, false, '开展宣传活动6场'], ['materials_distributed', 500, true, '宣传资料500余份']],
    masked: ['执法人员***人次', '经营主体**家', '问题线索*条'],
  },
  {
    id: 'p46', voice: 'provincial police monthly',
    text: '9月份，全省公安机关共侦破养老诈骗案件226起，较8月份增长15.3%，抓获犯罪嫌疑人587名，追赃挽损1.02亿元。专项行动开展以来累计侦破案件2035起，抓获犯罪嫌疑人5412名，追赃挽损14.6亿元，分别占全国总数的6.1%、5.8%和7.2%。（省公安厅新闻办供稿）省公安厅将继续保持高压严打态势。',
    figs: [
      ['cases_solved', 226, false, '侦破养老诈骗案件226起'], ['other', 15.3, false, '增长15.3%'], ['suspects_arrested', 587, false, '犯罪嫌疑人587名'],
      ['amount_recovered_yuan', 102000000, false, '追赃挽损1.02亿元'], ['cases_solved', 2035, false, '侦破案件2035起'], ['suspects_arrested', 5412, false, '犯罪嫌疑人5412名'],
      ['amount_recovered_yuan', 1460000000, false, '追赃挽损14.6亿元'], ['other', 6.1, false, '总数的6.1%'], ['other', 5.8, false, '、5.8%和', '5.8'], ['other', 7.2, false, '和7.2%'],
    ],
  },
  {
    id: 'p47', voice: 'pasted, line break before the count',
    text: 'XX社区打击整治养老诈骗专项行动工作开展情况\n（复制自工作群）\n各社区网格员共开展入户走访\n2860户，发放“明白纸”\n5000余份，排查涉诈线索\n3条。\n下一步，社区将继续做好独居老人的关爱帮扶，筑牢防骗“防火墙”。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。特此报告。',
    figs: [
      ['households_visited', 2860, false, '入户走访\n2860户'], ['materials_distributed', 5000, true, '明白纸”\n5000余份', '5000余', 'doubtful: 明白纸 as material'],
      ['tips_received', 3, false, '排查涉诈线索\n3条'],
    ],
  },
  {
    id: 'p48', voice: '民政 elderly screening',
    text: '区民政局养老诈骗风险摸排工作小结\n各镇（街道）民政办结合困难老人探访关爱工作，对辖区内80周岁以上独居老人、空巢老人开展摸底排查，共排查老人4382名，建立台账4382份，开展上门宣传2960户次。对摸排中发现的有投资理财、购买保健品经历的老人，安排专人定期回访。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。',
    figs: [
      ['other', 4382, false, '共排查老人4382名', '4382', 'doubtful: persons screened'], ['other', 4382, false, '建立台账4382份'],
      ['households_visited', 2960, false, '上门宣传2960户次'],
    ],
  },
  {
    id: 'p49', voice: 'provincial news, 逾/超过',
    text: '省打击整治养老诈骗专项行动办公室12月8日召开新闻发布会，通报专项行动阶段性成效。据统计，专项行动开展半年来，全省共追赃挽损逾30亿元，为超过2.3万名老年人挽回损失。发布会介绍，全省已建立健全防范养老诈骗的长效机制。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。成效明显。',
    figs: [['amount_recovered_yuan', 3000000000, true, '追赃挽损逾30亿元', '30亿'], ['victims', 23000, true, '超过2.3万名老年人', '2.3万', 'doubtful (as the held-out 540余名 decision)']],
  },
  {
    id: 'p50', voice: 'county court civil',
    text: '县人民法院关于服务保障打击整治养老诈骗专项行动的工作总结\n专项行动期间，县法院共受理涉养老诈骗民事纠纷案件19件，调解撤诉11件，判决结案6件，为老年人挽回经济损失83万元。同时，该院通过巡回审判、法治讲座等方式开展普法宣传。专项行动开展以来，各成员单位主动担当、密切配合，形成了齐抓共管的工作格局。',
    figs: [
      ['other', 19, false, '民事纠纷案件19件'], ['other', 11, false, '调解撤诉11件'], ['trial_cases', 6, false, '判决结案6件'],
      ['amount_recovered_yuan', 830000, false, '挽回经济损失83万元'],
    ],
  },
];

/**
 * A probe batch (q01–q15), written AFTER the fixes of session 16 by the same writer, who had by then read figures.ts: not
 * independent of the rules, but unseen by them — committed before the extractor was run on it, to check whether the fixes
 * carry to new wording (npx tsx bench/intel-fig-passages.ts --probe).
 */
export const PROBE: Passage[] = [
  {
    id: 'q01', voice: 'county 专项办 monthly report',
    text: 'XX县专项办10月工作月报\n10月份，全县新接收涉养老诈骗问题线索9条，累计达到63条，已核查办结58条，其余5条正在核查中。县公安局新破获案件3起，抓获犯罪嫌疑人7名，其中网上追逃2名；累计追赃挽损达186.4万元。县市场监管局出动执法人员112人次，检查保健食品经营店63家次，立案查处1件。各乡镇开展宣传活动21场，发放宣传资料4600余份。',
    figs: [
      ['tips_received', 9, false, '问题线索9条'], ['tips_received', 63, false, '累计达到63条', '63'], ['tips_closed', 58, false, '已核查办结58条', '58', 'doubtful: verified and closed'],
      ['other', 5, false, '其余5条正在核查中'], ['cases_solved', 3, false, '新破获案件3起'], ['suspects_arrested', 7, false, '抓获犯罪嫌疑人7名'],
      ['suspects_arrested', 2, false, '网上追逃2名', '2', 'part'], ['amount_recovered_yuan', 1864000, false, '追赃挽损达186.4万元'],
      ['inspections_person_times', 112, false, '执法人员112人次'], ['entities_screened', 63, false, '经营店63家次'], ['cases_filed', 1, false, '立案查处1件'],
      ['publicity_events', 21, false, '宣传活动21场'], ['materials_distributed', 4600, true, '宣传资料4600余份'],
    ],
  },
  {
    id: 'q02', voice: 'police press release',
    text: '10月18日，市公安局召开新闻通气会，通报一起以“投资养老公寓”为名的非法集资案件。经查，2019年以来，犯罪嫌疑人陈某（男，58岁，本市人）伙同他人，以年化收益12%为诱饵，向社会不特定公众非法吸收资金1.3亿余元，涉及投资人1100余名，其中60岁以上老年人占八成。目前，警方已抓获陈某等犯罪嫌疑人9名，追缴资金2860万元，查封房产15套。',
    figs: [
      ['other', 12, false, '年化收益12%'], ['amount_involved_yuan', 130000000, true, '非法吸收资金1.3亿余元', '1.3亿余'],
      ['victims', 1100, true, '涉及投资人1100余名', '1100余', 'doubtful: investors involved'], ['suspects_arrested', 9, false, '犯罪嫌疑人9名'],
      ['amount_recovered_yuan', 28600000, false, '追缴资金2860万元'], ['other', 15, false, '查封房产15套'],
    ],
  },
  {
    id: 'q03', voice: 'procuratorate weekly',
    text: '本周，县检察院对公安机关提请批准逮捕的2件5人涉养老诈骗案件依法作出批准逮捕决定，对1件3人提起公诉。截至目前，该院共批准逮捕涉养老诈骗犯罪嫌疑人19人，起诉14件41人，制发检察建议6份，开展“检察官进社区”普法宣传12场，受众老年人1300余人次。下一步，该院将继续依法从严从快办理涉养老诈骗案件，切实守护老年人的“养老钱”。',
    figs: [
      ['other', 2, false, '的2件5人', '2', 'cases approved for arrest'], ['suspects_detained_formally', 5, false, '的2件5人', '5', 'persons approved for arrest, verb after'], ['prosecuted_cases', 1, false, '对1件3人提起公诉', '1'],
      ['prosecuted_persons', 3, false, '对1件3人提起公诉', '3'], ['suspects_detained_formally', 19, false, '犯罪嫌疑人19人'],
      ['prosecuted_cases', 14, false, '起诉14件41人', '14'], ['prosecuted_persons', 41, false, '起诉14件41人', '41'],
      ['rectification_notices', 6, false, '制发检察建议6份', '6', 'doubtful: 检察建议'], ['publicity_events', 12, false, '普法宣传12场'],
      ['people_reached', 1300, true, '受众老年人1300余人次'],
    ],
  },
  {
    id: 'q04', voice: 'court press release',
    text: '区人民法院坚持从严惩处养老诈骗犯罪，专项行动以来共审结涉养老诈骗刑事案件16件，判处被告人39人，其中判处十年以上有期徒刑3人；审结涉老民事案件27件，为老年人挽回损失412.5万元。同时，该院向民政、市场监管部门发送司法建议书4份，开展巡回审判7次。该院相关负责人表示，将继续发挥审判职能作用，为专项行动提供有力司法保障。',
    figs: [
      ['trial_cases', 16, false, '刑事案件16件'], ['other', 39, false, '判处被告人39人'], ['other', 3, false, '有期徒刑3人'],
      ['trial_cases', 27, false, '涉老民事案件27件', '27', 'doubtful: civil cases concluded'], ['amount_recovered_yuan', 4125000, false, '挽回损失412.5万元'],
      ['rectification_notices', 4, false, '司法建议书4份'], ['other', 7, false, '巡回审判7次'],
    ],
  },
  {
    id: 'q05', voice: '市场监管 bulletin, OCR',
    text: '专项整治期间，全区市场监管系统共检查保健品、老年用品经营单位 ４１２家次，出动执法人员 １ ０３５人次，发现虚假宣传等问题 ３７个，已完成整改 ３４个；\n立案 ９件，结案 ６件，罚没款 ２１．６万元。监测各类涉老广告 ８ ２００余条，\n清理违法广告信息 ５３条。下一步，全区将持续加强对“会销”场所的日常监管。',
    figs: [
      ['entities_screened', 412, false, '经营单位 ４１２家次', '４１２'], ['inspections_person_times', 1035, false, '执法人员 １ ０３５人次', '１ ０３５'],
      ['hazards_found', 37, false, '等问题 ３７个', '３７'], ['hazards_rectified', 34, false, '已完成整改 ３４个', '３４'],
      ['cases_filed', 9, false, '立案 ９件', '９'], ['other', 6, false, '结案 ６件', '６'], ['penalty_amount_yuan', 216000, false, '罚没款 ２１．６万元', '２１．６万'],
      ['ads_monitored', 8200, true, '涉老广告 ８ ２００余条', '８ ２００余'], ['ads_cleaned', 53, false, '违法广告信息 ５３条', '５３'],
    ],
  },
  {
    id: 'q06', voice: '民政 screening summary',
    text: '市民政局组织对全市养老服务机构开展“回头看”。目前，全市共有养老机构93家，其中公办38家、民办55家；另有社区养老服务中心（站）214个。本轮共检查养老机构93家、服务中心（站）214个，发现消防、预收费等问题隐患46个，已整改39个，7个正在整改。检查中，向入住老人及家属发放防诈骗告知书2800余份。',
    figs: [
      ['institutions_count', 93, false, '共有养老机构93家'], ['institutions_count', 38, false, '其中公办38家', '38', 'part'], ['institutions_count', 55, false, '民办55家', '55', 'part'],
      ['other', 214, false, '服务中心（站）214个。', '214', 'doubtful: community stations are not 养老机构'],
      ['entities_screened', 93, false, '检查养老机构93家'], ['entities_screened', 214, false, '服务中心（站）214个，发现', '214'],
      ['hazards_found', 46, false, '问题隐患46个'], ['hazards_rectified', 39, false, '已整改39个'], ['other', 7, false, '7个正在整改'],
      ['materials_distributed', 2800, true, '告知书2800余份'],
    ],
  },
  {
    id: 'q07', voice: 'bank notice',
    text: 'XX银行XX支行防范养老诈骗宣传工作情况\n今年以来，该支行依托“金融夜校”开展防诈宣讲18期，在网点张贴防诈海报40张、放置宣传折页3000份，累计服务老年客户6500余人次。通过柜面“三问一提醒”，成功劝阻3名老年客户向陌生账户转账，涉及资金27万元。该支行将继续做好适老化金融服务，守护老年客户资金安全。',
    figs: [
      ['publicity_events', 18, false, '防诈宣讲18期', '18', 'doubtful: 期 as sessions'], ['posters', 40, false, '防诈海报40张'],
      ['materials_distributed', 3000, false, '宣传折页3000份', '3000', 'doubtful: placed, not handed out'], ['other', 6500, true, '服务老年客户6500余人次', '6500余', 'doubtful: customers served'],
      ['other', 3, false, '劝阻3名老年客户'], ['other', 270000, false, '涉及资金27万元'],
    ],
  },
  {
    id: 'q08', voice: 'township publicity news',
    text: '11月3日，正值赶集日，柳河镇联合派出所、司法所在集市入口设立宣传点，开展“守住养老钱”防诈宣传。工作人员现场悬挂横幅4条，摆放展板8块，发放宣传资料600余份、围裙200条，为赶集群众讲解常见骗局，受教育群众达400余人。活动中，民警还为12名老人现场下载安装了国家反诈中心APP。群众纷纷表示受益匪浅。',
    figs: [
      ['banners', 4, false, '悬挂横幅4条'], ['posters', 8, false, '摆放展板8块'], ['materials_distributed', 600, true, '宣传资料600余份'],
      ['other', 200, false, '围裙200条'], ['people_reached', 400, true, '受教育群众达400余人'], ['other', 12, false, '为12名老人现场下载'],
    ],
  },
  {
    id: 'q09', voice: 'city summary with percentages and ranks',
    text: '截至9月底，全市打击整治养老诈骗专项行动各项指标位居全省前列。全市共收到举报线索528条，办结511条，办结率96.8%，高于全省平均水平3.2个百分点；破获养老诈骗案件74起，同比增长85%，抓获犯罪嫌疑人236名；追赃挽损1.47亿元，挽损率42.3%。市专项办要求各地巩固成果、补齐短板，持续发力。',
    figs: [
      ['tips_received', 528, false, '收到举报线索528条'], ['tips_closed', 511, false, '办结511条'], ['closure_rate_pct', 96.8, false, '办结率96.8%'],
      ['other', 3.2, false, '高于全省平均水平3.2个', '3.2'], ['cases_solved', 74, false, '破获养老诈骗案件74起'], ['other', 85, false, '同比增长85%'],
      ['suspects_arrested', 236, false, '犯罪嫌疑人236名'], ['amount_recovered_yuan', 147000000, false, '追赃挽损1.47亿元'], ['recovery_rate_pct', 42.3, false, '挽损率42.3%'],
    ],
  },
  {
    id: 'q10', voice: 'pasted, breaks and separators',
    text: '（工作群转发，原文如此）\n全县各级各部门累计开展集中宣传活动\n1,260场次，发放宣传资料\n8.6万份，张贴宣传海报 2 300余张，\n悬挂横幅标语 410条，推送防骗信息\n130余条，覆盖群众\n12.4万人次。各乡镇要继续做好宣传，确保家喻户晓。下一步，县专项办将开展专项督导，对工作推进不力的单位予以通报。',
    figs: [
      ['publicity_events', 1260, false, '集中宣传活动\n1,260场次', '1,260'], ['materials_distributed', 86000, false, '宣传资料\n8.6万份', '8.6万'],
      ['posters', 2300, true, '宣传海报 2 300余张', '2 300余'], ['banners', 410, false, '悬挂横幅标语 410条', '410', '横幅 and 标语 are one family'],
      ['media_posts', 130, true, '防骗信息\n130余条', '130余'], ['people_reached', 124000, false, '覆盖群众\n12.4万人次', '12.4万'],
    ],
  },
  {
    id: 'q11', voice: 'provincial police, Chinese numerals',
    text: '据省公安厅介绍，专项行动开展以来，全省公安机关共破获养老诈骗案件一千二百余起，打掉犯罪团伙八十六个，抓获犯罪嫌疑人三千四百余名，追赃挽损九亿余元。其中，破获“以房养老”类案件四十三起、保健品类案件五百一十起。省公安厅有关负责人表示，将始终保持对养老诈骗犯罪的严打高压态势，坚决守护好老年人的“钱袋子”。',
    figs: [
      ['cases_solved', 1200, true, '案件一千二百余起', '一千二百余'], ['other', 86, false, '犯罪团伙八十六个', '八十六'],
      ['suspects_arrested', 3400, true, '犯罪嫌疑人三千四百余名', '三千四百余'], ['amount_recovered_yuan', 900000000, true, '追赃挽损九亿余元', '九亿余'],
      ['cases_solved', 43, false, '类案件四十三起', '四十三', 'part'], ['cases_solved', 510, false, '保健品类案件五百一十起', '五百一十', 'part'],
    ],
  },
  {
    id: 'q12', voice: '卫健 and 文旅 joint report',
    text: '县卫健局、文旅局联合开展涉老领域专项检查，共检查医疗机构、养生馆等场所57家，旅行社9家，发现问题11个，当场整改8个，下达卫生监督意见书3份。对检查中发现的2家无证行医场所依法立案查处，罚款共计4.5万元。检查结束后，两部门召开联席会商，对下一步整治工作作出安排，要求各单位建立长效机制，确保问题不反弹。',
    figs: [
      ['entities_screened', 57, false, '养生馆等场所57家'], ['entities_screened', 9, false, '旅行社9家'], ['hazards_found', 11, false, '发现问题11个'],
      ['hazards_rectified', 8, false, '当场整改8个', '8', 'doubtful: 当场整改'], ['rectification_notices', 3, false, '卫生监督意见书3份', '3', 'doubtful: 意见书'],
      ['cases_filed', 2, false, '发现的2家无证行医场所', '2', 'doubtful: counted in 家'], ['penalty_amount_yuan', 45000, false, '罚款共计4.5万元'],
    ],
  },
  {
    id: 'q13', voice: 'community news',
    text: '近日，阳光社区邀请市反诈中心民警走进社区老年大学，为80余名学员上了一堂生动的防骗课。民警结合辖区今年发生的5起涉老诈骗案例，揭露“免费领鸡蛋”“高价买药”等套路。据统计，今年以来该社区已举办此类讲座6场，累计参与老人400余人次，社区老人受骗案件同比下降60%。社区负责人表示，将把防骗宣传作为老年大学的常设课程。',
    figs: [
      ['people_reached', 80, true, '为80余名学员', '80余', 'doubtful: students of the elders\' university'], ['other', 5, false, '发生的5起涉老诈骗案例'],
      ['publicity_events', 6, false, '讲座6场'], ['people_reached', 400, true, '参与老人400余人次'], ['other', 60, false, '同比下降60%'],
    ],
  },
  {
    id: 'q14', voice: 'template, masked',
    text: '二、主要成效\n（一）打击成效明显。共破获涉养老诈骗案件**起，抓获犯罪嫌疑人**名，追赃挽损***万元。\n（二）排查整治有力。共排查养老机构12家、保健品经营店28家，发现问题隐患*个，已全部整改。\n（三）宣传覆盖广泛。开展宣传活动**场，受教育群众*****人次。\n三、存在问题\n群众防范意识有待提高。',
    figs: [['entities_screened', 12, false, '排查养老机构12家'], ['entities_screened', 28, false, '保健品经营店28家']],
    masked: ['案件**起', '犯罪嫌疑人**名', '挽损***万元', '问题隐患*个', '宣传活动**场', '群众*****人次'],
  },
  {
    id: 'q15', voice: 'provincial procuratorate news',
    text: '省检察院通报，专项行动开展以来，全省检察机关共受理审查逮捕涉养老诈骗案件612件1738人，批准逮捕1402人；受理审查起诉案件845件2506人，起诉688件1957人。其中，起诉“保健品”类诈骗案件211件，起诉“以房养老”类诈骗案件37件。同时，通过检察环节追赃挽损3.26亿元。下一步，全省检察机关将继续深化专项行动。',
    figs: [
      ['other', 612, false, '养老诈骗案件612件1738人', '612'], ['other', 1738, false, '养老诈骗案件612件1738人', '1738'], ['suspects_detained_formally', 1402, false, '批准逮捕1402人'],
      ['other', 845, false, '审查起诉案件845件2506人', '845'], ['other', 2506, false, '审查起诉案件845件2506人', '2506'],
      ['prosecuted_cases', 688, false, '起诉688件1957人', '688'], ['prosecuted_persons', 1957, false, '起诉688件1957人', '1957'],
      ['prosecuted_cases', 211, false, '诈骗案件211件', '211', 'part'], ['prosecuted_cases', 37, false, '诈骗案件37件', '37', 'part'],
      ['amount_recovered_yuan', 326000000, false, '追赃挽损3.26亿元'],
    ],
  },
];

const DEFAULT_NUM = /\d+(?:\.\d+)?(?:余|多)?(?:万|亿)?(?:余|多)?/;

/** The passages as scoreable items: each figure's span is its numeral inside the first occurrence of its quote. */
export function passageItems(set: Passage[] = PASSAGES): RealSummary[] {
  return set.map((p) => {
    const figures: RealFigure[] = p.figs.map(([indicator, value, approx, quote, num, note]) => {
      const q = p.text.indexOf(quote);
      if (q < 0) throw new Error(`${p.id}: quote not in text «${quote}»`);
      if (p.text.indexOf(quote, q + 1) >= 0) throw new Error(`${p.id}: quote not unique «${quote}»`);
      const n = num ?? quote.match(DEFAULT_NUM)?.[0];
      if (!n) throw new Error(`${p.id}: no numeral in «${quote}»`);
      const at = quote.indexOf(n);
      if (at < 0) throw new Error(`${p.id}: numeral «${n}» not in «${quote}»`);
      const start = q + at;
      return { indicator, value, unit: '', approx, quote, start, end: start + n.length, ...(note ? { note } : {}) };
    });
    for (const m of p.masked ?? []) if (!p.text.includes(m)) throw new Error(`${p.id}: masked quote not in text «${m}»`);
    return { id: p.id, text: p.text, split: 'dev' as const, figures, masked: p.masked ?? [] };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const probe = process.argv.includes('--probe');
  const items = passageItems(probe ? PROBE : PASSAGES);
  const quiet = process.argv.includes('--quiet');
  const mistakes: RealFigureMistakes[] = [];
  const scores = scoreRealFigures(items, mistakes);
  if (!quiet) for (const m of mistakes) {
    const lines = [
      ...m.missed.map((f) => `  missed ${f.indicator}=${f.value} «${f.quote}»${f.note ? ` (${f.note})` : ''}`),
      ...m.wrong.map((f) => `  wrong  ${f.indicator}=${f.value} «${items.find((i) => i.id === m.id)!.text.slice(Math.max(0, f.start - 8), f.end + 4)}»`),
      ...m.guessed.map((f) => `  GUESSED masked ${f.indicator}=${f.value}`),
      ...m.maskedMissed.map((q) => `  masked not reported «${q}»`),
    ];
    if (lines.length) console.log(`${m.id}\n${lines.join('\n')}`);
  }
  const chars = items.map((i) => i.text.length);
  console.log(`constructed passages: ${items.length}, ${Math.min(...chars)}–${Math.max(...chars)} characters, ${items.reduce((a, i) => a + i.figures.length, 0)} figures, ${items.reduce((a, i) => a + i.masked.length, 0)} masked`);
  console.log(formatRealFigureScores(probe ? 'probe batch q01–q15 (session 16, written after the fixes)' : 'constructed passages (session 16)', scores));
}
