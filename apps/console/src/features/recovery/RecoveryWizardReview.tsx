import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  mergeClasses,
} from '@fluentui/react-components';
import {
  recoversFiles,
  recoversToInstance,
  type DatabaseState,
  type ExistingVersionBehaviour,
  type RecoveryType,
  type RestoreSecurity,
} from '@dpm/domain/recovery/recovery-types';
import { Fields } from '../../shell/Panes';
import { formatGb, formatTime } from '../../shell/format';
import type { RecoverySelection, SelectedPoint } from './recovery-wizard-pages';

const useStyles = makeStyles({
  pages: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    fontSize: '13px',
    display: 'grid',
    gap: tokens.spacingVerticalSNudge,
    alignContent: 'start',
  },
  page: { fontWeight: tokens.fontWeightRegular },
  current: { fontWeight: tokens.fontWeightSemibold },
  ahead: { color: tokens.colorNeutralForeground3 },
});

/** The Recovery Wizard's list of pages, the current one marked. */
export function WizardPageList({ pages, page }: { pages: readonly string[]; page: number }) {
  const styles = useStyles();
  return (
    <ol aria-label="Wizard pages" className={styles.pages}>
      {pages.map((p, i) => (
        <li
          key={p}
          aria-current={i === page ? 'step' : undefined}
          className={mergeClasses(styles.page, i === page && styles.current, i > page && styles.ahead)}
        >
          {p}
        </li>
      ))}
    </ol>
  );
}

/** Review Recovery Selection: what the wizard was opened with. */
export function ReviewRecoverySelection({
  source,
  point,
  items,
  latest,
}: {
  source: RecoverySelection;
  point: SelectedPoint;
  items: string[];
  latest: boolean;
}) {
  return (
    <Fields
      items={[
        ['Data source', source.dataSource],
        ['Computer', source.computer],
        ['Recovery point', latest ? `Latest (${formatTime(point.time)})` : formatTime(point.time)],
        [
          'Location',
          point.location +
            (point.tape ? ` (tape ${point.tape})` : '') +
            (source.external ? ', External DPM Tapes' : ''),
        ],
        [
          'Recoverable items',
          point.hasDatabase
            ? 'The DPM database (DPMDB) as it was at this time'
            : items.length > 0
              ? items.join('; ')
              : 'The whole data source',
        ],
        ['Size', items.length > 0 ? 'The chosen items' : formatGb(point.sizeGb)],
      ]}
    />
  );
}

/** Summary: every choice made, before Recover. */
export function RecoverySummary({
  source,
  point,
  latest,
  type,
  destination,
  databaseName,
  databaseState,
  existingVersion,
  restoreSecurity,
  simulateFailure,
}: {
  source: RecoverySelection;
  point: SelectedPoint;
  latest: boolean;
  type: RecoveryType;
  destination: string;
  databaseName: string;
  databaseState: DatabaseState;
  existingVersion: ExistingVersionBehaviour;
  restoreSecurity: RestoreSecurity;
  simulateFailure: boolean;
}) {
  return (
    <Fields
      items={[
        ['Data source', `${source.dataSource} on ${source.computer}`],
        [
          'Recovery point',
          `${latest ? 'Latest: ' : ''}${formatTime(point.time)} ` +
            `(${point.location}${point.tape ? `, tape ${point.tape}` : ''})`,
        ],
        ['Recovery type', type],
        ['Destination', destination],
        ...(type === 'Recover to any SQL instance'
          ? ([['Database name', databaseName.trim()]] as [string, string][])
          : []),
        ...(recoversToInstance(type) ? ([['Database state', databaseState]] as [string, string][]) : []),
        ...(recoversFiles(type)
          ? ([
              ['Existing version recovery behavior', existingVersion],
              ['Restore security', restoreSecurity],
            ] as [string, string][])
          : []),
        ...(type === 'Restore to replica' && simulateFailure
          ? ([['Rehearsal', 'The restore job fails']] as [string, string][])
          : []),
      ]}
    />
  );
}

/** Shown once Recover started the job. */
export function RecoveryStarted({ location }: { location: SelectedPoint['location'] }) {
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>
        <MessageBarTitle>Recovery started</MessageBarTitle>
        The {location === 'Tape' ? 'Tape recovery' : 'Disk recovery'} job runs now; follow it in Monitoring › Jobs.
      </MessageBarBody>
    </MessageBar>
  );
}
