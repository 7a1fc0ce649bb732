/**
 * THIRD independent set of CONSTRUCTED passages (session 16, written 2026-12-01) for figure extraction:
 * invented text in the voices of the campaign's work summaries, labelled by the guide in docs/intel.md
 * ("Labelling guide (how the labels were made, by hand)") before the extractor was run on them.
 * Not real data — a proxy for the held-out split. Written without reading figures.ts, numbers.ts or the
 * other passage sets.   npx tsx bench/intel-fig-passages3.ts
 *
 * Markup: {key:numeral} marks a labelled figure (the numeral as written, with inner 余/多 and 万/亿/千);
 * {key*:…} a breakdown (note part); {key:numeral=value} gives the value when the numeral is written in
 * Chinese; 〔…〕 is a labelled masked quote. Approximation is read from 余/多 inside the numeral, 近/约/超/
 * 逾/上/超过 before it, 以上/+ after its measure word.
 */
import { formatRealFigureScores, scoreRealFigures, type RealFigure, type RealFigureMistakes, type RealSummary } from '../server/modules/intel/evaluate-real.ts';

export const CONSTRUCTED_PASSAGES_3: string[] = [
  // 1 township 简报
  '青石镇打击整治养老诈骗专项行动工作简报（第3期）\n本周，镇综治办联合派出所、司法所在全镇12个行政村开展防范养老诈骗集中宣传，共举办宣传活动{publicity_events:8}场，发放宣传资料{materials_distributed:1200余}份，悬挂横幅{banners:15}条，入户走访{households_visited:436}户，覆盖群众{people_reached:2300余}人。镇派出所排查辖区保健品店、养生馆等经营场所{entities_screened:21}家，发现问题隐患{hazards_found:3}个，已当场整改{hazards_rectified:2}个。截至目前，共收集涉养老诈骗线索{tips_received:5}条，已核查{tips_verified:5}条。下一步，全镇将持续开展“敲门行动”，确保不漏一户。镇党委书记在第3期调度会上强调，各村要把防范养老诈骗与“平安乡村”创建结合起来，对独居、失独、留守老人建立一人一档，做到底数清、情况明，发现苗头及时报告。',
  // 2 street
  '城东街道养老诈骗防范工作情况\n今年4月以来，街道成立由主任任组长的专项工作领导小组，下设3个工作组。依托21个社区网格，组织{other:730}名网格员，对辖区60岁以上独居、空巢老人开展全覆盖走访，累计入户走访{households_visited:5821}户，发放防范养老诈骗宣传折页{materials_distributed:6000余}份。街道还联合派出所举办防诈讲座{publicity_events:14}场，受教育群众{people_reached:1600余}人次。网格员及时劝阻老人购买高价保健品{other:9}起，避免损失{other:12.6万}元。下一步，街道将把防范宣传纳入网格日常巡查内容，每月至少走访一次重点老人。街道党工委要求各社区书记亲自抓，把防骗提醒融入日常为老服务，对近半年内有大额消费、频繁参加“免费体检”“健康讲座”的老人重点关注，发现异常第一时间报告。',
  // 3 community list
  '幸福里社区11月工作小结\n1. 开展“反诈进楼栋”宣传{publicity_events:4}次，覆盖居民{people_reached:320}人；\n2. 张贴海报{posters:40}张，在小区电子屏滚动播放防骗标语{other:3}条；\n3. 在社区微信群转发防骗推文{media_posts:12}条；\n4. 组织志愿者{other:18}名，对{households_visited:57}户独居老人入户走访，逐户讲解“以房养老”“代办养老保险”等常见骗局；\n5. 收到居民反映的可疑线索{tips_received:2}条，均已移交派出所处理。\n12月，社区将结合“敬老月”总结，继续做好80岁以上高龄老人的结对帮扶工作。社区党委书记表示，防范养老诈骗不是一阵风，要让老人听得懂、记得住、用得上，后续将邀请律师和民警每月到社区坐诊一次，帮助老人辨别各类“高回报”陷阱。',
  // 4 老龄办
  '市老龄办关于2026年上半年防范养老诈骗工作的报告\n上半年，市老龄委32个成员单位围绕“守护养老钱”主题，共开展老年人防诈宣传活动{publicity_events:326}场次，受益老年人{people_reached:4.8万}人次，发放宣传手册、折页{materials_distributed:9.6万余}份。全市现有养老机构{institutions_count:143}家，民政部门会同市场监管部门对养老机构开展全覆盖排查，检查养老机构{entities_screened:152}家次，发现问题隐患{hazards_found:17}个，已整改销号{hazards_rectified:14}个，其余3个正在整改中。下半年，市老龄办将会同有关部门开展第二轮督导。报告指出，部分区县宣传方式仍以发资料为主，针对失能、半失能老人的宣传手段不多；少数养老机构对“会员卡”“预付费”管理不规范，存在一定风险，需持续跟踪问效。',
  // 5 退役军人
  '区退役军人事务局结合双拥工作，将防范养老诈骗纳入“光荣之家”走访内容。专项行动以来，全局入户走访老年退役军人家庭{households_visited:1260}户，在{other:37}个退役军人服务站张贴宣传海报{posters:200余}张，发放宣传资料{materials_distributed:3000余}份。各服务站共排查出涉及退役军人的养老诈骗线索{tips_received:4}条，已办结{tips_closed:3}条，另有{other:1}条正在核查中。区局还邀请派出所民警为退役军人讲授防骗知识{publicity_events:6}场，参加人员{other:420}人次。区局负责同志表示，老年退役军人是特殊群体，下一步将依托“兵支书”和退役军人志愿服务队，把防骗知识送到每一位老兵身边，做到不漏一户、不落一人、不留死角。活动得到老兵们的普遍欢迎。',
  // 6 人社 社保
  '市人社局聚焦代办“养老保险”类诈骗，开展社保经办领域专项排查。共排查定点服务机构和中介{entities_screened:86}家，约谈{other:12}家，查处违规代办参保案件{admin_penalties:7}件，追回违规领取的养老保险待遇{amount_recovered_yuan:136.5万}元，涉及{other:83}人。通过12333热线和人社短信平台发送防诈提醒短信{sms_sent:52万余}条，同比增长{other:35}%。下一步，市人社局将在全市{other:9}个经办大厅设立防诈提示专区，对60周岁以上参保人员开展一对一提醒。据了解，此类诈骗多以“内部指标”“提高待遇”为幌子，诱使老人缴纳所谓的手续费、保证金。人社部门提醒，办理社保业务请到正规经办窗口，不要轻信陌生人的承诺。',
  // 7 银行业协会
  '省银行业协会通报：专项行动开展以来，全省银行业金融机构累计开展“金融知识进社区”防诈宣传{publicity_events:1.2万余}场，覆盖老年客户{people_reached:86万}人次；在{other:4300余}个营业网点设立“老年人防诈专柜”；成功劝阻老年客户可疑转账{other:1562}笔，避免资金损失{other:9870万}元；向公安机关移送可疑交易线索{other:215}条。协会要求各会员单位在今年年底前完成柜面人员防诈培训全覆盖，对65岁以上客户大额转账落实“一问二核三提醒”。协会同时提示，老年客户如遇自称公检法人员、银行客服要求转账汇款的，务必先与子女沟通或到网点咨询，切勿向所谓的“安全账户”转账，更不要透露短信验证码。',
  // 8 保险行业协会
  '市保险行业协会2026年度消费者权益保护工作总结（摘录）\n全市28家会员公司开展“守护养老钱”主题宣传{publicity_events:480余}次，制作防诈短视频{videos_made:36}个，在微信公众号发布防诈推文{media_posts:215}篇，累计阅读量{other:38万}次。各公司排查以“养老保险”“以房养老”为名的违规销售行为，发现问题隐患{hazards_found:22}个，整改完成{hazards_rectified:22}个。协会受理涉老保险投诉{other:64}件，调解成功{other:51}件。2027年，协会将把涉老销售行为纳入年度自律检查重点。协会提醒广大老年消费者，购买保险产品应通过正规渠道，认真阅读合同条款，警惕“保本高收益”“养老床位包租”等宣传，遇到可疑情况可向监管部门和协会反映。',
  // 9 新闻发布会 公安
  '记者：专项行动开展以来，公安机关取得了哪些成效？\n市公安局副局长：截至11月30日，全市公安机关共立案侦查涉养老诈骗案件{cases_filed:213}起，破获{cases_solved:198}起，抓获犯罪嫌疑人{suspects_arrested:467}名，打掉犯罪团伙{other:31}个，追赃挽损{amount_recovered_yuan:1.36亿}元。\n记者：老年人受骗后可以通过哪些渠道举报？\n市公安局副局长：可以拨打110或96110，也可以通过“平安江城”公众号举报。今年以来，我们共接到群众举报线索{tips_received:1042}条，已全部核查。记者：下一步还有哪些打算？\n市公安局副局长：我们将坚持打防并举，对新发案件快侦快破，对积案逐案过筛，同时会同有关部门加强源头治理，切实守护好老年人的钱袋子。',
  // 10 新闻发布会 检察
  '省检察院新闻发言人介绍：今年1至10月，全省检察机关共批准逮捕养老诈骗犯罪嫌疑人{suspects_detained_formally:612}人，起诉{prosecuted_cases:498}件{prosecuted_persons:1305}人，其中涉及“以房养老”的{prosecuted_persons*:87}人。针对办案中发现的监管漏洞，向有关部门发出检察建议{other:46}份。检察机关还积极协助追赃挽损{amount_recovered_yuan:2.3亿余}元。问：检察机关如何保护老年被害人权益？答：我们对{other:300余}名老年被害人开展司法救助，发放救助金{other:410万}元。问：老年人遇到疑似诈骗应该怎么办？答：要及时保存聊天记录、转账凭证等证据，第一时间向公安机关报案，也可以拨打12309检察服务热线反映，我们会依法提供帮助。发布会现场回答了多家媒体的提问。',
  // 11 法院
  '市中级人民法院通报：2026年以来，全市法院共受理养老诈骗刑事案件{other:156}件，审结{trial_cases:142}件，判处罪犯{other:389}人，其中判处五年以上有期徒刑的{other:76}人；依法责令退赔{other:4200余万}元。针对审理中发现的养老机构管理问题，向民政、市场监管等部门发出司法建议书{rectification_notices:9}份。下一步，全市法院将继续落实“快审快判”要求，对涉老案件在30日内审结的比例争取达到九成以上。通报还指出，当前养老诈骗犯罪呈现出线上线下交织、作案手段翻新快等特点，部分案件被告人退赔能力不足，被害老人损失难以全额挽回，需要各方形成合力、源头防范。通报由该院刑事审判庭庭长发布。',
  // 12 人大 执法检查
  '市人大常委会执法检查组关于《老年人权益保障法》实施情况的报告（摘录）\n执法检查组分3个小组，深入{other:6}个区县实地察看，召开座谈会{meetings:9}次。据市公安局报告，专项行动以来全市破获养老诈骗案件{cases_solved:86}起，挽回经济损失{amount_recovered_yuan:3200余万}元；市市场监管局立案查处虚假宣传等案件{cases_filed:41}件，罚没款{penalty_amount_yuan:276万}元。但检查也发现，仍有{other:17}%的受访老人对常见骗局不够了解，农村地区宣传覆盖不足，建议进一步加大宣传力度。检查组建议，市政府要建立部门间信息共享机制，将养老诈骗防范纳入基层社会治理网格，加强对农村地区和城乡结合部的宣传，推动专项行动成果转化为长效制度。',
  // 13 政协 视察
  '区政协视察组关于养老服务领域防范诈骗工作的视察报告\n视察组一行15人先后到{other:4}个街道的养老机构、老年活动中心实地视察。据区民政局介绍，全区现有养老机构{institutions_count:27}家，今年以来区民政局会同市场监管部门检查养老机构{entities_screened:81}家次，下达责令改正通知书{rectification_notices:6}份，督导检查{supervision_rounds:3}轮。视察组认为，部分机构从业人员流动性大，建议每季度至少开展一次从业人员防诈培训。视察组还建议，区民政局牵头建立养老机构“红黄绿”分级监管制度，对收取大额预付费的机构实行资金监管，对发现的问题实行清单化管理，整改一项、销号一项。区民政局表示将认真研究落实视察组的意见建议。',
  // 14 专项办 comparison
  '从数据看，今年第三季度全市共受理养老诈骗线索{tips_received:264}条，环比增长{other:18.5}%，同比增长{other:32}%；立案{cases_filed:97}起，环比增加{other:21}起；挽回经济损失{amount_recovered_yuan:5400万}元，较上季度多{other:1200万}元。另一方面，涉老发案数{other:58}起，同比下降{other:23.7}%，说明前期宣传防范工作开始显效。专项办分析认为，线索受理量上升主要是举报渠道拓宽、群众举报意愿增强所致，并非发案上升。专项办要求，各区要加强研判，对线索量较大的行业领域开展集中整治，对发案较多的社区开展点对点宣传，确保第四季度各项指标稳中有进，全年任务圆满完成。专项办同时提醒，季度数据为快报数，以正式统计为准。',
  // 15 year-end cumulative
  '2026年县打击整治养老诈骗工作总结\n全年共破获养老诈骗案件{cases_solved:23}起，专项行动开展以来累计破获{cases_solved:61}起；全年抓获犯罪嫌疑人{suspects_arrested:54}人（累计{suspects_arrested:149}人）；全年追赃挽损{amount_recovered_yuan:860余万}元，累计{amount_recovered_yuan:2350余万}元。全年受理群众举报线索{tips_received:118}条，办结{tips_closed:116}条，办结率{closure_rate_pct:98.3}%。2027年，县专项办将把养老诈骗防范纳入平安建设考评，考评分值占5分。总结认为，专项行动开展以来，全县养老诈骗高发势头得到有效遏制，群众安全感和满意度明显提升，但仍存在部分老人防骗意识不强、新型骗局识别能力不足等问题。县委政法委将对成绩突出的单位和个人予以通报表扬，对工作滞后的乡镇进行约谈提醒。',
  // 16 Excel paste (tab-separated)
  '附表1 专项行动主要数据（截至6月30日）\n指标\t数值\t单位\n立案数\t{cases_filed:35}\t起\n破案数\t{cases_solved:31}\t起\n抓获犯罪嫌疑人\t{suspects_arrested:72}\t人\n追赃挽损金额\t{amount_recovered_yuan:1280.6=12806000}\t万元\n排查出线索\t{tips_received:140}\t条\n开展宣传活动\t{publicity_events:95}\t场\n发放宣传资料\t{materials_distributed:2.4万}\t份\n说明：1.数据由各成员单位报送，专项办汇总；2.追赃挽损金额含冻结资金；3.宣传活动含线上直播。表中数据为阶段性统计，最终以年度报表为准，如有出入请于7月5日前反馈。填报单位：县打击整治养老诈骗专项行动办公室。联系人：张某，联系电话略。本表一式两份，一份报市专项办，一份留存备查。',
  // 17 (一)(二) ；-joined
  '二、主要成效\n（一）打击方面：立案侦查养老诈骗案件{cases_filed:18}起；破获{cases_solved:15}起；抓获犯罪嫌疑人{suspects_arrested:33}人；追回涉案资金{amount_recovered_yuan:412万}元。\n（二）整治方面：排查养老服务机构{entities_screened:64}家；发现问题隐患{hazards_found:11}个；整改{hazards_rectified:9}个。\n（三）宣传方面：开展宣传活动{publicity_events:40}场；发放资料{materials_distributed:1.5万}份；悬挂横幅{banners:56}条。\n三、存在问题\n一是部分乡镇宣传形式单一；二是线索来源渠道偏窄。四、下步打算\n坚持打击与防范并重，常态化开展线索摸排，推动专项行动向纵深发展；加强部门协作，形成齐抓共管工作格局。三是部分经营场所整改不彻底，存在“回潮”风险，需要持续跟踪督办。',
  // 18 bullet 1. 2. 3.
  '1.线索排查。共摸排涉养老诈骗线索{tips_received:52}条，其中移送公安机关{other:19}条。\n2.依法打击。破获案件{cases_solved:12}起，刑事拘留{other:28}人，冻结涉案资金{other:96万}元。\n3.行业整治。市场监管部门检查保健食品经营单位{entities_screened:230}家次，查处虚假宣传案件{admin_penalties:6}件，罚款{penalty_amount_yuan:18.5万}元。\n4.宣传教育。在集市、广场开展宣传{publicity_events:27}场，发放资料{materials_distributed:8000余}份，通过应急广播播放防诈音频{other:600余}次。\n下一步将重点加强对农村留守老人的宣传覆盖。5.存在问题。部分村（社区）宣传覆盖不够深入，个别经营场所整改后出现反弹，需要加强日常巡查和回访，防止问题反复发生。请各单位按时报送。',
  // 19 township, Chinese numerals
  '白沙乡开展第二轮防范养老诈骗“敲门行动”\n为巩固专项行动成果，白沙乡组织乡村干部分成五个小组，用两周时间走遍全乡九个村。行动中入户走访{households_visited:1420}户，发放宣传单{materials_distributed:三千余=3000}份，召开工作推进会{meetings:两=2}次。乡派出所同步开展保健品销售点清查，检查经营场所{entities_screened:十一=11}家，发现问题隐患{hazards_found:两=2}个，均已督促整改到位。行动期间，乡里还为七十岁以上老人发放了“防骗联系卡”，卡上印有村干部和民警的联系电话。乡党委副书记介绍，下一步乡里将每季度开展一轮“敲门行动”，对行动不便的老人由村医、网格员上门讲解，确保防骗知识入脑入心，真正守好老人的“钱袋子”。',
  // 20 community with dates/ages
  '9月15日上午9:30，和平社区联合辖区派出所在社区广场开展“防范养老诈骗 守护幸福晚年”主题宣传活动。民警结合近期发生的{other:3}起案例，向65岁以上老人讲解“免费旅游”“高额返利”等骗局的套路。活动现场发放宣传资料{materials_distributed:300余}份、环保袋{other:200}个，接受群众咨询{other:80余}人次。社区工作人员介绍，这是今年开展的第6场同类活动，社区将于下月组织老人观看防诈情景剧，并在每周三下午开放“反诈课堂”。不少老人表示，听了民警的讲解，才知道那些“免费领鸡蛋”“听课送礼品”的活动背后藏着陷阱，以后一定多个心眼，遇到拿不准的事情先问问子女和社区。',
  // 21 老龄委 with population
  '县老龄委2026年工作要点执行情况\n全县60周岁以上老年人{other:8.7万}人，占总人口的{other:21.3}%。全年围绕“敬老月”开展防诈宣传{publicity_events:65}场，同比增加{other:15}场；组织老年大学开设防诈骗专题课{other:12}节，受教育老年人{people_reached:2600余}人次；在县电视台、融媒体中心发布防诈报道{media_posts:38}篇。县老龄办还对全县{institutions_count:19}家养老机构开展了安全排查，排查机构{entities_screened:19}家，实现全覆盖。县老龄委要求，各乡镇要加强对农村空巢老人的关爱巡访，把防骗提醒作为巡访必讲内容，同时发挥老年协会作用，引导老人自我教育、互相提醒。县老龄委将在明年继续把防诈宣传作为“敬老月”活动的重要内容，推动形成全社会关心老人、守护老人的良好氛围。',
  // 22 bank
  '县农商银行防范养老诈骗工作情况\n今年以来，本行坚持“柜面+网点+社区”三位一体宣传，在辖内网点开展宣传{publicity_events:310}场次，覆盖群众{people_reached:1.9万}人次。通过“反诈三问”机制，成功拦截疑似诈骗交易{other:37}笔，涉及金额{other:286万}元，其中拦截老年客户转账{other:29}笔。本行还在{other:52}个营业网点张贴防诈海报{posters:500余}张，在营业厅电子屏循环播放防骗提示。下一步，本行将对70岁以上客户的大额转账实行回访制度。该行负责人表示，银行是守护老年人资金安全的最后一道防线，网点员工要做到“多问一句、多看一眼、多等一分钟”，对异常交易坚决说不，守好老人养老钱。',
  // 23 人社 社保中心
  '县社保中心将养老保险待遇领取资格认证与防诈宣传相结合。今年共完成资格认证{other:3.2万}人次，其中上门认证{other:460}人次，工作人员借机宣传防范代办养老保险诈骗，发放宣传折页{materials_distributed:5000}份。通过数据比对，清理冒领养老金人员{other:17}人，追回养老金{amount_recovered_yuan:48.6万}元。中心还在办事大厅设置防诈咨询台，接待群众咨询{other:900余}人次，并通过短信提醒参保老人{sms_sent:2.6万}条，提示老人不要轻信“补缴可多领养老金”等说法。中心负责人提醒，社保待遇领取资格认证完全免费，可通过手机APP自助办理，也可到社区服务站办理，凡是以认证为名索要费用的均为诈骗，请老人及家属提高警惕。',
  // 24 新闻发布会 市场监管
  '问：市场监管部门在整治养老诈骗方面做了哪些工作？\n答：一是加强排查。全市共出动执法人员{inspections_person_times:3860}人次，检查保健食品经营者{entities_screened:2145}家次，下达责令改正通知书{rectification_notices:37}份。二是严厉查处。立案查处涉老虚假宣传案件{cases_filed:29}件，结案{other:21}件，罚没款{penalty_amount_yuan:163.7万}元。三是强化宣传。联合社区开展“3·15”涉老消费宣传{publicity_events:45}场，发放宣传资料{materials_distributed:2万余}份。我们将持续保持高压态势。问：老年人遇到保健品虚假宣传怎么维权？答：可以拨打12315投诉举报，我们接到投诉后会及时核查处理，对构成违法的依法从严从重查处，绝不姑息。问：对下一步工作有何考虑？答：我们将持续保持高压态势，谢谢。',
  // 25 专项办 weekly
  '市专项办第12期工作通报\n截至本周五，全市累计受理线索{tips_received:1872}条，累计核查{tips_verified:1790}条，核查率{other:95.6}%；累计办结{tips_closed:1688}条，办结率{closure_rate_pct:90.2}%，其中按时办结率{on_time_rate_pct:97.1}%。从各区情况看，东城区、西湖区办结率超过95%，北山区办结率仅为78%，排名靠后。专项办已于11月20日向北山区发出督办通知，要求其在15个工作日内完成剩余线索办结工作。各区要对照问题清单逐项销号，确保年底前全部办结。通报抄送市委政法委、市纪委监委，并印发各区专项办、市直有关单位，请各单位认真对照，抓好落实。请各区于每周五中午前报送数据。',
  // 26 bank Word paste
  '（一）强化宣传教育。组织辖内银行网点开展“守护养老钱”主题宣传{publicity_events:920}场，发放宣传折页{materials_distributed:4.5万}份，在公众号发布防诈推文{media_posts:64}条，制作宣传视频{videos_made:8}部。\n（二）加强风险拦截。对老年客户大额取现、转账实行“一对一”提醒，劝阻可疑交易{other:118}笔。\n（三）配合打击犯罪。协助公安机关查询、冻结涉案账户{other:73}个，提供涉案资金流水线索{other:26}条。\n下一阶段，我们将继续推动适老化服务改造。下一阶段，我们将继续推动适老化服务改造，优化老年客户办理业务流程，保留必要的现金和柜面服务，让老年客户既用得方便，又用得安心。同时加强员工培训，提升识别和处置涉老诈骗风险的能力，切实当好老年客户资金安全的守门人。',
  // 27 year-end with masked numbers
  '县退役军人事务局2026年防范养老诈骗工作总结（内部稿）\n全年〔召开专题会议*次〕，组织〔**名退役军人志愿者〕参与宣传，入户走访{households_visited:2380}户，发放宣传资料{materials_distributed:7000余}份，覆盖退役军人及家属{people_reached:1.1万}人次。排查出涉及退役军人的诈骗线索{tips_received:6}条，已全部移交公安机关，其中破获{other:2}起。明年将继续依托村（社区）服务站开展常态化宣传，并建立高龄退役军人联系台账。总结同时指出，个别村（社区）服务站工作人员对新型诈骗手法掌握不够，宣传内容针对性不强，明年将分批组织业务培训，提升基层宣传能力和水平。局党组要求各科室高度重视，形成工作合力。',
  // 28 street with masked
  'XX街道办事处关于防范养老诈骗专项工作的报告\n专项行动开展以来，街道〔共排查辖区养老服务场所**家〕，发现问题隐患{hazards_found:4}个，已全部整改。联合社区开展宣传活动{publicity_events:16}场，发放宣传资料{materials_distributed:1500}份，〔受教育群众*.*万人次〕。街道综治中心受理群众反映线索{tips_received:3}条，已办结{tips_closed:3}条。下一步，街道将按照区专项办要求，于12月底前完成“回头看”，并将结果报区专项办。报告最后提出，街道将建立防范养老诈骗长效机制，每季度召开一次联席会议，定期通报工作进展，对工作不力的社区予以通报，确保各项措施落地见效。同时加强与辖区派出所的联动，形成群防群治格局。',
  // 29 news with 近/超/逾/上
  '据介绍，专项行动开展以来，全省共挽回老年人经济损失逾{amount_recovered_yuan:10亿}元，开展宣传活动超{publicity_events:5万}场，覆盖群众近{people_reached:2000万}人次，发放宣传资料上{materials_distributed:千万=10000000}份。全省公安机关破获养老诈骗案件{cases_solved:2400余}起，抓获犯罪嫌疑人约{suspects_arrested:6800}人。省专项办有关负责人表示，下一步将把专项行动中行之有效的做法固化为长效机制，建立健全养老诈骗防范“三级预警”体系，切实守护好老年人的“养老钱”。该负责人同时提醒，老年朋友要牢记“不听、不信、不转账”，遇到拿不准的事情及时拨打96110咨询，或向家人、社区求助，共同守护好幸福晚年。此次发布会由省政府新闻办举办。',
  // 30 prosecution table, paired counts
  '全市检察机关办理养老诈骗案件情况（1-9月）\n审查逮捕环节：批准逮捕{suspects_detained_formally:142}人，不批准逮捕{other:11}人；\n审查起诉环节：受理审查起诉{other:96}件{other:231}人；提起公诉{prosecuted_cases:81}件{prosecuted_persons:197}人；不起诉{other:4}件{other:6}人；\n审判环节：法院一审判决{trial_cases:63}件{other:152}人，其中判处三年以上有期徒刑的{other:58}人。\n备注：以上数据来源于全国检察业务应用系统，统计时间截至9月30日。备注：1.不起诉人员均为情节轻微、积极退赃退赔的从犯；2.部分案件尚在审理中，数据将在年底前更新；3.本表仅限内部使用，请勿对外公开引用。本表由市检察院第一检察部汇总，如需引用请与综合部门联系。',
];

const CN: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function parseValue(numeral: string, explicit?: string): number {
  if (explicit) return Number(explicit);
  const m = /^([0-9.]+)(余|多)?(万|亿|千)?(余|多)?(万|亿)?/.exec(numeral);
  if (!m) { const v = CN[numeral]; if (v === undefined) throw new Error(`numeral ${numeral}`); return v; }
  let v = Number(m[1]);
  for (const u of [m[3], m[5]]) if (u) v *= u === '万' ? 1e4 : u === '亿' ? 1e8 : 1e3;
  return Math.round(v * 100) / 100;
}

export function buildPassages(raw: string[]): RealSummary[] {
  return raw.map((src, i) => {
    let text = '';
    const figures: RealFigure[] = [];
    const masked: string[] = [];
    const re = /\{(\w+)(\*)?:([^}=]+)(?:=([0-9.]+))?\}|〔([^〕]+)〕/g;
    let last = 0;
    for (let m; (m = re.exec(src)); ) {
      text += src.slice(last, m.index);
      last = m.index + m[0].length;
      if (m[5]) { masked.push(m[5]); text += m[5]; continue; }
      const [, indicator, part, numeral, explicit] = m;
      const start = text.length;
      text += numeral;
      figures.push({ indicator, value: parseValue(numeral, explicit), unit: '', approx: false, quote: '', start, end: text.length, ...(part ? { note: 'part' } : {}) });
    }
    text += src.slice(last);
    for (const f of figures) {
      const before = text.slice(Math.max(0, f.start - 2), f.start);
      const after = text.slice(f.end, f.end + 5);
      const num = text.slice(f.start, f.end);
      f.approx = /[余多]/.test(num) || /(近|约|超|逾|上|超过)$/.test(before) || /^[^\s，。；、]{0,2}(以上|\+)/.test(after);
      f.unit = /^(人次|家次|户次|条次|件次|场次)/.exec(after)?.[1] ?? (/^元/.test(after) ? '元' : after.replace(/^\t/, '').slice(0, 1));
      f.quote = text.slice(Math.max(0, f.start - 12), Math.min(text.length, f.end + 2));
    }
    return { id: `p3-${String(i + 1).padStart(2, '0')}`, text, split: 'dev' as const, figures, masked };
  });
}

export const PASSAGES_3 = buildPassages(CONSTRUCTED_PASSAGES_3);

if (import.meta.url === `file://${process.argv[1]}`) {
  const lens = PASSAGES_3.map((p) => p.text.length);
  if (process.argv.includes('--lengths')) console.log(lens.join(' '));
  const mistakes: RealFigureMistakes[] = [];
  const scores = scoreRealFigures(PASSAGES_3, mistakes);
  for (const m of mistakes) {
    const lines = [
      ...m.missed.map((f) => `  missed ${f.indicator}=${f.value} «${f.quote}»${f.note ? ` (${f.note})` : ''}`),
      ...m.wrong.map((f) => `  wrong  ${f.indicator}=${f.value} «${PASSAGES_3.find((p) => p.id === m.id)!.text.slice(Math.max(0, f.start - 12), f.end + 2)}»`),
      ...m.guessed.map((f) => `  GUESSED masked ${f.indicator}=${f.value}`),
      ...m.maskedMissed.map((q) => `  masked not reported «${q}»`),
    ];
    if (lines.length) console.log(`${m.id}\n${lines.join('\n')}`);
  }
  console.log(formatRealFigureScores('constructed passages 3 (session 16)', scores));
}
