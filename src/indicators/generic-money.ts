import { clauseAt } from './sentence.js';
import type { Figure } from './types.js';

/** Money named only generically (救助资金, 专项救助资金), not as 低保, 特困 or 社会救助 money. */
const GENERIC_RELIEF_MONEY = /^(专项)?救助(补助)?资金$/;
/** The kinds of relief a sentence can be about, each with the indicator of its money. */
const KINDS: readonly (readonly [RegExp, string])[] = [
  [/临时救助/, 'temporary_assistance_funds'],
  [/低保|最低生活保障/, 'dibao_funds'],
  [/特困|五保/, 'tekun_funds'],
];

/**
 * 「全市临时救助累计10413人次,…,支出专项救助资金1755.53万元」: generic relief money in a sentence
 * about one kind of relief only is that kind's money. With two kinds named (低保和临时救助) it stays
 * the generic total.
 */
export function narrowGenericMoney(sentence: string, sentenceStart: number, figures: Figure[]): void {
  for (const figure of figures) {
    if (figure.indicator !== 'assistance_funds') continue;
    const at = figure.citation.start - sentenceStart + figure.citation.quote.indexOf(figure.written);
    const clause = clauseAt(sentence, at);
    const words = /[\u4e00-\u9fff]+$/.exec(sentence.slice(clause.start, at).replace(/(共|累计|全年)?(支出|发放|投入|下达)/g, ' '))?.[0] ?? '';
    if (!GENERIC_RELIEF_MONEY.test(words)) continue;
    const named = KINDS.filter(([pattern]) => pattern.test(sentence.slice(0, at)));
    if (named.length === 1) figure.indicator = named[0]![1];
  }
}
