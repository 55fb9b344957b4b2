import type { Passage, Report } from '../corpus/types.js';
import type { ReportSummary } from '../store/types.js';
import type { Places } from '../places/places.js';
import { extractChanges, type ChangeFigure } from './changes.js';

/**
 * The changes of the corpus, read from a report the first time one of its changes is asked for
 * (a place's reports only, for a place question), then kept. They are not in the index: levels
 * are what most questions need, and a report's changes take a few milliseconds to read.
 */
export class ChangeBook {
  private readonly byDoc = new Map<string, ChangeFigure[]>();
  private places: Places | undefined;

  constructor(
    /** Read when a change is first asked for (a SQLite store reads its report list then). */
    private readonly reportsOf: () => readonly ReportSummary[],
    /** A report with its text, read only when its changes are first asked for (a large store keeps texts on disk). */
    private readonly reportOf: (docId: string) => Report | undefined,
    private readonly passagesOf: (docId: string) => readonly Passage[],
    private readonly loadPlaces: () => Places,
  ) {}

  /** The gazetteer's names for reading text (check_figure reads statements with them too). */
  readingPlaces(): Places {
    this.places ??= this.loadPlaces();
    return this.places;
  }

  private ofReport(summary: ReportSummary): ChangeFigure[] {
    let changes = this.byDoc.get(summary.meta.doc_id);
    if (!changes) {
      const report = this.reportOf(summary.meta.doc_id);
      changes = report ? extractChanges(report, this.passagesOf(report.meta.doc_id), this.readingPlaces()) : [];
      this.byDoc.set(summary.meta.doc_id, changes);
    }
    return changes;
  }

  /** Changes of some indicators, in reports of some places (full names; all when undefined): confident ones unless asked. */
  changesOf(indicatorIds: ReadonlySet<string>, reportPlaces?: ReadonlySet<string>, includeUncertain = false): ChangeFigure[] {
    return this.reportsOf()
      .filter((report) => reportPlaces === undefined || reportPlaces.has(report.meta.place))
      .flatMap((report) => this.ofReport(report))
      .filter((change) => indicatorIds.has(change.indicator) && (includeUncertain || change.confidence === 'high'));
  }
}
