// Plainly fictitious people for demo and scale data: names from a short list, phones in
// the 139-0000 block (never a real subscriber's range in our demos).
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '建国 秀英 桂兰 志强 丽华 海燕 春梅 德明 玉珍 国庆 红霞 晓东 文华 淑珍 卫东 小红 永红 爱民 新华 素芬 凤英 明亮 金凤 立新 雪梅 振华 秋菊 建军 桂芳 俊杰'.split(' ');

export function fakeName(n: number): string {
  const surname = SURNAMES[n % SURNAMES.length];
  const given = GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length];
  return surname + given;
}

/** 139 followed by n in 8 digits: 13900000001, 13900000002 …, obviously made up. */
export function fakePhone(n: number): string {
  return `139${String(n % 1e8).padStart(8, "0")}`;
}
