import type { Bucket, Period } from './period';

/**
 * A report as data: what the console renders, the CSV and PDF exports print and a schedule keeps
 * as an Available report. Every report of the Reporting work area builds one of these, so each
 * output is written once for all reports. Times are epoch milliseconds (UTC), sizes GB.
 */
export type CellKind = 'text' | 'number' | 'time' | 'gb' | 'percent' | 'duration';
export type Cell = string | number | null;

export interface ReportColumn {
  key: string;
  header: string;
  kind: CellKind;
}

export interface ReportTable {
  kind: 'table';
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** What the table says when it has no rows. */
  empty: string;
  /** Rows come group after group on this column (the report's Group by), when set. */
  groupColumn?: number;
  /** Rows the screen and the PDF leave out of a long table (the CSV holds them all). */
  omittedRows?: number;
}

export interface ReportChart {
  kind: 'chart';
  id: string;
  title: string;
  /** One sentence on what the trend shows; the chart's numbers are also its table. */
  description: string;
  unit: CellKind;
  buckets: Bucket[];
  series: { name: string; values: number[] }[];
}

export interface ReportFacts {
  kind: 'facts';
  id: string;
  title: string;
  items: { label: string; value: Cell; kind: CellKind }[];
}

export type ReportSection = ReportTable | ReportChart | ReportFacts;

export const REPORT_IDS = [
  'status',
  'protection',
  'recovery',
  'disk-utilization',
  'tape-management',
  'tape-utilization',
] as const;
export type ReportId = (typeof REPORT_IDS)[number];

/** DPM's report names, as the Reporting work area of DPM's console lists them, in DPM's order. */
export const REPORT_NAMES: Record<ReportId, string> = {
  status: 'Status',
  protection: 'Protection',
  recovery: 'Recovery',
  'disk-utilization': 'Disk Utilization',
  'tape-management': 'Tape Management',
  'tape-utilization': 'Tape Utilization',
};

export const GROUP_BY = ['Protection group', 'Computer'] as const;
export type ReportGroupBy = (typeof GROUP_BY)[number];

export interface ReportDocument {
  reportId: ReportId;
  title: string;
  /** The DPM server the report is for, or the whole estate (serverId null). */
  scope: { serverId: string | null; name: string };
  period: Period;
  from: number;
  to: number;
  generatedAt: number;
  groupBy: ReportGroupBy;
  sections: ReportSection[];
}

/** The table of a chart's numbers: one row per bucket (screen readers, CSV, PDF). */
export function chartTable(chart: ReportChart): ReportTable {
  return {
    kind: 'table',
    id: `${chart.id}-numbers`,
    title: chart.title,
    columns: [
      { key: 'period', header: 'Period starting', kind: 'text' },
      ...chart.series.map((s, i) => ({ key: `s${i}`, header: s.name, kind: chart.unit })),
    ],
    rows: chart.buckets.map((b, i) => [b.label, ...chart.series.map((s) => s.values[i] ?? 0)]),
    empty: 'No data in this period.',
  };
}

/** The document with each table cut to `max` rows (the screen and the PDF); the CSV keeps them all. */
export function limitRows(doc: ReportDocument, max: number): ReportDocument {
  return { ...doc, sections: limitSectionRows(doc.sections, max) };
}

export function limitSectionRows(sections: ReportSection[], max: number): ReportSection[] {
  return sections.map((s) =>
    s.kind === 'table' && s.rows.length > max
      ? { ...s, rows: s.rows.slice(0, max), omittedRows: (s.omittedRows ?? 0) + s.rows.length - max }
      : s,
  );
}

/** Rounds to two decimals, as the reports print sizes and rates. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Adds `n` to `values[i]` (a bucket of a chart series) when `i` is a bucket. */
export function addAt(values: number[], i: number, n = 1): void {
  if (i >= 0 && i < values.length) values[i] = (values[i] ?? 0) + n;
}

/** What the CSV and PDF exports print: a report, or a readiness check run. */
export interface PrintDocument {
  title: string;
  /** Lines under the title: scope, period, when it was produced. */
  subtitle: string[];
  sections: ReportSection[];
  /** File name without extension. */
  fileName: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A simulated time as the reports print it, in UTC. */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`
  );
}

export function formatDurationMs(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
}

/** A cell as text, by its column's kind; null prints as `none`. */
export function formatCell(value: Cell, kind: CellKind, none = '—'): string {
  if (value === null) return none;
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'time':
      return formatUtc(value);
    case 'gb':
      return value >= 1024 ? `${(value / 1024).toFixed(2)} TB` : `${round2(value)} GB`;
    case 'percent':
      return `${round2(value)} %`;
    case 'duration':
      return formatDurationMs(value);
    default:
      return String(value);
  }
}

export function printable(doc: ReportDocument): PrintDocument {
  const day = (ms: number) => formatUtc(ms).slice(0, 10);
  return {
    title: doc.title,
    subtitle: [
      `${doc.scope.serverId === null ? 'Entire estate' : `DPM server ${doc.scope.name}`} · ${doc.period} from ` +
        `${formatUtc(doc.from)} to ${formatUtc(doc.to)} · grouped by ${doc.groupBy.toLowerCase()}`,
      `Produced ${formatUtc(doc.generatedAt)} (simulated clock)`,
    ],
    sections: doc.sections,
    fileName: `${doc.reportId}-${doc.scope.name.replace(/[^A-Za-z0-9-]+/g, '_')}-${day(doc.generatedAt)}`,
  };
}
