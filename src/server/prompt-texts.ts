import { findQuantities } from '../indicators/quantities.js';

/** The most numbers of a draft listed for checking; past it the model is told to find the rest. */
const MAX_LISTED_NUMBERS = 40;

/** An indicator as a prompt names it: its name, and the id and unit tools answer with. */
export interface PromptIndicator {
  name: string;
  id: string;
  unit: string;
}

export interface CompareText {
  asked: string;
  indicators: PromptIndicator[];
  /** Full names of the places to compare, or undefined for every place with a report. */
  places?: string[];
}

/** 各地比较: one indicator across places, through compare_cities, with its notes kept. */
export function compareText({ asked, indicators, places }: CompareText): string {
  const named = indicators.map((indicator) => `${indicator.name}(${indicator.id},统一单位 ${indicator.unit})`).join('、');
  const args = JSON.stringify({ indicator: asked, ...(places ? { places: places.join('、') } : {}) });
  return [
    `请比较${places ? places.join('、') : '所有有报告的地方'}的「${asked}」。${indicators.length > 1 ? `它包括:${named}。` : `指标:${named}。`}`,
    '',
    '步骤:',
    `1. 调用 compare_cities,参数 ${args}。每个地方一行,数值已换算为统一单位。`,
    '2. 用一张表列出:排名、地方、数值(统一单位)、报告原文写法、数值所属年份(as_of)、出处(doc_id 和原句 quote)。',
    '3. 逐条转述每行 note 里说的不宜直接比较之处(年份不同、城乡统一标准、下辖地区、计划数而非实际数等),不要省略。',
    '4. missing 里的地方写“报告中没有该数值”;missing_notes 里有同类指标的,照实说明。不要推测或用常识补全。',
    '5. 需要某地更多背景时,用 lookup_indicator(indicator, place) 或 search_reports(query, place),同样给出引用。',
    '',
    '结论只写报告原文支持的内容;每个数字都要带出处。',
  ].join('\n');
}

export interface OverviewText {
  place: string;
  topic?: string;
  reports: { doc_id: string; title: string; published: string; source: string }[];
  /** Indicators whose figures the place's reports hold, by name. */
  indicators: string[];
}

/** 一地概况: what the reports say about one place, figures first, then how things are done. */
export function overviewText({ place, topic, reports, indicators }: OverviewText): string {
  const reportLines = reports.map((report) => `- ${report.doc_id}《${report.title}》(${report.published}${report.source ? `,${report.source}` : ''})`);
  const focus = topic ? `,重点是「${topic}」` : '';
  const searches = topic ? `「${topic}」及其相关做法` : '社会救助、养老服务、儿童福利、残疾人福利、社会事务(婚姻、殡葬)、社会组织与社会工作';
  return [
    `请根据民政报告,概述${place}的民政工作${focus}。`,
    '',
    `${place}的报告:`,
    ...reportLines,
    '',
    indicators.length ? `报告中有数值的指标:${indicators.join('、')}。` : '报告中没有目录内指标的数值。',
    '',
    '步骤:',
    `1. ${indicators.length ? `对上面的指标调用 lookup_indicator(indicator, place="${place}"),每项取最新年份的数值,注意 previous(由…提高到…)和 qualifier(约、余、超过)。` : '跳过数值查询。'}`,
    `2. 用 search_reports(query, place="${place}") 查找${searches}的具体做法;需要上下文时用 get_passage。`,
    '3. 分节写概况,每节 2–4 条要点;每个数字、每项做法后注明出处(doc_id 和原句)。',
    '4. 报告没有提到的方面写“报告未提及”,不要用常识补充;不同年份的报告说法不同时,两者都列出并注明年份。',
  ].join('\n');
}

export interface CheckText {
  draft: string;
  place?: string;
}

/** 核对数字: every number of a draft checked against the reports, with a verdict and a citation each. */
export function checkText({ draft, place }: CheckText): string {
  const numbers = findQuantities(draft);
  const listed = numbers.slice(0, MAX_LISTED_NUMBERS).map((quantity, i) => `${i + 1}. ${contextOf(draft, quantity.start, quantity.end)}`);
  const more = numbers.length > MAX_LISTED_NUMBERS ? [`(另有 ${numbers.length - MAX_LISTED_NUMBERS} 个数字未列出,也要核对)`] : [];
  return [
    '请依据民政报告原文,核对下面稿件中的每一个数字。',
    '',
    '稿件:',
    '"""',
    draft,
    '"""',
    '',
    numbers.length ? `稿件中带单位的数字(自动识别,可能不全,年份和序号未列):\n${[...listed, ...more].join('\n')}` : '自动识别没有找到带单位的数字;请自己找出稿件中的数字。',
    '',
    '步骤:',
    `1. 逐个确定每个数字说的是哪个地方、哪个指标、哪一年${place ? `;没写地方的,按「${place}」理解` : ''}。`,
    '2. 如果你可用的工具里有 check_figure,先用它核对整段稿件(statement=稿件),再逐条复核它的结论;',
    '   结论是 not_found 或 ambiguous 的,以及没有 check_figure 时,按第 3 步查。',
    '3. 属于指标目录的数字(低保标准、养老床位数、社会组织数等,见 list_indicators)调用 lookup_indicator(indicator, place);',
    '   其他数字用 search_reports(query=关键词, place) 找到原句,必要时用 get_passage 看上下文。',
    '4. 每个数字给出结论:相符 / 不符(写出报告中的数值)/ 报告中未找到 / 有歧义(说明原因)。',
    '   注意:“提高50元”“新增200张”是变化量,不是总量或标准;年份不同、口径不同(城市与农村、计划与实际)不算相符。',
    '',
    '最后输出一张表:稿件原句 | 数字 | 结论 | 报告中的数值 | 出处(doc_id 和原句)。不要修改稿件以外的内容,也不要猜测。',
  ].join('\n');
}

/** A number with a few characters either side, on one line: enough to tell which figure is meant. */
function contextOf(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 12), start).split(/[。！？\n]/).pop() ?? '';
  const after = text.slice(end, end + 6).split(/[。！？\n，,；;]/)[0] ?? '';
  return `${before}【${text.slice(start, end)}】${after}`.replace(/\s+/g, ' ').trim();
}
