/** Query-time synonyms: a person's word finds the report's word (最低生活保障 ↔ 低保). */
export class SynonymTable {
  private readonly alternatives = new Map<string, string[]>();

  constructor(groups: readonly (readonly string[])[]) {
    for (const group of groups) {
      for (const term of group) {
        const others = group.filter((other) => other !== term);
        const known = this.alternatives.get(term) ?? [];
        this.alternatives.set(term, [...new Set([...known, ...others])]);
      }
    }
  }

  /** The other words that mean `term`, or an empty list. */
  alternativesOf(term: string): readonly string[] {
    return this.alternatives.get(term) ?? [];
  }

  get size(): number {
    return this.alternatives.size;
  }
}
