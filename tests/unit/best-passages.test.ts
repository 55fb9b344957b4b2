import { describe, expect, it } from 'vitest';
import { shortestIds } from '../../src/search/best-passages.js';

describe('the shortest passages of a conjunction', () => {
  it('are the fewest-term ids, ties by id, as sorting them all gives', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (const [count, limit] of [[0, 8], [5, 8], [300, 8], [3000, 256], [3000, 2999]] as const) {
      const ids = Array.from({ length: count }, (_, i) => i * 3 + (next() % 3));
      const length = new Map(ids.map((id) => [id, 1 + (next() % 40)]));
      const sorted = [...ids].sort((a, b) => length.get(a)! - length.get(b)! || a - b).slice(0, limit);
      expect(shortestIds(ids, (id) => length.get(id)!, limit)).toEqual(sorted);
    }
  });
});
