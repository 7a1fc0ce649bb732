/**
 * Session 16 (2026-12-01): a SECOND independent constructed set for the six fraud types — CONSTRUCTED, written by hand
 * on 2026-12-01 (19:59–20:05 UTC) by a helper who had read only the labelling guide in docs/intel.md ("Labelling guide
 * (cases and scam messages)"), one "Doubts, recorded at cutting time" list, and the form of the DEV cases — never
 * verdict.ts, lexicon.ts, intel.detection.test.ts or the items of bench/intel-types-indep.ts before writing it.
 * Not data: no text here is real, none may enter data/real or training.
 *
 * 90 case descriptions, 15 per type, long and with distracting detail (several products and promises in one story, a
 * relative's narrative, a judgment summary with 经审理查明, a news report with a background paragraph). Each carries its
 * type by the guide; `boundary` names the guide rule or decision the item tests (mixed stories decided by the order of
 * the rules); `doubt` marks a label a second reader could dispute.
 *
 *   npx tsx bench/intel-types-indep2.ts [--list]   per-type accuracy, confusion matrix and unflagged count, rules +
 *                                                 shipped model and rules alone; --list prints every wrong item
 */
import { judge } from '../server/modules/intel/verdict.ts';
import { loadModel } from '../server/modules/intel/model.ts';
import { flagged } from '../server/modules/intel/evaluate-detection.ts';

export type SixType = 'elderly_service' | 'elderly_project' | 'elderly_product' | 'house_for_pension' | 'pension_insurance' | 'elderly_assistance';
export type Voice = 'court' | 'procuratorate' | 'news' | 'relative';
export interface ConstructedCase { id: string; type: SixType; voice: Voice; boundary?: string; doubt?: string; text: string }

/** Constructed case descriptions, second independent writer (session 16, 2026-12-01). CONSTRUCTED — not real, never data. */
export const CONSTRUCTED_TYPE_CASES_2: readonly ConstructedCase[] = [
  { id: "t2h01", type: "house_for_pension", voice: "court", boundary: "rule 2 over 6 (home pledged; a wealth product with interest and gifts of health products in the same story)", 
    text: "经审理查明：2021年3月，被告人李某以\"以房养老、财富增值\"为名，在老年活动中心举办讲座，向被害人王某（78岁）推销其公司的理财产品，承诺年息12%，并赠送保健品、米面油等。随后李某诱使王某将其居住的唯一住房抵押给某小额贷款公司，借得的180万元全部转入李某控制的公司账户。王某未获任何利息，房屋被贷款公司申请拍卖。" },
  { id: "t2h02", type: "house_for_pension", voice: "relative", 
    text: "我父亲今年81岁，去年参加了一个\"养老健康讲座\"，领了几次鸡蛋。后来业务员天天上门，喊他\"干爹\"，说可以把他的房子\"托管\"给公司，公司每月给他发8000元养老钱，还能免费住进高档养老院。父亲跟着去公证处签了一堆文件。半年后钱不发了，我们去查才发现房产证已经过户给了别人，房子也被卖了。" },
  { id: "t2h03", type: "house_for_pension", voice: "news", 
    text: "近年来，我国人口老龄化程度不断加深，一些不法分子把目光盯上了老年人手中的房产。记者从某区人民法院获悉，该院日前审结一起案件：被告人以办理\"房产增值养老计划\"为名，先后让5名老人签订所谓的\"养老合同\"，其中夹带房屋买卖合同和委托书，老人们在不知情的情况下将自己居住的房屋卖出，总损失超过2000万元。法院以诈骗罪判处被告人有期徒刑十五年。" },
  { id: "t2h04", type: "house_for_pension", voice: "procuratorate", 
    text: "检察机关经审查认定：犯罪嫌疑人张某等人谎称与银行合作开展\"以房养老\"业务，诱骗被害人赵某（72岁）到公证处办理\"全权委托公证\"，授权张某代为处置房产。张某随即将赵某名下住房抵押借款，并以低价转卖，所得款项用于挥霍。赵某还曾向张某购买过两万元的\"纳米净水器\"，该部分另案处理。" },
  { id: "t2h05", type: "house_for_pension", voice: "relative", boundary: "rule 2 over 5 and 6 (health products first, then the home mortgaged for a dividend scheme)", 
    text: "我妈先是在楼下的保健品店买了不少灵芝孢子粉和磁疗枕，一共花了三万多。店里的\"经理\"看她有房子，又给她介绍了一个\"养老理财\"，说把房子抵押出去借一笔钱，投进项目每月有1.5%的分红，利息足够还贷款还有剩。我妈就把住了三十年的房子抵押了，借了一百二十万全部交了出去。现在公司人去楼空，放贷的人天天上门要收房子。" },
  { id: "t2h06", type: "house_for_pension", voice: "court", boundary: "rule 2 over 3 (home mortgaged to raise money for a fake 补缴社保)", doubt: "a reader could say 养老保险: the scam is the 代办; the home is only where the money came from", 
    text: "经审理查明：被告人周某得知被害人孙某（66岁）因断缴无法领取养老金，便称可帮其一次性补缴社保，但需先筹集40万元。周某介绍孙某将自己居住的房屋抵押给其朋友借款，孙某借款后将部分钱款交给周某，周某并未办理社保补缴。后借款到期，出借人依据抵押合同要求处置该房屋。" },
  { id: "t2h07", type: "house_for_pension", voice: "news", 
    text: "\"住房反向抵押养老保险\"本是一项正规的金融业务，但有人借其名头行骗。据警方通报，某公司业务员冒充保险公司员工，向多名独居老人宣称\"房子抵押给公司，每月领养老金，住到百年\"。老人们把房产证交给公司办理抵押登记后，公司以房屋为担保向外借款并卷款跑路，老人们面临被强制腾房。警方提醒，办理相关业务应到正规金融机构。" },
  { id: "t2h08", type: "house_for_pension", voice: "relative", boundary: "rule 2 over 7 (free care-apartment stay promised for the home)", 
    text: "外婆说那家\"颐养公寓\"的人对她特别好，带她参观豪华房间，说只要把老房子\"交给公司运作\"，就可以免费入住公寓、每年还给一笔\"养老金\"。她签了合同，后来我们才看明白，合同里写的是把房子抵押给一家投资公司作借款担保，借来的钱都被公司拿走了，公寓也从来没让她住进去。" },
  { id: "t2h09", type: "house_for_pension", voice: "procuratorate", 
    text: "本案中，犯罪嫌疑人以\"房屋租赁代管、稳赚租金养老\"为诱饵，与被害人签订所谓的代管协议，实则同时骗取被害人签署房屋抵押借款合同和授权委托书。犯罪嫌疑人利用授权将被害人自住房屋多次抵押，骗取资金共计560余万元。检察机关以诈骗罪对其提起公诉，并提醒老年人不要轻易交出房产证和身份证。" },
  { id: "t2h10", type: "house_for_pension", voice: "relative", boundary: "rule 2 over 6 (home mortgaged, loan put into a 18 % return scheme)", 
    text: "我是受害人的儿子。我妈退休后一个人住，被一个自称\"投资顾问\"的年轻人哄得团团转。他说我妈手里没多少存款，但\"房子是最大的养老资本\"，把房产证交给他去银行办抵押，拿出来的钱投到他们的养老社区项目，年收益百分之十八。我妈照做了，现在项目爆雷，银行起诉要拍卖我妈住的房子。" },
  { id: "t2h11", type: "house_for_pension", voice: "court", 
    text: "经审理查明：被告人吴某等人组成犯罪团伙，以\"养老理财\"为诱饵，专门物色名下有住房的老年人，诱骗其办理房屋抵押公证，并通过虚构债务、制造银行流水等方式侵占被害人房产。本院认为，被告人以非法占有为目的，骗取他人房产，数额特别巨大，其行为已构成诈骗罪。" },
  { id: "t2h12", type: "house_for_pension", voice: "news", 
    text: "背景：某市今年开展打击整治养老诈骗专项行动，截至目前共破获案件40余起。其中一起案件中，犯罪团伙向老人承诺，只要把房屋\"托管\"给他们出租，每月可拿到高于市场价的租金养老。老人签约后，团伙利用拿到的房产证和委托书，将房屋二次抵押给多个出借人，套取资金后失联。" },
  { id: "t2h13", type: "house_for_pension", voice: "relative", 
    text: "我舅舅是退休教师，六十九岁。一家公司跟他说有个\"房产养老增值计划\"，把房子抵押借款后交给公司，公司每月按借款额的2%支付收益，期满后还帮他还清贷款。他签了借款抵押合同，出借人都是公司找来的\"民间资本\"。三个月后公司停止付款，出借人起诉要求以房抵债。" },
  { id: "t2h14", type: "house_for_pension", voice: "procuratorate", boundary: "rule 2 over 5 (保健酒 also sold)", 
    text: "检察机关发布典型案例：被告人以\"以房养老\"理财为名，诱骗多名老年人将房产抵押，向其推销所谓高收益理财产品，老人们不仅没有得到收益，还背负了高额债务，房产面临被处置的风险。该案中，被告人还向部分老人销售高价保健酒。检察机关提示，以房养老的核心是房产，老年人应警惕\"房产抵押+理财\"的套路。" },
  { id: "t2h15", type: "house_for_pension", voice: "relative", boundary: "rule 2 over 7 (home transferred in exchange for lifelong care)", doubt: "a reader could call it 养老服务: no return, care promised", 
    text: "爷爷八十多了，腿脚不便。一家\"养老服务公司\"上门说，只要把房子过户给公司，公司就负责他以后的吃住和护理，一直照顾到老。爷爷觉得儿女不在身边，就签了房屋转让协议并办了过户。没过多久公司的人就不来了，电话也打不通，房子已经被公司转卖了。" },
  { id: "t2p01", type: "pension_insurance", voice: "relative", 
    text: "我爸五十七岁，一直想早点退休领钱。一个老乡说他认识人社局的领导，可以帮忙办\"特殊工种提前退休\"，改档案，保证当年就能拿退休金，收费三万元，先交一半。我爸把一万五转给他，后来又交了一万五\"打点费\"。一年过去了，退休手续根本没办，那人把我爸拉黑了。" },
  { id: "t2p02", type: "pension_insurance", voice: "court", 
    text: "经审理查明：被告人刘某在村中散布称，其有门路可帮助超龄村民一次性补缴城镇职工养老保险，\"一次交八万，每月领两千\"。先后有23名老年村民向刘某交付\"补缴款\"共计160余万元。刘某将钱款用于赌博和偿还个人债务，并伪造社保缴费凭证交给被害人。" },
  { id: "t2p03", type: "pension_insurance", voice: "news", 
    text: "记者了解到，一些中介打着\"挂靠企业交社保\"的旗号，吸引没有单位的中老年人。他们声称将老人挂靠到某企业名下缴纳职工养老保险，到龄后即可领取较高的退休金，每人收取数万元\"挂靠费\"和\"管理费\"。实际上这些企业并未为老人参保，钱款被中介截留。人社部门提醒，挂靠参保本身违规，群众切勿轻信。" },
  { id: "t2p04", type: "pension_insurance", voice: "relative", 
    text: "母亲七十三岁，上周收到一条短信，说\"您的养老金资格认证即将到期，逾期将停发养老金，请点击链接完成认证\"。她点进去按提示填了身份证号、银行卡号和验证码，第二天卡里的两万多块钱就被转走了。我们报警后警察说，这是冒充社保部门的诈骗，养老金认证不会发短信链接。" },
  { id: "t2p05", type: "pension_insurance", voice: "court", 
    text: "经审理查明：被告人陈某冒称市社保局工作人员，以能办理\"提前退休\"\"补缴养老保险\"为名，收取被害人费用。为取得信任，陈某向被害人出示伪造的工作证，并带其到社保大厅门口\"等候领导\"。陈某先后骗取11名中老年人共计87万元。本院认为，被告人的行为构成诈骗罪。" },
  { id: "t2p06", type: "pension_insurance", voice: "relative", boundary: "rule 3 over 5 (the loss is the 代办 fee; health products in the background)", 
    text: "我姑姑常去一家保健品体验店，店里卖的灵芝粉、鱼油她都买过一些。后来店长说她\"社保断了太可惜\"，店里有人能代办养老保险补缴，补缴完每月能多领一千多，代办费五万。我姑姑把五万交了，结果社保记录一直没有变化，去问才知道根本没人给她办。现在那家店也关门了。" },
  { id: "t2p07", type: "pension_insurance", voice: "news", 
    text: "据警方介绍，诈骗分子专门针对临近退休的人员，谎称可以\"代办退休金卡\"、加快审批，收取\"手续费\"\"加急费\"。退休职工赵阿姨就被骗去6800元。对方自称人社局窗口人员，说退休金卡要排三个月，交钱可以一周办好。民警提醒，办理退休手续和社保卡均不收取额外费用。" },
  { id: "t2p08", type: "pension_insurance", voice: "procuratorate", boundary: "rule 3 over 6 (fake 补充养老保险 with 分红)", doubt: "a reader could say 养老项目 (a product promising dividends)", 
    text: "检察机关经审查认定：犯罪嫌疑人冒充保险公司经理，向多名老人推销所谓\"补充养老保险\"，称一次性缴纳十万元，六十五岁起每月可领一千五百元养老金，还可享受年度分红。老人们交钱后拿到的保单系伪造，钱款均被其转入个人账户。检察机关以诈骗罪提起公诉。" },
  { id: "t2p09", type: "pension_insurance", voice: "relative", 
    text: "我们村是拆迁村，大家都盼着办\"失地农民养老保险\"。有个人自称镇上劳保所的，说名额有限，给他交两万元\"名额费\"就能优先办理，以后每月领一千二养老金。我奶奶和邻居几位老人都交了，后来镇里说根本没有这回事，那人早就不见了。" },
  { id: "t2p10", type: "pension_insurance", voice: "news", 
    text: "某地警方近日破获一起冒充社保局的电信诈骗案。嫌疑人给老人打电话，称其养老金账户\"存在异常\"，将被停发，需要到指定网站重新认证并缴纳\"认证保证金\"。多名老人按照要求操作，被骗走积蓄。警方提醒：社保部门不会通过电话要求缴纳任何费用，养老金资格认证可在官方App免费办理。" },
  { id: "t2p11", type: "pension_insurance", voice: "news", 
    text: "背景：我国社会保险覆盖面不断扩大，但部分人员因各种原因存在社保断缴情况。某区人社局通报，辖区内刘某自称能帮断缴人员\"接续社保、合并缴费年限\"，收取5名老人每人3万元至5万元不等的费用后，伪造了缴费记录截图。人社局提醒，社保接续须本人到经办机构办理。" },
  { id: "t2p12", type: "pension_insurance", voice: "relative", 
    text: "我舅妈退休工资偏低，有个熟人告诉她，可以找关系重新认定工龄，\"多算十年工龄，养老金能涨一倍\"，需要交三万元办事费和一万元材料费。舅妈交了四万块，对方给了她一份盖着红章的\"工龄认定表\"，拿到社保局一查是假的。" },
  { id: "t2p13", type: "pension_insurance", voice: "court", 
    text: "经审理查明：被告人黄某伪造人社局印章及退休审批表，向被害人谎称已为其办妥退休手续，只需再交纳\"统筹费\"即可按月领取养老金。被害人马某（58岁）先后交纳统筹费等各种费用12万元。黄某还以同样手段骗取另外多人，共计60余万元。" },
  { id: "t2p14", type: "pension_insurance", voice: "relative", 
    text: "父亲是农民，六十岁了。村里一个人说现在可以\"一次性缴纳十五年城乡居民养老保险\"，交六万块以后每月领一千，但要通过他统一报名，交给他就行。父亲把卖粮的钱和存款凑了六万交给他，收据是手写的，后来发现他根本没去办。" },
  { id: "t2p15", type: "pension_insurance", voice: "news", 
    text: "近日，多名退休老人接到自称\"社保中心\"的电话，称国家养老金上调，需要重新核定待遇，要求老人提供银行卡号和密码以便\"调整发放\"。有老人照做后，卡内存款被盗刷。社保中心提醒，养老金调整由系统自动完成，不需要老人提供任何密码。" },
  { id: "t2a01", type: "elderly_assistance", voice: "relative", 
    text: "爷爷接到一个电话，对方说是民政局的，爷爷八十岁以上可以领高龄补贴，一共补发两年共八千多元，但要先交三百元\"手续费\"和\"个人所得税\"到指定账户。爷爷转了钱以后，对方又说账户需要\"激活\"，还要再交一千。这时我们才发现是骗子。" },
  { id: "t2a02", type: "elderly_assistance", voice: "court", boundary: "guide decision: 民族资产解冻 → 养老帮扶 even dressed as 分红", 
    text: "经审理查明：被告人以\"民族资产解冻\"为名，谎称国家有一批海外资产需要解冻，会员只要交纳300元入会费，就能在解冻后每月领取数万元\"分红\"，并可获得\"养老保障\"。被告人以此为名骗取500余名老年人共计150万元。本院认为被告人的行为构成诈骗罪。" },
  { id: "t2a03", type: "elderly_assistance", voice: "news", 
    text: "记者调查发现，一些所谓的\"慈善富民\"组织在农村老人中流传，声称老人办一张\"爱心卡\"就能每月领取慈善补助金，但要先交200元激活费和工本费。不少老人交了钱，拿到的却是毫无用处的塑料卡片。该组织背后并无任何慈善机构登记信息，民政部门已对其进行调查。" },
  { id: "t2a04", type: "elderly_assistance", voice: "procuratorate", 
    text: "检察机关经审查认定：犯罪嫌疑人以\"扶贫基金会\"名义，在多个乡镇向老年人宣传可以申领\"扶贫款\"，每人可领两万元，但需先交纳\"认证费\"和\"保证金\"共计1800元。先后有300余名老人上当。检察机关以诈骗罪提起公诉，并督促追缴赃款退还被害人。" },
  { id: "t2a05", type: "elderly_assistance", voice: "relative", 
    text: "我父亲是老国企退休工人。有个自称原厂工会的人打电话来，说国家政策有变化，退休工人可以\"补发工资\"三万元，需要先交一千五百元的档案查询费和工本费。父亲信以为真，转了钱，对方又说还要交\"税费\"，父亲又转了三千，后来那个号码就打不通了。" },
  { id: "t2a06", type: "elderly_assistance", voice: "news", 
    text: "据警方通报，犯罪分子冒充退役军人事务局工作人员，给老兵打电话称可以领取\"慰问金\"，要求老人提供银行卡号、密码及手机验证码以便\"打款\"。一位参加过对越自卫反击战的老兵按照要求提供了信息，卡内四万余元被转走。民警提醒，发放慰问金不会索要密码和验证码。" },
  { id: "t2a07", type: "elderly_assistance", voice: "relative", 
    text: "我奶奶参加了一个叫\"爱心助老工程\"的活动，组织者说只要交三百元\"登记费\"，以后每月就能领两千元的\"养老补助\"，还说这是国家项目、有领导支持，带头交钱的还能当\"区域主任\"。奶奶不但自己交了，还拉了好几个老姐妹。结果一分钱补助也没领到。" },
  { id: "t2a08", type: "elderly_assistance", voice: "court", boundary: "guide decision: 老年保障金 → 养老帮扶; the defence calls it 投资理财", 
    text: "经审理查明：被告人编造\"老年保障金\"项目，宣称凡年满六十岁的老人缴纳两千元\"保障金申领费\"，即可每月领取一千元生活保障金，并称该项目由国家有关部门批准。被告人共骗取老年人钱款300余万元。被告人辩称该项目属于投资理财，本院不予采纳。" },
  { id: "t2a09", type: "elderly_assistance", voice: "relative", boundary: "rule 4 over 5 (buying a designated nutrition product is the fee for the subsidy)", doubt: "a reader could say 养老产品", 
    text: "我妈在小区门口被人拉去登记，说政府给空巢老人发\"健康补助\"，每人五千元。登记时要交身份证复印件和银行卡，还要先在他们那里买一套\"指定的\"营养品（一千九百八），才能拿到补助。我妈买了营养品，补助却一直没发下来。那些人后来再也没出现。" },
  { id: "t2a10", type: "elderly_assistance", voice: "news", 
    text: "近日，某街道多名独居老人反映，有人冒充街道工作人员上门，称可以帮助申请\"独居老人补助\"，每月三百元。对方收走了老人的身份证和银行卡，说是\"统一办理\"，几天后老人发现银行卡里的钱被取走。社区提醒，补贴申请须在社区窗口办理，工作人员不会收走银行卡。" },
  { id: "t2a11", type: "elderly_assistance", voice: "relative", 
    text: "外公接到电话，对方说国家给七十岁以上老人发放\"养老补贴\"一万二千元，已经批下来了，但要先交百分之十的个人所得税才能发放。外公去银行转了一千二，对方又说需要交\"保证金\"，外公又要去转，被银行柜员拦了下来，才避免了更大损失。" },
  { id: "t2a12", type: "elderly_assistance", voice: "procuratorate", 
    text: "检察机关发布典型案例：被告人冒充残联工作人员，告诉多名残疾老人可以代为申请\"残疾老人生活补助\"和护理补贴，但要先交\"代办费\"五百元至两千元不等，并收取老人的银行卡和密码。被告人取走老人卡内存款共计20余万元，一项补助也没有申请。" },
  { id: "t2a13", type: "elderly_assistance", voice: "news", 
    text: "背景：为保障困难老年人基本生活，各地陆续出台了养老帮扶政策。然而有不法分子借机行骗。警方通报，一伙人在多个村庄宣称有\"养老帮扶资金\"可以申领，每户最高三万元，申请前需交纳\"材料费\"\"评估费\"。近百名老人交了钱，帮扶资金却从未到账。" },
  { id: "t2a14", type: "elderly_assistance", voice: "relative", 
    text: "我舅公收到一张\"红十字会\"的通知单，说他被评为\"困难老人救助对象\"，可以领取八千元救助金，要先拨打通知单上的电话，按对方要求交四百元\"公证费\"。舅公交了钱，又被要求交\"转账手续费\"，我们觉得不对劲，打红十字会的官方电话一问，根本没有这个救助。" },
  { id: "t2a15", type: "elderly_assistance", voice: "court", 
    text: "经审理查明：被告人冒充扶贫办工作人员，在农村地区以发放\"精准扶贫款\"为名，要求老年人先交纳\"保证金\"和\"开户费\"，每人数百元至数千元不等。为取得信任，被告人还伪造了盖有公章的红头文件。共有200余名老年人被骗，涉案金额60余万元。" },
  { id: "t2d01", type: "elderly_product", voice: "relative", 
    text: "我妈天天去小区附近一个\"健康讲座\"，每天去签到都能领鸡蛋、挂面。讲师说他们的\"量子能量杯\"能治高血压、糖尿病，还能防癌，一个卖八千八。我妈一口气买了三个，又买了他们推荐的\"量子袜\"\"能量床垫\"，前后花了五万多。我们拿去检测，就是普通的不锈钢杯。" },
  { id: "t2d02", type: "elderly_product", voice: "court", 
    text: "经审理查明：被告人开设\"健康体验馆\"，雇佣讲师对老年人进行虚假宣传，称其销售的\"远红外理疗仪\"可以治疗关节炎、心脑血管疾病，成本价三百元的仪器以一万九千八百元的价格销售给老年人。被害人共计120余人，涉案金额300余万元。" },
  { id: "t2d03", type: "elderly_product", voice: "news", boundary: "collectibles without a promised resale → 养老产品", 
    text: "记者调查发现，一些公司通过电话推销所谓\"纪念章\"\"纪念钞\"，打着\"限量发行\"\"国家权威机构出品\"的旗号，以数千元的价格卖给老年人。记者将其中一套\"开国元勋纪念章\"拿给专家鉴定，专家称其为普通工艺品，市场价不过几十元。推销员并未承诺回购，只是反复强调\"非常珍贵\"。" },
  { id: "t2d04", type: "elderly_product", voice: "procuratorate", 
    text: "检察机关经审查认定：犯罪嫌疑人组织人员在乡镇集市开展\"义诊\"，谎称其销售的\"祖传秘方\"胶囊可以根治糖尿病，让老人停掉医院开的药，每疗程售价三千六百元。经鉴定，该胶囊为普通食品，部分还添加了违禁成分。检察机关以诈骗罪对其提起公诉。" },
  { id: "t2d05", type: "elderly_product", voice: "relative", boundary: "goods wrapped in 'the organisation pays the rest' → 养老产品", 
    text: "我爸在一个\"老年健康关爱活动\"中订了一张磁疗床垫，标价三万九千八。推销员说这是\"国家医保项目\"，政府报销大部分，个人只需要自付三千九百八十元。爸爸交了钱，床垫拿回来，我们一查同款网上才三百多块，所谓医保报销纯属编造。" },
  { id: "t2d06", type: "elderly_product", voice: "court", boundary: "字画 without a buy-back promise → 养老产品", 
    text: "经审理查明：被告人伙同他人，以\"名家真迹\"为名向老年人推销字画，谎称作品出自当代著名书画家之手，以每幅数万元的价格出售。经鉴定，所售字画均为印刷品或临摹品，价值极低。被告人向被害人出售字画时未作回购承诺。被害人共计损失80余万元。" },
  { id: "t2d07", type: "elderly_product", voice: "relative", 
    text: "我爸一个人住，家里的保健品堆成了小山。有个卖保健品的小姑娘天天给他打电话，叫他\"干爸\"，陪他聊天、给他送饭，然后推荐各种\"特效药\"，什么深海鱼油、蜂胶、鹿鞭丸，每一盒都要上千元。两年下来，我爸的退休金和存款花了二十多万，身体却越来越差。" },
  { id: "t2d08", type: "elderly_product", voice: "news", 
    text: "某区市场监管局近日查处一家\"健康养生馆\"。该馆以免费体检为诱饵吸引老年人，随后宣称老人\"体内毒素超标\"，推销所谓的\"排毒胶囊\"和\"养生酒\"，一个疗程售价近万元。执法人员发现，这些产品均无保健食品批准文号。目前，涉案的养生馆已被责令停业。" },
  { id: "t2d09", type: "elderly_product", voice: "relative", boundary: "stamps without resale → 养老产品", 
    text: "奶奶收到一个电话，说有一套\"建国七十周年限量邮票大全\"，全国只发行几千套，收藏价值很高，只要一万二千元。奶奶买了，后来又陆续买了\"生肖邮票珍藏册\"\"金箔邮票\"等。我们找集邮协会的人看，说这些都是普通纪念册，根本不值钱。对方从没说过回收的事。" },
  { id: "t2d10", type: "elderly_product", voice: "news", 
    text: "背景：近年来，\"免费旅游\"成为一些不法商家诱骗老年人的手段。某市多名老人报名参加\"一日游\"，结果被带到一个\"健康中心\"听讲座，讲师宣称一种磁疗床垫可以治愈失眠、高血压，原价五万，当天购买\"只要一万六\"。二十多位老人当场刷卡购买。事后检测，该床垫与普通床垫无异。" },
  { id: "t2d11", type: "elderly_product", voice: "procuratorate", 
    text: "检察机关发布典型案例：被告人以\"会议营销\"方式，租用酒店会议室，免费发放礼品吸引老年人参加，冒充\"医学专家\"宣讲，将普通的固体饮料说成可以\"防治癌症、降三高\"的特效药，高价出售。数百名老人被骗，涉案金额达千万元。本案系典型的保健品诈骗。" },
  { id: "t2d12", type: "elderly_product", voice: "relative", 
    text: "我外婆被查出肺癌，一个\"专家\"说他们的\"冬虫夏草灵芝孢子粉\"可以抗癌，比化疗管用，一个月的量要两万元。外婆为了治病，把积蓄都拿出来买了，还停止了正规治疗。后来我们检测发现，所谓的孢子粉里几乎不含有效成分，外婆的病情却耽误了。" },
  { id: "t2d13", type: "elderly_product", voice: "news", 
    text: "据消费者投诉，某公司通过电视购物向老年人销售\"智能助听器\"，宣称采用\"军工技术\"，能恢复听力，一副售价六千八百元。老人们购买后发现，这种助听器只是普通的声音放大器，网购价格不到一百元。市场监管部门已立案调查，认定其存在虚假宣传、高价销售行为。" },
  { id: "t2d14", type: "elderly_product", voice: "relative", 
    text: "我爸最近迷上看直播，有个主播每天讲养生，推荐一款\"古方养生茶\"，说喝了能降血压、软化血管，一盒一千二，买三盒送一盒。我爸前后买了十几盒，还让我们也喝。我们查了这个茶的成分，就是普通的菊花、决明子，药店几十块钱一大包。" },
  { id: "t2d15", type: "elderly_product", voice: "relative", boundary: "rule 5 over 7 (a small 理疗卡 and, mostly, pills from the same shop)", doubt: "the card is a 养老服务 element; the pills are most of the loss", 
    text: "我妈常去的那家养生馆，先是办了一张六千元的理疗卡，做了几次艾灸，后来店员天天劝她买\"细胞修复口服液\"，说能治她的腰椎病，一瓶一千多。我妈陆续买了二十多瓶，花了三万多，理疗卡里的钱只占一小部分。后来我们查了这个口服液，只是普通饮料，还被市场监管局列入虚假宣传名单。" },
  { id: "t2j01", type: "elderly_project", voice: "news", boundary: "rule 6 over 7 (care-home membership paying 10 % a year)", 
    text: "记者调查发现，某\"养老公寓\"向老人推销会员卡，会员费分为十万元、二十万元、五十万元三档，除可享受入住优惠外，公司还承诺每年按会员费的10%支付\"养老收益\"，到期全额返还本金。数百名老人办理了会员卡。今年以来，公司停止支付收益，老人们的本金也无法取回。" },
  { id: "t2j02", type: "elderly_project", voice: "relative", boundary: "床位补贴 paid out → 养老项目", 
    text: "我爸在一家养老院交了二十万\"床位预订金\"，养老院说钱暂时不用住，每月会给他发一千六的\"床位补贴\"，等他想住的时候再入住，不想住了随时退。前一年每月都按时到账，我爸还介绍了好几个老朋友去交。后来补贴停了，养老院的老板也跑了。" },
  { id: "t2j03", type: "elderly_project", voice: "court", boundary: "collectibles with 高价回购 → 养老项目", 
    text: "经审理查明：被告人以某文化公司名义，向老年人销售\"金银纪念币\"\"玉石收藏品\"，并承诺一年后以购买价的1.5倍高价回购，或代为在拍卖会上出售。被害人陆续购买藏品共计2000余万元。回购期限届满后，被告人以各种理由拒绝回购，后携款潜逃。" },
  { id: "t2j04", type: "elderly_project", voice: "procuratorate", 
    text: "检察机关经审查认定：犯罪嫌疑人成立\"养老产业发展公司\"，宣称投资建设大型康养基地，向老年人出售\"原始股\"，承诺每年分红20%，并在公司上市后获得数倍回报。为取信于人，嫌疑人组织老人参观在建工地。共有600余名老年人认购，涉案金额达1.2亿元。" },
  { id: "t2j05", type: "elderly_project", voice: "court", 
    text: "经审理查明：2018年至2020年，被告人以投资\"养老基地\"为名，通过发放传单、举办讲座等方式向社会公众宣传，承诺年化收益15%，每季度付息，到期还本。为吸引老人，被告人还赠送米、油、保健品等礼品。被告人共非法集资8000余万元，造成被害人损失3000余万元，其行为构成集资诈骗罪。" },
  { id: "t2j06", type: "elderly_project", voice: "relative", boundary: "session-12 decision: 补贴 returned on money paid in → 养老项目", 
    text: "我妈被拉进一个\"养老服务平台\"，平台说充值成为会员，每月返还充值额的3%作为\"养老补贴\"，一年回本。我妈先充了两万，头几个月补贴真的到账了，她就把十万块积蓄都充了进去。现在平台打不开，客服也不见了。" },
  { id: "t2j07", type: "elderly_project", voice: "relative", boundary: "session-12 decision: fee to have one's own collectibles auctioned → 养老项目", 
    text: "我外公收藏了几幅字画，有个\"拍卖公司\"打电话说他的藏品很有价值，可以帮他上拍卖会，预计能拍出几百万元，但要先交鉴定费、图录费和保证金。外公陆续交了六万多元，拍卖会却一直没开，每次问都说\"再等等买家\"。后来那家公司就联系不上了。" },
  { id: "t2j08", type: "elderly_project", voice: "news", boundary: "collectibles with 升值空间 and resale for the elder → 养老项目", 
    text: "背景：近年来，以\"收藏投资\"为名的诈骗案件屡见不鲜。某市警方近日破获一起案件：犯罪团伙向老人推销所谓\"限量纪念币\"，称其具有巨大的升值空间，购买后公司可以帮老人转售，一年后至少翻一番。多名老人花费数十万元购买，所谓\"转售\"从未实现。" },
  { id: "t2j09", type: "elderly_project", voice: "procuratorate", boundary: "rule 6 over 5 (health products only as gifts)", 
    text: "检察机关发布典型案例：被告人以\"养老投资\"为名，向老年人推销一款\"康养理财产品\"，承诺保本保息、年利率12%，对于认购金额较大的老人，还赠送高档保健品和免费体检。共有400余名老人认购，被告人用后期投资人的资金支付前期投资人的利息，最终资金链断裂。" },
  { id: "t2j10", type: "elderly_project", voice: "relative", 
    text: "我妈去年在一个\"养生基地\"投了十五万，基地说这是\"养老项目\"，投钱进去每个月分红百分之二，还可以每年免费去基地住一个月。前面几个月确实拿到了分红，后来就说基地在扩建、分红暂停。今年我们去基地看，已经换了老板，原来的公司也注销了。" },
  { id: "t2j11", type: "elderly_project", voice: "news", boundary: "rule 6 over 7 (a 养老服务 company paying monthly interest)", 
    text: "某地警方日前通报，一家打着\"养老服务\"旗号的公司，以\"预存养老金、享受高额利息\"为名吸收老年人资金，承诺月息2%，存期越长利息越高。公司还开设了一家小型养老院供老人参观。经查，该公司共吸收资金1.6亿元，绝大部分被用于支付利息和挥霍。" },
  { id: "t2j12", type: "elderly_project", voice: "relative", boundary: "rule 6 over 7 (bed pre-sale with 8 % a year)", 
    text: "我爸交了三十万，买了一家\"康养中心\"的\"养老床位预售权\"，合同上写每年返还8%的收益，满五年一次性还本，期间可以随时选择入住。我爸根本没打算马上去住，就是看中了这个收益。第二年收益就停了，康养中心到现在还是一片空地。" },
  { id: "t2j13", type: "elderly_project", voice: "procuratorate", 
    text: "检察机关经审查认定：犯罪嫌疑人以某\"养老理财工作室\"名义，向退休老人推销\"养老理财计划\"，宣称\"保本保息、稳赚不赔\"，年收益可达18%。为营造正规形象，嫌疑人租用高档写字楼，并与老人签订\"理财服务合同\"。嫌疑人共骗取老人资金900余万元。" },
  { id: "t2j14", type: "elderly_project", voice: "relative", 
    text: "我舅妈参加了一个\"生态农庄认养\"活动，花五万元认养了一百棵果树，农庄承诺每年按认养金额的15%返还\"果树收益\"，五年后还能原价回购果树。舅妈还拉了几个退休的老同事一起认养。第一年收益按时发放，第二年就没了，农庄老板也联系不上。" },
  { id: "t2j15", type: "elderly_project", voice: "news", 
    text: "背景：随着\"旅居养老\"概念兴起，一些企业借机非法集资。据报道，某公司推出\"旅居养老民宿\"份额，每份五万元，认购者每年可获得10%的固定分红，同时享受全国连锁民宿的免费入住。公司先后吸收老年人资金数千万元。目前，公司实际控制人已被警方刑事拘留。" },
  { id: "t2s01", type: "elderly_service", voice: "relative", 
    text: "我妈两年前在一家养老院交了十五万元\"床位预订费\"，对方说现在床位紧张，先交钱排号，等有了空床就能入住，如果不想住了还可以退钱。我妈一直没等到床位，今年去问，养老院已经关门了，负责人也找不到了，那十五万到现在都没退回来。" },
  { id: "t2s02", type: "elderly_service", voice: "news", 
    text: "记者调查发现，一些养老服务企业向老人推销\"养老服务卡\"，预充值五万元可享受八折服务，包括上门助浴、保洁、陪诊等。不少老人一次性充值数万元。然而，企业收钱后服务越来越少，最后干脆关门走人，卡里的余额无法退还。民政部门提醒，老人应警惕大额预付费。" },
  { id: "t2s03", type: "elderly_service", voice: "relative", 
    text: "我爸办了一张\"候鸟式旅居养老\"会员卡，交了八万元，说可以在三亚、昆明等地的合作养老院轮流入住，比散客价格便宜一半。结果第一年只安排了一次旅居，后来再预约就说\"没有房间\"，公司的办公室也人去楼空，会员费一分都退不回来。" },
  { id: "t2s04", type: "elderly_service", voice: "relative", boundary: "疗程卡 prepaid sessions → 养老服务", 
    text: "我妈在一家健康养生馆办了好几张疗程卡，一张是艾灸三十次，一张是推拿五十次，一共充了两万八。养生馆说充得越多折扣越大。我妈才做了七八次，养生馆就突然关门，老板失联，剩下的次数都用不了了。我们去问了市场监管局，说已经有很多老人来投诉。" },
  { id: "t2s05", type: "elderly_service", voice: "court", 
    text: "经审理查明：被告人注册成立某居家养老服务公司，以提供上门护理、助餐、助浴等居家养老服务为名，向老年人收取一年至三年不等的预付费用，共计收取400余万元。被告人在收取费用后仅提供少量服务，随后将资金转移并关闭公司，逃匿外地。本院认为被告人的行为构成合同诈骗罪。" },
  { id: "t2s06", type: "elderly_service", voice: "relative", boundary: "deposit refund is no return → 养老服务", 
    text: "外婆八十五岁，入住一家养老院时交了十万元\"押金\"，养老院说押金是为了保证床位，出院时全额退还，每月另交护理费。去年外婆身体不好转到医院，我们去办退住，养老院说资金困难，押金暂时退不了。后来才知道，院长早就把押金拿去还债了。" },
  { id: "t2s07", type: "elderly_service", voice: "relative", 
    text: "我父亲交了五万元\"终身会员费\"，那家养老公寓承诺会员可以终身以优惠价入住，还能优先选房。父亲交完钱以后，公寓的装修一直没完成，开业日期一拖再拖，最后公司宣布破产，会员费成了债权，能不能拿回来还不知道。" },
  { id: "t2s08", type: "elderly_service", voice: "news", 
    text: "某社区老年食堂推出\"助餐卡\"，老人预充值一千元可以享受每餐八折，不少独居老人一次充了两三千。三个月后，食堂突然停业，经营者失联。社区工作人员介绍，该食堂并非社区指定的助餐点，经营者收取预充值后卷款离开。目前警方已介入调查。" },
  { id: "t2s09", type: "elderly_service", voice: "relative", 
    text: "我们家请护工，找了一家\"家政养老服务中心\"，中心要求一次性预付一年的护工费三万六，说可以保证护工稳定、随时换人。交了钱以后，护工来了不到一个月就走了，再也没有派人来。中心的电话换了，地址也搬走了，剩下的钱根本要不回来。" },
  { id: "t2s10", type: "elderly_service", voice: "news", 
    text: "背景：近年来，养老机构收取预付费的现象较为普遍，部分地区已出台监管办法。记者了解到，某区一家养老机构以\"提前锁定床位、享受优惠\"为名，向数百名老人收取会员费和预订金，累计超过3000万元，但机构的床位只有两百张。机构资金链断裂后，老人们入住无望、退款无门。" },
  { id: "t2s11", type: "elderly_service", voice: "relative", 
    text: "我奶奶被一家\"康复理疗中心\"的人劝着买了一个\"康复理疗套餐\"，一次性交一万二，可以做一年的针灸、推拿和康复训练。结果去了几次以后，中心就以装修为由停业，后来干脆关门。奶奶说那些推销的人天天给她打电话，说名额有限，她才咬牙交的钱。" },
  { id: "t2s12", type: "elderly_service", voice: "relative", 
    text: "我姨交了三万元办了一张\"养老院VIP卡\"，对方说持卡可以在以后入住时抵扣费用，还能享受免费体检和每月一次的集体活动，卡里的钱如果用不完可以退。我姨还没住进去，养老院就因为违规被关停了，负责人跑了，卡里的钱没人管。" },
  { id: "t2s13", type: "elderly_service", voice: "relative", boundary: "rule 7 (free check-up and nutrition products as gifts; the bed deposit is the loss)", 
    text: "我爸去一家养老院考察，院方带他免费体检，还送了几盒营养品，推销员讲了一下午。最后我爸交了十二万元\"入住保证金\"预订了一个单间，说装修完就可以搬进去，保证金在退住时返还。一年多过去了，那个养老院楼盖到一半就停工了，钱也退不回来。" },
  { id: "t2s14", type: "elderly_service", voice: "news", 
    text: "据警方通报，某公司以\"智慧养老上门护理服务包\"为名，向老年人推销每年九千八百元的服务包，包括每周两次上门护理、每月一次健康检查。公司收取了200余名老人的费用后，只提供了极少的服务，随后以经营困难为由关闭。警方以涉嫌合同诈骗对公司负责人立案侦查。" },
  { id: "t2s15", type: "elderly_service", voice: "relative", 
    text: "我爷爷在一家\"老年康养俱乐部\"交了两万元，说是预付以后五年的活动费和康复服务费，包括老年大学课程、理疗、旅游，比一项项单买便宜很多。俱乐部的人说等到期不想继续了，预付的钱可以按比例退。去年俱乐部突然停业，老板联系不上。" },
];

const TYPES: readonly SixType[] = ['elderly_service', 'elderly_project', 'elderly_product', 'house_for_pension', 'pension_insurance', 'elderly_assistance'];
const SHORT: Record<string, string> = {
  elderly_service: 'service', elderly_project: 'project', elderly_product: 'product', house_for_pension: 'house',
  pension_insurance: 'pension', elderly_assistance: 'assist', other_fraud: 'other', none: 'none',
};

function run(withModel: boolean, list: boolean): void {
  const model = withModel ? loadModel() : null;
  const cols = [...TYPES, 'other_fraud', 'none'];
  const matrix = new Map<string, Map<string, number>>();
  let right = 0;
  let unflagged = 0;
  const wrong: string[] = [];
  for (const c of CONSTRUCTED_TYPE_CASES_2) {
    const v = judge(c.text, model);
    const top = v.fraudTypes[0]?.code ?? 'none';
    if (!flagged(v)) unflagged++;
    const row = matrix.get(c.type) ?? new Map<string, number>();
    row.set(top, (row.get(top) ?? 0) + 1);
    matrix.set(c.type, row);
    if (top === c.type) right++;
    else wrong.push(`  ${c.id} [${c.type}] → ${top} (${v.level})${c.doubt ? ' DOUBT' : ''}  ${c.text.slice(0, 60)}`);
  }
  const n = CONSTRUCTED_TYPE_CASES_2.length;
  console.log(`\n${withModel ? 'rules + shipped model' : 'rules alone'}: type accuracy ${(right / n).toFixed(3)} (${right}/${n}), not flagged ${unflagged}/${n}`);
  console.log(`${'label \\ chosen'.padEnd(14)}${cols.map((k) => SHORT[k].padStart(8)).join('')}     acc`);
  for (const t of TYPES) {
    const row = matrix.get(t) ?? new Map<string, number>();
    const tot = [...row.values()].reduce((a, b) => a + b, 0);
    console.log(`${SHORT[t].padEnd(14)}${cols.map((k) => String(row.get(k) ?? 0).padStart(8)).join('')}  ${(row.get(t) ?? 0)}/${tot}`);
  }
  if (list) console.log(wrong.join('\n'));
}

const list = process.argv.includes('--list');
run(true, list);
run(false, list);
