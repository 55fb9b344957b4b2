import { describe, expect, it } from 'vitest';
import { compareAcrossPlaces } from '../../src/compare.js';
import type { Figure } from '../../src/indicators/types.js';

function figure(overrides: Partial<Figure>): Figure {
  return {
    indicator: 'dibao_urban',
    place: '许昌市',
    sub_place: false,
    report_place: '许昌市',
    doc_id: 'xuchang-2025',
    published: '2025-09',
    value: 700,
    unit: '元',
    written: '700元',
    normalized_value: 700,
    normalized_unit: '元/人/月',
    qualifier: 'exact',
    as_of: 2025,
    as_of_source: 'text',
    citation: { doc_id: 'xuchang-2025', start: 0, end: 5, quote: '700元' },
    ...overrides,
  };
}

describe('compareAcrossPlaces', () => {
  it('takes the newest figure of a place and notes what the older report said', () => {
    const older = figure({ doc_id: 'xuchang-2021', published: '2021-12-24', as_of: 2021, value: 600, written: '600元', normalized_value: 600 });
    const { rows } = compareAcrossPlaces(['许昌市'], [older, figure({})]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.figure.normalized_value).toBe(700);
    expect(rows[0]?.notes.join()).toMatch(/较早的报告\(xuchang-2021,2021-12-24\)为600元/);
  });

  it('ranks by normalised value, nulls last, and notes different years', () => {
    const { rows } = compareAcrossPlaces(
      ['许昌市', '鹤壁市', '清水县'],
      [
        figure({}),
        figure({ place: '鹤壁市', report_place: '鹤壁市', doc_id: 'hebi-2022', as_of: 2022, normalized_value: 630 }),
        figure({ place: '清水县', report_place: '清水县', doc_id: 'qingshui-2025', normalized_value: null, note: '原文未注明按月还是按年' }),
      ],
    );
    expect(rows.map((row) => row.place)).toEqual(['许昌市', '鹤壁市', '清水县']);
    expect(rows[0]?.notes.join()).toMatch(/年份不同\(2022–2025\)/);
    expect(rows[2]?.notes.join()).toMatch(/未注明/);
  });

  it('prefers a whole-place figure to a sub-place one, and notes a sub-place when it is all there is', () => {
    const sub = figure({ place: '长葛市', sub_place: true, normalized_value: 650 });
    expect(compareAcrossPlaces(['许昌市'], [sub, figure({})]).rows[0]?.figure.place).toBe('许昌市');
    const only = compareAcrossPlaces(['许昌市'], [sub]).rows[0];
    expect(only?.notes.join()).toMatch(/长葛市/);
  });

  it('lists a place without figures as missing, and uses a related figure with its note', () => {
    const unified = figure({ indicator: 'dibao_unified', place: '镇江市', report_place: '镇江市', normalized_value: 820 });
    const result = compareAcrossPlaces(['许昌市', '镇江市', '鹤壁市'], [figure({})], [unified], '城乡统一标准');
    expect(result.missing).toEqual(['鹤壁市']);
    expect(result.rows.find((row) => row.place === '镇江市')?.notes).toContain('城乡统一标准');
  });
});
