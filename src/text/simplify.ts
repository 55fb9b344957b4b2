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
 * Simplified characters for tokenising and extraction (兰州's 不低於 reads as 不低于), of exactly the
 * same length, so that offsets found in the result point at the same characters of the original
 * and citations keep quoting the text as published. Where a phrase conversion would change the
 * length, characters are converted one by one.
 */
export function simplify(text: string): string {
  if (!hasTraditional(text)) return text;
  const whole = convert()(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const char of text) {
    const single = convert()(char);
    out += single.length === char.length ? single : char;
  }
  return out;
}
