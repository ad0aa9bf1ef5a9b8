import { Fragment, type ReactNode } from 'react';
import { LineChart } from '@fluentui/react-charts';
import type { ReportChart, ReportDocument, ReportSection, ReportTable } from '@dpm/domain/reporting/document';
import { chartTable, formatCell, formatUtc } from '@dpm/domain/reporting/document';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Cell, PlainTable, useCellClass } from '../../components/PlainTable';
import { useLayoutStyles } from '../../components/layout';
import { useReportingStyles } from './styles';

const COLORS = ['#0f6cbd', '#c50f1f', '#107c10', '#8764b8'];

const useStyles = makeStyles({
  /** Shown to screen readers (and printed), not drawn on screen: a chart's numbers. */
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    padding: 0,
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  group: { background: tokens.colorNeutralBackground3 },
  figure: { margin: 0 },
  caption: { fontSize: '13px', color: tokens.colorNeutralForeground2 },
  section: { display: 'grid', gap: tokens.spacingVerticalSNudge, breakInside: 'avoid-page' },
  sectionTitle: { margin: '8px 0 0' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: '13px',
  },
  fact: { display: 'contents' },
  value: { margin: 0 },
});

function Table({ table, caption, hidden }: { table: ReportTable; caption: string; hidden?: boolean }) {
  const grouped = table.groupColumn;
  const columns = table.columns.map((c, i) => ({ ...c, i })).filter((c) => c.i !== grouped);
  let group: string | null = null;
  const styles = useStyles();
  return (
    <PlainTable
      label={caption}
      density="compact"
      className={hidden ? mergeClasses('chart-numbers', styles.srOnly) : undefined}
      columns={columns.map((c) => ({ key: c.key, header: c.header, numeric: c.kind !== 'text' }))}
    >
      {table.rows.map((row, r) => {
        const key = grouped === undefined ? null : String(row[grouped] ?? '');
        const header = key !== null && key !== group;
        group = key;
        return (
          <Fragment key={r}>
            {header && (
              <tr className="report-group">
                <GroupHeader span={columns.length}>
                  {table.columns[grouped ?? 0]?.header}: {key}
                </GroupHeader>
              </tr>
            )}
            <tr>
              {columns.map((c) => (
                <Cell key={c.key} numeric={c.kind !== 'text'}>
                  {formatCell(row[c.i] ?? null, c.kind, '')}
                </Cell>
              ))}
            </tr>
          </Fragment>
        );
      })}
    </PlainTable>
  );
}

/** The heading row of a group of rows (a table grouped by protection group, computer…). */
function GroupHeader({ span, children }: { span: number; children: ReactNode }) {
  const styles = useStyles();
  const cell = useCellClass();
  return (
    <th scope="rowgroup" colSpan={span} className={mergeClasses(cell, styles.group)}>
      {children}
    </th>
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
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{chart.description}</figcaption>
      <div className="report-chart" aria-hidden="true">
        <LineChart data={data} height={220} width={720} useUTC yAxisTitle={chart.unit === 'gb' ? 'GB' : undefined} />
      </div>
      <Table table={chartTable(chart)} caption={`${chart.title} (numbers)`} hidden />
    </figure>
  );
}

function Section({ section }: { section: ReportSection }) {
  const id = `report-section-${section.id}`;
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h3 id={id} className={mergeClasses(layout.heading, styles.sectionTitle)}>
        {section.title}
      </h3>
      {section.kind === 'facts' && (
        <dl className={styles.facts}>
          {section.items.map((i) => (
            <div key={i.label} className={styles.fact}>
              <dt className={layout.strong}>{i.label}</dt>
              <dd className={styles.value}>{formatCell(i.value, i.kind)}</dd>
            </div>
          ))}
        </dl>
      )}
      {section.kind === 'chart' && <Chart chart={section} />}
      {section.kind === 'table' &&
        (section.rows.length === 0 ? (
          <p className={mergeClasses(layout.text, layout.muted)}>{section.empty}</p>
        ) : (
          <>
            <Table table={section} caption={section.title} />
            {section.omittedRows ? (
              <p className={layout.note}>{section.omittedRows} more rows are in the CSV export.</p>
            ) : null}
          </>
        ))}
    </section>
  );
}

/** A report as the server produced it: its title, scope and period, then its sections. */
export function ReportDocumentView({ doc }: { doc: ReportDocument }) {
  const reporting = useReportingStyles();
  return (
    <article
      aria-label={`${doc.title}: ${doc.scope.name}`}
      className={mergeClasses('report-document', reporting.document)}
    >
      <header>
        <h2 className={reporting.documentTitle}>{doc.title}</h2>
        <p className={reporting.documentLead}>
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
