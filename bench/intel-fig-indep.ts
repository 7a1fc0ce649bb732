/**
 * An INDEPENDENT constructed set for figure extraction (issue 14, session 16, 2026-12-01): sentences in the style of the
 * campaign's work summaries, written and labelled by a reader who had not opened the extraction rules (figures.ts,
 * numbers.ts), their tests or bench/intel-fig-variants.ts. Labels by the written guide in docs/intel.md. The set was
 * committed before the extractor ran on it. CONSTRUCTED text, not real data.
 *   npx tsx bench/intel-fig-indep.ts            scores today's extractor (overall and by kind)
 *   npx tsx bench/intel-fig-indep.ts --verbose  and every mistake, grouped by kind
 *   npx tsx bench/intel-fig-indep.ts --check    validates the labels only (quotes present, values as read); no extraction
 */
/* CONSTRUCTED sentences, written 2026-12-01 (session 16). Row: [kind, text, expected keyed figures, expected masked quotes,
   doubt]. A figure is "key=value[~]@quote[#n]": ~ for approx; quote = the numeral as written (with 万/亿 and inner 余/多,
   without a leading 近/约/超/上); #n = its n-th occurrence. Numbers not listed are expected absent (non-figures and
   `other`); expected masked quotes list every placeholder standing for a number. */
type Row = [kind: string, text: string, figs: string[], masked?: string[], doubt?: string];
const INDEP_SET: Row[] = [
  // ---- plain domain sentences: police
  ['police', '截至目前,全市公安机关共破获养老诈骗案件86起,抓获犯罪嫌疑人214名,打掉犯罪团伙17个,追赃挽损2360万元。', ['cases_solved=86@86', 'suspects_arrested=214@214', 'amount_recovered_yuan=23600000@2360万']],
  ['police', '专项行动开展以来,县公安局对养老诈骗线索立案侦查12起,侦破9起,刑事拘留犯罪嫌疑人21人。', ['cases_filed=12@12', 'cases_solved=9@9']],
  ['police', '区公安分局端掉保健品诈骗窝点6处,抓获犯罪嫌疑人31名,冻结涉案资金420万元。', ['suspects_arrested=31@31']],
  ['police', '共梳理近三年涉养老诈骗积案43起,已侦破27起,挽回经济损失860余万元。', ['cases_solved=27@27', 'amount_recovered_yuan=8600000~@860余万']],
  ['police', '该团伙涉案金额达1.2亿元,受害老年人300余名。', ['amount_involved_yuan=120000000@1.2亿', 'victims=300~@300余']],
  ['police', '民警一举打掉以销售“养老产品”为名的诈骗团伙一个,抓获犯罪嫌疑人15名,涉案金额3000余万元。', ['suspects_arrested=15@15', 'amount_involved_yuan=30000000~@3000余万']],
  ['police', '全市公安机关共立案侦办养老诈骗案件148起,破案121起,破案率81.8%。', ['cases_filed=148@148', 'cases_solved=121@121']],
  ['police', '专项行动期间,全省公安机关为群众挽回经济损失1.36亿元。', ['amount_recovered_yuan=136000000@1.36亿']],
  ['police', '办案民警追回赃款326.5万元,发还受害老人97名。', ['amount_recovered_yuan=3265000@326.5万', 'victims=97@97']],
  ['police', '公安机关破案7起,刑拘12人,挽损46万元。', ['cases_solved=7@7', 'amount_recovered_yuan=460000@46万']],
  ['police', '此次收网行动共抓获团伙成员23名,查扣涉案车辆4辆。', ['suspects_arrested=23@23']],
  ['police', '全省公安机关共抓获养老诈骗犯罪嫌疑人2.1万名,打掉犯罪团伙860个。', ['suspects_arrested=21000@2.1万']],
  // ---- procuratorate
  ['procuratorate', '全市检察机关共受理审查逮捕养老诈骗犯罪案件56件103人,批准逮捕91人。', ['suspects_detained_formally=91@91']],
  ['procuratorate', '共受理审查起诉养老诈骗案件64件152人,提起公诉49件118人。', ['prosecuted_cases=49@49', 'prosecuted_persons=118@118']],
  ['procuratorate', '检察机关向法院提起公诉养老诈骗犯罪案件213件,涉及被告人502人。', ['prosecuted_cases=213@213', 'prosecuted_persons=502@502'], [], '502 被告人 of the prosecuted cases read as prosecuted_persons'],
  ['procuratorate', '最高检对30件重大养老诈骗案件挂牌督办。', []],
  ['procuratorate', '全省检察机关起诉养老诈骗犯罪4000余人,同比上升36.5%。', ['prosecuted_persons=4000~@4000余']],
  ['procuratorate', '起诉养老诈骗犯罪案件61件,批准逮捕犯罪嫌疑人88人。', ['prosecuted_cases=61@61', 'suspects_detained_formally=88@88']],
  // ---- court
  ['court', '全省法院共审结养老诈骗案件532件,判处罪犯1106人。', ['trial_cases=532@532']],
  ['court', '一审判决养老诈骗案件18件41人,追缴违法所得650万元。', ['trial_cases=18@18', 'amount_recovered_yuan=6500000@650万']],
  ['court', '6月15日,市中级人民法院集中宣判涉养老诈骗案件9件。', ['trial_cases=9@9']],
  ['court', '针对审理中发现的管理漏洞,向有关部门发出司法建议书5份。', ['rectification_notices=5@5']],
  ['court', '全市法院共受理一审养老诈骗案件88件。', []],
  ['court', '共审结案件27件,判处被告人63人,责令退赔被害人损失480余万元。', ['trial_cases=27@27']],
  // ---- market regulation
  ['market', '全市市场监管部门共出动执法人员3560人次,检查保健品经营单位1820家次,立案查处涉老违法案件46件,罚没款合计217万元。', ['inspections_person_times=3560@3560', 'entities_screened=1820@1820', 'cases_filed=46@46', 'penalty_amount_yuan=2170000@217万']],
  ['market', '查处食品、保健品虚假宣传案件23件,罚款86.4万元。', ['admin_penalties=23@23', 'penalty_amount_yuan=864000@86.4万']],
  ['market', '共监测广告2.6万条,清理涉老违法广告137条。', ['ads_monitored=26000@2.6万', 'ads_cleaned=137@137']],
  ['market', '下达责令改正通知书28份,约谈企业负责人41人次。', ['rectification_notices=28@28']],
  ['market', '罚款总额46.2万元。', ['penalty_amount_yuan=462000@46.2万']],
  ['market', '截至目前,共作出行政处罚14起。', ['admin_penalties=14@14'], [], '行政处罚 N起 read as admin_penalties (the catalogue name)'],
  ['market', '共清理违法违规广告信息320余条。', ['ads_cleaned=320~@320余']],
  ['market', '审核保健食品广告320条,未发现违法内容。', ['ads_monitored=320@320']],
  ['market', '检查各类商超、药店等经营场所1560家。', ['entities_screened=1560@1560']],
  ['market', '共查办涉老案件19件,移送公安机关涉嫌犯罪案件3件。', ['admin_penalties=19@19'], [], '查办 without 立案 as admin_penalties (the guide marks it doubtful)'],
  // ---- civil affairs
  ['civil', '全市现有养老机构126家,床位1.4万张。', ['institutions_count=126@126', 'beds=14000@1.4万']],
  ['civil', '民政部门对全市养老服务机构开展拉网式排查,共排查养老机构218家,发现问题隐患47个,已整改到位39个。', ['entities_screened=218@218', 'hazards_found=47@47', 'hazards_rectified=39@39']],
  ['civil', '排查出存在风险隐患的养老机构6家。', []],
  ['civil', '为辖区高龄独居老人免费配发智能腕表320个。', ['elderly_devices=320@320']],
  ['civil', '全县共有养老床位2860张,其中护理型床位1100张。', ['beds=2860@2860', 'beds=1100@1100']],
  ['civil', '民政部门共检查养老机构1200余家次,下发整改通知书35份。', ['entities_screened=1200~@1200余', 'rectification_notices=35@35']],
  ['civil', '全区现有养老机构38家,其中公办机构12家、民办机构26家。', ['institutions_count=38@38', 'institutions_count=12@12', 'institutions_count=26@26']],
  ['civil', '对全市98家养老机构开展消防、食品安全检查。', ['entities_screened=98@98']],
  ['civil', '全区养老机构共有床位3200张,入住老人1850人。', ['beds=3200@3200']],
  // ---- health
  ['health', '卫健系统共检查医疗机构352家次,发现无资质行医人员3名,查处违法案件7起。', ['entities_screened=352@352', 'admin_penalties=7@7']],
  ['health', '对12家养老机构内设医疗机构进行专项检查,下达责令改正通知书8份。', ['entities_screened=12@12', 'rectification_notices=8@8']],
  ['health', '卫健部门培训医务人员1300人次。', []],
  // ---- finance
  ['finance', '银行保险机构开展进社区、进网点宣传活动1260场,发放宣传折页9.8万份,受教育群众12万人次。', ['publicity_events=1260@1260', 'materials_distributed=98000@9.8万', 'people_reached=120000@12万']],
  ['finance', '各银行网点成功劝阻老年客户可疑转账43笔,避免资金损失580万元。', []],
  ['finance', '地方金融监管局排查涉老非法集资风险企业74家。', ['entities_screened=74@74']],
  ['finance', '拦截涉老可疑交易152笔,金额1860万元。', []],
  ['finance', '银行机构累计开展“金融知识进万家”宣传1680次,受众26万余人。', ['publicity_events=1680@1680', 'people_reached=260000~@26万余']],
  // ---- culture and tourism
  ['tourism', '文旅部门共出动执法人员1150人次,检查旅行社及分支机构430家次,发现并整改问题隐患21个。', ['inspections_person_times=1150@1150', 'entities_screened=430@430']],
  ['tourism', '线上巡查在线旅游平台56家次,审核老年旅游广告及线路32条。', ['entities_screened=56@56', 'ads_monitored=32@32']],
  ['tourism', '检查老年旅游团队46个,检查旅游大巴23辆。', []],
  // ---- housing
  ['housing', '住建部门排查房地产开发企业、中介机构87家,未发现以房养老诈骗问题。', ['entities_screened=87@87']],
  // ---- publicity
  ['publicity', '累计开展集中宣传活动420场次,发放宣传资料18万余份,悬挂横幅560条,张贴海报3200张,受教育群众25万余人次。', ['publicity_events=420@420', 'materials_distributed=180000~@18万余', 'banners=560@560', 'posters=3200@3200', 'people_reached=250000~@25万余']],
  ['publicity', '向全市手机用户发送防诈提醒短信230万条。', ['sms_sent=2300000@230万']],
  ['publicity', '在微信公众号、抖音等平台发布宣传信息1560条,制作防诈短视频38部。', ['media_posts=1560@1560', 'videos_made=38@38']],
  ['publicity', '社区网格员入户走访独居、空巢老人1.2万户。', ['households_visited=12000@1.2万']],
  ['publicity', '举办防范养老诈骗专题讲座86场,覆盖老年人4300余人。', ['publicity_events=86@86', 'people_reached=4300~@4300余']],
  ['publicity', '报刊、电视等主流媒体刊发报道65篇。', ['media_posts=65@65']],
  ['publicity', '制作宣传视频6部,在各级平台播放量达52万次。', ['videos_made=6@6']],
  ['publicity', '开展“防诈骗进社区”宣传活动32次。', ['publicity_events=32@32']],
  ['publicity', '组织防诈知识讲座15期,参与老年人800余人次。', ['publicity_events=15@15', 'people_reached=800~@800余']],
  ['publicity', '利用村村响大喇叭广播宣传1.5万余次。', []],
  ['publicity', '发放《老年人防骗手册》2.5万册。', ['materials_distributed=25000@2.5万']],
  ['publicity', '在小区楼道张贴宣传海报800余幅。', ['posters=800~@800余']],
  ['publicity', '在村居主干道悬挂宣传条幅120余条。', ['banners=120~@120余']],
  ['publicity', '在广场摆放宣传展板45块。', ['posters=45@45']],
  ['publicity', '向辖区老年人发送预警短信8.3万条。', ['sms_sent=83000@8.3万']],
  ['publicity', '在社区、村居公开栏张贴公告500余份,征集违法犯罪线索。', []],
  ['publicity', '为老年人发放防诈骗“明白卡”3.6万张。', ['materials_distributed=36000@3.6万']],
  ['publicity', '在电视台滚动播放公益广告1200余次。', []],
  ['publicity', '在全市1.2万个网格同步开展宣传。', []],
  // ---- tips
  ['tips', '全市共受理养老诈骗举报线索256条,已核查212条,办结198条,办结率77.3%。', ['tips_received=256@256', 'tips_verified=212@212', 'tips_closed=198@198', 'closure_rate_pct=77.3@77.3']],
  ['tips', '接收上级转交线索34条,均已按期办结,按期办结率100%。', ['tips_received=34@34', 'on_time_rate_pct=100@100']],
  ['tips', '全市查实线索19条,超期线索0条,群众反馈满意率98.5%。', ['tips_true=19@19', 'tips_overdue=0@0', 'satisfaction_rate_pct=98.5@98.5'], [], 'catalogue keys the guide names no verb for (查实, 超期, 满意率)'],
  ['tips', '按期办结线索41条,反馈满意38条。', ['tips_closed_on_time=41@41', 'reporter_satisfied=38@38'], [], 'catalogue keys the guide names no verb for'],
  ['tips', '专项行动以来共收到群众举报线索73条,经核查属实21条。', ['tips_received=73@73', 'tips_true=21@21'], [], 'lead, session 16: 属实 is the catalogue key tips_true (查实/属实, as the session-4 rule); the guide\'s `other` is for 核查出有效线索 (valid leads found by a check), not tips found true'],
  ['tips', '受理12345热线转办涉老诈骗线索23件。', ['tips_received=23@23#2']],
  ['tips', '核查处置线索64条。', ['tips_verified=64@64']],
  ['tips', '线索办结率达到100%。', ['closure_rate_pct=100@100']],
  ['tips', '线索按时办结率98%,群众满意率96.7%。', ['on_time_rate_pct=98@98', 'satisfaction_rate_pct=96.7@96.7']],
  ['tips', '收集涉诈线索15条,全部移交公安机关。', ['tips_received=15@15']],
  // ---- money
  ['money', '全市追赃挽损率达62.4%。', ['recovery_rate_pct=62.4@62.4']],
  ['money', '追回老年人被骗资金35.6万元,并于6月18日全部发还。', ['amount_recovered_yuan=356000@35.6万']],
  ['money', '为受骗老人挽回损失10.5万元。', ['amount_recovered_yuan=105000@10.5万']],
  ['money', '涉及受害群众1.2万余人。', ['victims=12000~@1.2万余']],
  ['money', '追赃挽损率达到45%。', ['recovery_rate_pct=45@45']],
  ['money', '协调旅行社退还老人费用12.6万元。', ['amount_recovered_yuan=126000@12.6万'], [], '退还 read as 退费'],
  // ---- supervision and meetings
  ['supervision', '召开专项行动推进会、调度会14次,开展督导检查3轮。', ['meetings=14@14', 'supervision_rounds=3@3']],
  ['supervision', '市专项办先后派出5个督导组开展督导6轮次。', ['supervision_rounds=6@6']],
  ['supervision', '全区召开各类工作会议23次。', ['meetings=23@23']],
  ['supervision', '县专项办开展督查4轮,下发督办通知12份。', ['supervision_rounds=4@4']],
  // ---- hazards
  ['hazards', '经排查,全县共发现涉老诈骗风险隐患26处,已全部整改。', ['hazards_found=26@26']],
  ['hazards', '共消除安全隐患58个。', ['hazards_rectified=58@58']],
  ['hazards', '累计整改销号问题隐患134个。', ['hazards_rectified=134@134']],
  ['hazards', '向相关单位发送风险提示函9份。', ['rectification_notices=9@9']],
  ['hazards', '对存在问题的7家机构约谈负责人。', []],
  ['hazards', '排查整治各类问题隐患210个。', [], [], '排查整治 in one verb: `other` (as the guide decided for 346个问题隐患)'],
  // ---- one verb governing a list
  ['list', '共发放宣传手册、折页、倡议书等资料4.6万余份。', ['materials_distributed=46000~@4.6万余']],
  ['list', '累计发放宣传资料2300余份、宣传品800余件。', ['materials_distributed=2300~@2300余']],
  ['list', '张贴海报、横幅、标语等共计1500余张。', []],
  ['list', '抓获犯罪嫌疑人46名、批准逮捕29人、起诉18人。', ['suspects_arrested=46@46', 'suspects_detained_formally=29@29', 'prosecuted_persons=18@18']],
  ['list', '发放宣传单3000份,宣传册1200本,环保袋500个。', ['materials_distributed=3000@3000', 'materials_distributed=1200@1200']],
  ['list', '悬挂横幅36条、张贴海报210张、摆放展板12块。', ['banners=36@36', 'posters=210@210', 'posters=12@12']],
  ['list', '排查养老机构45家、保健品门店132家、老年旅游企业18家。', ['entities_screened=45@45', 'entities_screened=132@132', 'entities_screened=18@18']],
  ['list', '开展宣讲活动、文艺演出等38场,发放宣传资料5600份,接受群众咨询420人次。', ['publicity_events=38@38', 'materials_distributed=5600@5600']],
  ['list', '共侦破案件31起、抓获嫌疑人77名、追赃挽损1280万元。', ['cases_solved=31@31', 'suspects_arrested=77@77', 'amount_recovered_yuan=12800000@1280万']],
  ['list', '发送短信、推送信息共计12万条。', []],
  ['list', '全区各单位通过微信公众号、政务微博发布防骗文章210篇,转发推文1300余次。', ['media_posts=210@210', 'media_posts=1300~@1300余'], [], 'forwarded posts as media_posts (the guide says doubtful)'],
  ['list', '发放“致老年朋友的一封信”8000余封、宣传扇子2000把。', ['materials_distributed=8000~@8000余']],
  ['list', '检查药店52家、诊所37家、养老机构19家,出动执法人员240人次。', ['entities_screened=52@52', 'entities_screened=37@37', 'entities_screened=19@19', 'inspections_person_times=240@240']],
  ['list', '累计印制宣传折页1.5万份、宣传海报2000张。', ['materials_distributed=15000@1.5万', 'posters=2000@2000']],
  ['list', '破获案件12起,抓获8人,追回赃款56万元,发还群众43人。', ['cases_solved=12@12', 'suspects_arrested=8@8', 'amount_recovered_yuan=560000@56万'], [], '发还群众43人 left `other` (persons paid back, not named victims)'],
  ['list', '受理、核查、办结线索分别为58条、55条、51条。', ['tips_received=58@58', 'tips_verified=55@55', 'tips_closed=51@51']],
  // ---- 其中 breakdowns
  ['breakdown', '全市共排查各类涉老经营主体1260家,其中保健品经营店480家、养老机构96家。', ['entities_screened=1260@1260', 'entities_screened=480@480', 'entities_screened=96@96']],
  ['breakdown', '共受理举报线索138条,其中12337平台转交67条、群众直接举报71条。', ['tips_received=138@138', 'tips_received=67@67', 'tips_received=71@71']],
  ['breakdown', '共发现问题隐患92个,其中已整改销号81个。', ['hazards_found=92@92', 'hazards_rectified=81@81']],
  ['breakdown', '起诉养老诈骗犯罪312人,其中以“以房养老”为名的45人。', ['prosecuted_persons=312@312', 'prosecuted_persons=45@45']],
  ['breakdown', '破获养老诈骗案件205起,其中保健品类诈骗96起。', ['cases_solved=205@205', 'cases_solved=96@96']],
  ['breakdown', '追赃挽损5300余万元,其中已发还受害群众2100万元。', ['amount_recovered_yuan=53000000~@5300余万', 'amount_recovered_yuan=21000000@2100万'], [], 'the part handed back read as recovered (as s218)'],
  ['breakdown', '开展宣传活动260场,其中进社区142场、进养老机构58场。', ['publicity_events=260@260', 'publicity_events=142@142', 'publicity_events=58@58']],
  ['breakdown', '抓获犯罪嫌疑人156人,其中刑事拘留98人。', ['suspects_arrested=156@156']],
  ['breakdown', '受理线索64条,其中涉嫌犯罪的9条已移送公安机关。', ['tips_received=64@64']],
  ['breakdown', '发放宣传资料4.2万份,其中老年人防骗手册1.5万册。', ['materials_distributed=42000@4.2万', 'materials_distributed=15000@1.5万']],
  ['breakdown', '全市共批准逮捕养老诈骗犯罪嫌疑人640人,其中涉保健品类诈骗的213人。', ['suspects_detained_formally=640@640', 'suspects_detained_formally=213@213']],
  ['breakdown', '挽回经济损失2.3亿元,其中市本级挽回8600万元。', ['amount_recovered_yuan=230000000@2.3亿', 'amount_recovered_yuan=86000000@8600万']],
  // ---- paired counts
  ['paired', '批准逮捕养老诈骗犯罪32件57人。', ['suspects_detained_formally=57@57']],
  ['paired', '起诉涉养老诈骗犯罪案件124件286人。', ['prosecuted_cases=124@124', 'prosecuted_persons=286@286']],
  ['paired', '一审审结养老诈骗案件46件98人。', ['trial_cases=46@46']],
  ['paired', '依法从严从快起诉8件21人。', ['prosecuted_cases=8@8', 'prosecuted_persons=21@21']],
  ['paired', '提起公诉养老诈骗案件1,032件2,517人。', ['prosecuted_cases=1032@1,032', 'prosecuted_persons=2517@2,517']],
  ['paired', '向法院提起公诉15件37人,法院已判决9件20人。', ['prosecuted_cases=15@15', 'prosecuted_persons=37@37', 'trial_cases=9@9']],
  ['paired', '共审查起诉养老诈骗犯罪案件210件512人,起诉156件387人。', ['prosecuted_cases=156@156', 'prosecuted_persons=387@387'], [], '审查起诉 (reviews) left `other` as 办结审查起诉'],
  // ---- approximate counts
  ['approx', '全市追赃挽损近3000万元。', ['amount_recovered_yuan=30000000~@3000万']],
  ['approx', '受益群众约1.5万人。', ['people_reached=15000~@1.5万']],
  ['approx', '发放宣传资料超10万份。', ['materials_distributed=100000~@10万']],
  ['approx', '专项行动以来破获案件逾200起。', ['cases_solved=200~@200']],
  ['approx', '出动执法人员上千人次。', ['inspections_person_times=1000~@千']],
  ['approx', '宣传覆盖群众百余万人次。', ['people_reached=1000000~@百余万']],
  ['approx', '挽回经济损失2亿余元。', ['amount_recovered_yuan=200000000~@2亿余']],
  ['approx', '发送防诈短信50万余条。', ['sms_sent=500000~@50万余']],
  ['approx', '在社区张贴海报1000多张。', ['posters=1000~@1000多']],
  ['approx', '抓获犯罪嫌疑人100人以上。', ['suspects_arrested=100~@100']],
  ['approx', '受理群众举报线索近百条。', ['tips_received=100~@百']],
  ['approx', '开展宣传活动20余场次,入户走访老年人家庭600余户。', ['publicity_events=20~@20余', 'households_visited=600~@600余']],
  ['approx', '涉案金额超过5亿元。', ['amount_involved_yuan=500000000~@5亿']],
  ['approx', '追缴赃款约680万元。', ['amount_recovered_yuan=6800000~@680万']],
  ['approx', '宣传覆盖老年人3万+。', ['people_reached=30000~@3万']],
  ['approx', '排查养老机构300多家。', ['entities_screened=300~@300多']],
  ['approx', '全省共破获养老诈骗案件5000余起,抓获犯罪嫌疑人1.1万余名。', ['cases_solved=5000~@5000余', 'suspects_arrested=11000~@1.1万余']],
  ['approx', '发现问题隐患近50个。', ['hazards_found=50~@50']],
  // ---- 户次 / 家次 / 人次 and other measure words
  ['measure', '走访入户宣传1.3万户次。', ['households_visited=13000@1.3万']],
  ['measure', '检查药店、诊所等经营单位2150家次。', ['entities_screened=2150@2150']],
  ['measure', '出动执法人员860人次,检查旅游车辆45辆次。', ['inspections_person_times=860@860']],
  ['measure', '受教育群众达8.6万人次。', ['people_reached=86000@8.6万']],
  ['measure', '共开展督导检查12轮次。', ['supervision_rounds=12@12']],
  ['measure', '出动检查人员1200余人,检查养老机构56家。', ['inspections_person_times=1200~@1200余', 'entities_screened=56@56']],
  ['measure', '巡查农村集市、广场等重点场所320个次。', ['entities_screened=320@320']],
  ['measure', '上门走访老年人家庭3400户。', ['households_visited=3400@3400']],
  ['measure', '共梳理排查涉老企业3.8万户。', ['entities_screened=38000@3.8万'], [], 'enterprises counted in 户 read as entities, not households'],
  ['measure', '开展宣传活动45场次,受众达1.6万人次。', ['publicity_events=45@45', 'people_reached=16000@1.6万']],
  ['measure', '检查保健品经营户620户次。', ['entities_screened=620@620']],
  // ---- Chinese numerals
  ['chinese', '先后召开三次专项行动推进会。', ['meetings=3@三']],
  ['chinese', '开展两轮全覆盖排查。', []],
  ['chinese', '组织开展专项督导两轮。', ['supervision_rounds=2@两']],
  ['chinese', '抓获犯罪嫌疑人十二名。', ['suspects_arrested=12@十二']],
  ['chinese', '发放宣传资料两千余份。', ['materials_distributed=2000~@两千余']],
  ['chinese', '破获案件三十余起。', ['cases_solved=30~@三十余']],
  ['chinese', '挽回损失一百二十万元。', ['amount_recovered_yuan=1200000@一百二十万']],
  ['chinese', '在主要路口张贴标语五十条。', ['banners=50@五十']],
  ['chinese', '举办讲座四场,受益老人二百余人。', ['publicity_events=4@四', 'people_reached=200~@二百余']],
  ['chinese', '起诉养老诈骗犯罪嫌疑人近千人。', ['prosecuted_persons=1000~@千']],
  ['chinese', '发送短信三万余条。', ['sms_sent=30000~@三万余']],
  ['chinese', '全县现有养老机构九家。', ['institutions_count=9@九']],
  // ---- mixed numerals
  ['mixed', '全省追赃挽损3.45亿元。', ['amount_recovered_yuan=345000000@3.45亿']],
  ['mixed', '共监测网络广告12.8万条。', ['ads_monitored=128000@12.8万']],
  ['mixed', '发放宣传资料1.2万余份。', ['materials_distributed=12000~@1.2万余']],
  ['mixed', '涉案金额2000万余元。', ['amount_involved_yuan=20000000~@2000万余']],
  ['mixed', '挽回损失120余万元。', ['amount_recovered_yuan=1200000~@120余万']],
  ['mixed', '受益人数达12.5万。', ['people_reached=125000@12.5万']],
  ['mixed', '追缴违法所得8亿余元。', ['amount_recovered_yuan=800000000~@8亿余']],
  ['mixed', '累计发送短信1.05亿条。', ['sms_sent=105000000@1.05亿']],
  ['mixed', '罚没款3.2万元。', ['penalty_amount_yuan=32000@3.2万']],
  ['mixed', '涉案资金4.7亿余元。', ['amount_involved_yuan=470000000~@4.7亿余']],
  ['mixed', '受理线索1.3万余条,办结1.1万条。', ['tips_received=13000~@1.3万余', 'tips_closed=11000@1.1万']],
  // ---- slips inside or next to numbers (OCR, punctuation, spaces, full-width)
  ['slip', '发放宣传资料1，200份。', ['materials_distributed=1200@1，200'], [], 'a full-width comma as thousands separator read as 1200'],
  ['slip', '追赃挽损3. 5万元。', ['amount_recovered_yuan=35000@3. 5万']],
  ['slip', '受理线索 46 条,办结 40 条。', ['tips_received=46@46', 'tips_closed=40@40']],
  ['slip', '印制宣传册800于份。', ['materials_distributed=800~@800']],
  ['slip', '悬挂横幅 25条,张贴海报 80 张。', ['banners=25@25', 'posters=80@80']],
  ['slip', '共计发放宣传资料15，000余份。', ['materials_distributed=15000~@15，000余']],
  ['slip', '挽回经济损失26.8 万元。', ['amount_recovered_yuan=268000@26.8 万']],
  ['slip', '受益群众5,000余人。', ['people_reached=5000~@5,000余']],
  ['slip', '线索办结率为 95.6 %。', ['closure_rate_pct=95.6@95.6']],
  ['slip', '抓获犯罪嫌疑人１２３名。', ['suspects_arrested=123@１２３']],
  ['slip', '发放宣传资料３．６万份。', ['materials_distributed=36000@３．６万']],
  ['slip', '出动执法人员3,560人次。', ['inspections_person_times=3560@3,560']],
  ['slip', '破获案件 17起,抓获 42人。', ['cases_solved=17@17', 'suspects_arrested=42@42']],
  ['slip', '追赃挽损1.2 亿元。', ['amount_recovered_yuan=120000000@1.2 亿']],
  ['slip', '共排查养老机构３２家。', ['entities_screened=32@３２']],
  // ---- the count before its verb
  ['verb-after', '已有18个问题隐患完成整改。', ['hazards_rectified=18@18']],
  ['verb-after', '156条线索已全部办结。', ['tips_closed=156@156']],
  ['verb-after', '9名犯罪嫌疑人已被依法批准逮捕。', ['suspects_detained_formally=9@9']],
  ['verb-after', '32起现案已全部告破。', ['cases_solved=32@32']],
  ['verb-after', '另有3个问题正在整改中。', []],
  ['verb-after', '共有4200余名老年人参加了宣传活动。', ['people_reached=4200~@4200余']],
  ['verb-after', '涉案的27名犯罪嫌疑人已全部落网。', ['suspects_arrested=27@27'], [], '落网 read as arrested'],
  ['verb-after', '全市1.6万余份宣传资料已发放到位。', ['materials_distributed=16000~@1.6万余']],
  ['verb-after', '5起案件已移送检察机关审查起诉。', []],
  ['verb-after', '共有300余名群众受益。', ['people_reached=300~@300余']],
  ['verb-after', '46家养老机构已全部完成检查。', ['entities_screened=46@46']],
  ['verb-after', '28条线索已核查完毕。', ['tips_verified=28@28']],
  ['verb-after', '1.2万份宣传折页已发放至各村居。', ['materials_distributed=12000@1.2万']],
  // ---- 对 / 将 / 把 frames
  ['frame', '执法人员对23家保健品门店开展突击检查。', ['entities_screened=23@23']],
  ['frame', '将47条线索移交公安机关。', []],
  ['frame', '对辖区65家养老机构进行全覆盖排查。', ['entities_screened=65@65']],
  ['frame', '将8名犯罪嫌疑人抓获归案。', ['suspects_arrested=8@8']],
  ['frame', '对4家违规机构下发责令改正通知书。', ['rectification_notices=4@4']],
  ['frame', '把追回的86万元返还给受骗老人。', ['amount_recovered_yuan=860000@86万']],
  ['frame', '对31条问题线索逐一核查。', ['tips_verified=31@31']],
  ['frame', '对发现的14个隐患问题全部整改到位。', ['hazards_rectified=14@14']],
  ['frame', '将辖区2.3万余名老年人纳入重点关爱范围。', []],
  ['frame', '对3名无资质人员依法查处。', []],
  ['frame', '对12起涉老案件立案调查。', ['cases_filed=12@12']],
  ['frame', '将涉嫌犯罪的6条线索移送公安机关。', []],
  ['frame', '对19名犯罪嫌疑人提起公诉。', ['prosecuted_persons=19@19']],
  ['frame', '把5000余份宣传资料送到老人手中。', ['materials_distributed=5000~@5000余'], [], '送到 as a distribution verb'],
  // ---- indicator named earlier in the sentence
  ['named-earlier', '收到线索88条,核查82条,已办结75条,正在核查7条。', ['tips_received=88@88', 'tips_verified=82@82', 'tips_closed=75@75']],
  ['named-earlier', '破获养老诈骗案件56起,涉及老年受害人230名。', ['cases_solved=56@56', 'victims=230@230']],
  ['named-earlier', '排查发现问题隐患43个,已完成整改40个,剩余3个。', ['hazards_found=43@43', 'hazards_rectified=40@40']],
  ['named-earlier', '涉案资金方面,追缴6200余万元。', ['amount_recovered_yuan=62000000~@6200余万']],
  ['named-earlier', '宣传方面,全区发放资料3.2万份、短信15万条。', ['materials_distributed=32000@3.2万', 'sms_sent=150000@15万']],
  ['named-earlier', '举报线索共计112条,均已办结。', ['tips_received=112@112'], [], 'no verb: received read from 举报线索'],
  ['named-earlier', '起诉养老诈骗犯罪案件61件,同比上升42%。', ['prosecuted_cases=61@61']],
  ['named-earlier', '批准逮捕养老诈骗犯罪嫌疑人74人,起诉91人,判决63人。', ['suspects_detained_formally=74@74', 'prosecuted_persons=91@91']],
  ['named-earlier', '追赃挽损工作成效明显,累计挽回1.8亿元。', ['amount_recovered_yuan=180000000@1.8亿']],
  ['named-earlier', '整改问题隐患方面,已销号29个。', ['hazards_rectified=29@29']],
  ['named-earlier', '发放宣传资料6.5万份,宣传品1.2万件,倡议书8000份。', ['materials_distributed=65000@6.5万', 'materials_distributed=8000@8000']],
  ['named-earlier', '开展专题讲座42场、文艺演出16场。', ['publicity_events=42@42', 'publicity_events=16@16']],
  // ---- masked numbers
  ['masked', '共发放宣传资料xx份,悬挂横幅xx条。', [], ['xx份', 'xx条']],
  ['masked', '召开推进会*次,开展宣传活动**场。', [], ['*次', '**场']],
  ['masked', '破获养老诈骗案件××起,抓获犯罪嫌疑人××名。', [], ['××起', '××名']],
  ['masked', '追赃挽损X万元。', [], ['X万元']],
  ['masked', '受理举报线索XX条,已办结XX条,办结率XX%。', [], ['XX条', 'XX%']],
  ['masked', '覆盖群众*.*万人次。', [], ['*.*万人次']],
  ['masked', 'XX县市场监管局共检查经营主体126家次。', ['entities_screened=126@126']],
  ['masked', '发放宣传资料1x00份。', [], ['1x00份']],
  ['masked', '共排查养老机构＊＊家,发现隐患＊个。', [], ['＊＊家', '＊个']],
  ['masked', '2022年X月X日,我局召开专题会议。', [], ['X月X日']],
  ['masked', '**镇开展宣传活动12场。', ['publicity_events=12@12']],
  ['masked', '入户走访___户。', [], ['___户']],
  ['masked', '截至xx月底,共立案查处案件xx件,罚没款xx万元。', [], ['xx月', 'xx件', 'xx万元']],
  ['masked', '全县共有养老机构X家,床位XXX张。', [], ['X家', 'XXX张']],
  ['masked', '抓获犯罪嫌疑人x名,挽回损失x.x万元。', [], ['x名', 'x.x万元']],
  ['masked', '累计受教育群众XX万余人次,发放资料XX万份。', [], ['XX万余人次', 'XX万份']],
  // ---- numbers that are not figures
  ['nonfig', '2022年4月至10月,我县开展为期半年的打击整治养老诈骗专项行动。', []],
  ['nonfig', '群众可拨打举报电话0371-12345678或12337进行举报。', []],
  ['nonfig', '印发《关于开展打击整治养老诈骗专项行动的通知》(宁政办〔2022〕15号)。', []],
  ['nonfig', '我市在全省专项行动考核中位列第3名。', []],
  ['nonfig', '受害人多为60岁至85岁的老年人。', []],
  ['nonfig', '老年人占被骗群众的比例为67.5%。', []],
  ['nonfig', '涉老诈骗案件同比下降23.6%。', []],
  ['nonfig', '5月26日上午9:30,县专项办召开第二次推进会。', []],
  ['nonfig', '全省14个市州、108个县区全部成立专项办。', []],
  ['nonfig', '一是加强组织领导,二是强化宣传发动,三是深化打击整治。', []],
  ['nonfig', '全市60周岁以上老年人共有86万人。', []],
  ['nonfig', '犯罪嫌疑人以每盒3980元的价格向老人兜售保健品。', []],
  ['nonfig', '要求各单位7日内办结,30日内反馈。', []],
  ['nonfig', '对查证属实的线索给予举报人最高5000元奖励。', []],
  ['nonfig', '被告人王某某被判处有期徒刑十年。', []],
  ['nonfig', '全县建立“1+3+N”工作机制。', []],
  ['nonfig', '省专项办组建5个督导组,成员单位32家。', []],
  ['nonfig', '12315、12345热线平台24小时受理投诉。', []],
  ['nonfig', '群众安全感满意度在全省排名第2。', []],
  ['nonfig', '专项行动分为三个阶段:宣传发动阶段(4月至5月)、集中打击阶段(6月至9月)、总结提升阶段(10月)。', []],
  ['nonfig', '该案系2021年第3季度公安部挂牌督办案件。', []],
  ['nonfig', '办案民警连续奋战72小时将犯罪嫌疑人抓获。', []],
  ['nonfig', '《守护养老钱》系列报道第5期播出后反响热烈。', []],
  ['nonfig', '受骗老人平均年龄72岁。', []],
  ['nonfig', '该公司以“投资1万元、年返利20%”为诱饵吸收老年人资金。', []],
  ['nonfig', '近5年来全市涉老诈骗发案数逐年下降。', []],
  ['nonfig', '联系电话:0531-86012345,邮箱:zxb2022@163.com。', []],
  ['nonfig', '全市共有3个县区、46个乡镇参与试点。', []],
  ['nonfig', '专项行动办公室设在市委政法委,下设6个工作组。', []],
  ['nonfig', '“5.15”特大养老诈骗案已移送起诉。', []],
  ['nonfig', '第一季度全市发案数同比下降31%,破案率提高12个百分点。', []],
  ['nonfig', '打掉一个冒充“养老机构”实施诈骗的犯罪团伙。', []],
  ['nonfig', '70岁以上老人可免费领取防诈手册一本。', []],
  ['nonfig', '苏公通〔2022〕88号文件对此作出部署。', []],
  ['nonfig', '县委书记先后3次作出批示。', [], [], '批示 counts are the campaign\'s own structure'],
];

import type { RealFigure, RealSummary } from '../server/modules/intel/evaluate-real.ts';

const FW: Record<string, string> = { '，': ',', '．': '.' };
/** A small reader for Arabic quotes only (the check of the labels; Chinese numerals are not checked). */
function readQuote(q: string): number | null {
  let s = q.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[，．]/g, (c) => FW[c]);
  s = s.replace(/[余多于+]/g, '').replace(/[, ]/g, '').replace(/\.\s+/g, '.');
  const m = /^(\d+(?:\.\d+)?)(万|亿)?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * (m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1);
}

export interface IndepItem extends RealSummary { kind: string; doubt?: string }

export function indepItems(): IndepItem[] {
  return INDEP_SET.map(([kind, text, figs, masked = [], doubt], i) => {
    const figures: RealFigure[] = figs.map((spec) => {
      const m = /^(\w+)=(\d+(?:\.\d+)?)(~?)@(.+?)(?:#(\d+))?$/.exec(spec);
      if (!m) throw new Error(`bad spec ${spec}`);
      const [, indicator, v, approx, quote, nth] = m;
      let at = -1;
      for (let n = Number(nth ?? 1); n > 0; n--) at = text.indexOf(quote, at + 1);
      if (at < 0) throw new Error(`quote «${quote}» not in «${text}»`);
      const value = Number(v);
      const read = readQuote(quote);
      if (read !== null && Math.abs(read - value) > 1e-6) throw new Error(`«${quote}» reads ${read}, labelled ${value} in «${text}»`);
      return { indicator, value, unit: '', approx: approx === '~', quote, start: at, end: at + quote.length };
    });
    for (const q of masked) if (!text.includes(q)) throw new Error(`masked «${q}» not in «${text}»`);
    return { id: `i${String(i + 1).padStart(3, '0')}`, kind, text, split: 'dev' as const, figures, masked, doubt };
  });
}

async function main() {
  const items = indepItems();
  const kinds = [...new Set(items.map((i) => i.kind))];
  const sizes = kinds.map((k) => { const ks = items.filter((i) => i.kind === k); return `${k} ${ks.length}/${ks.reduce((n, i) => n + i.figures.length, 0)}`; });
  console.log(`independent constructed set: ${items.length} sentences, ${items.reduce((n, i) => n + i.figures.length, 0)} keyed figures, ${items.reduce((n, i) => n + i.masked.length, 0)} masked quotes`);
  console.log(`  by kind (sentences/figures): ${sizes.join(', ')}`);
  if (process.argv.includes('--check')) return;
  const { scoreRealFigures, formatRealFigureScores } = await import('../server/modules/intel/evaluate-real.ts');
  type Mistakes = Parameters<typeof scoreRealFigures>[1];
  const verbose = process.argv.includes('--verbose');
  const all = scoreRealFigures(items);
  console.log(formatRealFigureScores('independent constructed set (all kinds)', all));
  for (const k of kinds) {
    const ks = items.filter((i) => i.kind === k);
    const mistakes: NonNullable<Mistakes> = [];
    const r = scoreRealFigures(ks, mistakes);
    const bad = mistakes.filter((m) => m.missed.length || m.wrong.length || m.guessed.length || m.maskedMissed.length);
    console.log(`${k.padEnd(14)} P ${r.precision} (${r.truePositives}/${r.predictedKeyed})  R ${r.recall} (${r.truePositives}/${r.labelledKeyed})  masked guessed ${r.maskedGuessed}, detected ${r.maskedDetected}/${r.maskedLabelled}, spurious ${r.maskedSpurious}  sentences with a mistake ${bad.length}/${ks.length}`);
    if (!verbose) continue;
    for (const m of bad) {
      const it = ks.find((i) => i.id === m.id)!;
      console.log(`  ${m.id} «${it.text}»${it.doubt ? `  [doubt: ${it.doubt}]` : ''}`);
      for (const f of m.missed) console.log(`    missed ${f.indicator}=${f.value} «${f.quote}»`);
      for (const f of m.wrong) console.log(`    wrong  ${f.indicator}=${f.value} «${it.text.slice(f.start, f.end)}»`);
      for (const f of m.guessed) console.log(`    GUESSED masked ${f.indicator}=${f.value}`);
      for (const q of m.maskedMissed) console.log(`    masked not reported «${q}»`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
