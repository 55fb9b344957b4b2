#!/usr/bin/env node
// Deterministic synthetic corpus for scale benchmarks.
//
//   node bench/gen-scale-corpus.mjs --factor 100 --out /tmp/scale-100 [--seed 20250901] [--force]
//
// Writes 5×factor report files in the corpus format (front matter + text). Each report is about a
// place from the built-in list below, published 2013–2025, ~13 KB of text recombined from the
// sentences of the bundled reports, with the bundled places replaced by the new place and every
// figure perturbed (×0.5–1.5, same decimals; dates — years 1949–2035, months, days — are kept so
// the text stays dated). Report n depends only on (seed, n): the corpus of factor 100 is the first
// 500 files of the corpus of factor 1000, and the same arguments give byte-identical files.
// Files are written one at a time; memory does not grow with the factor.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BUNDLED_CORPUS, MB, emitJson, numberArg, parseArgs, round } from './lib.mjs';

export const GENERATOR_VERSION = 1;
export const MARKER_FILE = '.scale-corpus.json';
const DEFAULT_SEED = 20250901;

// ---------------------------------------------------------------------------------------------
// Places: real prefecture-level cities and counties, by province.

const CITIES = {
  河北省: '石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市',
  山西省: '太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市',
  内蒙古自治区: '呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市',
  辽宁省: '沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市',
  吉林省: '长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市',
  黑龙江省: '哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市',
  江苏省: '南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 泰州市 宿迁市',
  浙江省: '杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市',
  安徽省: '合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市',
  福建省: '福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市',
  江西省: '南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市',
  山东省: '济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市',
  河南省: '郑州市 开封市 洛阳市 平顶山市 安阳市 新乡市 焦作市 濮阳市 漯河市 三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市',
  湖北省: '武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市',
  湖南省: '长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市',
  广东省: '广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市',
  广西壮族自治区: '南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市',
  海南省: '海口市 三亚市 儋州市',
  四川省: '成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市',
  贵州省: '贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市',
  云南省: '昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市',
  陕西省: '西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市',
  甘肃省: '兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市',
  青海省: '西宁市 海东市',
  宁夏回族自治区: '银川市 石嘴山市 吴忠市 固原市 中卫市',
  新疆维吾尔自治区: '乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市',
  西藏自治区: '拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市',
};

// Counties and county-level cities (level: county).
const COUNTIES = {
  河北省: '正定县 安平县 平山县 阜平县 滦平县',
  山西省: '平遥县 五台县 沁水县 壶关县',
  内蒙古自治区: '托克托县 和林格尔县',
  辽宁省: '康平县 绥中县',
  吉林省: '农安县 抚松县',
  黑龙江省: '依兰县 拜泉县',
  江苏省: '睢宁县 沭阳县 泗洪县 如东县 东海县 灌云县',
  浙江省: '安吉县 桐庐县 淳安县 德清县 长兴县 嘉善县 天台县 仙居县',
  安徽省: '肥西县 怀远县 凤阳县 霍邱县 舒城县',
  福建省: '长汀县 安溪县 霞浦县 尤溪县',
  江西省: '婺源县 井冈山市 瑞金市 兴国县 于都县',
  山东省: '郯城县 沂水县 平阴县 高青县',
  河南省: '兰考县 中牟县 林州市 固始县 西峡县 汝阳县 栾川县',
  湖北省: '竹山县 秭归县 恩施市 英山县 罗田县',
  湖南省: '韶山市 凤凰县 宁乡市 桑植县 平江县',
  广东省: '博罗县 惠东县 紫金县 丰顺县',
  广西壮族自治区: '阳朔县 合浦县 东兴市',
  四川省: '汶川县 九寨沟县 阆中市 仪陇县 苍溪县',
  贵州省: '湄潭县 赤水市 雷山县 荔波县',
  云南省: '建水县 元阳县 腾冲市 宾川县',
  陕西省: '富平县 洛川县 紫阳县 柞水县',
  甘肃省: '秦安县 甘谷县 武山县 会宁县 通渭县 临洮县 敦煌市 古浪县 民勤县',
  青海省: '贵德县',
  宁夏回族自治区: '永宁县 贺兰县 西吉县 隆德县',
  新疆维吾尔自治区: '伊宁县 库车市 和田县',
  西藏自治区: '亚东县',
};

const ADMIN_SUFFIX = /(特别行政区|自治州|自治县|地区|市辖区|市|县|区|州|盟|旗)$/;
function shortName(full) {
  const short = full.replace(ADMIN_SUFFIX, '');
  return short.length >= 2 ? short : full;
}

export function placeList() {
  const places = [];
  const add = (table, level) => {
    for (const [province, names] of Object.entries(table)) {
      for (const name of names.split(' ')) {
        places.push({ name, short: shortName(name), province, level, id: `c${String(places.length + 1).padStart(4, '0')}` });
      }
    }
  };
  add(CITIES, 'city');
  add(COUNTIES, 'county');
  const seen = new Set();
  for (const place of places) {
    for (const key of new Set([place.name, place.short])) {
      if (seen.has(key)) throw new Error(`place list: duplicate name ${key}`);
      seen.add(key);
    }
  }
  return places;
}

// Places of the bundled reports, replaced by the generated report's place.
const SOURCE_FULL = [
  '许昌市', '鹤壁市', '清水县', '镇江市', // the reports' own places
  '长葛市', '禹州市', '鄢陵县', '襄城县', '魏都区', '建安区', // 许昌's counties and districts
  '淇滨区', '山城区', '鹤山区', '浚县', '淇县', // 鹤壁's
  '丹阳市', '句容市', '扬中市', '丹徒区', '京口区', '润州区', // 镇江's
  '坡胡镇', '河街乡', '红堡镇', '秦亭镇', // towns named in the reports
];
const SOURCE_SHORT = ['许昌', '鹤壁', '清水', '镇江', '长葛', '禹州', '鄢陵', '襄城'];
const SOURCE_PROVINCES = ['河南省', '江苏省', '甘肃省'];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(...parts) {
  return crypto.createHash('sha256').update(parts.join(':')).digest().readUInt32LE(0);
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];
const intBetween = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// Source material.

/** Header between the first two `---` lines, then the body. */
function parseReport(content) {
  const lines = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0] !== '---') return { fields: {}, body: lines.join('\n') };
  const close = lines.indexOf('---', 1);
  const fields = {};
  for (const line of lines.slice(1, close)) {
    const match = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line.trim());
    if (match) fields[match[1]] = match[2];
  }
  return { fields, body: lines.slice(close + 1).join('\n') };
}

/** Sentences (ending at 。！？ plus closing quotes) and heading-like lines of the bundled reports. */
export function sourceMaterial(corpusDir = BUNDLED_CORPUS) {
  const files = fs.readdirSync(corpusDir).filter((file) => /\.(md|txt)$/.test(file)).sort();
  const sentences = [];
  const headings = [];
  const titles = [];
  for (const file of files) {
    const { fields, body } = parseReport(fs.readFileSync(path.join(corpusDir, file), 'utf8'));
    if (fields.title) titles.push(fields.title);
    for (const rawLine of body.split('\n')) {
      const line = rawLine.trim();
      if (!line) continue;
      const parts = line.match(/[^。！？]+[。！？]+[”’」』）)]*|[^。！？]+$/g) ?? [];
      for (const part of parts) {
        const sentence = part.trim();
        if (!sentence) continue;
        if (/[。！？][”’」』）)]*$/.test(sentence)) sentences.push(sentence);
        else if (sentence.length <= 40) headings.push(sentence);
        else sentences.push(`${sentence}。`);
      }
    }
  }
  if (sentences.length === 0) throw new Error(`no sentences in ${corpusDir}`);
  return { files, sentences, headings, titles };
}

// ---------------------------------------------------------------------------------------------
// One report.

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PLACE_PATTERN = new RegExp(
  [...SOURCE_FULL, ...SOURCE_SHORT].sort((a, b) => b.length - a.length).map(escape).join('|'),
  'g',
);
const PROVINCE_PATTERN = new RegExp(SOURCE_PROVINCES.map(escape).join('|'), 'g');
const NUMBER = /\d+(?:\.\d+)?/g;

function replacePlaces(text, place) {
  const full = new Set(SOURCE_FULL);
  let out = text
    .replace(PLACE_PATTERN, (match) => (full.has(match) ? place.name : place.short))
    .replace(PROVINCE_PATTERN, place.province);
  // 建安区河街乡 → 某市某市 → 某市
  const doubled = new RegExp(`(${escape(place.name)}){2,}`, 'g');
  out = out.replace(doubled, place.name);
  return out;
}

/** Every figure ×0.5–1.5 with its decimals kept; years, months and days are left alone. */
function perturbNumbers(text, rng) {
  return text.replace(NUMBER, (match, offset) => {
    const before = text[offset - 1] ?? '';
    const after = text[offset + match.length] ?? '';
    if (/[A-Za-z_]/.test(before) || /[A-Za-z_]/.test(after)) return match; // 5G, A3 …
    const value = Number(match);
    const decimals = match.includes('.') ? match.length - match.indexOf('.') - 1 : 0;
    if (decimals === 0) {
      if (match.length === 4 && value >= 1949 && value <= 2035) return match; // a year
      if (after === '月' && value >= 1 && value <= 12) return match;
      if ((after === '日' || after === '号') && value >= 1 && value <= 31 && /月/.test(text.slice(Math.max(0, offset - 3), offset))) return match;
    }
    let next = value * (0.5 + rng());
    if ((after === '%' || after === '％') && value <= 100) next = Math.min(next, 100);
    if (decimals === 0) {
      let integer = Math.round(next);
      if (value >= 1 && integer < 1) integer = 1;
      return String(integer);
    }
    return next.toFixed(decimals);
  });
}

function pad2(n) {
  return String(n).padStart(2, '0');
}

export function generateReport(n, seed, places, material) {
  const rng = mulberry32(seedOf(seed, n));
  const place = pick(rng, places);
  const year = intBetween(rng, 2013, 2025);
  const published = `${year}-${pad2(intBetween(rng, 1, 12))}-${pad2(intBetween(rng, 1, 28))}`;
  const docId = `${place.id}-${year}-${n}`;
  const title = pick(rng, [
    `${place.name}民政局${year - 1}年工作总结和${year}年工作计划`,
    `${place.name}民政事业发展综述(${year})`,
    `兜牢民生底线 书写温暖答卷——${place.name}民政工作纪实`,
    `“${place.short}这十年”看民政丨厚植民生福祉`,
    `${place.name}民政局关于${year - 1}年度民政工作情况的报告`,
    `${place.name}民政系统:让民生发展更有“温度”`,
  ]);
  const source = pick(rng, [`${place.name}民政局`, `${place.short}日报`, `${place.name}人民政府网`, `今日${place.short}`]);
  const period = pick(rng, [`${year - 1}`, `${year - 5}-${year - 1}`, `${year - 10}-${year}`]);

  // ~13 KB of body: runs of 2–6 consecutive source sentences, now and then under a heading.
  const targetBytes = intBetween(rng, 11000, 15000);
  const lines = [title];
  let bytes = Buffer.byteLength(title) + 1;
  while (bytes < targetBytes) {
    if (material.headings.length > 0 && rng() < 0.12) {
      const heading = pick(rng, material.headings);
      lines.push(heading);
      bytes += Buffer.byteLength(heading) + 1;
    }
    const start = Math.floor(rng() * material.sentences.length);
    const run = material.sentences.slice(start, start + intBetween(rng, 2, 6)).join('');
    lines.push(run);
    bytes += Buffer.byteLength(run) + 1;
  }
  const body = perturbNumbers(replacePlaces(lines.join('\n'), place), rng);
  const header = [
    '---',
    `doc_id: ${docId}`,
    `title: ${title}`,
    `place: ${place.name}`,
    `place_id: ${place.id}`,
    `province: ${place.province}`,
    `level: ${place.level}`,
    `published: ${published}`,
    `source: ${source}`,
    `period: ${period}`,
    `original: synthetic-${seed}-${String(n).padStart(6, '0')}.txt`,
    '---',
  ].join('\n');
  return { fileName: `${docId}.md`, content: `${header}\n${body}\n`, bodyBytes: Buffer.byteLength(body) };
}

// ---------------------------------------------------------------------------------------------

function prepareOut(out, force) {
  if (!fs.existsSync(out)) {
    fs.mkdirSync(out, { recursive: true });
    return;
  }
  const entries = fs.readdirSync(out);
  if (entries.length === 0) return;
  if (!entries.includes(MARKER_FILE) && !force) {
    throw new Error(`${out} is not empty and was not written by this generator; pass --force to clear its .md files`);
  }
  fs.rmSync(path.join(out, MARKER_FILE), { force: true });
  for (const entry of entries) if (entry.endsWith('.md')) fs.rmSync(path.join(out, entry));
}

export function generateCorpus({ factor, out, seed = DEFAULT_SEED, force = false, log = () => {} }) {
  const places = placeList();
  const material = sourceMaterial();
  prepareOut(out, force);
  const count = 5 * factor;
  let fileBytes = 0;
  let bodyBytes = 0;
  const digest = crypto.createHash('sha256');
  const progressStep = Math.max(1, Math.floor(count / 10));
  for (let n = 0; n < count; n++) {
    const report = generateReport(n, seed, places, material);
    fs.writeFileSync(path.join(out, report.fileName), report.content);
    digest.update(report.fileName).update(report.content);
    fileBytes += Buffer.byteLength(report.content);
    bodyBytes += report.bodyBytes;
    if (count >= 1000 && (n + 1) % progressStep === 0) log(`  ${n + 1}/${count} files`);
  }
  const marker = {
    generator: GENERATOR_VERSION,
    factor,
    seed,
    files: count,
    fileBytes,
    bodyBytes,
    sha256: digest.digest('hex'),
    sources: material.files,
    places: places.length,
  };
  fs.writeFileSync(path.join(out, MARKER_FILE), JSON.stringify(marker, null, 2) + '\n');
  return marker;
}

/** The marker of a generated corpus when it matches (factor, seed, generator) and is complete. */
export function existingCorpus(out, factor, seed = DEFAULT_SEED) {
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(out, MARKER_FILE), 'utf8'));
    if (marker.generator !== GENERATOR_VERSION || marker.factor !== factor || marker.seed !== seed) return undefined;
    const files = fs.readdirSync(out).filter((file) => file.endsWith('.md')).length;
    return files === marker.files ? marker : undefined;
  } catch {
    return undefined;
  }
}

async function main() {
  const args = parseArgs();
  const factor = numberArg(args, 'factor', 1);
  const seed = numberArg(args, 'seed', DEFAULT_SEED);
  if (!Number.isInteger(factor) || factor < 1) throw new Error('--factor must be a positive integer');
  if (typeof args.out !== 'string') throw new Error('usage: node bench/gen-scale-corpus.mjs --factor N --out DIR [--seed S] [--force]');
  const out = path.resolve(args.out);
  const started = process.hrtime.bigint();
  const marker = generateCorpus({ factor, out, seed, force: Boolean(args.force), log: (line) => console.log(line) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`scale corpus ×${factor} (seed ${seed}) → ${out}`);
  console.log(`  files written:   ${marker.files} (${marker.places} places, 2013–2025)`);
  console.log(`  text:            ${round(marker.bodyBytes / MB, 2)} MB of report text, ${round(marker.fileBytes / MB, 2)} MB on disk`);
  console.log(`  time:            ${round(seconds, 2)} s`);
  console.log(`  sha256 of files: ${marker.sha256}`);
  emitJson('gen-scale-corpus', {
    factor,
    seed,
    out,
    files: marker.files,
    text_mb: round(marker.bodyBytes / MB, 3),
    disk_mb: round(marker.fileBytes / MB, 3),
    seconds: round(seconds, 3),
    sha256: marker.sha256,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error) => {
    console.error(error.stack ?? String(error));
    process.exit(1);
  });
}
