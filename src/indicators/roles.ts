import type { Quantity } from './quantities.js';
import { clauseAt, strongSpanAt, withoutBracketsAfter } from './sentence.js';

/**
 * What a number that is not a change or an earlier value says about its place. Only `level` is
 * the place's figure; the others are kept, marked and not confident (plans and targets, parts of a
 * period, parts of a whole, computed examples, ranges), or dropped (average payments).
 */
export const FIGURE_ROLES = ['level', 'plan', 'partial_period', 'cumulative', 'subset', 'computed', 'range', 'allocated', 'other_place', 'average', 'gap'] as const;
export type FigureRole = (typeof FIGURE_ROLES)[number];

export interface RoleFinding {
  role: FigureRole;
  /** The words the role rests on: 「力争」, 「节后10天」. */
  evidence?: string;
}

/**
 * Future and intention: 拟, 计划到…, 力争, 争取达到 (争取资金 is money secured), 目标是, 将达到 (将
 * before a verb; 将+noun+verb is 把), 到2025年. Nouns such as 规划要求 or 计划生育 are not intentions.
 */
const PLAN = /(?<!虚)拟(?!定)|(?<!工作|年度)计划(?!生育|单列|内|外|经济|书|表)|力争|争取(?=[在于到达实完建提])|预计|目标(?=是|为|[:：])|将(?=在|于|到|达|提|增|新|建|实|继|进|逐|会|要|全面|陆续|再|把)|正在建设|在建|建设中|到(20\d{2})年/g;
/** A plan's words no longer hold once the sentence says what is: 目前, 现已, 截至. */
const NOW = /目前|现已|现有|截至|截止|已经|已达|现在/;
/** A count over part of a period: 节后10天, 当天, 首日, 1月29日(正月初七)至2月7日 (not 1月1日至12月31日). */
const PARTIAL_PERIOD = /(\d+|[一二三四五六七八九十两])天|当天|当日|单日|首日|(?<!\d)\d{1,2}时(?:\d{1,2}分)?|(?<!\d)(?!1月1日)\d{1,2}月\d{1,2}日[^，,。；;\d]{0,8}(至|到|—|-|～)\d{1,2}月\d{1,2}日(?<!12月31日)/;
/** One batch (这次共发放…, 此次, 节前…发放; not 提前发放2016年度… which is the whole year) of a flow: a part of the period's total. */
const ONE_BATCH = /这次|此次|本次|这批|首批|节前|节日前|春节前/;
/** What a campaign did since it began (去年12月开展专项救助行动以来): a part of a period, not a year's total. */
const SINCE_CAMPAIGN = /(行动|活动)(开展|启动|实施)?以来|入冬以来|入夏以来|入汛以来|入秋以来/;
/** A shortfall or a need (床位缺口, 需求): what the place lacks, not what it has. */
const GAP = /缺口|缺少|短缺/;
/** Those of a kind that took part in something (126个社会组织共商…, 30家企业参加): not how many there are. */
const TAKING_PART = /^[一-鿿]{0,8}?(参加|参与|出席|共商|签约|参会|入驻|(共同?)?组织开展)/;
/** Those visited (走访/慰问…低保对象12000人): a part of the people counted, not their number. */
const VISITED = /走访|慰问|看望|探望/;
/** One named institution's beds (…康养院,设置养老床位49张 / 敬老中心设有床位120张): a part of the place's. */
const ONE_INSTITUTION = /[一-鿿]{2,}(院|中心|公寓|之家)[，,]?(设置|设有|拥有|共有|开放|核定)(养老)?床位$/;

/** Money or events of one month (1月份, 当月): not a year's or a place's total. */
const ONE_MONTH = /(?<![\d][-—至到~～]|[\d][-—至到~～]\d)\d{1,2}月份|当月|本月|单月/;
/**
 * A month heading a clause (2025年10月,发放…): it dates the flows of that month. Not 截至 that month,
 * not the end of a span (1月—12月, 前10月), and (see roleOf) never a standard nor a clause that says
 * 全年/累计 of its own.
 */
const MONTH_HEADING = /(?<!(?:截至|截止|至|到)(?:(?:19|20)\d{2}年|今年|本年)?|[\d月][-—至到~～]|[\d月][-—至到~～]\d|前|\d)(?:(?:19|20)\d{2}年|今年|本年)?\d{1,2}月(?=[，,])/;
/** One quarter of a flow (第三季度, 今年二季度): not 前三季度 or 1-3季度 (the year so far) nor a quarter's end. */
const ONE_QUARTER = /(?<!前|[1-4一二三四][-—至到~～]|截至|截止)第?[一二三四1-4]季度(?!末|底)/;
/** A clause setting a standard (标准, 每人, 提高到): a month heading it is when it took effect. */
const STANDARD_SET = /标准|每人|\/人|人均|提高|调整|上调/;
/** A clause that speaks of the whole year or a sum (全年, 累计, 今年以来): not one month's. */
const WHOLE_OF_PERIOD = /全年|累计|以来|年度|年内|合计|共计/;
/**
 * A span of several years heading the sentence or the clause: 十年来, 五年来, 近三年, 2020年以来 (a
 * year before the report's), 自1988年发行以来, “十三五”期间, 连续10年, 历年. What was paid, raised or
 * done over it is a multi-year total, not one year's figure; a stock (30个中心) stays the level.
 */
const MULTI_YEAR = /(?<![\d年])([两三四五六七八九十]|十[一二三四五六七八九]|[2-9]|[1-9]\d)年(来|以来|间|中|累计|共)|(近|过去)([两三四五六七八九十]|[2-9]|[1-9]\d)年|(?<since>(?:19|20)\d{2})年(开始)?(以来|至今)|自(?<from>(?:19|20)\d{2})年[^，,。；;]{0,12}以来|十[一二三四五]五”?(期间|以来|时期|时期内)|连续([两三四五六七八九十]|[2-9]|[1-9]\d)年|历年|(发行|成立|开展|实施|开办|创办)以来/;
/**
 * 截至2022年底,…共销售福利彩票215.2亿元: a flow summed up to a date with no start said (no 今年,
 * 全年, 1-6月, YYYY年 of its own) may run from the programme's first year: not one year's figure.
 */
const UP_TO_DATE = /(截至|截止|到)[^，,。；;]{0,12}(底|末|止|为止)/;
const SUMMED = /累计|共(?!同|享|建|有)/;
const START_OF_YEAR = /今年|全年|当年|年内|本年|年度|\d{1,2}[-—至到~～]\d{1,2}月|1月(份)?以来|上半年|前三季度|(19|20)\d{2}年(?![底末])/;

function sinceUnstatedStart(before: string): string | undefined {
  const upTo = UP_TO_DATE.exec(before);
  if (!upTo || !SUMMED.test(before.slice(upTo.index)) || START_OF_YEAR.test(before.replace(upTo[0], ''))) return undefined;
  return `${upTo[0]}累计(起点未说明)`;
}

/** Flows that add up over time (money paid or raised, cases, registrations, homes adapted), unlike stocks. */
const FLOW_UNITS = /^(人次|户次|对|次|场次|件)$/;
/** A worked example or a computation, not the standard in force. */
const COMPUTED = /计算为|测算为|折合(?!人民币)|相当于|按[^，,。；;]{0,24}(计算|测算)/;
/** Average payments per recipient: what a household receives, not the standard. */
const AVERAGE = /补助水平|补差水平|补差|人均补助|人均救助|平均补助|补助水准|人均[\u4e00-\u9fff]{0,2}(?<!标准)金/;
/** A kind of the thing counted: 公益类社会组织, 护理型床位, 示范型老人家食堂, 家庭养老床位. */
const KIND_OF = /[\u4e00-\u9fff]{0,3}(?<!各|各类|互助)[类型](?:社会组织|床位|养老机构|[\u4e00-\u9fff]{0,3}(?:食堂|饭堂|助餐点|幸福院|照料中心|服务中心|服务站))|(?:社区|居家|家庭|公办|民办|公建民营|医养结合|普惠型?)(?:养老)?(?:服务)?(?:床位|养老机构)|失能|半失能/;
/** 「X中具有…资格的有9家」: those of a whole that have some property. */
const AMONG = /(?<!集)中(?![心央国华])[^，,。；;]{1,14}的(有|为|占|达)/;
/** Rated or graded ones: 四星级以上养老机构, 5A级社会组织, 等级评定. */
const RATED = /[一二三四五1-5]星级?|星级|\d?[AＡ]{1,5}级|等级/;
/** What one drive or campaign raised (“慈善一日捐”活动): a part of the period's total. */
const CAMPAIGN = /活动/;
/** A campaign named in quotes earlier in the sentence (“慈善一日捐”活动,…共募集善款…): what follows is its flow, unless the clause says 全年. */
const NAMED_CAMPAIGN = /[”"」』]\s*活动|送温暖(活动|行动|慰问)|送温暖[”"」』]/;
/**
 * Money secured from higher levels (争取, 申请到, 获得中央…), budgeted (安排, 筹措, 筹集…救助资金),
 * moved by one tier of government or its finance bureau (省级财政下达, 市财政局拨付: a transfer, one
 * tier's share of what 各级财政 spend) or held in reserve (备用金, 周转金): not what the place spent
 * or raised. Money the place itself 下达/发放 (全市共下达…) stays a level.
 */
const ALLOCATED = /争取|申请到|获得(中央|省级?|上级)|安排|筹措|筹集(?=[^，,。；;]{0,10}(救助|补助|保障)资金)|(中央|省|市|县|区)(级|本级)财政[^，,。；;]{0,8}(下达|拨付|下拨)|财政(局|厅)[^，,。；;]{0,8}(下达|拨付|下拨)/;
/** Money held in reserve (备用金, 周转金): named in the figure's own clause, since an earlier clause may only say a reserve was set up. */
const RESERVE = /备用金|周转金|储备金/;
/** One game's sales (“双色球”游戏, 即开型, 电脑票): a part of the lottery's. */
const LOTTERY_GAME = /游戏|即开型?|电脑票|双色球|刮刮乐|快乐8/;
/** A floor the text requires (要求…不低于, 确保…不低于): a rule, not the standard a place pays. */
const REQUIRED = /要求|确保|应当|须|必须|原则上/;
/** A tier of a standard or of places: 一类地区, 二档, 第三档 (一类 before 型 or 社会组织 is a kind, above). */
const TIER = /第?[一二三四五六1-6][类档](?!型|社会组织|床位)/;
/** A ring of a city's area apart from its centre (远城区, 近郊区; not 新城区, also a district's name). */
const RING = /远城区|远郊区?|近郊区?/;
/** A ring, or every part but some (各市县(海口、三亚除外), 除城区外): a part of the place, not the place. */
const AREA_PART = new RegExp(`${RING.source}|[(（][^()（）]{1,20}除外[)）]|除(?!此)[^，,。；;()（）]{0,16}(市|县|区|旗|城区|市区)(以)?外`);
/** The centre of a city (中心城区, 主城区) set apart from a ring in the same sentence: one tier of two. */
const CENTRE = /中心城区|主城区/;
/** Areas listed as sharing one value (中心城区和远城区统一…): the whole place. */
const SHARED = /统一|均为|一致|同一/;
/**
 * A group a standard is set for apart from the others: 集中供养 / 分散供养 of 特困 people, 重点保障
 * 对象 of 低保 (for orphans 集中/分散 name indicators of their own; 统一/均为 makes them one value).
 */
const GROUP_OF_STANDARD = /(集中|分散)(供养|养育)|重点(保障)?(对象|户)|全自理|半自理|全护理/;
const ORPHANS_OR_SHARED = /孤儿|儿童|统一|一致|均为|均按/;
/** The part of a standard one tier of government pays (省级补助标准, 基本生活财政补助标准): not the standard. */
const FUNDED_PART = /(?<!按照?|根据|参照|依照)(财政|省级|中央|省|市级|县级)补助标准/;
/** A one-off payment (一次性…补贴) is a programme of its own, not the indicator's regular figure. */
const ONE_OFF = /一次性/;

/** The role of a quantity in its sentence, from the scope words before it. */
export function roleOf(sentence: string, quantity: Quantity, reportYear: number | null): RoleFinding {
  if (quantity.range) return { role: 'range', evidence: sentence.slice(Math.max(0, quantity.numberStart - 8), quantity.end) };
  const clause = clauseAt(sentence, quantity.numberStart);
  const lead = sentence.slice(clause.start, quantity.start);
  const average = AVERAGE.exec(lead);
  if (average) return { role: 'average', evidence: average[0] };
  const computed = COMPUTED.exec(lead);
  if (computed) return { role: 'computed', evidence: computed[0] };
  const strong = strongSpanAt(sentence, quantity.numberStart);
  const before = sentence.slice(strong.start, quantity.start);
  const plan = lastPlanMarker(before, reportYear);
  if (plan && !NOW.test(before.slice(plan.end))) return { role: 'plan', evidence: plan.text };
  const span = (quantity.baseUnit === '元' && quantity.magnitude >= 1e4) || FLOW_UNITS.test(quantity.baseUnit) || (quantity.baseUnit === '户' && /改造/.test(lead)) ? multiYear(before, reportYear) : undefined;
  if (span) return { role: 'cumulative', evidence: span };
  const gap = GAP.exec(lead);
  if (gap) return { role: 'gap', evidence: gap[0] };
  const visited = !quantity.baseUnit.startsWith('元') ? VISITED.exec(lead) : null;
  if (visited) return { role: 'subset', evidence: visited[0] };
  const taking = !quantity.baseUnit.startsWith('元') ? TAKING_PART.exec(sentence.slice(quantity.end, quantity.end + 12)) : null;
  if (taking) return { role: 'subset', evidence: taking[1] };
  const institution = quantity.baseUnit === '张' ? ONE_INSTITUTION.exec(sentence.slice(Math.max(0, clause.start - 24), quantity.start).replace(/\s+/g, '')) : null;
  if (institution) return { role: 'subset', evidence: `${institution[1]}(一家机构)` };
  const flowing = (quantity.baseUnit === '元' && quantity.magnitude >= 1e4) || FLOW_UNITS.test(quantity.baseUnit);
  const batch = flowing ? ONE_BATCH.exec(before) : null;
  if (batch) return { role: 'partial_period', evidence: batch[0] };
  const partial = PARTIAL_PERIOD.exec(before) ?? SINCE_CAMPAIGN.exec(before);
  if (partial && !quantity.baseUnit.startsWith('元')) return { role: 'partial_period', evidence: partial[0] };
  const flow = quantity.baseUnit === '元' || /次|对/.test(quantity.baseUnit);
  const flowTotal = (quantity.baseUnit === '元' && quantity.value * quantity.magnitude >= 1e4) || /次|对/.test(quantity.baseUnit);
  const wholePeriod = WHOLE_OF_PERIOD.test(lead);
  const month = wholePeriod ? null : ONE_MONTH.exec(before) ?? (flowTotal && !STANDARD_SET.test(lead) ? MONTH_HEADING.exec(before) ?? ONE_QUARTER.exec(before) : null);
  if (month && flow) return { role: 'partial_period', evidence: month[0] };
  // What a bracket after the figure says of a part (其中护理型床位…) does not make the figure a part.
  const clauseText = withoutBracketsAfter(sentence, clause, quantity.end);
  const group = quantity.baseUnit.startsWith('元') && !ORPHANS_OR_SHARED.test(clauseText) ? GROUP_OF_STANDARD.exec(lead) : null;
  const shared = SHARED.test(before);
  const centre = RING.test(sentence) && !shared ? CENTRE.exec(lead) : null;
  const areaPart = shared ? null : AREA_PART.exec(before);
  // A campaign's own flow (“慈善一日捐”活动,…共募集), unless the clause sums the year (全年, 累计).
  const campaign = flowTotal && !wholePeriod ? NAMED_CAMPAIGN.exec(before) : null;
  const funded = quantity.baseUnit.startsWith('元') && quantity.magnitude === 1 ? FUNDED_PART.exec(lead) : null;
  if (funded) return { role: 'subset', evidence: `${funded[0]}(标准中财政补助的部分)` };
  const kind = KIND_OF.exec(clauseText) ?? RATED.exec(lead) ?? TIER.exec(lead) ?? areaPart ?? centre ?? group ?? ONE_OFF.exec(lead) ?? AMONG.exec(lead) ?? CAMPAIGN.exec(lead) ?? campaign;
  if (kind) return { role: 'subset', evidence: kind[0] };
  const game = quantity.baseUnit === '元' && quantity.magnitude >= 1e4 ? LOTTERY_GAME.exec(lead) : null;
  if (game) return { role: 'subset', evidence: game[0] };
  if (REQUIRED.test(before) && (quantity.qualifier === 'at_least' || /不低于|不少于|不得低于/.test(lead))) return { role: 'plan', evidence: '要求不低于' };
  const allocated = quantity.baseUnit === '元' && quantity.magnitude >= 1e4 ? ALLOCATED.exec(before) ?? RESERVE.exec(lead) : null;
  if (allocated) return { role: 'allocated', evidence: allocated[0] };
  // 不少于5万元 of a total or a count is a requirement; 不低于每人每月600元 of a standard is the standard's floor.
  if (quantity.qualifier === 'at_least' && (quantity.magnitude >= 1e4 || !quantity.baseUnit.startsWith('元'))) return { role: 'plan', evidence: '不少于(要求)' };
  return { role: 'level' };
}

/** The multi-year span a sentence opens with; 2024年以来 in a report of 2024 is this year so far, not several. */
function multiYear(before: string, reportYear: number | null): string | undefined {
  const match = MULTI_YEAR.exec(before);
  if (!match) return sinceUnstatedStart(before);
  const year = match.groups?.since ?? match.groups?.from;
  if (year && reportYear !== null && Number(year) >= reportYear) return undefined;
  return match[0];
}

function lastPlanMarker(text: string, reportYear: number | null): { text: string; end: number } | undefined {
  let found: { text: string; end: number } | undefined;
  for (const match of text.matchAll(PLAN)) {
    // 到2020年 in a report of 2021 looks back; only a year still to come is a target.
    if (match[1] && reportYear !== null && Number(match[1]) <= reportYear) continue;
    found = { text: match[0], end: (match.index ?? 0) + match[0].length };
  }
  return found;
}
