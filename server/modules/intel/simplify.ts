/**
 * Traditional characters common in scam messages and reposted case reports (docs/intel.md: several
 * real texts are in traditional script as printed), mapped one to one onto simplified ones. One
 * character for one keeps every offset, so a quote found in the mapped text is cut from the original.
 */
const PAIRS =
  '確确詢询問问撥拨雙双騙骗詐诈險险錢钱養养會会員员費费認认證证發发賬账帳账戶户號号稱称資资額额報报際际協协議议轉转與与為为這这們们將将過过對对從从時时間间門门點点擊击網网開开療疗藥药補补貼贴產产務务機机構构車车貨货幣币銀银購购買买賣卖價价領领給给還还讓让說说請请詳详話话電电碼码體体驗验關关聯联係系經经營营獲获權权債债樓楼統统壽寿傳传銷销單单簽签約约紅红懷怀導导計计劃划歲岁個个萬万億亿實实業业華华國国區区縣县鎮镇鄉乡醫医溫温異异櫃柜臺台臉脸識识別别職职負负責责擔担後后廣广聲声減减鍛锻煉炼彈弹蛻蜕變变節节級级覺觉處处麼么嗎吗幫帮豬猪盤盘遊游戲戏裝装備备貸贷徵征復复歸归凍冻結结銷销註注冊册絡络頁页據据鑰钥匙匙門门號号碼码啟启動动態态滿满額额貴贵優优惠惠獎奖額额現现託托護护屬属總总處处辦办險险繳缴納纳齡龄證证愛爱義义務务禮礼雞鸡蛋蛋場场館馆聽听課课講讲師师專专紀纪龍龙鳳凤園园壹壹貳贰參参陸陆週周邊边細细節节務务東东閉闭條条則则響响爺爷飛飞續续規规調调繫系楊杨換换兌兑積积錯错誤误應应種种線线歷历卻却勞劳';
const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i], PAIRS[i + 1]);

export const toSimplified = (text: string) => {
  let out = '';
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
};
