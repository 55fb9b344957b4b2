import { z } from 'zod';
import { citationSchema } from '../schemas.js';

/** A year argument: the years reports speak of (a fresh schema per use: two uses of one would be emitted as a $ref). */
export const yearArgument = () => z.number().int().min(1949).max(2100);

/** Fields a compare_cities row carries when it compares the change between two years (fresh schemas per use: no $ref). */
export function changeRowFields() {
  return {
    from_year: z.number().optional().describe('With from_year/to_year: the earlier year'),
    to_year: z.number().optional(),
    from_value: z.number().optional().describe('The value in from_year, in normalized_unit, from from_citation'),
    to_value: z.number().optional().describe('The value in to_year (also normalized_value), from citation'),
    change: z.number().optional().describe('to_value − from_value'),
    change_percent: z.number().nullable().optional().describe('change ÷ from_value × 100, one decimal'),
    arithmetic: z.string().optional().describe('The computation as text: "2012 → 2022: 1000 → 2642 元/人/月, +1642 (+164.2%)"'),
    from_citation: citationSchema().optional().describe('Where the from_year value stands'),
    series_place: z.string().optional().describe('The place the two values are for when it is a part of the row\'s place (镇江市市区)'),
  };
}
