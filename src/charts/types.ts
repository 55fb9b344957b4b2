/** One bar of a ranking: a place and its normalised value. */
export interface Bar {
  label: string;
  value: number;
  /** Shown after the value, e.g. the year it holds for. */
  detail?: string;
}

export interface BarChart {
  title: string;
  unit: string;
  bars: Bar[];
  /** A line under the bars: where the figures come from, what was left out. */
  footnote?: string;
}
