import type { IndicatorDef } from './types.js';

const PER_MONTH = '元/人/月';
const PEOPLE = ['人', '名'];
const UNITS_OF_PLACES = ['个', '家', '所', '处'];

/**
 * Every indicator the server extracts: its names, how its figures normalise, and the words that
 * identify it in a clause. Subjects are regular expressions over report language, not sentences.
 */
export const CATALOGUE: readonly IndicatorDef[] = [
  // Standards: money per person, normalised to a month.
  { id: 'dibao_urban', name: '城市低保标准', aliases: ['城市最低生活保障标准', '城市居民最低生活保障标准', '城市低保', '城镇低保标准'], kind: 'standard', unit: PER_MONTH, subject: /(城市|城镇)(居民)?(最低生活保障|低保)|(城市|城镇)(居民)?[月年]?(平均|人均)(最低生活保障|低保)(保障)?标准/ },
  { id: 'dibao_rural', name: '农村低保标准', aliases: ['农村最低生活保障标准', '农村居民最低生活保障标准', '农村低保'], kind: 'standard', unit: PER_MONTH, subject: /(农村(牧区)?|农牧区)(居民)?(最低生活保障|低保)|(农村(牧区)?|农牧区)(居民)?[月年]?(平均|人均)(最低生活保障|低保)(保障)?标准/ },
  { id: 'dibao_unified', name: '城乡统一低保标准', aliases: ['统一低保标准', '全市低保标准', '城乡统一最低生活保障标准'], kind: 'standard', unit: PER_MONTH, subject: /(全市|全县|全区|统一的?|一体化的?)(最低生活保障|低保)标准|(最低生活保障|低保)标准(统一|并轨)|(?<![城农乡镇市村居民])(最低生活保障|低保)(月人均|年人均)?(保障)?标准|城乡(居民)?(最低生活保障|低保)(月人均|年人均)?(保障)?标准/, exclude: /城市|农村|城镇|农牧区/, clauseExclude: /分别/ },
  { id: 'tekun_urban', name: '城市特困人员基本生活标准', aliases: ['城市特困供养标准', '城市特困人员供养标准', '城市特困标准'], kind: 'standard', unit: PER_MONTH, subject: /城市特困(供养)?(人员)?/, exclude: /失能|半失能|照料护理|护理补贴|护理费|护理标准/ },
  { id: 'tekun_rural', name: '农村特困人员基本生活标准', aliases: ['农村特困供养标准', '农村特困人员供养标准', '农村特困标准'], kind: 'standard', unit: PER_MONTH, subject: /(农村(牧区)?|农牧区)特困(供养)?(人员)?|(农村)?五保(供养)?(对象)?/, exclude: /失能|半失能|照料护理|护理补贴|护理费|护理标准/ },
  { id: 'tekun_care', name: '特困人员照料护理标准', aliases: ['特困人员照料护理补贴', '特困供养人员照料护理标准', '照料护理标准'], kind: 'standard', unit: PER_MONTH, subject: /照料护理(标准|补贴)?|护理补贴标准|(?<!残疾人)护理(费|标准)/, context: /特困|供养/, exclude: /残疾|孤儿|儿童/ },
  { id: 'orphan_centralized', name: '孤儿基本生活费(集中养育)', aliases: ['集中养育孤儿基本生活费', '集中供养孤儿标准', '集中养育孤儿标准', '机构养育孤儿基本生活费'], kind: 'standard', unit: PER_MONTH, subject: /集中(养育|供养)?(孤儿)?|机构(养育|供养)(的)?孤儿/, context: /孤儿/ },
  { id: 'orphan_dispersed', name: '孤儿基本生活费(分散供养)', aliases: ['分散供养孤儿基本生活费', '分散供养孤儿标准', '散居孤儿标准', '社会散居孤儿基本生活费'], kind: 'standard', unit: PER_MONTH, subject: /分散(供养|养育)?(孤儿)?|(社会)?散居孤儿|孤儿(社会)?散居/, context: /孤儿/ },
  { id: 'orphan_basic', name: '孤儿基本生活保障标准', aliases: ['孤儿保障标准', '孤儿基本生活保障'], kind: 'standard', unit: PER_MONTH, subject: /孤儿/, exclude: /集中|分散|散居|机构养育|机构供养|照料护理|护理补贴|助学|教育|医疗|慰问|大学|院校/ },
  { id: 'de_facto_orphan', name: '事实无人抚养儿童基本生活费', aliases: ['事实无人抚养儿童基本生活保障标准', '事实无人抚养儿童标准'], kind: 'standard', unit: PER_MONTH, subject: /事实无人抚养儿童/, exclude: /照料护理|护理补贴/ },
  { id: 'disability_living_subsidy', name: '困难残疾人生活补贴标准', aliases: ['残疾人生活补贴', '困难残疾人生活补贴', '残疾人两项补贴'], kind: 'standard', unit: PER_MONTH, subject: /(困难)?残疾人生活补贴/ },
  { id: 'disability_care_subsidy', name: '重度残疾人护理补贴标准', aliases: ['重度残疾人护理补贴', '残疾人护理补贴'], kind: 'standard', unit: PER_MONTH, subject: /(重度)?残疾人护理补贴/ },
  // Counts of facilities, people, organisations.
  { id: 'street_elderly_centers', name: '街道综合养老服务中心数', aliases: ['街道综合养老服务中心', '街道养老服务中心', '街镇级养老服务综合体'], kind: 'count', unit: '个', counters: UNITS_OF_PLACES, subject: /街道(综合)?养老(服务)?中心|街镇级?养老服务综合体/ },
  { id: 'day_care_centers', name: '社区日间照料中心数', aliases: ['社区日间照料中心', '日间照料中心', '日照中心', '居家社区养老服务照料中心', '日间照料站'], kind: 'count', unit: '个', counters: UNITS_OF_PLACES, subject: /日间照料(中心|站|室)|(社区|居家)[\u4e00-\u9fff]{0,6}照料中心/ },
  { id: 'rural_happiness_homes', name: '农村幸福院数', aliases: ['农村幸福院', '幸福院', '互助幸福院'], kind: 'count', unit: '个', counters: UNITS_OF_PLACES, subject: /幸福院/ },
  { id: 'county_tekun_institutions', name: '县级特困供养机构数', aliases: ['县级特困供养机构', '县级特困供养服务机构', '特困供养机构'], kind: 'count', unit: '个', counters: UNITS_OF_PLACES, subject: /县级?特困(人员)?供养(服务)?(机构|中心)/ },
  { id: 'meal_points', name: '老年助餐点数', aliases: ['老年助餐点', '助餐点', '老年助餐场所', '老年食堂', '长者食堂', '幸福食堂', '长者饭堂', '老人家食堂'], kind: 'count', unit: '个', counters: UNITS_OF_PLACES, subject: /助餐(服务)?(点|场所|站点|服务点)|老年人?食堂|老人家食堂|长者(食堂|饭堂)|幸福食堂/ },
  { id: 'home_adaptation', name: '适老化改造户数', aliases: ['适老化改造', '家庭适老化改造', '居家适老化改造'], kind: 'count', unit: '户', counters: ['户'], subject: /适老化改造|改造/, context: /适老化/ },
  { id: 'elderly_institutions', name: '养老机构数', aliases: ['养老机构', '养老院', '养老机构数量'], kind: 'count', unit: '个', counters: UNITS_OF_PLACES, subject: /养老机构/ },
  { id: 'elderly_beds', name: '养老床位数', aliases: ['养老床位', '床位数', '养老服务床位'], kind: 'count', unit: '张', counters: ['张'], subject: /床位/, exclude: /护理型|占比|新增|不低于|每个|每所|(民政|(?<![养老年])(社会)?福利|收养性?|救助管理|精神卫生)(服务)?(机构|单位|设施)床位/, context: /养老/ },
  { id: 'social_organizations', name: '社会组织数', aliases: ['社会组织', '登记社会组织', '社会组织数量'], kind: 'count', unit: '个', counters: ['个', '家'], subject: /(?<!社区)社会组织/, exclude: /等级|新成立|新登记|引入|知名|其中|孵化|党组织|党建/ },
  { id: 'social_workers', name: '持证社会工作者数', aliases: ['持证社工', '持证社会工作者', '社会工作者', '社工人才', '社工'], kind: 'count', unit: '人', counters: PEOPLE, subject: /持证社工|持证社会工作者|社会工作持证人员|持证人员/ },
  { id: 'social_work_stations', name: '乡镇(街道)社工站数', aliases: ['社工站', '乡镇社工站', '乡镇(街道)社工站', '社会工作服务站'], kind: 'count', unit: '个', counters: UNITS_OF_PLACES, subject: /社工站|社会工作服务站/ },
  { id: 'child_directors', name: '儿童主任数', aliases: ['儿童主任'], kind: 'count', unit: '人', counters: PEOPLE, subject: /儿童主任/ },
  { id: 'child_supervisors', name: '儿童督导员数', aliases: ['儿童督导员', '儿童保护督导员'], kind: 'count', unit: '人', counters: PEOPLE, subject: /儿童(保护)?督导员/ },
  { id: 'charity_organizations', name: '慈善组织数', aliases: ['慈善组织'], kind: 'count', unit: '个', counters: ['个', '家'], subject: /慈善组织/, exclude: /管理|风险/ },
  { id: 'communities', name: '城乡社区数', aliases: ['城乡社区', '社区数', '村(社区)'], kind: 'count', unit: '个', counters: ['个'], subject: /城乡社区|村[(（]社区[)）]/, exclude: /规范化|新建|中心社区/ },
  { id: 'volunteers', name: '注册志愿者数', aliases: ['注册志愿者', '志愿者'], kind: 'count', unit: '人', counters: PEOPLE, subject: /注册志愿者/ },
  // The contract's 婚姻登记数 is the count of marriages registered: 婚姻登记 alone counts marriages and
  // divorces together (业务量), so only 结婚 names this indicator in a report.
  { id: 'marriage_registrations', name: '婚姻登记数', aliases: ['结婚登记数', '结婚登记', '登记结婚', '结婚登记对数'], kind: 'count', unit: '对', counters: ['对'], subject: /结婚|新人/, context: /结婚/, exclude: /离婚|补发|补办|补领|跨省通办|辅导|调解|颁证/ },
  { id: 'vagrant_assistance', name: '流浪乞讨人员救助人次', aliases: ['流浪乞讨人员救助', '流浪乞讨救助', '救助流浪乞讨人员'], kind: 'count', unit: '人次', counters: ['人次'], subject: /流浪乞讨|救助/, context: /流浪乞讨/, exclude: /接送|寻找|寻亲|临时救助/ },
  { id: 'temporary_assistance_cases', name: '临时救助人次', aliases: ['临时救助人次', '临时救助对象'], kind: 'count', unit: '人次', counters: ['人次'], subject: /临时救助/ },
  { id: 'assisted_people', name: '困难群众救助人次', aliases: ['救助困难群众', '困难群众救助', '兜底保障人次'], kind: 'count', unit: '人次', counters: ['人次'], subject: /(救助|兜底保障)[\u4e00-\u9fff]{0,4}困难群众|困难群众[\u4e00-\u9fff]{0,4}(得到兜底保障|救助)/, sentenceExclude: /慈善|捐|善款|帮扶和救助/, exclude: /临时救助/ },
  { id: 'disability_living_recipients', name: '困难残疾人生活补贴受益人数', aliases: ['困难残疾人生活补贴人数', '困难残疾人人数'], kind: 'count', unit: '人', counters: [...PEOPLE, ''], benefit: /^(困难)?残疾人生活补贴/, subject: /(困难)?残疾人生活补贴(人数|对象|人员)|(困难)?残疾人生活补贴(?=\s*(约|近|共)?[\d.,]+万?多?余?人)|困难残疾人(?!生活补贴)/, context: /补贴/, clauseExclude: /一次性|临时/ },
  { id: 'disability_care_recipients', name: '重度残疾人护理补贴受益人数', aliases: ['重度残疾人护理补贴人数', '重度残疾人人数'], kind: 'count', unit: '人', counters: [...PEOPLE, ''], benefit: /^(重度)?残疾人护理补贴/, subject: /(重度)?残疾人护理补贴(人数|对象|人员)|(重度)?残疾人护理补贴(?=\s*(约|近|共)?[\d.,]+万?多?余?人)|重度残疾人(?!护理补贴)/, context: /护理补贴|两项补贴/, clauseExclude: /一次性|临时/ },
  { id: 'elderly_care_training', name: '养老服务人员培训人次', aliases: ['养老护理员培训', '养老从业人员培训', '培训养老护理员'], kind: 'count', unit: '人次', counters: ['人次'], subject: /培训/, context: /养老/ },
  { id: 'dibao_recipients', name: '低保对象人数', aliases: ['低保对象', '低保人数', '城乡低保对象人数', '低保对象数'], kind: 'count', unit: '人', counters: PEOPLE, benefit: /^(城乡)?(居民)?(最低生活保障|低保)(?!标准|资金|金|边缘)/, subject: /(?<!城市|农村|城镇)(城乡)?(低保|最低生活保障)(对象|人员)|(?<!城市|农村|城镇|农牧区|居民)(城乡)?(低保|最低生活保障)(共|累计|已)?(保障|覆盖)(?=\s*(约|近|共)?\d)|(?<=(在册|共有|现有|保障|全[市县区省旗])(城乡)?)低保(?=[\d.,]+万?户[\d.,]+万?人)/, exclude: /边缘|特困|家庭中|提标|补发|惠及|其中|退出|清退|停保|取消/ },
  // Money totals, 万/亿 multiplied out.
  { id: 'lottery_sales', name: '福利彩票销售额', aliases: ['福彩销售', '福利彩票销售', '彩票销售额', '福利彩票'], kind: 'money', unit: '元', subject: /销售|销量/, context: /彩票|福彩/, exclude: /体育彩票|体彩|竞彩/ },
  { id: 'lottery_welfare_fund', name: '福彩公益金', aliases: ['福利彩票公益金', '公益金', '彩票公益金'], kind: 'money', unit: '元', subject: /公益金/, exclude: /统筹|留用|助学金|各类|使用|支出|安排/ },
  { id: 'dibao_funds', name: '低保资金', aliases: ['低保金', '城乡低保资金', '城乡低保金', '最低生活保障资金'], kind: 'money', unit: '元', subject: /(?<!城市|农村|城镇)(城乡)?(居民)?(低保|最低生活保障)(救助)?(资金|金|支出)/, exclude: /特困|五保|供养|临时救助|提标|补发/ },
  { id: 'tekun_funds', name: '特困人员救助供养资金', aliases: ['特困供养资金', '特困供养金', '五保供养资金'], kind: 'money', unit: '元', subject: /(?<!城市|农村)特困(人员)?(救助)?供养(资金|金|支出)|(?<!城市|农村)五保(供养)?(资金|金)|(?<!集中|分散)供养(资)?金/, context: /特困|五保/, exclude: /低保|临时救助|提标|补发/ },
  { id: 'assistance_funds', name: '低保及特困救助资金', aliases: ['救助资金', '低保特困救助资金', '社会救助资金', '困难群众救助资金'], kind: 'money', unit: '元', subject: /(救助(补助)?资金)|低保对象和特困人员救助|低保及特困|(低保|最低生活保障)[、和及与](特困|五保)[\u4e00-\u9fff]{0,8}(资金|供养金)|兜底保障/, exclude: /临时救助/ },
  { id: 'temporary_assistance_funds', name: '临时救助资金', aliases: ['临时救助'], kind: 'money', unit: '元', subject: /临时救助/ },
  { id: 'elderly_allowance_funds', name: '高龄津贴发放资金', aliases: ['高龄津贴资金', '尊老金', '高龄津贴'], kind: 'money', unit: '元', subject: /高龄(老人|老年人)?(发放|领取|的)?(津贴|补贴)|尊老金|长寿(优待)?(金|补贴|津贴)/, exclude: /[三多各几]类|等补贴/ },
  { id: 'disability_subsidy_funds', name: '残疾人两项补贴发放资金', aliases: ['两项补贴资金', '残疾人补贴资金'], kind: 'money', unit: '元', subject: /两项补贴|补贴资金|生活补贴|护理补贴/, context: /残疾/ },
  { id: 'charity_donations', name: '慈善募集款物', aliases: ['慈善捐赠', '募集善款', '接受捐赠', '慈善募捐'], kind: 'money', unit: '元', subject: /募集|接受[\u4e00-\u9fff]{0,2}捐赠|慈善捐赠|善款/, exclude: /捐资/ },
  { id: 'funeral_fee_waivers', name: '减免基本丧葬费', aliases: ['免除基本丧葬费', '惠民殡葬', '丧葬费减免'], kind: 'money', unit: '元', subject: /(免除|减免)[\u4e00-\u9fff]{0,4}(丧葬|殡葬)|殡葬[\u4e00-\u9fff]{0,6}(免除|减免)/ },
  // Rates.
  { id: 'cremation_rate', name: '火化率', aliases: ['遗体火化率'], kind: 'rate', unit: '%', subject: /火化率/, exclude: /火葬区|土葬改革区|城区|城镇|农村/ },
];

const BY_ID = new Map(CATALOGUE.map((indicator) => [indicator.id, indicator]));

export function indicatorById(id: string): IndicatorDef | undefined {
  return BY_ID.get(id);
}
