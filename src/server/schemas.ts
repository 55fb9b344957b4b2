import { z } from 'zod';

/**
 * Shapes shared by several tools' output schemas. Each use gets a fresh schema: a zod object used
 * twice in one tool is emitted as a JSON Schema `$ref`, which some clients cannot follow.
 */
export const citationSchema = () =>
  z
    .object({
      doc_id: z.string(),
      start: z.number().int().describe('Start offset (JavaScript string index) into get_document(doc_id).text'),
      end: z.number().int().describe('End offset (exclusive)'),
      quote: z.string().describe('Exactly text.slice(start, end)'),
    })
    .describe('Where the answer stands in the report: get_document(doc_id).text.slice(start, end) === quote');

export const levelSchema = z.enum(['province', 'city', 'county', 'district']);

export const reportSummarySchema = z.object({
  doc_id: z.string(),
  title: z.string(),
  place: z.string().describe('Full name of the place, e.g. 许昌市'),
  place_code: z.string().describe('GB/T 2260 code of the place, e.g. 411000; empty when the header names a place outside the gazetteer'),
  level: z.string().describe('province | city | county | district'),
  province: z.string(),
  published: z.string(),
  source: z.string(),
  period: z.string(),
});

export const placeArgument = z
  .union([z.string().min(1).max(400), z.array(z.string().min(1).max(40)).min(1).max(50)])
  .describe(
    'Place(s): short name, full name, pinyin or GB/T 2260 code, e.g. "许昌", "许昌市", "xuchang", "411000", "浙江"; ' +
      'several as an array or one string separated by , ， or 、 ("许昌、镇江"). A province or city also covers the reports of places inside it.',
  );

export const provinceFilter = z.string().min(1).max(40).describe('Keep places in this province, e.g. "河南", "浙江省", "内蒙古"');
export const levelFilter = levelSchema.describe('Keep places of this level: province, city (地级市 and the four municipalities), county (县, 县级市, 旗), district (市辖区)');

/**
 * A place argument as a list: arrays as given, a string split at , ， and 、. A string holding a
 * JSON array ('["许昌","镇江"]') is that array: clients that cannot send an array for a
 * string-or-array argument (the MCP Inspector CLI) send what the user typed.
 */
export function asList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : (jsonArray(value) ?? value.split(/[,，、]/))).map((item) => item.trim()).filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}

function jsonArray(text: string): string[] | undefined {
  if (!/^\s*\[[\s\S]*\]\s*$/.test(text)) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}
