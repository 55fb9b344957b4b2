import type { PlaceLevel } from './types.js';

/** The 55 minority nationalities, as 自治区/州/县/旗 names carry them before their suffix. */
const NATIONALITIES = (
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
  '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 ' +
  '塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
).split(' ');

const NATIONALITY_AT_END = new RegExp(`(${[...NATIONALITIES].sort((a, b) => b.length - a.length).join('|')})族?$`);

const SUFFIXES: Record<PlaceLevel, RegExp> = {
  province: /(省|市|自治区|特别行政区)$/,
  city: /(市|地区|盟|自治州)$/,
  county: /(自治县|自治旗|林区|特区|县|市|旗)$/,
  district: /(区)$/,
};

/**
 * The name people write for a unit: 许昌 for 许昌市, 广西 for 广西壮族自治区, 恩施 for 恩施土家族苗族自治州,
 * 清水 for 清水县. Stripping stops before it would leave a single character (和县 stays 和县).
 */
export function shortName(full: string, level: PlaceLevel): string {
  let short = full.replace(SUFFIXES[level], '');
  if (/自治/.test(full)) {
    for (let stripped = short.replace(NATIONALITY_AT_END, ''); stripped !== short && stripped.length >= 2; ) {
      short = stripped;
      stripped = short.replace(NATIONALITY_AT_END, '');
    }
  }
  return short.length >= 2 ? short : full;
}
