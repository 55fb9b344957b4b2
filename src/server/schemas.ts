import { z } from 'zod';

/** Shapes shared by several tools' output schemas. */
export const citationSchema = z
  .object({
    doc_id: z.string(),
    start: z.number().int().describe('Start offset (JavaScript string index) into get_document(doc_id).text'),
    end: z.number().int().describe('End offset (exclusive)'),
    quote: z.string().describe('Exactly text.slice(start, end)'),
  })
  .describe('Where the answer stands in the report: get_document(doc_id).text.slice(start, end) === quote');

export const reportSummarySchema = z.object({
  doc_id: z.string(),
  title: z.string(),
  place: z.string(),
  province: z.string(),
  published: z.string(),
  source: z.string(),
  period: z.string(),
});

export const placeArgument = z
  .union([z.string().min(1).max(40), z.array(z.string().min(1).max(40)).min(1).max(50)])
  .describe('Place(s) to keep: short name, full name or id, e.g. "许昌", "许昌市", "xuchang", or ["许昌", "镇江"]');

export function asList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}
