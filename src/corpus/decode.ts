import chardet from 'chardet';

/** The encodings a Chinese report may come in, as the WHATWG decoder built into Node names them. */
const CHINESE_ENCODINGS: Record<string, string> = {
  'GB18030': 'gb18030',
  'GB2312': 'gb18030',
  'GBK': 'gb18030',
  'Big5': 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};
const MIN_CONFIDENCE = 50;

export type Decoded = { text: string; encoding: string } | { reason: string };

function strict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A report's bytes as text: UTF-8 (with or without BOM), UTF-16 by its BOM, else the Chinese
 * encoding `chardet` detects (GB18030/GBK, Big5, UTF-16 without BOM), decoded strictly by Node's
 * TextDecoder. Text that decodes in none of them is refused, never served as U+FFFD soup.
 */
export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { reason: 'empty file' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodedOrReason('utf-16le', bytes, 'UTF-16LE (BOM)');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodedOrReason('utf-16be', bytes, 'UTF-16BE (BOM)');
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8' };
  const guesses = chardet.analyse(bytes).filter((guess) => guess.confidence >= MIN_CONFIDENCE);
  for (const guess of guesses) {
    const encoding = CHINESE_ENCODINGS[guess.name];
    if (!encoding) continue;
    const text = strict(encoding, bytes);
    if (text !== undefined && !text.includes('\uFFFD')) return { text, encoding: guess.name };
  }
  const best = chardet.analyse(bytes)[0];
  return {
    reason: `not valid UTF-8, GB18030/GBK, Big5 or UTF-16 text${best ? ` (closest guess: ${best.name}, confidence ${best.confidence})` : ''}; save it as UTF-8`,
  };
}

function decodedOrReason(encoding: string, bytes: Uint8Array, name: string): Decoded {
  const text = strict(encoding, bytes);
  return text === undefined ? { reason: `declares ${name} by its byte-order mark but does not decode as it` } : { text, encoding: name };
}
