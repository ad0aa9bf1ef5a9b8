import { inflateSync } from 'node:zlib';

/** What the reporting route tests read: the document a report answers, its PDF, a weekly Status schedule. */

export type Section = {
  kind: string;
  id: string;
  title: string;
  rows?: (string | number | null)[][];
  columns?: { header: string }[];
  items?: { label: string; value: unknown }[];
};
export type Doc = { title: string; scope: { name: string }; sections: Section[] };
export const section = (doc: Doc, id: string) => {
  const s = doc.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};
export const fact = (doc: Doc, label: string) => section(doc, 'summary').items?.find((i) => i.label === label)?.value;

/** The text a PDF draws, as the hex strings PDFKit writes for the standard fonts, inflated. */
export function pdfHasText(pdf: Buffer, text: string): boolean {
  const raw = pdf.toString('latin1');
  let content = '';
  // Each stream is exactly /Length bytes after its "stream" line (its data may end in \r or \n).
  for (const m of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const data = pdf.subarray((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + Number(m[1]));
    try {
      content += inflateSync(data).toString('latin1');
    } catch {
      content += data.toString('latin1');
    }
  }
  return content.toLowerCase().includes(Buffer.from(text, 'latin1').toString('hex'));
}

export const weeklyStatus = {
  reportId: 'status',
  serverId: 'srv-DS1',
  period: 'Week',
  frequency: 'Weekly',
  dayOfWeek: 1,
  timeOfDay: 9 * 60,
  keep: 2,
  recipients: ['backup-admins@contoso.com'],
  format: 'PDF',
};
