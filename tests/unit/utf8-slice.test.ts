import { describe, expect, it } from 'vitest';
import { sliceUtf8 } from '../../src/store/utf8-slice.js';

describe('a part of a UTF-8 text by UTF-16 offsets', () => {
  const text = 'ab民政报告𠀀第3段：低保标准580元。😀end';
  const bytes = Buffer.from(text, 'utf8');

  it('is what String#slice gives, for every pair of offsets', () => {
    for (let start = 0; start <= text.length + 1; start++) {
      for (let end = 0; end <= text.length + 2; end++) expect(sliceUtf8(bytes, start, end)).toBe(text.slice(start, end));
    }
  });

  it('reads a Uint8Array as well as a Buffer', () => {
    expect(sliceUtf8(new Uint8Array(bytes), 2, 6)).toBe('民政报告');
  });
});
