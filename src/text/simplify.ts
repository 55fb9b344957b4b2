import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Convert = (text: string) => string;
let converter: Convert | undefined;
let traditionalChar: Uint8Array | undefined;

/** OpenCC's traditional → simplified conversion (opencc-js), loaded on first use (~50 ms). */
function convert(): Convert {
  if (!converter) {
    const OpenCC = require('opencc-js/t2cn') as { Converter(options: { from: string; to: string }): Convert };
    converter = OpenCC.Converter({ from: 'tw', to: 'cn' });
  }
  return converter;
}

/**
 * A flag per BMP character for every character OpenCC's TSCharacters table changes: scanning for
 * one is ~100× cheaper than converting, so simplified text (nearly all reports) is never converted.
 */
function traditionalTable(): Uint8Array {
  if (!traditionalChar) {
    const file = require.resolve('opencc-js/dict/TSCharacters');
    const table = /"([^"]*)"/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '';
    const chars = table
      .split('|')
      .map((entry) => entry.split(' '))
      .filter(([from, to]) => from && to && from !== to && from.length === 1)
      .map(([from]) => from!.charCodeAt(0));
    if (chars.length < 1000) throw new Error(`opencc-js's TSCharacters table looks damaged (${chars.length} entries)`);
    traditionalChar = new Uint8Array(0x10000);
    for (const code of chars) traditionalChar[code] = 1;
  }
  return traditionalChar;
}

export function hasTraditional(text: string): boolean {
  const table = traditionalTable();
  for (let at = 0; at < text.length; at++) if (table[text.charCodeAt(at)] === 1) return true;
  return false;
}

/**
 * Simplified characters for tokenising and extraction (兰州's 不低於 reads as 不低于), aligned with
 * the original code point by code point, so that an offset found in the result points at the same
 * character of the original and citations keep quoting the text as published. OpenCC's whole-text
 * conversion (phrases included) is kept when it is so aligned; otherwise characters are converted
 * one by one, each kept only when its conversion has the same UTF-16 length.
 */
export function simplify(text: string): string {
  if (!hasTraditional(text)) return text;
  const whole = convert()(text);
  if (aligned(text, whole)) return whole;
  const cache = new Map<string, string>();
  let out = '';
  for (const char of text) {
    let single = cache.get(char);
    if (single === undefined) {
      const converted = convert()(char);
      single = converted.length === char.length ? converted : char;
      cache.set(char, single);
    }
    out += single;
  }
  return out;
}

/** Same length is not enough: 勣→𪟝 (one unit to two) and 𡻕→岁 (two to one) would cancel out and shift everything between. */
function aligned(original: string, converted: string): boolean {
  if (original.length !== converted.length) return false;
  for (let at = 0; at < original.length; at++) {
    const a = original.charCodeAt(at);
    const b = converted.charCodeAt(at);
    if ((a >= 0xd800 && a <= 0xdfff) !== (b >= 0xd800 && b <= 0xdfff)) return false;
  }
  return true;
}
