/**
 * The words that frame a question rather than name its topic: 哪个…最高, 各地…比较, 有多少, 怎么做的.
 * They are read for what the question asks (a count, a ranking) and left out of the words a
 * passage must match. The index never sees this list: it changes queries only.
 */

/** Words of the frame, as jieba cuts them (多少, 什么, 怎么 … are stop words already). */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  (
    '各地 各个 各县 各市 几个 几家 几所 几张 几 哪 哪个 哪里 哪儿 哪些 哪家 最高 最多 最少 最低 最大 比较 对比 比一比 排名 排行 ' +
    '做法 好做法 做得 搞 搞得 怎么样 一下 咋 咋样 能拿 拿 卖 卖得 得 呢 吧 吗 啥 现在 目前是 是不是 具体 一共 总共 地方'
  ).split(' '),
);

/** 有多少, 多少钱, 几个, 是多少, 提高了多少: the answer is a number. */
const QUANTITY = /多少|几[个家所张人户名次项条处]|有几|是几|一共|总共|提高了|增加了|增长了/;

/** 各地, 哪个…最高, 比较: the answer is one row per place. */
const COMPARISON = /各地|各个?(地方|城市|市|县|区)|哪[个些里儿家]?(地方|城市|市|县|区)?.{0,12}(最高|最多|最少|最低|最大|第一)|比较|对比|排名|排行|比一比/;

export function asksForQuantity(question: string): boolean {
  return QUANTITY.test(question);
}

export function asksForComparison(question: string): boolean {
  return COMPARISON.test(question);
}

/** 提高了多少, 变化, 趋势, 历年: the answer is how a figure moved (a series and the changes the reports state). */
const CHANGE = /(提高|增加|增长|上涨|涨|下降|减少)了(多少)?|变化|趋势|历年|逐年|这些年|多年来/;

export function asksForChange(question: string): boolean {
  return CHANGE.test(question);
}

/** A ranking question (哪个最高) wants the top row first; 最少/最低 ask for the other end. */
export function asksForLowest(question: string): boolean {
  return /最少|最低/.test(question) && !/最高|最多/.test(question);
}
