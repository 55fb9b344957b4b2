import type { Tokenizer } from './tokenizer.js';

/** A tokenizer whose dictionaries are loaded when first used or when `load` is called (after a server's handshake). */
export interface LazyTokenizer extends Tokenizer {
  load(): void;
}

export function lazyTokenizer(loadTokenizer: () => Tokenizer): LazyTokenizer {
  let loaded: Tokenizer | undefined;
  const get = () => (loaded ??= loadTokenizer());
  return {
    load: () => void get(),
    tokenize: (text) => get().tokenize(text),
    cut: (text) => get().cut(text),
    words: (text) => get().words(text),
    dictionaryWordsIn: (text) => get().dictionaryWordsIn(text),
  };
}
