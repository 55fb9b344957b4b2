import type { Logger } from '../log.js';
import type { LibraryHolder } from '../start/library-holder.js';

/** What the tools are given: the holder of the library they read (asked at each call: it may still be building) and where to log. */
export interface ServerDeps {
  holder: LibraryHolder;
  logger: Logger;
}
