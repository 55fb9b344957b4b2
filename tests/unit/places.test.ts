import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../src/places/gazetteer.js';
import { resolvePlace } from '../../src/places/resolve.js';
import { shortName } from '../../src/places/short-name.js';
import { isMinzhengError } from '../../src/errors.js';

const gazetteer = Gazetteer.load();
const resolve = (input: string) => resolvePlace(gazetteer, input);

function errorOf(input: string) {
  try {
    resolve(input);
  } catch (error) {
    if (isMinzhengError(error)) return error;
    throw error;
  }
  throw new Error(`"${input}" resolved`);
}

describe('the gazetteer', () => {
  it('holds every province-level unit, ~3 000 prefecture and county units, each with its parent', () => {
    expect(gazetteer.units.filter((unit) => unit.code.endsWith('0000'))).toHaveLength(34);
    expect(gazetteer.units.length).toBeGreaterThan(3000);
    for (const unit of gazetteer.units) {
      if (!unit.code.endsWith('0000')) expect(gazetteer.byCodeOf(unit.parent), unit.name).toBeDefined();
    }
  });

  it.each([
    ['广西壮族自治区', 'province', '广西'],
    ['内蒙古自治区', 'province', '内蒙古'],
    ['新疆维吾尔自治区', 'province', '新疆'],
    ['香港特别行政区', 'province', '香港'],
    ['恩施土家族苗族自治州', 'city', '恩施'],
    ['海西蒙古族藏族自治州', 'city', '海西'],
    ['石柱土家族自治县', 'county', '石柱'],
    ['长葛市', 'county', '长葛'],
    ['陈仓区', 'district', '陈仓'],
    ['和县', 'county', '和县'],
    ['北京市', 'city', '北京'],
  ] as const)('short name of %s is %s', (full, level, short) => {
    expect(shortName(full, level)).toBe(short);
  });
});

const PROVINCES: [string, string][] = [
  ['北京', '北京市'], ['天津', '天津市'], ['河北', '河北省'], ['山西', '山西省'], ['内蒙古', '内蒙古自治区'], ['辽宁', '辽宁省'],
  ['吉林', '吉林省'], ['黑龙江', '黑龙江省'], ['上海', '上海市'], ['江苏', '江苏省'], ['浙江', '浙江省'], ['安徽', '安徽省'],
  ['福建', '福建省'], ['江西', '江西省'], ['山东', '山东省'], ['河南', '河南省'], ['湖北', '湖北省'], ['湖南', '湖南省'],
  ['广东', '广东省'], ['广西', '广西壮族自治区'], ['海南', '海南省'], ['重庆', '重庆市'], ['四川', '四川省'], ['贵州', '贵州省'],
  ['云南', '云南省'], ['西藏', '西藏自治区'], ['陕西', '陕西省'], ['甘肃', '甘肃省'], ['青海', '青海省'], ['宁夏', '宁夏回族自治区'],
  ['新疆', '新疆维吾尔自治区'], ['台湾', '台湾省'], ['香港', '香港特别行政区'], ['澳门', '澳门特别行政区'],
];

/** [full name, code, pinyin id] of 20 prefecture-level cities and 20 counties and districts. */
const UNITS: [string, string, string][] = [
  ['许昌市', '411000', 'xuchang'], ['鹤壁市', '410600', 'hebi'], ['镇江市', '321100', 'zhenjiang'], ['郑州市', '410100', 'zhengzhou'],
  ['杭州市', '330100', 'hangzhou'], ['广州市', '440100', 'guangzhou'], ['深圳市', '440300', 'shenzhen'], ['兰州市', '620100', 'lanzhou'],
  ['南昌市', '360100', 'nanchang'], ['太原市', '140100', 'taiyuan'], ['石家庄市', '130100', 'shijiazhuang'], ['哈尔滨市', '230100', 'haerbin'],
  ['长春市', '220100', 'changchun'], ['桂林市', '450300', 'guilin'], ['柳州市', '450200', 'liuzhou'], ['菏泽市', '371700', 'heze'],
  ['日照市', '371100', 'rizhao'], ['遵义市', '520300', 'zunyi'], ['攀枝花市', '510400', 'panzhihua'], ['呼和浩特市', '150100', 'huhehaote'],
  ['清水县', '620521', 'qingshui'], ['长葛市', '411082', 'changge'], ['陈仓区', '610304', 'chencang'], ['德钦县', '533422', 'deqin'],
  ['君山区', '430611', 'junshan'], ['麦积区', '620503', 'maiji'], ['利州区', '510802', 'lizhou'], ['翔安区', '350213', 'xiangan'],
  ['腾冲市', '530581', 'tengchong'], ['托里县', '654224', 'tuoli'], ['天门市', '429006', 'tianmen'], ['余杭区', '330110', 'yuhang'],
  ['姚安县', '532325', 'yaoan'], ['高邮市', '321084', 'gaoyou'], ['如皋市', '320682', 'rugao'], ['泰兴市', '321283', 'taixing'],
  ['武胜县', '511622', 'wusheng'], ['来凤县', '422827', 'laifeng'], ['双城区', '230113', 'shuangcheng'], ['栖霞区', '320113', 'qixia'],
];

describe('place arguments', () => {
  it.each(PROVINCES)('province %s = %s', (short, full) => {
    expect(resolve(short).name).toBe(full);
    expect(resolve(full).name).toBe(full);
    expect(resolve(resolve(full).code).name).toBe(full);
  });

  it.each(UNITS)('%s by full name, short name, pinyin and code', (full, code, id) => {
    const unit = resolve(full);
    expect(unit.code).toBe(code);
    expect(resolve(code).name).toBe(full);
    if (full === '栖霞区') return; // 栖霞 and qixia also name 栖霞市 (山东): see the ambiguous cases
    expect(resolve(unit.short).name).toBe(full);
    expect(resolve(id).name).toBe(full);
    expect(resolve(` ${id.toUpperCase()} `).name).toBe(full);
  });

  it.each([
    ['朝阳区', ['朝阳区(北京市, 110105)', '朝阳区(吉林省长春市, 220104)']],
    ['鼓楼区', ['鼓楼区(江苏省南京市, 320106)', '鼓楼区(福建省福州市, 350102)']],
    ['新华区', ['新华区(河北省石家庄市, 130105)', '新华区(河南省平顶山市, 410402)']],
    ['普陀区', ['普陀区(上海市, 310107)', '普陀区(浙江省舟山市, 330903)']],
    ['栖霞', ['栖霞区(江苏省南京市, 320113)', '栖霞市(山东省烟台市, 370686)']],
  ])('%s is refused with the candidates listed', (input, candidates) => {
    const error = errorOf(input);
    expect(error.code).toBe('AMBIGUOUS_PLACE');
    for (const candidate of candidates) expect(error.message).toContain(candidate);
    expect(error.message).toMatch(/请加上所属省市或用代码/);
  });

  it.each([
    ['北京朝阳区', '110105'],
    ['北京市朝阳区', '110105'],
    ['长春市朝阳区', '220104'],
    ['吉林朝阳区', '220104'],
    ['朝阳', '211300'],
    ['吉林', '220000'],
    ['shaanxi', '610000'],
    ['shanxi', '140000'],
  ])('%s → %s (parent + name, or the highest level a name has)', (input, code) => {
    expect(resolve(input).code).toBe(code);
  });

  it('prefers the place with reports, and a province given as context', () => {
    const changchun = resolve('长春市');
    expect(resolvePlace(gazetteer, '朝阳区', { within: changchun }).code).toBe('220104');
    expect(resolvePlace(gazetteer, '朝阳区', { preferred: (unit) => unit.code === '110105' }).code).toBe('110105');
  });

  it.each(['火星', '许昌县', '123456', ''])('refuses "%s" saying what is accepted', (input) => {
    const error = errorOf(input);
    expect(error.code).toBe('UNKNOWN_PLACE');
    expect(error.message).toMatch(/许昌市.*xuchang.*411000/);
  });
});
