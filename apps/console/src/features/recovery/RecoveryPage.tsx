import { ExternalDpmActions } from './ExternalDpm';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Dropdown,
  Option,
  SearchBox,
  Tab,
  TabList,
  Tree,
  TreeItem,
  TreeItemLayout,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { externalTapesQuery, pointsQuery, recoverableQuery } from './queries';
import { useConnectedServer } from '../../shell/server-context';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { Empty, ErrorState, Loading } from '../../components/states';
import { formatTime } from '../../shell/format';
import { OperationButton, offerOf } from '../../components/operations';
import type { RecoverySelection } from './RecoveryWizard';
import { isDataSourceKind, itemsQuery } from './queries';
import { Calendar, DAY } from './RecoveryCalendar';
import { RecoverableItems } from './RecoverableItems';
import { TabbedPage } from '../../components/TabbedPage';
import { useLayoutStyles } from '../../components/layout';

/** The Recovery Wizard is a chunk of its own, fetched when first opened. */
const RecoveryWizard = lazy(async () => ({ default: (await import('./RecoveryWizard')).RecoveryWizard }));

type Source = RecoverySelection & { label: string };

const useStyles = makeStyles({
  nav: { padding: tokens.spacingHorizontalXS },
  search: { margin: tokens.spacingHorizontalXS },
  points: {
    padding: tokens.spacingHorizontalS,
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'auto 1fr',
    alignItems: 'start',
    overflow: 'auto',
  },
  time: { fontSize: '13px' },
});

export function RecoveryPage() {
  const { serverId } = useConnectedServer();
  // A selection belongs to one server's view: connecting to another starts afresh.
  return <RecoveryArea key={serverId} serverId={serverId} />;
}

function RecoveryArea({ serverId }: { serverId: string }) {
  const styles = useStyles();
  const [tab, setTab] = useState<'browse' | 'search'>('browse');
  const [search, setSearch] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const recoverable = useQuery(recoverableQuery(serverId, tab === 'search' ? search : ''));
  const external = useQuery(externalTapesQuery(serverId));

  const data = recoverable.data;
  const byComputer = useMemo(() => {
    const map = new Map<string, NonNullable<typeof data>>();
    for (const r of data ?? []) map.set(r.computer, [...(map.get(r.computer) ?? []), r]);
    return [...map.entries()];
  }, [data]);

  return (
    <TabbedPage
      tabs={
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'browse' | 'search')}>
          <Tab value="browse">Browse</Tab>
          <Tab value="search">Search</Tab>
        </TabList>
      }
    >
      <Panes
        nav={
          <div className={styles.nav}>
            {tab === 'search' && (
              <SearchBox
                aria-label="Search data sources"
                placeholder="Data source or computer"
                value={search}
                onChange={(_, d) => setSearch(d.value)}
                className={styles.search}
              />
            )}
            {recoverable.isPending && <Loading label="Loading protected computers…" />}
            {recoverable.isError && <ErrorState error={recoverable.error} />}
            {recoverable.data && (
              <Tree aria-label="Recoverable data" defaultOpenItems={['computers', 'external']}>
                <TreeItem itemType="branch" value="computers">
                  <TreeItemLayout>Protected data</TreeItemLayout>
                  <Tree>
                    {byComputer.map(([computer, sources]) => (
                      <TreeItem key={computer} itemType="branch" value={computer}>
                        <TreeItemLayout>{computer}</TreeItemLayout>
                        <Tree>
                          {sources.map((s) => (
                            <TreeItem key={s.dataSourceId} itemType="leaf" value={s.dataSourceId}>
                              <TreeItemLayout
                                aria-current={
                                  source?.dataSourceId === s.dataSourceId && !source.external ? 'true' : undefined
                                }
                                onClick={() =>
                                  isDataSourceKind(s.kind) &&
                                  setSource({
                                    dataSourceId: s.dataSourceId,
                                    dataSource: s.dataSource,
                                    computer: s.computer,
                                    kind: s.kind,
                                    label: `${s.dataSource} on ${s.computer}`,
                                    external: false,
                                  })
                                }
                              >
                                {s.dataSource} ({s.recoveryPoints})
                              </TreeItemLayout>
                            </TreeItem>
                          ))}
                        </Tree>
                      </TreeItem>
                    ))}
                  </Tree>
                </TreeItem>
                <TreeItem itemType="branch" value="external">
                  <TreeItemLayout>External DPM Tapes</TreeItemLayout>
                  <Tree>
                    {(external.data ?? []).map((t) => (
                      <TreeItem
                        key={`${t.tapeId}-${t.dataSourceId}`}
                        itemType="leaf"
                        value={`${t.tapeId}-${t.dataSourceId}`}
                      >
                        <TreeItemLayout
                          aria-current={source?.dataSourceId === t.dataSourceId && source.external ? 'true' : undefined}
                          onClick={() =>
                            isDataSourceKind(t.kind) &&
                            setSource({
                              dataSourceId: t.dataSourceId,
                              dataSource: t.dataSource,
                              computer: t.computer,
                              kind: t.kind,
                              label: `${t.dataSource} on ${t.computer} (tape ${t.barcode})`,
                              external: true,
                            })
                          }
                        >
                          {t.dataSource} on {t.computer} — {t.barcode}
                        </TreeItemLayout>
                      </TreeItem>
                    ))}
                    {external.data?.length === 0 && (
                      <TreeItem itemType="leaf" value="none">
                        <TreeItemLayout>No recataloged tapes</TreeItemLayout>
                      </TreeItem>
                    )}
                  </Tree>
                </TreeItem>
              </Tree>
            )}
          </div>
        }
        actions={<ExternalDpmActions serverId={serverId} />}
        display={
          source ? (
            <RecoveryPoints
              key={`${source.dataSourceId}-${String(source.external)}`}
              serverId={serverId}
              source={source}
            />
          ) : (
            <Empty>Select a data source to see its recovery points.</Empty>
          )
        }
      />
    </TabbedPage>
  );
}

function RecoveryPoints({ serverId, source }: { serverId: string; source: Source }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const points = useQuery(pointsQuery(serverId, source.dataSourceId, source.external));
  const [day, setDay] = useState<number | null>(null);
  const [time, setTime] = useState<string>('Latest');
  const [wizard, setWizard] = useState(false);
  const items = useQuery({ ...itemsQuery(serverId, source.dataSourceId), enabled: !source.external });
  const [picked, setPicked] = useState<string[]>([]);
  const days = useMemo(() => new Set((points.data ?? []).map((p) => Math.floor(p.time / DAY) * DAY)), [points.data]);
  const latestDay = points.data?.[0] ? Math.floor(points.data[0].time / DAY) * DAY : null;
  const shownDay = day ?? latestDay;
  const ofDay = (points.data ?? []).filter((p) => shownDay !== null && Math.floor(p.time / DAY) * DAY === shownDay);
  const chosen = time === 'Latest' ? ofDay[0] : ofDay.find((p) => p.id === time);

  if (points.isPending) return <Loading label="Loading recovery points…" />;
  if (points.isError) return <ErrorState error={points.error} />;
  if (points.data.length === 0) return <Empty>{source.label} has no recovery points on this DPM server.</Empty>;
  return (
    <div className={styles.points}>
      <Calendar
        days={days}
        selected={shownDay}
        onSelect={(d) => {
          setDay(d);
          setTime('Latest');
        }}
      />
      <div className={layout.stackWide}>
        <PaneTitle>{source.label}</PaneTitle>
        <label className={styles.time}>
          Recovery time
          <Dropdown
            aria-label="Recovery time"
            value={time === 'Latest' ? 'Latest' : formatTime(chosen?.time)}
            selectedOptions={[time]}
            onOptionSelect={(_, d) => setTime(d.optionValue ?? 'Latest')}
          >
            <Option value="Latest">Latest</Option>
            {ofDay.map((p) => (
              <Option key={p.id} value={p.id} text={formatTime(p.time)}>
                {formatTime(p.time)} ({p.location})
              </Option>
            ))}
          </Dropdown>
        </label>
        {chosen && (
          <Fields
            items={[
              ['Recovery point', formatTime(chosen.time)],
              ['Location', chosen.location + (chosen.tape ? ` (tape ${chosen.tape})` : '')],
              ['Expires', formatTime(chosen.expiresAt)],
              [
                'Recoverable items',
                chosen.hasDatabase
                  ? 'The DPM database (DPMDB) as it was at this time'
                  : picked.length > 0
                    ? `${picked.length} chosen below`
                    : 'The whole data source',
              ],
            ]}
          />
        )}
        {chosen && items.data && items.data.length > 0 && (
          <RecoverableItems items={items.data} picked={picked} onPick={setPicked} />
        )}
        <div>
          {/* The Recovery Wizard then offers the recovery types this user may choose for the point. */}
          <OperationButton
            offer={chosen ? offerOf(chosen.operations, 'recovery.recover') : undefined}
            appearance="primary"
            disabled={!chosen}
            onClick={() => setWizard(true)}
          >
            Recover
          </OperationButton>
        </div>
        {/* Latest brings a database up to its latest state from the replica on disk; a tape or an external tape
            holds points of a time. */}
        {wizard && chosen && (
          <Suspense fallback={null}>
            <RecoveryWizard
              key={chosen.id}
              serverId={serverId}
              source={source}
              point={chosen}
              items={picked}
              latest={time === 'Latest' && chosen.location === 'Disk' && !source.external}
              onClose={() => setWizard(false)}
            />
          </Suspense>
        )}
      </div>
    </div>
  );
}
