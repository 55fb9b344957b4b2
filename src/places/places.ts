import { Gazetteer } from './gazetteer.js';
import { MentionFinder } from './mentions.js';

/** What reading places out of text needs: the gazetteer and the index of the names it holds. */
export interface Places {
  gazetteer: Gazetteer;
  mentions: MentionFinder;
}

export function loadPlaces(gazetteer: Gazetteer = Gazetteer.load()): Places {
  return { gazetteer, mentions: new MentionFinder(gazetteer) };
}
