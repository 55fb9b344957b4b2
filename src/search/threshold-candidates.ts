/** Slots a search's candidates have before any growing (a query at 10 000× notes up to ~16 000). */
const FIRST_ROOM = 1 << 14;

/**
 * Passages seen in some list or postings but not scored exactly yet, as parallel typed arrays by
 * slot: the sum of the scores known (words whose postings or list entries held the passage), the
 * words matched, and the listed words whose list held it (bit per word; words past 30 always count
 * as unknown). A passage id finds its slot in an open-addressing table. At 10 000× a query notes
 * up to ~16 000 passages: a Map of objects cost ~8 ms of it. One set serves every search (they
 * run one at a time): growing new arrays from 2 048 slots cost ~1 ms a search at 10 000×.
 */
export class Candidates {
  /** Passage id + 1 per table cell (0: empty), and the slot it has. */
  private keys = new Int32Array(2 * FIRST_ROOM);
  private slots = new Int32Array(2 * FIRST_ROOM);
  ids = new Int32Array(FIRST_ROOM);
  sums = new Float64Array(FIRST_ROOM);
  words = new Int32Array(FIRST_ROOM);
  seen = new Int32Array(FIRST_ROOM);
  /** Scored exactly since (or never to be): no longer a candidate. */
  gone = new Uint8Array(FIRST_ROOM);
  size = 0;

  private static shared: Candidates | undefined;

  /** The one set, emptied. */
  static empty(): Candidates {
    const candidates = (Candidates.shared ??= new Candidates());
    candidates.keys.fill(0);
    candidates.gone.fill(0, 0, candidates.size);
    candidates.size = 0;
    return candidates;
  }

  note(id: number, score: number, bit: number): void {
    const cell = this.cellOf(id);
    if (this.keys[cell] !== 0) {
      const slot = this.slots[cell]!;
      this.sums[slot] = this.sums[slot]! + score;
      this.words[slot] = this.words[slot]! + 1;
      this.seen[slot] = this.seen[slot]! | bit;
      return;
    }
    if (this.size === this.ids.length) {
      this.grow();
      this.note(id, score, bit);
      return;
    }
    const slot = this.size++;
    this.keys[cell] = id + 1;
    this.slots[cell] = slot;
    this.ids[slot] = id;
    this.sums[slot] = score;
    this.words[slot] = 1;
    this.seen[slot] = bit;
  }

  /** The slot of a passage noted, or −1. */
  slotOf(id: number): number {
    const cell = this.cellOf(id);
    return this.keys[cell] !== 0 ? this.slots[cell]! : -1;
  }

  remove(id: number): void {
    const cell = this.cellOf(id);
    if (this.keys[cell] !== 0) this.gone[this.slots[cell]!] = 1;
  }

  /** The cell holding `id`, or the empty cell where it would go (the table is at most half full). */
  private cellOf(id: number): number {
    const mask = this.keys.length - 1;
    let cell = Math.imul(id, 0x9e3779b1) & mask;
    while (this.keys[cell] !== 0 && this.keys[cell] !== id + 1) cell = (cell + 1) & mask;
    return cell;
  }

  /** Twice the room: the arrays copied, the table rebuilt. */
  private grow(): void {
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(array: T): T => {
      const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.ids = grown(this.ids);
    this.sums = grown(this.sums);
    this.words = grown(this.words);
    this.seen = grown(this.seen);
    this.gone = grown(this.gone);
    this.keys = new Int32Array(this.keys.length * 2);
    this.slots = new Int32Array(this.slots.length * 2);
    for (let slot = 0; slot < this.size; slot++) {
      const cell = this.cellOf(this.ids[slot]!);
      this.keys[cell] = this.ids[slot]! + 1;
      this.slots[cell] = slot;
    }
  }
}

/** The k best scores seen, for the threshold. */
export class TopScores {
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  get full(): boolean {
    return this.scores.length >= this.k;
  }

  get kth(): number {
    return this.scores[this.k - 1] ?? 0;
  }

  add(score: number): void {
    if (this.full && score <= this.kth) return;
    let at = this.scores.length;
    while (at > 0 && this.scores[at - 1]! < score) at--;
    this.scores.splice(at, 0, score);
    if (this.scores.length > this.k) this.scores.pop();
  }
}
