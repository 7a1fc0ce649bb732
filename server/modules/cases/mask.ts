import { extractEntities, type EntityKind } from '../intel/entities.ts';
import { isIdCardNumber } from '../../../shared/validators.ts';

/**
 * Masking a typical case's text for the public (典型案例): the intelligence module finds phone
 * numbers, bank cards, WeChat/QQ accounts, street addresses and amounts; ID numbers are found by
 * their check digit; a person's name after the words that introduce people in such texts
 * (被害人, 犯罪嫌疑人 …) becomes its surname and 某. Amounts become their order of size
 * ("52,000元" → "约5万元"), which keeps the lesson and drops the detail.
 */

const MASKED: Partial<Record<EntityKind, (value: string, normalized: string) => string>> = {
  mobile: () => '1**********',
  landline: () => '****-*******',
  bank_card: () => '****************',
  wechat: () => '微信号***',
  qq: () => 'QQ***',
  address: () => '某地',
  money: (_v, n) => roughAmount(Number(n)),
};

export function roughAmount(yuan: number): string {
  if (!Number.isFinite(yuan) || yuan <= 0) return '若干元';
  if (yuan >= 1e8) return `约${Math.round(yuan / 1e8)}亿元`;
  if (yuan >= 1e4) return `约${Math.round(yuan / 1e4)}万元`;
  if (yuan >= 1e3) return `约${Math.round(yuan / 1e3)}千元`;
  return yuan >= 100 ? '数百元' : '数十元';
}

// An ID number, also typed in its usual groups (370681 19520315 0028).
const ID_LIKE = /(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![0-9A-Za-z])/g;
/** Full-width digits, letters and hyphens and the ideographic space (what a Chinese input method types) as ASCII, so that every pattern below sees them. */
const halfWidth = (text: string) => text.replace(/[０-９Ａ-Ｚａ-ｚ－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
// A name: a common surname and one or two more characters, right after a word that introduces a
// person; a second given-name character is not taken when it reads as the verb or particle after it.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';
const PERSON = new RegExp(`(被害人|受害人|犯罪嫌疑人|嫌疑人|被告人|举报人|当事人)([${SURNAMES}])([\\u4e00-\\u9fa5](?:(?![在向把被从到说称的了和与及将先后因于对为是等，。、；：])[\\u4e00-\\u9fa5])?)`, 'g');

/** The text with personal data masked, and how many pieces were masked. */
export function maskForPublic(input: string): { text: string; masked: number } {
  const text = halfWidth(input);
  let masked = 0;
  const spans = extractEntities(text)
    .filter((e) => MASKED[e.kind])
    .sort((a, b) => b.start - a.start);
  let out = text;
  let lastStart = Infinity;
  for (const e of spans) {
    if (e.end > lastStart) continue; // overlapping finds: keep the later one
    out = out.slice(0, e.start) + MASKED[e.kind]!(e.value, e.normalized) + out.slice(e.end);
    lastStart = e.start;
    masked++;
  }
  out = out.replace(ID_LIKE, (id) => (isIdCardNumber(id.replace(/[ -]/g, '')) ? (masked++, '******************') : id));
  out = out.replace(PERSON, (_m, role: string, surname: string, rest: string) => (rest.startsWith('某') ? `${role}${surname}${rest}` : (masked++, `${role}${surname}某`)));
  return { text: out, masked };
}

/** What would still identify someone: anything shaped like an ID number, a mobile number or a bank card. */
export function unmaskedFindings(input: string): string[] {
  // Digits in any grouping count: spaces or hyphens between them are taken out for these tests.
  const text = halfWidth(input).replace(/(?<=\d)[ -]+(?=\d)/g, '');
  const found: string[] = [];
  if (new RegExp(ID_LIKE.source).test(text)) found.push('身份证号码');
  for (const e of extractEntities(text)) {
    if (e.kind === 'mobile' && !found.includes('手机号码')) found.push('手机号码');
    if (e.kind === 'bank_card' && !found.includes('银行卡号')) found.push('银行卡号');
  }
  return found;
}
