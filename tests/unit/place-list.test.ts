import { describe, expect, it } from 'vitest';
import { asList } from '../../src/server/schemas.js';

describe('asList: a place argument as a list', () => {
  it.each([
    [undefined, undefined],
    ['许昌', ['许昌']],
    ['镇江,许昌', ['镇江', '许昌']],
    ['镇江，许昌', ['镇江', '许昌']],
    ['镇江、 许昌、', ['镇江', '许昌']],
    [['镇江', ' 许昌 '], ['镇江', '许昌']],
    ['["许昌","镇江"]', ['许昌', '镇江']],
    [' ["许昌", "镇江"] ', ['许昌', '镇江']],
    ['[许昌,镇江]', ['[许昌', '镇江]']],
    ['[1,2]', ['[1', '2]']],
    [' , 、', undefined],
  ] as [string | string[] | undefined, string[] | undefined][])('%j → %j', (value, expected) => {
    expect(asList(value)).toEqual(expected);
  });
});
