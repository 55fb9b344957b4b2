import type { ReportMeta } from './types.js';

const FENCE = '---';

export const META_KEYS: readonly (keyof ReportMeta)[] = [
  'doc_id',
  'title',
  'place',
  'place_id',
  'place_code',
  'province',
  'level',
  'published',
  'source',
  'period',
  'original',
];

export interface ParsedFile {
  /** Keys found in the header; null when the file has no front matter at all. */
  fields: Record<string, string> | null;
  body: string;
}

/** Splits `---\nkey: value\n---\nbody` into its fields and body. Values are single-line strings. */
export function parseFrontMatter(content: string): ParsedFile {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith(`${FENCE}\n`)) return { fields: null, body: text };
  const close = text.indexOf(`\n${FENCE}\n`, FENCE.length);
  const closeAtEnd = text.endsWith(`\n${FENCE}`) ? text.length - FENCE.length - 1 : -1;
  const headerEnd = close >= 0 ? close : closeAtEnd;
  if (headerEnd < 0) return { fields: null, body: text };
  const fields: Record<string, string> = {};
  for (const line of text.slice(FENCE.length + 1, headerEnd).split('\n')) {
    const match = /^([A-Za-z_]+)\s*[:：]\s*(.*)$/.exec(line.trim());
    if (match?.[1]) fields[match[1]] = unquote(match[2] ?? '');
  }
  const bodyStart = Math.min(text.length, headerEnd + FENCE.length + 2);
  return { fields, body: text.slice(bodyStart) };
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^"(.*)"$/.exec(trimmed) ?? /^'(.*)'$/.exec(trimmed);
  return quoted?.[1] ?? trimmed;
}

export function serializeFrontMatter(meta: ReportMeta, body: string): string {
  const header = META_KEYS.map((key) => `${key}: ${meta[key]}`).join('\n');
  return `${FENCE}\n${header}\n${FENCE}\n${body.endsWith('\n') ? body : `${body}\n`}`;
}
