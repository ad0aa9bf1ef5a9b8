import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type {
  Cell,
  CellKind,
  PrintDocument,
  ReportChart,
  ReportSection,
  ReportTable,
} from '@dpm/domain/reporting/document';
import { chartTable, formatCell } from '@dpm/domain/reporting/document';

/** The PDF fonts: PDF's standard Helvetica, built into every reader, so no font file is read or shipped. */
const FONTS = {
  Helvetica: {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  },
};
const STANDARD_FONTS = new Set(Object.values(FONTS.Helvetica));
pdfmake.setFonts(FONTS);
// A report never loads anything: only the standard font names may be "opened", no URL at all.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

/** Rows the screen and the PDF show of one table; the CSV holds every row. */
export const MAX_ROWS_SHOWN = 1000;

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // Quote everything; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

const UNIT: Partial<Record<CellKind, string>> = { gb: ' (GB)', percent: ' (%)' };

/** A cell for a spreadsheet: numbers stay numbers (their unit in the header), times are ISO 8601 UTC. */
function csvValue(value: Cell, kind: CellKind): string | number | null {
  if (value === null || typeof value === 'string') return value;
  if (kind === 'time') return new Date(value).toISOString();
  if (kind === 'duration') return formatCell(value, kind);
  return value;
}

function tableOf(section: ReportSection): ReportTable {
  if (section.kind === 'table') return section;
  if (section.kind === 'chart') return chartTable(section);
  return {
    kind: 'table',
    id: section.id,
    title: section.title,
    columns: [
      { key: 'label', header: 'Item', kind: 'text' },
      { key: 'value', header: 'Value', kind: 'text' },
    ],
    rows: section.items.map((i) => [i.label, formatCell(i.value, i.kind, '')]),
    empty: '',
  };
}

/** The document as CSV: each section a titled block of rows, one blank line between them. */
export function toCsv(doc: PrintDocument): string {
  const lines: string[] = [csvCell(doc.title), ...doc.subtitle.map(csvCell)];
  for (const section of doc.sections) {
    const t = tableOf(section);
    lines.push('', csvCell(t.title), t.columns.map((c) => csvCell(`${c.header}${UNIT[c.kind] ?? ''}`)).join(','));
    for (const row of t.rows)
      lines.push(row.map((v, i) => csvCell(csvValue(v, t.columns[i]?.kind ?? 'text'))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const COLORS = ['#0f6cbd', '#c50f1f', '#107c10', '#8764b8'];

/** A chart drawn with pdfmake's vector canvas: bars per bucket and series, then its numbers. */
function chartContent(chart: ReportChart): Content[] {
  const width = 760;
  const height = 110;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values));
  const n = Math.max(1, chart.buckets.length);
  const slot = width / n;
  const bar = Math.max(1, (slot * 0.8) / Math.max(1, chart.series.length));
  const shapes = chart.series.flatMap((s, si) =>
    s.values.map((v, i) => ({
      type: 'rect' as const,
      x: i * slot + slot * 0.1 + si * bar,
      y: height - (v / max) * height,
      w: bar,
      h: (v / max) * height,
      color: COLORS[si % COLORS.length] ?? '#000',
    })),
  );
  return [
    { text: `${chart.description} Highest value: ${formatCell(max, chart.unit)}.`, style: 'note' },
    {
      canvas: [
        { type: 'line', x1: 0, y1: height, x2: width, y2: height, lineWidth: 0.5, lineColor: '#888' },
        ...shapes,
      ],
      margin: [0, 4, 0, 2],
    },
    { text: chart.series.map((s, i) => ({ text: `■ ${s.name}   `, color: COLORS[i % COLORS.length] })), style: 'note' },
  ];
}

function tableContent(t: ReportTable): Content {
  if (t.rows.length === 0) return { text: t.empty, style: 'note' };
  const body: TableCell[][] = [
    t.columns.map((c) => ({ text: c.header, bold: true, fillColor: '#eeeeee' })),
    ...t.rows.map((row) =>
      row.map((v, i) => ({
        text: formatCell(v, t.columns[i]?.kind ?? 'text', ''),
        alignment: (t.columns[i]?.kind ?? 'text') === 'text' ? ('left' as const) : ('right' as const),
      })),
    ),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: t.columns.map(() => 'auto'), body },
    layout: 'lightHorizontalLines',
    fontSize: 7,
  };
}

export function pdfDefinition(doc: PrintDocument): TDocumentDefinitions {
  const content: Content[] = [
    { text: doc.title, style: 'title' },
    ...doc.subtitle.map((s): Content => ({ text: s, style: 'subtitle' })),
  ];
  for (const section of doc.sections) {
    content.push({ text: section.title, style: 'section' });
    if (section.kind === 'facts') {
      content.push({
        table: {
          widths: ['auto', '*'],
          body: section.items.map((i) => [{ text: i.label, bold: true }, formatCell(i.value, i.kind)]),
        },
        layout: 'noBorders',
      });
    } else if (section.kind === 'chart') {
      content.push(...chartContent(section), tableContent(chartTable(section)));
    } else {
      content.push(tableContent(section));
      if (section.omittedRows)
        content.push({ text: `${section.omittedRows} more rows are in the CSV export.`, style: 'note' });
    }
  }
  return {
    info: { title: doc.title, subject: doc.subtitle.join(' · '), creator: 'DPM web console' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 30, 30, 36],
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 9, color: '#444444' },
      section: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      note: { fontSize: 8, color: '#444444', margin: [0, 2, 0, 2] },
    },
    footer: (page, pages) => ({
      text: `${doc.title} · page ${page} of ${pages}`,
      alignment: 'center',
      fontSize: 7,
      color: '#666666',
    }),
    content,
  };
}

/** The document as PDF (pdfmake over PDFKit). */
export async function toPdf(doc: PrintDocument): Promise<Buffer> {
  return pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
}
