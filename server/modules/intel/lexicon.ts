import type { FraudType } from '../../../shared/domain.ts';

/**
 * The hand-built lexicon behind the analysis: warning signs and the words that mark each fraud
 * type, drawn from shared/docs/domain.md §2 and the patterns the campaign's summaries describe.
 * Patterns are plain regular expressions so that every finding can quote the words that triggered it.
 */

export interface RedFlag {
  code: string;
  label: string;
  /** Plain words for the public self-check: what this sign means. */
  explain: string;
  pattern: RegExp;
  weight: number;
}

// ── Pattern text typed once (session 14) ──
// The signs (RED_FLAGS) and the moves' actions (OFF_CHANNEL, below) name the same requests — a link, a site to log in to,
// a WeChat to add, a code or card number to give, money to send, a fee, an app or a screen to share, a number to ring back.
// Where their patterns used the same words, the words are here, once; each pattern adds its own around them, so what
// either reads is what it read before (every dev verdict and every match byte-identical, docs/intel.md "Session 14").

/** The top-level domains of a bare address in a message ("xx-icbc.top"). */
const TLDS = 'cn|com|net|org|top|xyz|vip|cc|info|site|online|shop|club|icu|ltd|live|pro|wang|ren|link|app';
/** A bare host ending in one of `tlds`; `mask` adds the character a quoting page masks an address with ("***.cn"). */
const bareHost = (mask: string, tlds: string) => `(?<![@\\w.])[a-z0-9${mask}][a-z0-9${mask}-]{0,62}(?:\\.[a-z0-9${mask}-]{1,63}){0,8}\\.(?:${tlds})`;
/** A host of any suffix followed by a path ("abc.de/x1"): an address even when the suffix is not a known one. */
const HOST_WITH_PATH = '(?<![@\\w.])[a-z0-9][a-z0-9-]{0,62}\\.[a-z]{2,6}\\/[a-z0-9][a-z0-9/]*';
/** Logging in (a site to log in to). */
const LOG_IN = '登录|登陆|登錄';
/** A website or its address. */
const SITE_WORDS = '网站|網站|网址';
/** Whom or what to add: a WeChat, a QQ, a friend. */
const ADD_WHOM = '微信|qq|好友';
/** WeChat spelled to dodge filters (VX, V信, 威信: m156). */
const WECHAT_ALIASES = 'vx|v信|wx|威信|薇信';
const WECHAT_SPELLED = `${WECHAT_ALIASES}|微芯`;
/** Giving away what unlocks an account. */
const GIVE = '提供|告诉|说出|回复|填写?|输入';
const SECRETS = '验证码|密码|银行卡号|卡号';
/**
 * 过户 is a home handed over only when it is not one item of an operator's list of what happens to a phone number or account
 * (session 14, o657: "转品牌销户、过户、离网" in 中国移动's order confirmation — the number's owner changes, no house). Beside
 * 销户, 离网, 停机, 销号 or 携号转网, or after a number or card, it is the line's transfer; anywhere else it stays the pledge.
 */
const LINE_SERVICE = '销户|离网|停机|销号|携号转网';
const TRANSFER_OF_TITLE = `(?<!(?:${LINE_SERVICE})[、，,和及]?)(?<!(?:号码|手机号|号卡|sim卡)[^，。；]{0,4})过户(?![、，,和及]?(?:${LINE_SERVICE}))`;
/** Sending money, and the account it goes into. */
const SEND_MONEY = '汇钱|打钱|转钱';
const SAFE_ACCOUNT = '安全账户';
const INTO_ACCOUNT = '卡上|卡里|卡中|账户|账号|帐户';
/** Paying, and the fees scams name (a 手续费 that is waived, 免手续费, is none). */
const PAY = '支付|缴纳|交纳';
const SCAM_FEES = '认证费|激活费|解冻费|验证费|审核费';
const UNWAIVED_FEES = `(?<!免)手续费|${SCAM_FEES}`;
/** An app to install, and a screen to share. */
const APP_WORDS = 'app|软件|客户端';
const SCREEN_SHARE = '屏幕共享|共享屏幕|视频会议|腾讯会议|会议号';
/** A sum of money ("3000", "3000元", "两万", "五千块"). */
const SUM = '(?:\\d[\\d,.]*\\s*(?:[万千百]|元|块)?|[一二两三四五六七八九十]+[十百千万]+(?:元|块)?|[一二两三四五六七八九十]+(?:元|块))';
/** Not an ask: the money declined ("别再给我打钱了", "不用给我转"). */
const NOT_ASKED = '(?<!(?:别|不要|不用|不必|没|不)再?)';
/**
 * Money asked to be sent to the speaker, or needed now ("给我转3000", "给我汇点钱", "汇两万给我", "我急用钱"); not money sent or
 * already received. 转 and 打 are also to forward and to call ("给我转一下那篇文章", "到家了给我打个电话", review session 14):
 * after 给我 they ask for money only with the money or a sum right after them. Money needed now is asked for; money needed
 * once ("上次我急用钱是你帮的忙") or named as a matter ("我这边急用钱的事已经解决了") is not.
 */
const TO_SPEAKER = `${NOT_ASKED}给我(?:转|汇|打)(?:个|点|些)?(?:${SUM}|钱|款)|(?:转|汇|打)(?:个|点)?${SUM}(?:钱)?(?:给我|过来)|(?<!上次|那次|之前|以前|当时|那时)我(?:这边|这里)?(?:急|急着|等着)用钱(?![^，。,！!？?]{0,3}的(?:事|时候|时))`;
/**
 * Session 16 (independent constructed set, docs/intel.md "An independent constructed set for detection"): the ask said object
 * first. "把/将 <money> … 转给/交给 <someone>" or "… 转到 <an account>" ("您把钱微信转给我", "你把钱交给门口来取钱的李叔叔",
 * "把5000元存入本人银行卡"), and "把/将 <a secret> … 报给/告诉/发给/拍给/回复 …" ("您把卡号和身份证号先报给我", "请将旧卡卡号、密码和
 * 收到的验证码回复本号码"): the same requests the verb-first patterns read ("转账到", "告诉…验证码"), in the other order. Money
 * handed to the reader (给你/给您) is not asked for, and money put in a bank ("把钱存到银行") names no account; a sum between
 * the verb and the account ("转5000到这个卡上", "先交5000元公证服务费到我们公司账户") is the same transfer. The 把 is the reader's:
 * at a clause's start, after 你/您/请/先/快…, or in a clause that asks (请各位退休职工把…) — "她把存有积蓄的存折交给老伴管理" (c114) tells what someone did, asks nothing.
 */
const BA_ASKED = '(?<=^|[，,。；！!？?:：\\s“「]|你|您|请|先|就|并|只要|只需|赶紧|快|马上|立即|麻烦|务必|(?:请|先)[^，。；！!？?]{0,8}|(?:要|想)[^，。；！!？?\\s]{1,4}的)';
/**
 * Review (after the held-out reading): a fee handed in person to whoever collects it for a group or an office ("请各位老人把活动
 * 费用交给楼长", a class's or a building's collection) is no transfer asked off the channel; money transferred (转给, 汇给) or
 * handed to anyone else keeps the sign ("把钱交给门口来取钱的李叔叔").
 */
const COLLECTOR = '楼长|组长|队长|班长|班主任|老师|社区(?:居委会|办公室|服务中心)|居委会|村委会?|物业(?:公司|服务中心|管理处)?|财务|会计|收费处|窗口';
const BA_MONEY_OBJECT = `(?:钱|款|费用|现金|存款|积蓄|${SUM}元?)`;
const BA_MONEY = `${BA_ASKED}(?:把|将)[^，。；！!？?]{0,6}?${BA_MONEY_OBJECT}[^，。；！!？?]{0,10}?(?:(?:转|汇|打|送|拿)给(?![你您])|交给(?![你您]|${COLLECTOR})|(?:转|汇|打|存|交)(?:到|入|进|至)[^，。；！!？?]{0,12}?(?:卡上|卡里|卡中|账户|账号|帐户|卡号|户口))`;
const baSecret = (what: string) => `${BA_ASKED}(?:把|将)[^，。；！!？?]{0,8}?(?:${what})[^，。；！!？?]{0,12}?(?:报给|告诉|发给|拍给|念给|回复|发到|交给(?![你您])|(?:发|报)我|回传)`;
/** The sign (transfer_request) reads what unlocks money, as its verb-first words do; the action also an ID number, as OFF_CHANNEL's code does. */
const BA_SECRET = baSecret('验证码|密码|卡号|账号|付款码|银行卡|存折');
const BA_SECRET_OR_ID = baSecret('验证码|密码|卡号|账号|身[份分]证字?号|付款码|银行卡|存折');
const SUM_THEN_ACCOUNT = `(?:转|汇|打|存|交)(?:给我)?(?:${SUM}|一?(?:笔|点|些)钱)[^，。；！!？?]{0,8}?(?:到|至|进|入)[^，。；！!？?]{0,12}?(?:卡上|卡里|卡中|账户|账号|帐户|卡号|(?:以下|下列|这个|此|指定)的?户口)`;
/**
 * Session 16 (third constructed set, docs/intel.md "A third constructed set for detection"): money asked to be sent to a
 * person through a payment channel — "你微信转我一下", "用支付宝转给这个人就行", "妳可以先去郵局匯給我嗎" — or onto the speaker's
 * card ("把钱打我卡上"). 转 and 打 alone also forward and call ("转给我看看", "打给我"): only after a payment channel (微信,
 * 支付宝, 银行卡, 手机银行) are they money; 汇 is money by itself. Money sent to the reader (给你/您) is not asked for, nor money
 * already sent ("我微信转给他了").
 */
const PAID_TO_PERSON = `${NOT_ASKED}(?:(?:微信|支付宝|银行卡?|手机银行)上?(?:转|汇|打)账?给?|汇给)(?=我|他|她|这个|对方)(?![^，。；！!？?]{0,6}了)|(?:打|转|汇|存)我的?(?:卡上|卡里|账上|账户)(?![^，。；！!？?]{0,2}了)`;
/** A phone number as written or masked by the page that quotes it. */
const NUMBER = '\\d[\\d\\-－—*×x]{4,}';
const MASKED_NUMBER = '某某电话|x{3,}|×{3,}';

/** The caller's own question whether to keep or cancel a service (m217): the answer goes back to the sender (verdict.ts answeredToSender). */
export const ASK_KEEP_OR_CANCEL = '保留还是取消|是否(?:需要|要)?取消|要不要取消';

export const RED_FLAGS: RedFlag[] = [
  { code: 'high_return', label: '高额回报', explain: '正规理财不会承诺远高于银行的收益，“高回报”“返利”“翻倍”多是骗局的诱饵。', pattern: /高额回报|高回报|高收益|年化(?:收益)?\s*\d+|收益率|翻[一两三五十几]?倍|返利|返现|分红|回报率|每月返|(?:每|一)个?(?:天|日|年)就?返(?=利|现|息|[\d一二两三四五六七八九十百千万]|百分)|利息(?:很|特别)?高/g, weight: 3 },
  { code: 'guaranteed', label: '保本保息', explain: '任何投资都有风险，承诺“保本保息”“稳赚不赔”的，基本可以认定是骗局。', pattern: /保本|保息|稳赚|零风险|无风险|保证收益|只赚不赔|包赚/g, weight: 4 },
  { code: 'prepaid_fee', label: '预交会员费、床位费', explain: '先交钱、后服务，机构一旦跑路钱就难以追回。预交大额费用要格外小心。', pattern: /会员费|会员卡|床位费|预定费|预订费|预交|预存|预付|押金|保证金|充值|办卡|入会费/g, weight: 2 },
  { code: 'free_bait', label: '免费讲座、体检、礼品', explain: '“免费”是为了把您请进门，接下来往往是高价推销。天上不会掉馅饼。', pattern: /免费(?:讲座|体检|旅游|领取?|试用|检查|听课|午餐|测|体验)|送鸡蛋|送礼品|赠送|领礼品|送米送油|义诊|小礼品/g, weight: 2 },
  { code: 'house_mortgage', label: '以房抵押', explain: '把房子抵押或过户给别人换“养老金”“理财”，很可能房财两空。', pattern: new RegExp(`(?:房产|房子|住房)(?:证)?抵押|抵押(?:房产|房子)|以房养老|房本|房产证|${TRANSFER_OF_TITLE}`, 'g'), weight: 4 },
  { code: 'pension_agency', label: '代办、代缴社保', explain: '养老保险只能在社保部门或官方渠道办理，没有“内部指标”，也不需要交“手续费”。', pattern: /代缴[^，。；,]{0,4}(?:社保|养老|医保|保险)|补缴|代办(?:社保|养老保险)|内部(?:指标|办理|名额|渠道)|提高养老金|涨养老金|办理手续费/g, weight: 3 },
  { code: 'fake_hospital', label: '冒用知名医院、专家', explain: '借“协和”“同仁”“专家”“教授”名头卖产品的，多为冒用。', pattern: /协和|同仁医院|301医院|名医|院士|(?:知名|权威|北京|国家级)?专家|教授/g, weight: 1 },
  { code: 'limited_time', label: '限时优惠', explain: '“今天最后一天”“名额有限”是为了不给您考虑和商量的时间。', pattern: /限时|仅限今天|今天最后|最后一天|名额有限|马上涨价|错过(?:就|再)?没|抢购|机会难得|过期不候/g, weight: 2 },
  { code: 'secrecy', label: '叮嘱不要告诉子女', explain: '让您瞒着家人的，几乎都是骗子。遇事先和子女商量。', pattern: /不要告诉|别告诉|不能告诉|保密|瞒着|不让(?:子女|孩子|家人)知道/g, weight: 4 },
  { code: 'cure_claim', label: '宣称包治百病', explain: '保健品不是药，不能治病。宣称“包治”“根治”“特效”的都是虚假宣传。', pattern: /包治|根治|治愈|特效|神药|药到病除|(?<![不未])能治(?:好)?|治百病|停药|排毒治病|不用(?:再)?(?:吃药|打胰岛素)/g, weight: 3 },
  { code: 'official_impersonation', label: '冒充政府或工作人员', explain: '政府补贴不会让您先交钱，工作人员也不会上门收取“工本费”。', pattern: /冒充|自称[^，。]{0,8}(?:工作人员|社保局|民政局|政府|公安|警察)|政府(?:补贴|项目|扶持)|国家项目|(?:收取?|缴纳?|交纳?|先交|支付|付)[^，。；,]{0,4}工本费/g, weight: 3 },
  { code: 'equity_investment', label: '股权、项目投资', explain: '向老人推销“原始股”“养老项目股权”“产权式公寓”的，常涉及非法集资。', pattern: /原始股|股权|入股|认购|投资项目|康养基地|养老基地|产权式|众筹/g, weight: 2 },
  // The most common message sent to elders: a link, a threat (逾期停发养老金) and a fee. Each is a sign of its own.
  { code: 'link', label: '陌生链接', explain: '社保、医保、银行的通知不会让您点短信或微信里的链接办事。链接打开的多是假网站，专骗银行卡号、密码和验证码。', pattern: new RegExp(`https?:\\/\\/[^\\s，。；“”"]+|www\\.[^\\s，。；“”"]+|${bareHost('', TLDS)}(?:\\/[^\\s，。；“”"]*)?(?![\\w.])|${HOST_WITH_PATH}|点(?:击|开)?(?:下方|以下|短信)?链接|短链接`, 'gi'), weight: 2 },
  // 过时/超时 (session 13, m207 "过时将被注销账户") only with the heavy outcomes: an order or a booked appointment that times out is
  // 取消 or 作废 in every real notice ("订单超时未支付已自动取消", "超时未取号将自动取消"; review, session 13).
  // A term that ends by itself ("有效期7天，到期自动失效，无需退订", o657: a package the reader ordered) asks nothing and
  // threatens nothing: the threat is what befalls the reader unless they act. Only 失效/取消 "自动" are read so; "到期自动清零"
  // of points, which scams press with, stays a threat.
  { code: 'threat', label: '以停发、冻结相威胁', explain: '用“逾期停发养老金”“账户冻结”“取消资格”“追究责任”吓唬人，是为了让您来不及核实就照办。社保、养老金的事请拨打 12333 或到窗口问清楚。', pattern: /(?:逾期|过期|超期|到期)(?!自动(?:失效|取消))[^，。；]{0,8}(?:停发|停止发放|暂停发放|冻结|注销|作废|取消|失效|清零|追究|起诉|收回|放弃)(?:养老金|退休金|补贴|待遇|资格)?|(?:过时|超时)[^，。；]{0,8}(?:停发|停止发放|暂停发放|冻结|注销|追究|起诉|收回)(?:养老金|退休金|补贴|待遇|资格)?|停发(?:养老金|退休金|工资|补贴|津贴)|(?:账户|银行卡|社保卡|医保卡|养老金|退休金)[^，。；]{0,4}(?:冻结|停用|注销)|否则[^，。；]{0,10}(?:停发|冻结|注销|取消|追究|起诉|拘留|失效|后果|扣费|扣款)|后果自负|追究(?:法律|刑事)?责任|涉嫌(?:洗钱|犯罪|违法)|列入(?:黑名单|失信)|(?:上|影响)[^，。；!！]{0,4}征信/g, weight: 2 },
  { code: 'fee', label: '要求先交钱', explain: '养老金资格认证、领补贴、解冻账户都不收费。让您先交“手续费”“认证费”“解冻费”的，都是骗局。', pattern: new RegExp(`${UNWAIVED_FEES}|开通费|服务费用?|管理费|(?:${PAY}|需交|需要交|先交|请交|要交|需付|先付|转账(?![转入出])|汇款(?![转入出])|收取)[^，。；]{0,6}(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万]+)\\s*(?:元|块)|(?:${PAY})[^，。；]{0,6}费`, 'g'), weight: 2 },
  // A verification code is in every login SMS: only a request for it (or for a card number, a password) is the sign.
  { code: 'transfer_request', label: '催促转账、索要验证码', explain: '任何让您转账到陌生账户、说出验证码或银行卡密码的，立即停止。', pattern: new RegExp(`(?:转账|汇款)(?:到|至)|${BA_MONEY}|${PAID_TO_PERSON}|${BA_SECRET}|${SUM_THEN_ACCOUNT}|${SAFE_ACCOUNT}|(?:${GIVE}|发给|报给|念给)[^，。；！!]{0,6}(?:${SECRETS}|银行卡密码)|银行卡密码|(?:钱|款)?(?:打|汇|转|交)(?:到|进|入)[^，。；]{0,12}(?:${INTO_ACCOUNT})|(?:${SEND_MONEY}|把钱汇)(?:过来|给我)?|钱(?:打|汇|转)(?:到|进|入)\\s*\\d{6}[\\d*]*|充值卡`, 'g'), weight: 3 },
  // Scam messages of every kind (docs/intel.md, issue 14): a new number of a relative or landlord, a
  // card, account or pass "already stopped" with an order to re-register, a website to log in to, a
  // windfall (double compensation, a higher credit line, a payout to claim).
  { code: 'new_number', label: '自称亲友、房东换了号', explain: '“我换号了”“打到我爱人卡上”是冒充亲友、房东的老套路。一定先打原来的号码或当面核实，再决定。', pattern: /换了?(?:手机)?号|换号|新号码|(?:手机)?号码(?:更换|变更)|更换了?(?:手机)?号码|我[^，。；]{0,3}(?:变更|更换)了?(?:手机)?号码|这是我(?:现在|新)的(?:手机)?号|(?:爸|妈|爷爷|奶奶)[^，。]{0,3}[:：,，]?[^，。]{0,12}(?:别|不要)(?:来|打)电话|我是房东/g, weight: 3 },
  { code: 'account_stopped', label: '说您的卡、账户已停用', explain: '说您的ETC、社保卡、银行卡“已冻结”“已停用”“即将注销”，要您马上去网站或按短信办理的，多是骗子。请打卡背面或官方电话核实。', pattern: /(?:etc|通行卡|一卡通|速通|账户|賬戶|账号|银行卡|社保卡|医保卡|社保|电子社保卡)[^，。；!！]{0,12}(?:已|将|会|被)[^，。；!！]{0,4}(?:冻结|停用|关停|注销|失效|无效|作废|過期|过期|到期)|(?:医保卡|社保卡)[^，。；!！]{0,4}(?:出现|存在|使用出现)(?:异常|故障)|(?:电子)?密码器[^，。；!！]{0,10}(?:到期|失效|过期|需要?升级)|(?:超时|超時|逾期)[^，。；!！]{0,6}(?:停止使用|停用|无法(?:正常)?使用|注销)|不验证[^，。]{0,4}(?:作废|失效)|未报备|需要?重新(?:升级|升級|办理|認證|认证|激活)|重新办理,?恢复/gi, weight: 3 },
  { code: 'website', label: '让您登录网站办理', explain: '正规单位不会用短信让您去不明网站办理业务。请自己拨打官方电话或到窗口办理。', pattern: new RegExp(`(?:${LOG_IN}|前往|至)[^，。；!！]{0,6}(?:${SITE_WORDS}|某网站)|\\*{2,20}\\.\\*{2,20}\\.[a-z]{2,4}`, 'gi'), weight: 2 },
  { code: 'windfall', label: '天降好处', explain: '“双倍赔付”“额度提升”“领取保障金”等好处，往往是骗您点链接、加好友、交钱的诱饵。', pattern: /双倍赔付|高额赔付|额度[^，。]{0,8}(?:提升|提高)|提额|保障(?:金|已到达|已到账)|可以领[^，。]{0,6}(?:保障金|补贴|万元)|手把手教|月薪过万|年费一千|积分[^，。；!！]{0,12}兑(?:换|现)[^，。；!！]{0,6}(?:\d+(?:\.\d+)?元(?!话费|流量)|现金)|(?:[一二三]等奖|幸运)用户|(?:你|您)有一(?:份|笔)[^，。；]{0,12}(?:补贴|补助|保障)金?[^，。；]{0,4}(?:未领取|待领取|未处理)|双倍返还/g, weight: 3 },
  // The 银联 scam SMS: a charge you did not make, "confirmed" or "to be deducted", with a number to call.
  // A real bank notice reports a transaction done; it does not say it will deduct it and ask you to call.
  // Kinds met in the fourth collection's dev half (docs/intel.md): a caller posing as a shop's or
  // platform's customer service, a recorded call that asks you to press a key, a grandchild in trouble,
  // money for likes, a free period ending with a charge, a cancelled flight with a fee to rebook.
  { code: 'fake_service', label: '自称客服打来', explain: '自称京东、支付宝、淘宝等“客服”，说您的账户要注销、利率太高、影响征信，或者要给您退款——这是冒充客服的骗局。平台不会打电话让您注销账户、转账或贷款。请挂断，自己打开官方App查看。', pattern: /(?:我是|这里是|我们是)[^，。；!！?？]{0,10}客服/g, weight: 2 },
  { code: 'robocall', label: '录音电话让您按键转人工', explain: '录音电话说您的医保卡、银行卡出了问题，或有法院传票，让您“按9转人工”——接通的就是骗子。法院、医保、银行都不会这样通知。请挂断，打官方电话核实。', pattern: /按\s*[0-9０-９九][“”"]?(?:键|號鍵)?[^，。]{0,4}(?:转|進入|进入|接通)?人工|人工(?:服务|咨询|查询)[^，。]{0,6}请?按\s*[0-9０-９九]|拨[“"]?9键?转人工/g, weight: 2 },
  { code: 'relative_urgent', label: '自称亲人出事急着要钱', explain: '电话、短信里叫您“爷爷、奶奶、爸、妈”，说出事了、被抓了、要赔钱，催您马上交钱、转账——这是冒充亲人的老骗局。先挂断，打孩子原来的电话或问问家里人。', pattern: /(?:爷爷|奶奶|外公|外婆|姥姥|姥爷|爸爸?|妈妈?|爸妈)[^。]{0,3}?(?:救(?:救)?我|[,，!！:：\s][^。]{0,16}?(?:救(?:救)?我|出事了|被(?:警察|派出所)|拘留|赔偿金|快(?:点)?(?:给我)?(?:交|转|汇|打)|(?:急需|赶紧|马上)[^，。]{0,6}(?:钱|交|转|汇|打)))/g, weight: 3 },
  { code: 'task_lure', label: '点个赞就给钱', explain: '“点赞就给钱”“日薪几百”的兼职，先给点小甜头，再让您垫钱做“任务”——这是刷单诈骗，垫进去的钱拿不回来。', pattern: /点赞[^。]{0,12}(?:一个赞|佣金|日薪|日结|[0-9一二两三四五六七八九十]+\s*(?:块|元))|一个赞[^，。]{0,4}[0-9一二两三四五六七八九十]+\s*(?:块|元)|日薪[^，。]{0,3}[百千万0-9]|动动手指[^，。]{0,8}(?:赚|日入|收入)/g, weight: 3 },
  { code: 'auto_charge', label: '说免费期结束、要自动扣钱', explain: '说您开通的“百万保险”“会员”免费期到了，不关闭就自动扣几千上万元，让您配合“关闭”——正规的续费不会这样吓人。请自己在官方App里查，不要按来电的说法操作。', pattern: /(?:免费期|试用期|体验期)[^，。；]{0,6}(?:已)?(?:结束|到期)|(?:自动|将)[^，。；]{0,4}(?:扣费|扣款|续费)[^，。；]{0,8}(?:\d|[一二两三四五六七八九十百千万]+)[^，。]{0,3}(?:元|万)/g, weight: 2 },
  { code: 'flight_change', label: '说航班取消、要您改签退票', explain: '短信说您的航班取消了，让您打电话、交钱办理改签或“理赔”——航空公司因自身原因取消航班，退改签免费，也不会让您转账。请打航空公司官方电话核实。', pattern: /(?:航班|飞机)[^，。；]{0,8}(?:取消|延误|停飞)[^。]{0,24}(?:改签|退票|理赔|赔偿|补偿)/g, weight: 2 },
  { code: 'parcel_claim', label: '说您的快递丢了、坏了', explain: '短信、电话说您的快递丢失或破损，要给您“理赔”“双倍赔付”，再让您加微信、点链接——这是冒充快递、客服的骗局。请在购物App或快递官方App里查看订单。', pattern: /快[递件][^，。；]{0,10}(?:受损|破损|损坏|丢失|遗失|丢了|弄丢)|包裹[^，。；]{0,6}(?:受损|破损|损坏|丢失|遗失|丢了|弄丢)/g, weight: 2 },
  { code: 'add_contact', label: '让您加微信、QQ私聊', explain: '陌生短信让您加微信、QQ或某个手机号私聊，是为了避开平台，方便骗钱。正规单位不会这样办事。', pattern: new RegExp(`加(?:我|一下)?的?(?:${ADD_WHOM}|手机)|添加[^，。；]{0,6}(?:${ADD_WHOM})|(?:加|添加)[^，。；]{0,4}(?:${WECHAT_SPELLED})`, 'gi'), weight: 2 },
  { code: 'fake_charge', label: '说您刷卡消费、要扣款', explain: '短信说您在某商场刷卡消费、“已确认”“将从您账上扣除”，再留个电话让您咨询，是冒充银联、银行的老骗局。不要拨短信里的电话，请打卡背面的银行客服电话或到网点查询。', pattern: /(?:刷卡|消费|透支)[^，。；]{0,10}\d[\d,.]*元[^。]{0,20}?(?:已(?:被)?确认|将[^，。；]{0,20}(?:扣除|扣出|计费|结算|划算|扣收))/g, weight: 3 },
  // ── Session 10 (s10-scams): general signs of scam messages, from the seventh collection's dev half ──
  // (docs/intel.md, "Seventh collection (session 10): scam messages"). Each names a move the scam needs,
  // not a phrase of one message: money to someone else's card, an accusation of a crime, a relative in
  // trouble who needs money, a request to cancel an account or service, an app or screen share to install.
  { code: 'third_party_card', label: '让您把钱打到别人的卡上', explain: '自称子女、亲友、房东的人，让您把钱打到“同学”“朋友”“爱人”的卡上——这是冒充亲友的老套路。先打对方原来的号码或当面问清楚，再决定。', pattern: new RegExp(`(?:同学|朋友|爱人|老公|老婆|媳妇|表[弟哥姐妹]|堂[弟哥姐妹]|亲戚|老乡|同事|室友|女朋友|男朋友|家属)的?[^，。；!！:：,;?？]{0,16}(?:${INTO_ACCOUNT}|卡号|银行卡|卡)`, 'g'), weight: 3 },
  { code: 'accused', label: '说您涉嫌犯罪', explain: '打电话、发消息说您“涉嫌洗钱”“涉案”，要您配合调查、汇报行踪、洗清罪名——这是冒充公检法的骗局。公安、检察院、法院不会用电话、短信、微信办案，也不会让您转账。请挂断，拨打 110 核实。', pattern: /(?:你|您)[^，。；!！]{0,6}涉嫌|涉嫌[^，。；!！]{0,10}(?:洗钱|犯罪|违法|案)|洗脱[^，。]{0,2}(?:罪名|嫌疑)|(?:逮捕|通缉)令|汇报行踪|(?:你|您)(?:有|的)[^，。；!！]{0,6}传票|法院传票/g, weight: 3 },
  { code: 'relative_trouble', label: '自称亲人闯了祸要钱', explain: '电话、短信里叫您“爸、妈、爷爷、奶奶”，说撞了人、打了架、要私了，急着要钱——这是冒充亲人的骗局。先挂断，打孩子原来的电话或问问家里人。', pattern: /(?:爷爷|奶奶|外公|外婆|姥姥|姥爷|爸爸?|妈妈?|爸妈)[^。]{0,3}?[,，!！:：\s][^。]{0,20}?(?:撞死|撞伤|撞了|车祸|打伤|打架|被抓|私了|急需)/g, weight: 3 },
  // Session 12: a child or grandchild who opens with "爸/妈/奶奶…" and asks for money or names a sum to pay — the
  // move of the fake-relative message, without the trouble or the friend's card the signs above need (m141).
  // Session 14 (out-of-sample study, docs/intel.md "Scam-message misses on unseen batches"): the money may be asked for as a
  // sum sent to the speaker ("你先汇两万给我", "给我转3000") or as money needed now ("我急用钱"); only towards the speaker —
  // a child who sends money home ("我给你转了3000"), thanks for money received ("你给我转的钱收到了"), declines it ("你别给我转钱了")
  // or offers it ("你要是急用钱就跟我说") is no ask (constructed look-alikes; the last three were read as asks before).
  { code: 'relative_money', label: '自称孩子、孙子开口要钱', explain: '短信、电话一开口叫“爸、妈、爷爷、奶奶”，就说要交学费、培训费或急着要钱——这是冒充子女、孙辈的骗局。先打孩子原来的电话，或问问家里人，核实之前不要转钱。', pattern: new RegExp(`^[\\s"“「]*(?:爸爸?|妈妈?|爸妈|老爸|老妈|爷爷|奶奶|外公|外婆|姥姥|姥爷)[^。]{0,3}?[,，!！:：\\s][^。]{0,30}?(?:(?:费用?|学费|生活费|钱)[^，。,]{0,4}\\d|${NOT_ASKED}(?:(?<![你您])(?:要|需要|急需|借)|给我)(?![^，。,]{0,4}的钱)[^，。,]{0,4}钱|${TO_SPEAKER})`, 'g'), weight: 3 },
  { code: 'cancel_service', label: '要您配合注销账户、关闭服务', explain: '自称客服、平台或“国家政策”，要您配合注销账户、关闭某项服务或贷款，否则影响征信、要扣钱——这是冒充客服的骗局。平台不会这样打电话，请自己打开官方App查看。', pattern: /(?:配合|需要|帮您|帮你|协助|指导您?)[^，。；!！]{0,6}(?:注销|关闭|取消|解除)[^，。；!！]{0,8}(?:账号|账户|服务|业务|贷款|校园贷|金条|白条|会员|保障|代理|功能)/g, weight: 2 },
  { code: 'download_app', label: '让您下载软件、共享屏幕', explain: '让您下载某个App、客户端或会议软件，或开启屏幕共享来“领取”“办理”的，对方就能看到您的密码和验证码。正规单位不会这样办事。', pattern: new RegExp(`下载[^，。；!！]{0,10}(?:${APP_WORDS})|${SCREEN_SHARE}`, 'gi'), weight: 2 },
  // Paid tasks with a commission settled daily: the 刷单 pitch in its general form (m157), not only likes (task_lure).
  { code: 'task_commission', label: '做任务拿提成', explain: '“做一个任务提成几十元”“佣金日结”的兼职，先给点甜头，再让您垫钱做“任务”——这是刷单诈骗，垫进去的钱拿不回来。', pattern: /刷单(?!诈骗|骗局|类|型)|刷好评|每单[^，。；]{0,4}(?:提成|佣金)|任务[^，。；]{0,10}(?:提成|佣金|返佣|返利)|(?:提成|佣金)[^，。；]{0,4}日结/g, weight: 3 },
  // Also in this session, in place: add_contact reads the spellings that dodge filters (VX, V信, 威信: m156).
  // Also in place: a lost parcel is the pretext (parcel_claim), the compensation promised for it the bait (windfall),
  // so "您的快递丢失了,我们将进行双倍赔付" (m026) is two signs, as a damaged parcel with a contact to add already was.
  // ── end of the session-10 block ──
  // ── Session 13: the eleventh collection's dev half (docs/intel.md, "Eleventh collection (session 13)") ──
  // A charge on your account you never asked for — a fee "to be deducted", a membership "opened for you" — that the
  // sender asks you to verify, keep or cancel with them: the opener of the fake customer-service and refund scams. A real
  // bill or renewal reports the charge and where to pay; it does not ask you to confirm or cancel through the sender.
  // Not "您的信用卡年费将于…扣除…如需取消请致电400…" (the card named before the deduction, session 14's review): banks' own
  // annual-fee notices read so, and their credit-card centres answer on 400 numbers (4008205555); only m204's "从…卡…扣除" is read.
  { code: 'unrequested_charge', label: '说给您开通了业务、要从卡里扣钱', explain: '说您的卡要被扣年费、会员费，或“给您开通了”某项业务，让您核实、选择保留还是取消——这是冒充银行、客服的骗局，接下来会让您打电话、共享屏幕、转账“取消”。不要按对方说的做，请打卡背面的银行电话或自己打开官方App查看。', pattern: new RegExp(`(?:(?:将|需|要|开始|即将)[^。！!？?]{0,20}?(?:从|在)(?:您|你)?的?[^，。；,;！!？?]{0,8}?(?:账户|帐户|账号|银行卡|卡)[^，。；,;！!？?]{0,6}?(?:扣除|扣取|扣收|划扣|扣款|扣费)|(?:给|为|帮)(?:您|你)[^，。；,;！!？?]{0,4}开通了?)[\\s\\S]{0,40}?(?:(?:核实|核对)(?![^，。；,;！!？?]{0,6}余额)|${ASK_KEEP_OR_CANCEL}|(?:需要|如需|要)(?:取消|关闭))`, 'g'), weight: 3 },
  // A broadcaster's draw of viewers: no TV show or its crew picks a "lucky viewer" by SMS and pays out cash or a laptop.
  // The draw must have picked the reader (抽中/抽选 you, 选为幸运/场外观众): a crew choosing a choir to film (选中) or a show's
  // announced draw among its viewers (将从观众中抽取) is no such message (review, session 13).
  { code: 'show_prize', label: '说您被节目组抽中大奖', explain: '短信说您被某电视节目、栏目组抽中“幸运观众”，能领巨额奖金或电脑——这是中奖诈骗，领奖前会要您交“手续费”“保证金”“个人所得税”。电视台不会这样发奖，直接删除。', pattern: /(?:您|你)[^。]{0,24}?(?:节目组|栏目组|电视台|卫视)[^。]{0,12}?(?:抽中|抽选|选为(?:幸运|场外))|(?:节目组|栏目组|电视台|卫视)[^。]{0,24}?(?:抽中|抽选|选为)(?:了|为)?(?:您|你)/g, weight: 3 },
];

/** "详情请拨…" / "如有疑问请咨询…" with a number (or the news's mask of it): with a windfall or an unknown charge, the message wants a call back. */
export const CALLBACK = new RegExp(`(?:详情|详询|如有疑[问意]|如有疑問)[^。]{0,4}(?:请速?)?(?:拨打?|咨询|致电|垂询|联系)[^。]{0,12}?[:：]?\\s*(?:${NUMBER}|${MASKED_NUMBER})`, 'i');

/** Session 10 (s10-scams): a number given as "联系电话/咨询电话/请致电/请拨打：…" — like CALLBACK, a sign only beside a windfall or an unknown charge (real notices give numbers too: o220, o280, o368). */
export const CALLBACK_NUMBER = new RegExp(`(?:联系电话|咨询电话|请致电|请回电|请拨打|联系方式)[^。]{0,4}[:：]?\\s*(?:${NUMBER})`, 'i');

/**
 * Words right before a sign that make it a warning rather than a pitch (请勿泄露验证码, 谨防诈骗), or a
 * question the reader is told to ask rather than a promise ("了解…是否保本、预期收益率", o382).
 */
export const NEGATION = /(?:是否|勿|不要|切勿|切莫|谨防|警惕|提防|防范|严禁|以免|避免|(?<![识区特分告级类性个辨鉴差离派])别|不会|从不|绝不|不得|是骗子|均可能|谨慎|不再|免收|不收|无需|无须|不需)[^，。；！!,;]{0,8}$/;

/**
 * Words that say something went wrong: without a red flag or one of these, a text is not about fraud. 防/反 right
 * before 诈骗 or 骗 (防诈骗讲座, 反诈骗) is its prevention, not harm (o429, a bank's 防诈骗讲座 for elders).
 */
export const HARM = /(?<![防反诈])骗|爆雷|拿不回|血本无归|损失惨重|犯罪|嫌疑人|被害人|受害|涉案|敛财|谎称|冒用|噱头|幌子|蒙骗|诱使|引诱|诱骗|欲哭无泪|虚假宣传|夸大|拒绝支付|集体逃走|逃离|一无所获|违法|非法|(?<![防反])诈骗|上当|跑路|失联|联系不上|打不通|退不了|不退|没退|不给退|拒绝退|人去楼空|卷款|卷钱|非法集资|血本无归|被坑|坑人|套路|没兑现|不兑现|没有兑现|不兑付|无法兑付|停发|停了|无法赎回|以次充好|强制购物|强迫|停工|停机|关门|倒闭|停业|大门紧闭|被查封|找不到人|不见人|人不见了|查不到|没去成|没有效果|没效果|没有作用|没作用|伪造|假的|假货|还不上|面临拍卖|撤了|拉黑|不能用了|没开业|没影|一分(?:钱)?(?:都|也)?没|什么(?:都|也)没|没钱|没有(?:任何)?消息|没有资格|被占|被赶|其实是|反而|住了院|成本(?:不过|只有)|举报|可疑|怀疑|不对劲|担心/g;

/** Sales pressure and fees demanded up front: with type words, also a sign of fraud. */
export const PRESSURE = /推销|兜售|诱导|忽悠|哄骗|劝说|动员|号称|宣称|声称|打着|旗号|以[^，。；]{1,12}为(?:名|由)|先(?:交|缴纳?|付)|收取[^，。；]{0,8}费|要求[^，。；]{0,6}(?:交|缴|付)|承诺|签约|说(?:能|可以)|让老人|要求老人/g;

/** Money handed over ("交了五万元", "收取费用三万元"): with type words, a tip about money taken is about fraud. */
export const MONEY_TAKEN = /(?:交|缴|付|花|投|转|充|存|收取?|买|骗|借)[了取走出]?[^，。；]{0,8}?(?:\d|[一二两三四五六七八九十百千万])+(?:多|余)?(?:[万千百]元?|元)|(?:费|金|款)[^，。；]{0,4}(?:\d|[一二两三四五六七八九十百千万])+(?:多|余)?(?:[万千百]元?|元)/g;

/** The elder's pension or retirement named — in product, project and service cases it is the money spent. */
const PENSION_NAMED = /养老金|退休金|缴费|待遇|退休|工龄/g;

/**
 * Words of a type that support it only beside a word of its own (weight > 1, not in this set) or one of
 * its cues, and never make it alone — as words of weight 1 do (verdict.ts rankTypes). The level is read
 * from every word as before.
 */
export const SUPPORTING = new Set<RegExp>([PENSION_NAMED]);

/**
 * 投资 as the elder's money put in — not a company's or a court's name for someone: 投资公司, 投资管理, 投资咨询, 投资人/者
 * (session 10), and (session 15) a company's registered name ("…养老投资发展有限公司", "…投资集团"): the seller's name says
 * nothing about what the elder paid for (c112's kind: a care-home fee read 养老项目 for its company's name). One list for
 * the lexicon and the 养老项目 cue (verdict.ts). A name runs straight from 投资 to its 有限/集团 (发展, 控股); a word that points
 * at a company or ends the verb (该, 某, 这, 了, 到…) makes the company what the money went into ("投资该集团", "投资了某集团"),
 * and shares bought are no name ("投资原始股份"): review, session 15.
 */
export const INVEST = '投资(?!公司|管理|咨询|人|者|[^，。；、该此这那其某了的到入于]{0,4}(?:有限|集团|股份有限))';

export const TYPE_WORDS: Record<FraudType, [RegExp, number][]> = {
  // Session 10: 吃住/居住/住宿/住进 (a place to live or stay was paid for) and 养老公寓 (a place of care; a
  // promised return, not the wrapper, makes it 养老项目) are 养老服务 words; a 管理/平台服务费 is the fee a
  // scam charges, not a service bought; 脱贫 is 扶贫's twin.
  elderly_service: [[/养老院|养老机构|敬老院|护理院|护理中心|颐养|养老中心|康养机构|康养院|老年公寓|养老公寓|养老社区|日间照料|照料中心|托老所/g, 3], [/床位|托养|照护|会籍/g, 3], [/会员卡|会员费|预付卡|储值卡|办卡|入会费|(?:足疗|美容|疗程|理疗|养生|护理)卡|服务金|(?<!管理|平台|技术|审核)服务费|照护费|护理费|住宿费|月费|定金|服务合同/g, 2], [/养老服务|老年服务|助老|上门(?:服务|护理)|护理|入住|住了|旅居|候鸟|居家养老|服务站|(?:养老|服务)驿站|吃住|居住(?!证)|住宿|住进/g, 2]],
  // Session 10 (type cues from the scheme's core): 投资人/投资者 is the court's word for anyone who paid in an
  // illegal fundraising — bed deposits included — and 集资 is the charge's name; neither says the elder was
  // promised a return, which is what makes a case 养老项目 by the guide.
  elderly_project: [[new RegExp(`${INVEST}|认购|入股|股权|原始股|众筹`, 'g'), 3], [/康养基地|养老基地|养老项目|产权|养老地产|康养小镇|养老产业|份额/g, 3], [/理财|收益|返利|分红|利息|年息|月息|回报|返租|回购|兑付|上市|本金|本息|提成|增值/g, 2]],
  elderly_product: [[/保健品|保健食品|营养品|保健酒|药酒|口服液|酵素|钙片|鱼油|孢子粉|营养液|胶囊|蜂胶|净化器|净水机|水机/g, 4], [/理疗|仪器|床垫|磁疗|量子|[降治]\S?仪|热疗|设备/g, 3], [/讲座|体检|义诊|药|治病|治疗|疗效|高血压|糖尿病|疾病|排毒|鸡蛋|疗程|骨密度|养生|血管|血脂|血压|中风|致癌|抗癌|失眠|风湿|颈椎|腰椎/g, 2]],
  house_for_pension: [[/以房养老/g, 5], [/抵押|房产委托|作担保|作价抵|抵给|抵债/g, 4], [/房产|房子|房屋|房本|房产证|过户|住房|拍卖|公证处/g, 2], [/贷款|借款/g, 1]],
  // Session 12: the elder's own pension named (the money spent, "退休以后的收入是退休金") is PENSION_NAMED below:
  // the scheme of 养老保险 is a fee to arrange insurance, retirement or the pension, so these words support it
  // only beside a word or cue of its own (SUPPORTING); the words of arranging (补缴, 代缴, 挂靠…) stand alone.
  pension_insurance: [[/养老保险|社保|社会保险|人社局/g, 4], [/补缴|补交|代缴|参保|挂靠|核定|特殊工种/g, 2], [PENSION_NAMED, 2]],
  // A 消费补贴 or 床位补贴 paid on a care-home deposit is a promised return (养老项目 by the guide), not a
  // relief payout: the guide's own cue (verdict.ts GUIDE) already leaves it out, and so does the lexicon.
  elderly_assistance: [[/帮扶|(?<!消费|床位|返还?[^，。；]{0,6})补贴|补助|救助|慈善|扶贫|脱贫|爱心|关爱|基金会|低保|公益|敬老|慰问|银发/g, 3], [/工本费|激活费|登记费|保证金|登记|领取|身份证|银行卡|手机卡|按手印|空巢|贫困|困难/g, 1], [/免费旅游|敬老旅游|强制购物|强迫[^，。]{0,4}购买/g, 2]],
};

export const SECONDARY_TAGS: [string, string, RegExp][] = [
  ['low_price_tour', '低价旅游', /低价游|低价旅游|免费旅游|一日游|强制购物|购物点/g],
  ['romance', '黄昏恋', /黄昏恋|网恋|恋爱|交友|男朋友|女朋友|对象/g],
  ['prize', '中大奖', /中奖|大奖|抽奖|奖金/g],
  ['investment', '投资理财', /理财|投资|收益|基金/g],
  ['collectibles', '艺术品/收藏品', /收藏品|纪念币|纪念钞|艺术品|字画|邮票|古董|玉器|藏品/g],
  ['impersonating_officials', '冒充公检法', /冒充(?:公检法|警察|公安|检察院|法院)|涉嫌洗钱|通缉/g],
  ['fake_clinic', '医疗/义诊', /义诊|专家|诊所|看病|坐诊/g],
  ['famous_hospital_name', '冒用知名医院', /协和|同仁医院|301医院/g],
];

// ── Session 12 (s12-rules): scam messages by their moves (docs/intel.md, "Scam-message rules by moves") ──
// A scam message gives a pretext — something wrong with your account, card or service; money to claim; a
// relative or you in trouble — and then asks for an action off the official channel: a link or a site that
// is not the institution's, a number to ring back, a WeChat/QQ contact, money to a card, a code, an app, a
// QR code, a fee. Real notices have pretexts too (社保卡到期, 账户余额不足, 停水) but send you to the official
// channel (营业厅, 官方App, 95588, 12333); and each move alone is in real notices. Only a pretext and an
// off-channel action close together in one message make the sign. Each vocabulary is of the move, not of
// one sentence; every match is read through NEGATION and the warning frame like the other signs.

/** What a pretext is about: an account, card, pass or certificate of yours — what expires in a scam ("密码器于今日到期", "ETC认证已失效"). */
const HELD = '(?:养老金|退休金|年金|养老待遇|待遇|账户|账号|帐户|帐号|银行卡|信用卡|储蓄卡|借记卡|社保卡|医保卡|社保|医保|参保|etc|通行卡|速通|一卡通|密码器|u盾|证书|手机银行|网银|网上银行|支付宝|微信|花呗|借呗|白条|金条|驾驶证|驾照|行驶证|公积金|资格|凭证|卡)';
/** Services and goods that also lapse in real renewal notices (会员, 套餐, 保险到期): a pretext when something other than expiry went wrong. */
const SERVICE = '(?:会员|套餐|手机号|号码|宽带|车辆|快递|包裹|快件|订单|航班|机票|积分|话费|额度|贷款|保障|保险|累计[^，。；,;!！?？]{0,4}\\d+\\s*分)';
/** Expired or lapsed: renewals say it too, so only of an account, card, pass or certificate. */
const EXPIRED = '(?:失效|過期|过期|到期)';
/**
 * What went wrong with it (other than expiry). A registration, filing or check not done (登记, 备案, 核验) is a pretext only as
 * a process the holder failed to complete (未完成/未通过/未办理…, or of identity: 未实名登记): a bare 未登记 is the everyday state
 * of a record that offices announce ("您的车辆未登记,请联系物业…"; review, session 14).
 */
const WRONG = '(?:停发|暂停发放|停止发放|(?:暂停|停止)拨付|(?<!审核|审批|申请)未通过|逾期|冻结|停用|停止使用|无法(?:正常)?使用|注销|异常|故障|锁定|作废|关停|无效|暂停(?:使用|服务)|被盗|盗刷|盗用|清零|欠费|违章|违规|受限|被限制|未激活|未认证|未验证|未实名|未报备|未年检|未年审|未更新|未升级|未上传|未审核|未(?:完成|通过|进行|办理)?(?:实名)?(?:认证|审核|验证)|未(?:(?:完成|通过|进行|办理)(?:实名)?|实名)(?:登记|备案|核验)|升级(?:为|成|到)?电子|有误|出现问题|存在风险|无法(?:派送|投递|送达|配送)|派送失败|(?:地址|信息|资料)[^，。；,;]{0,2}(?:不详|有误|错误|不全|缺失)|需要?(?:重新|及时|尽快)?(?:认证|实名认证|激活|验证|升级|更新|核实|报备|绑定|年检|年审)|取消[^，。；,;!！?？]{0,4}资格|影响[^，。；,;!！?？]{0,4}(?:征信|通行|使用|出行))';
/** A date or time between the thing and what befell it ("手机银行于2月16号下午17点59分过期"): it names when, not what (session 13). */
const WHEN = '[\\d０-９一二三四五六七八九十月号號日年上下午晚早中点點时時分秒:：\\-/.\\s今明前后]{1,24}?';
/**
 * The same trouble said verb first, done to the reader's account or service ("我們已暫時暫停您的支付服務", m278; "已冻结您的账户",
 * "停用了你名下的银行卡"): session 15, thirteenth collection. Only as done to 您/你的 thing — a bank's maintenance notice
 * ("将于今晚暂停手机银行服务") names no one's — and, like every pretext, a sign only beside an action off the channel.
 * Not 关闭 (review, session 15), which WRONG never read either: a service closed is as often closed at the reader's request
 * ("根据您的申请，我行已关闭您的短信通知服务", beside the bank's short link — low before the rule, high with it).
 */
const DONE_TO_YOURS = `(?:暂停|冻结|停用|锁定|限制|注销|关停)了?(?:您|你)(?:的|名下的?)[^，。；,;!！?？【】]{0,6}(?:${HELD}|${SERVICE}|服务|功能|权限)`;
/** A pretext of trouble with your account, card, pass or service ("您的手机银行已过期", "ETC认证已失效", "医保账户需更新"). */
export const MOVE_PROBLEM = new RegExp(`${HELD}[^，。；,;!！?？【】]{0,12}(?:${WRONG}|${EXPIRED})|${HELD}(?:将于|已于|于)${WHEN}(?:${WRONG}|${EXPIRED})|${SERVICE}[^，。；,;!！?？【】]{0,12}${WRONG}|${DONE_TO_YOURS}|(?:违章|欠费|盗刷|自动(?:扣费|扣款|续费)|(?:每月|每个月|按月)(?:自动)?(?:扣款|扣费)|被海关扣|被扣押?|被(?:海关|边检|警方|公安)?(?:查扣|扣留|扣押|查获))`, 'gi');
/**
 * A pretext of money for you: a refund, compensation, subsidy, prize, points to cash, credit, a loan. Session 14 (m238,
 * "您的xxx賬戶醫療保障已到達!…點擊網址領"): a 保障 said to have arrived is the same payout as 保障金 — windfall reads it so already.
 */
export const MOVE_LURE = /补差|免费(?:旅游|一日游)|免(?:联征|征信|保人|担保)|(?:您|你)已?中了[^，。；,;]{0,6}(?:一台|一辆|一部|一套|一份|[一二三四五特]等|奖)|[一二三四五特]等奖|领奖|高价回购|回购|分红|返息|高息|翻[一两几十]?倍|每(?:月|年)返|退款|退费|退税|退还|返还|理赔|赔付|赔偿|补偿金?|补贴|补助|补发|津贴|救助金|保障(?:金|已到达|已到账)|慰问金|扶贫(?:资金|款)|专项资金|红包|奖金|奖励金|现金奖励|中奖|获奖|兑奖|奖品|大奖|幸运用户|积分[^，。；,;]{0,8}兑|兑换[^，。；,;]{0,8}(?:现金|\d+(?:\.\d+)?元)|免费领取?|领取[^，。；,;]{0,6}(?:补贴|补助|奖|礼|现金|红包|保障金|津贴|福利)|提额|额度[^，。；,;]{0,6}(?:提升|提高)|贷款|备用金|无抵押|低息|免息|月薪|日薪|日结|高薪|兼职/g;
/**
 * A pretext of trouble: a child who fell ill or was hurt, an arrest, a crime you are said to be part of. Session 14 (misses on
 * unseen batches): an account or identity "涉案" / "涉及…案" is the same accusation as 涉嫌 in other words. Review (session 14):
 * only as what is said of the reader or their account — 涉案 before a noun names what belongs to a case ("涉案资金已部分追回",
 * a police call-back to a victim), "您涉及的…案件" names the case the reader is party to, and a dispute (纠纷) is a civil case.
 */
export const MOVE_TROUBLE = /出事|车祸|住院|摔伤|受伤|急救|抢救|突发|被抓|被扣|拘留|涉嫌|涉案(?!资金|款|金额|财物|财产|物品|车辆|人员|嫌疑人|当事人|线索)|涉及(?!的)(?:(?!纠纷)[^，。；,;!！]){0,8}(?:案|犯罪|洗钱)|传票|通缉|洗钱/g;

/** What a click in a message is to do ("点击换取", "点击认证"): the site action's click to act. */
const CLICK_TO = '(?:换取|领取|兑换|认证|激活|验证|更新|升级)';
/**
 * A click to act that points at nothing ("请及时点击兑换", not "点击下方兑换" or a link): it goes wherever the message
 * sends the reader — a link it carries, or the institution's own app or hotline it names (verdict.ts findMoves).
 */
export const BARE_CLICK = new RegExp(`点击${CLICK_TO}$`);

/**
 * A link, in its words: 链接, and 連結 — the word Taiwan and Hong Kong use (simplified by the reader to 连结: "請點擊以下連結,驗證您的帳戶",
 * m278, a bank phishing e-mail; session 15, thirteenth collection). Read only where a link is: after a click, open or visit, or
 * "到以下…", as 链接 always was.
 */
const LINK_WORDS = '链接|鏈接';
/**
 * 连结 is also the verb "to connect" ("服务站点连结各村卫生室", "打开心与心的连结"): review, session 15. It is a link only right
 * after a click (点击/点开/点选/点按, a few words between: "点击短信中的连结") or after a click, open, visit or 到 that points
 * at it (以下/下方/此…: "请点击以下连结", "到以下连结"), never after a bare 点 that ends a noun (站点, 网点, 重点) or across the gap
 * 链接 is read over.
 */
const LINK_TW = '(?:点击|点开|点选|点按)[^，。；,;!！]{0,4}连结|(?:点|按|打开|进入|访问|前往|到)(?:以下|下方|下列|如下|此|该|这个)的?连结';
export type ActionKind = 'link' | 'site' | 'call' | 'contact' | 'transfer' | 'code' | 'app' | 'qr' | 'fee' | 'card' | 'follow';
/**
 * Actions off the official channel, each with its plain label. Links on an institution's own domain are not off the channel (verdict.ts).
 * Session 14 (misses on unseen batches: masked or spelled-out details recur): an address masked with × as with *, a WeChat id after
 * any of its spellings ("VX:", "加V:", "加薇:"), and an address the text points to ("请到以下网址办理") are the ways they stand for.
 */
/**
 * 转账 as what a payment platform gave back ("…退还了你的转账", o678: WeChat Pay's refund notice) names the reader's own earlier
 * transfer, not a transfer asked for (session 14). A fake refund still gives its way off the channel ("退还您的转账,请加微信…").
 */
const REFUNDED = '(?<!(?:退还|退回|退)了?(?:你|您)?的?)';
export const OFF_CHANNEL: { kind: ActionKind; label: string; pattern: RegExp }[] = [
  { kind: 'link', label: '让您点短信里的链接', pattern: new RegExp(`(?:https?:\\/\\/|www\\.)[a-z0-9*×\\-._~:/?#@!$&'()+=%]+|${bareHost('*×', `${TLDS}|sh|xx`)}(?:\\/[a-z0-9*×\\-._~/?#=&%]*)?(?![\\w.])|${HOST_WITH_PATH}`, 'gi') },
  { kind: 'site', label: '让您上网站、点链接办理', pattern: new RegExp(`${LINK_TW}|(?:${LOG_IN}|登入|进入|打开|访问|前往|至|点击|点开)[^，。；,;!！]{0,6}(?:[x×*]{3,}|[a-z0-9x×*]+(?:\\.[a-z0-9x×*]+){1,4})?\\s*[（(]?(?:${SITE_WORDS}|網址|${LINK_WORDS}|网页|页面)|到(?:以下|下方|下列|如下)[^，。；,;!！]{0,2}(?:${SITE_WORDS}|網址|${LINK_WORDS})|(?:请|请您)?(?:及时|尽快|立即|马上|速)?点击(?:下方|以下|此处|这里)?${CLICK_TO}|点(?:击|开)?[^，。；,;!！]{0,6}(?:${LINK_WORDS}|网址|網址|网站)|戳[^，。；,;!！]{0,4}(?:${LINK_WORDS})`, 'gi') },
  { kind: 'call', label: '让您打短信里的电话', pattern: new RegExp(`(?:拨打?|致电|联系|联繫|咨询|咨詢|回电|来电|询|详询)[^。；;]{0,12}?[:：]?\\s*(?:1[3-9][\\d*×x]{9}|1[3-9]\\d?[x×*]|0\\d{2,3}[-－—]?[\\d*×x]{7,8}|[2-8]\\d{6,7}(?!\\d)|[2-9]\\d{3}[-－—\\s]?[*×x]{4}(?![\\d*])|400[-－—]?[\\d*×x]{3}[-－—]?[\\d*×x]{4}|${MASKED_NUMBER})`, 'gi') },
  { kind: 'contact', label: '让您加微信、QQ或私人号码', pattern: new RegExp(`加(?:我|一下|下)?(?:我)?的?\\s*(?:${ADD_WHOM}|手机|${WECHAT_SPELLED})|(?<![a-z])(?:whatsapp|line|telegram)\\s*[:：]?\\s*[a-z0-9*]|回复?[“"]?\\d{1,2}[”"]?(?:申请|办理|领取|预约|开通)|添加[^，。；,;]{0,6}(?:${ADD_WHOM}|客服|${WECHAT_ALIASES})|(?:微信|qq|${WECHAT_SPELLED})号?[:：]\\s*[a-z0-9*x]|(?:微信|${WECHAT_SPELLED})号?\\s?[a-z][a-z0-9_-]{4,}|加\\s*(?:v|薇)\\s*[:：]\\s*[a-z0-9*x]|(?:进|入|加入)[^，。；,;]{0,4}(?:qq群|微信群)|私信|私聊`, 'gi') },
  { kind: 'transfer', label: '让您转账、汇款', pattern: new RegExp(`${REFUNDED}转账(?![成交记])|汇款(?![转入出成])|打款|${SEND_MONEY}|(?:钱|款|费)[^，。；,;]{0,4}(?:转|汇|打|存)(?:到|入|进|至)|(?:转|汇|打|存)(?:到|入|进|至)[^，。；,;]{0,12}(?:${INTO_ACCOUNT}|卡号|帐号)|${BA_MONEY}|${PAID_TO_PERSON}|${SUM_THEN_ACCOUNT}|${SAFE_ACCOUNT}|(?:卡号|账号|帐号)(?:是|为)?[:：]?\\s*[（(]?[\\u4e00-\\u9fa5]{0,4}[)）]?\\s*\\d{4}`, 'g') },
  { kind: 'code', label: '向您要验证码、密码', pattern: new RegExp(`(?:${GIVE}|发给?|报给?|念给?|告知)[^，。；,;!！]{0,6}(?:${SECRETS}|动态码|校验码|身份证号)|(?:验证码|动态码|校验码)[^，。；,;!！]{0,4}(?:发给|告诉|报给|念给|给我)|${BA_SECRET_OR_ID}`, 'g') },
  // Session 16: the caller walks the reader through it ("按我说的操作", "按照我们说的做"): the call itself is the channel.
  { kind: 'follow', label: '让您按对方说的一步步操作', pattern: /按(?:照)?(?:我|我们)(?:说|讲|教)的[^，。；,;!！]{0,6}?(?:操作|做|办|验证|设置)|(?:去|到|在)(?:附近的?)?atm机?(?:上|前)?[^，。；,;!！]{0,4}(?:操作|转账|解除)/gi },
  { kind: 'app', label: '让您下载软件、共享屏幕', pattern: new RegExp(`(?:下载|安装)[^，。；,;!！]{0,10}(?:${APP_WORDS}|apk)|${SCREEN_SHARE}|远程(?:协助|控制)`, 'gi') },
  { kind: 'qr', label: '让您扫二维码办理', pattern: /(?:扫(?:描|一扫)?|识别)[^，。；,;!！]{0,8}二维码(?![^，。；,;]{0,4}登录)/g },
  { kind: 'fee', label: '要您先交钱', pattern: new RegExp(`(?:交|缴|付|${PAY})[^，。；,;!！]{0,4}(?:手续费|保证金|${SCAM_FEES}|工本费|押金|税|罚款|罚金|滞纳金|会费)|${UNWAIVED_FEES}|保证金`, 'g') },
  { kind: 'card', label: '要您报银行卡去领', pattern: /(?:凭|提供|登记|报上?)[^，。；,;!！]{0,4}(?:银行卡|卡号)/g },
];
/**
 * Which actions make a sign with which pretext: a lure wants anything; a card to show is in real notices of a
 * problem or trouble. A number to ring counts with a problem or trouble only in a short message that names no
 * official channel (a real notice of a card that expires ends "咨询电话：0561-12333、0561-3886929", o220).
 */
export const PRETEXT_ACTIONS: Record<'problem' | 'lure' | 'trouble', ActionKind[]> = {
  problem: ['link', 'site', 'contact', 'transfer', 'code', 'app', 'qr', 'fee', 'call', 'follow'],
  lure: ['link', 'site', 'call', 'contact', 'transfer', 'code', 'app', 'qr', 'fee', 'card', 'follow'],
  trouble: ['contact', 'transfer', 'code', 'app', 'fee', 'call', 'follow'],
};
/** The length (characters) up to which a text reads as one short message (a scam SMS or call opener). */
export const SHORT_MESSAGE = 160;
/**
 * The official channel named: a counter or hall, the official App or hotline, a public account, the service
 * numbers (95588, 12333, 96122, 10086). What real notices send you to.
 */
export const OFFICIAL_CHANNEL = /营业厅|营业网点|网点|柜台|窗口|服务大厅|服务中心|经办机构|官方(?:app|客服|网站|渠道|电话|热线)|公众号|(?<!\d)(?:95\d{3}|96\d{3}|12\d{3}|100(?:86|10|00|01))(?![\d元块万千百.])/i;
/**
 * An official place or site named in the action's own clause ("凭身份证和银行卡到村委会登记领取", "请登录国家税务总局网站办理",
 * "登录我行官方网站", "交管12123App"): the institution's own channel, so a site, fee, card or number there is no move
 * (review, session 12: real notices read as 很可能是骗局 by the moves alone).
 */
export const OFFICIAL_PLACE = new RegExp(`${OFFICIAL_CHANNEL.source}|村委会|居委会|村委|社区|街道|乡镇|政务|国家[^，。；,;]{0,8}(?:网站|平台|app)|我行|本行`, 'i');
/**
 * An institution's own app, hall or account that the text tells the reader to open ("详情登录联通APP", "打开工商银行APP",
 * "进入国家医保服务平台APP"): the official channel, as a hotline or a hall is. Installing one is not (an app to download is
 * its own action, and a scam sends you to one).
 */
const INSTITUTION = '(?:中国)?(?:移动|联通|电信|广电)|[\\u4e00-\\u9fa5]{1,6}银行|工行|建行|农行|中行|交行|招行|邮储|医保|社保|人社|税务|个税|公积金|交管|12123|12306|国家[\\u4e00-\\u9fa5]{0,10}';
export const OFFICIAL_APP = new RegExp(`(?:登录|登陆|打开|进入|通过|使用|在)[^，。；,;!！?？]{0,4}(?:${INSTITUTION})[^，。；,;!！?？]{0,8}(?:app|客户端|手机营业厅|掌上营业厅|小程序|公众号)`, 'i');
/** The pretext signs: what the message says happened, in plain words. */
export const PRETEXT_SIGNS: Record<'problem' | 'lure' | 'trouble', { label: string; explain: string }> = {
  problem: { label: '说您的账户、卡或业务出了问题', explain: '先说您的账户、银行卡、社保卡、ETC、手机银行“过期”“失效”“异常”“要认证”，再让您点链接、加好友、转账或说验证码——这是骗子的套路。真有问题，请打卡背面或官方客服电话，或到营业厅、窗口问清楚。' },
  lure: { label: '说有钱可领、可退、可赔', explain: '先说有退款、理赔、补贴、奖品、积分兑现金、贷款可领，再让您点链接、打电话、加好友、交钱或报卡号——这是骗子的诱饵。正规的退款和补贴不用您先做这些事。' },
  trouble: { label: '说家人或您出了事', explain: '先说孩子、家人出了事，或说您涉了案，再让您转账、交钱、加好友或说验证码——这是骗子的套路。先挂断，打家人原来的电话或拨打 110 核实。' },
};
/** The action sign's explanation (the label says which action). */
export const OFF_CHANNEL_EXPLAIN = '真正的银行、社保、医保、快递和平台，有事只会让您打官方电话、用官方App或到营业厅、窗口办理，不会让您点短信里的链接、打陌生号码、加微信QQ、转账、说验证码或先交钱。';

/**
 * Institutions' own domains (suffixes): a link there is the official channel, not a sign. Any other domain in a
 * message that names the institution is not the institution's; one that carries its name or number
 * (10086pyzxa.com, icbcapk.com, ddicbc.cn.com) is made to look like it. Matched on the whole host or after a dot
 * (verdict.ts officialLink), so icbc.com.cn.verify-top.xyz stays strange; short links (t.cn) hide where they lead and
 * are never official. Any gov.cn or edu.cn host counts (o613's ICBC statement names www.icbc.com.cn).
 */
export const OFFICIAL_DOMAINS = [
  'gov.cn', '95598.cn', 'sgcc.com.cn', 'csg.cn', '10086.cn', 'chinamobile.com', 'cmlink.com', '10010.com',
  'chinaunicom.cn', 'chinaunicom.com', '189.cn', 'chinatelecom.com.cn', 'icbc.com.cn', 'ccb.com', 'abchina.com', 'boc.cn',
  'bankofchina.com', 'bankcomm.com', 'cmbchina.com', 'psbc.com', 'unionpay.com', '95516.com', 'alipay.com', 'taobao.com',
  'tmall.com', 'jd.com', 'cainiao.com', 'sf-express.com', 'ems.com.cn', 'chinapost.com.cn', '12306.cn', 'qq.com',
  'weixin.qq.com', 'douyin.com', 'edu.cn', '12333.cn', 'cib.com.cn', 'spdb.com.cn', 'cebbank.com', 'cmbc.com.cn',
  'citicbank.com', 'hxb.com.cn', 'pingan.com', '139.com', '10010.cn', 'chinalife.com.cn', 'e-chinalife.com', 'cpic.com.cn',
  'picc.com', 'piccgroup.com', '11185.cn',
];
/** Names and numbers of institutions that a look-alike domain borrows. */
export const BRAND_TOKENS = ['icbc', 'ccb', 'abchina', 'bankcomm', 'cmbchina', 'psbc', 'unionpay', 'alipay', 'taobao', 'tmall', 'jingdong', 'cainiao', 'chinapost', 'chinamobile', 'unicom', 'telecom', 'mohrss', 'chinatax', 'shebao', 'yibao', 'nhsa', 'gjj', '95588', '95533', '95599', '95566', '95559', '95555', '95580', '95516', '10086', '10010', '10000', '12123', '12333', '12306', '12366'];
