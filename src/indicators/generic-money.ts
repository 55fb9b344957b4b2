import { indicatorById } from './catalogue.js';
import { demote, valueOffset } from './figure.js';
import type { Level } from './levels.js';
import { clauseAt, previousClause } from './sentence.js';
import type { Figure, IndicatorDef } from './types.js';

/** Money named only generically (救助资金, 专项救助资金), not as 低保, 特困 or 社会救助 money. */
const GENERIC_RELIEF_MONEY = /^(专项)?救助(补助)?资金$/;
/** The kinds of relief a sentence can be about, each with the indicator of its money. */
const KINDS: readonly (readonly [RegExp, string])[] = [
  [/临时救助/, 'temporary_assistance_funds'],
  [/低保|最低生活保障/, 'dibao_funds'],
  [/特困|五保/, 'tekun_funds'],
];
/**
 * The people of a kind of relief whose money the catalogue does not count (为…医疗救助对象发放): generic
 * money paid to them is theirs, no indicator's. A list of kinds (医疗救助、教育救助等) or the umbrella
 * (社会救助, 专项救助) is the total's subject, not one kind's.
 */
const OTHER_KIND_PEOPLE = /(医疗救助|教育救助|住房救助|就业救助|受灾|灾民|流浪乞讨)[\u4e00-\u9fff]{0,4}?(对象|人员|群众|家庭|学生|人次)/g;
/** The kinds of relief a sentence may name; two or more of them, or the umbrella, make the money a total. */
const KIND_NAMES = /医疗救助|教育救助|住房救助|就业救助|临时救助|受灾|灾害救助|流浪乞讨|低保|最低生活保障|特困|五保/g;
const UMBRELLA = /专项救助|社会救助体系/;

/**
 * 「全市临时救助累计10413人次,…,支出专项救助资金1755.53万元」: generic relief money in a sentence
 * about one kind of relief only is that kind's money. With two kinds named (低保和临时救助) it stays
 * the generic total.
 */
export function narrowGenericMoney(sentence: string, sentenceStart: number, figures: Figure[]): void {
  for (const figure of figures) {
    if (figure.indicator !== 'assistance_funds') continue;
    const at = valueOffset(figure, sentenceStart);
    const clause = clauseAt(sentence, at);
    const words = /[\u4e00-\u9fff]+$/.exec(sentence.slice(clause.start, at).replace(/(共|累计|全年)?(支出|发放|投入|下达)/g, ' '))?.[0] ?? '';
    if (!GENERIC_RELIEF_MONEY.test(words)) continue;
    const before = sentence.slice(0, at);
    const named = KINDS.filter(([pattern]) => pattern.test(before));
    const kinds = new Set([...before.matchAll(OTHER_KIND_PEOPLE)].map((match) => match[1]));
    const allKinds = new Set([...before.matchAll(KIND_NAMES)].map((match) => match[0]));
    const other = kinds.size === 1 && allKinds.size === 1 && !UMBRELLA.test(before) ? [...kinds][0] : undefined;
    // 为775名城乡医疗救助对象发放救助资金532万元: medical relief's money, not 低保 and 特困's.
    if (other && named.length === 0) demote(figure, `${other}的资金`, 'subset');
    else if (named.length === 1 && !other) figure.indicator = named[0]![1];
  }
}

/** A clause that counts all the people of a kind: it opens with the whole place (全市…) or says 共有/现有. */
const WHOLE_OF_KIND = /^\s*(全[市县区省旗州盟]|共有|现有)|共有|现有/;
/** A clause that counts people: …33868人, …1.2万户. */
const PEOPLE_COUNTED = /[\d.,]+万?(人|户|名|人次|户次)$/;

/** Money paid with no benefit named in its clause: 累计发放生活、护理补贴资金, 共支出资金. */
const PAID_UNNAMED = /^(?:累计|共计|共|全年)*(?:发放|支出|拨付|兑现)(?:生活|护理|基本生活|救助|补助|补贴|[、和及])*(?:资金|金)$/;

/**
 * 「全市特困供养人员33868人,累计发放生活、护理补贴资金7621.08万元」: money paid whose clause names no
 * benefit, right after a clause counting the people of one kind of relief, is that kind's money.
 * (把13.7万名贫困户纳入低保,发放资金2.5亿元 is money for a group, and stays unread.)
 */
export function unnamedMoneyIndicator(sentence: string, level: Level): { indicator: IndicatorDef; subjectStart: number } | undefined {
  const { quantity } = level;
  if (quantity.baseUnit !== '元' || quantity.magnitude < 1e4) return undefined;
  const clause = clauseAt(sentence, quantity.numberStart);
  if (!PAID_UNNAMED.test(sentence.slice(clause.start, quantity.start).replace(/\s+/g, ''))) return undefined;
  // The clause before counts the people of one kind (全市特困供养人员33868人): the money is theirs.
  const before = previousClause(sentence, clause.start);
  const counted = before ? sentence.slice(before.start, before.end).replace(/[，,；;\s]+$/, '') : '';
  // Only the whole of a kind (全市特困供养人员…, 共有/现有…): not people newly brought in, visited, or one group of them,
  // and not money of a festival or a visit (元旦春节期间走访…).
  if (!PEOPLE_COUNTED.test(counted) || !WHOLE_OF_KIND.test(counted) || /新|纳入|走访|慰问|为/.test(counted) || /期间|春节|元旦|中秋|慰问|走访/.test(sentence)) return undefined;
  const named = KINDS.filter(([pattern]) => pattern.test(counted));
  const indicator = named.length === 1 ? indicatorById(named[0]![1]) : undefined;
  return indicator ? { indicator, subjectStart: clause.start } : undefined;
}

/** Lottery sales named only as 彩票 in a sentence that also names the sports lottery are all lotteries' sales, not the welfare lottery's. */
export function dropAllLotteries(sentence: string, sentenceStart: number, figures: Figure[]): void {
  if (!/体育彩票|体彩/.test(sentence)) return;
  for (let i = figures.length - 1; i >= 0; i--) {
    const figure = figures[i]!;
    if (figure.indicator !== 'lottery_sales') continue;
    const at = valueOffset(figure, sentenceStart);
    if (!/福利彩票|福彩/.test(sentence.slice(clauseAt(sentence, at).start, at))) figures.splice(i, 1);
  }
}
