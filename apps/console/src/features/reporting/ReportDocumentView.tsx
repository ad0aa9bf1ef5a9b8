import { Fragment } from 'react';
import { LineChart } from '@fluentui/react-charts';
import type { ReportChart, ReportDocument, ReportSection, ReportTable } from '@dpm/domain/reporting/document';
import { chartTable, formatCell, formatUtc } from '@dpm/domain/reporting/document';

const cell = {
  borderBottom: '1px solid var(--colorNeutralStroke2)',
  padding: '3px 8px',
  textAlign: 'left',
  verticalAlign: 'top',
} as const;
const numeric = { ...cell, textAlign: 'right' } as const;
const COLORS = ['#0f6cbd', '#c50f1f', '#107c10', '#8764b8'];

/** Shown to screen readers (and printed), not drawn on screen: a chart's numbers. */
const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

function Table({ table, caption, hidden }: { table: ReportTable; caption: string; hidden?: boolean }) {
  const grouped = table.groupColumn;
  const columns = table.columns.map((c, i) => ({ ...c, i })).filter((c) => c.i !== grouped);
  let group: string | null = null;
  return (
    <table
      aria-label={caption}
      className={hidden ? 'chart-numbers' : undefined}
      style={{ borderCollapse: 'collapse', fontSize: 13, ...(hidden ? srOnly : {}) }}
    >
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" style={c.kind === 'text' ? cell : numeric}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => {
          const key = grouped === undefined ? null : String(row[grouped] ?? '');
          const header = key !== null && key !== group;
          group = key;
          return (
            <Fragment key={r}>
              {header && (
                <tr className="report-group">
                  <th
                    scope="rowgroup"
                    colSpan={columns.length}
                    style={{ ...cell, background: 'var(--colorNeutralBackground3)' }}
                  >
                    {table.columns[grouped ?? 0]?.header}: {key}
                  </th>
                </tr>
              )}
              <tr>
                {columns.map((c) => (
                  <td key={c.key} style={c.kind === 'text' ? cell : numeric}>
                    {formatCell(row[c.i] ?? null, c.kind, '')}
                  </td>
                ))}
              </tr>
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** A trend: Fluent UI's line chart, and the same numbers as a table for screen readers and print. */
function Chart({ chart }: { chart: ReportChart }) {
  const data = {
    chartTitle: chart.title,
    lineChartData: chart.series.map((s, i) => ({
      legend: s.name,
      color: COLORS[i % COLORS.length],
      data: chart.buckets.map((b, j) => ({ x: new Date(b.start), y: s.values[j] ?? 0 })),
    })),
  };
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontSize: 13, color: 'var(--colorNeutralForeground2)' }}>{chart.description}</figcaption>
      <div className="report-chart" aria-hidden="true">
        <LineChart data={data} height={220} width={720} useUTC yAxisTitle={chart.unit === 'gb' ? 'GB' : undefined} />
      </div>
      <Table table={chartTable(chart)} caption={`${chart.title} (numbers)`} hidden />
    </figure>
  );
}

function Section({ section }: { section: ReportSection }) {
  const id = `report-section-${section.id}`;
  return (
    <section aria-labelledby={id} style={{ display: 'grid', gap: 6, breakInside: 'avoid-page' }}>
      <h3 id={id} style={{ fontSize: 14, margin: '8px 0 0' }}>
        {section.title}
      </h3>
      {section.kind === 'facts' && (
        <dl
          style={{
            display: 'grid',
            gridTemplateColumns: 'max-content 1fr',
            columnGap: 16,
            rowGap: 2,
            margin: 0,
            fontSize: 13,
          }}
        >
          {section.items.map((i) => (
            <div key={i.label} style={{ display: 'contents' }}>
              <dt style={{ fontWeight: 600 }}>{i.label}</dt>
              <dd style={{ margin: 0 }}>{formatCell(i.value, i.kind)}</dd>
            </div>
          ))}
        </dl>
      )}
      {section.kind === 'chart' && <Chart chart={section} />}
      {section.kind === 'table' &&
        (section.rows.length === 0 ? (
          <p style={{ margin: 0, fontSize: 13, color: 'var(--colorNeutralForeground3)' }}>{section.empty}</p>
        ) : (
          <>
            <Table table={section} caption={section.title} />
            {section.omittedRows ? (
              <p style={{ margin: 0, fontSize: 12 }}>{section.omittedRows} more rows are in the CSV export.</p>
            ) : null}
          </>
        ))}
    </section>
  );
}

/** A report as the server produced it: its title, scope and period, then its sections. */
export function ReportDocumentView({ doc }: { doc: ReportDocument }) {
  return (
    <article
      aria-label={`${doc.title}: ${doc.scope.name}`}
      className="report-document"
      style={{ display: 'grid', gap: 8, padding: 12 }}
    >
      <header>
        <h2 style={{ fontSize: 18, margin: 0 }}>{doc.title}</h2>
        <p style={{ margin: '2px 0 0', fontSize: 13, color: 'var(--colorNeutralForeground2)' }}>
          {doc.scope.serverId === null ? 'Entire estate' : `DPM server ${doc.scope.name}`} · {doc.period} from{' '}
          {formatUtc(doc.from)} to {formatUtc(doc.to)} · grouped by {doc.groupBy.toLowerCase()} · produced{' '}
          {formatUtc(doc.generatedAt)}
        </p>
      </header>
      {doc.sections.map((s) => (
        <Section key={s.id} section={s} />
      ))}
    </article>
  );
}
