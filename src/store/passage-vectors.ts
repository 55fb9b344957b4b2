/**
 * A passage's terms with their frequencies, stored with the passage (its "forward" vector): the
 * search completes a candidate's score for words whose impact lists it is missing from with one
 * point read, and scores a place's passages without reading any posting list. Layout: for each
 * distinct term in ascending id order, varint(id − previous id) then varint(frequency).
 */

/** Encodes term id → frequency. */
export function encodeVector(frequencies: ReadonlyMap<number, number>): Buffer {
  const ids = [...frequencies.keys()].sort((a, b) => a - b);
  const bytes: number[] = [];
  let previous = 0;
  for (const id of ids) {
    pushVarint(bytes, id - previous);
    pushVarint(bytes, frequencies.get(id)!);
    previous = id;
  }
  return Buffer.from(bytes);
}

/**
 * The frequencies of the wanted term ids in a vector (0 where absent), written into `out` at the
 * wanted ids' positions. `wanted` must be sorted ascending; decoding stops past the last one.
 */
export function frequenciesIn(vector: Uint8Array, wanted: readonly number[], out: number[]): void {
  for (let i = 0; i < wanted.length; i++) out[i] = 0;
  let at = 0;
  let id = 0;
  let next = 0;
  const last = wanted[wanted.length - 1] ?? -1;
  while (at < vector.length && next < wanted.length) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = vector[at++]!;
      delta += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    let frequency = 0;
    shift = 0;
    do {
      byte = vector[at++]!;
      frequency += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    id += delta;
    if (id > last) return;
    while (next < wanted.length && wanted[next]! < id) next++;
    if (wanted[next] === id) out[next] = frequency;
  }
}

function pushVarint(bytes: number[], value: number): void {
  while (value >= 0x80) {
    bytes.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  bytes.push(value);
}
