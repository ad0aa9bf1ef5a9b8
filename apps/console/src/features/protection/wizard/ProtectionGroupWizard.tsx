import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ApiError } from '../../../api/client';
import { createGroup, modifyGroup } from '../commands';
import { clockQuery } from '../../../shell/queries';
import { disksQuery, librariesQuery } from '../../management/queries';
import { groupQuery, groupsQuery, protectableQuery } from '../queries';
import { serverOperationsQuery, serversQuery } from '../../servers/queries';
import { offerOf, type Offer } from '../../../components/operations';
import { ErrorState, Loading } from '../../../components/states';
import { MembersTree } from './MembersTree';
import { ConsistencyPage, DiskPage, GroupError, LibraryPage, LongTermPage, MethodPage, OnlinePage, ReplicaPage, ShortTermPage, SummaryPage, TypePage, type PageProps } from './pages';
import {
  createBody,
  initialState,
  modifyBody,
  PAGE_TITLES,
  pageOfTarget,
  pagesFor,
  validatePage,
  type FieldErrors,
  type FieldId,
  type GroupSettings,
  type PageId,
  type ProtectableComputer,
  type WizardContext,
  type WizardMode,
  type WizardState,
} from './model';

export interface WizardProps {
  serverId: string;
  mode: WizardMode;
  /** Modify protection group: the group to modify. */
  groupId?: string;
  onClose: () => void;
  /** After Create Group / Update Group succeeded: what to tell the administrator. */
  onDone: (message: string) => void;
}

const TITLE: Record<WizardMode, string> = { create: 'Create New Protection Group', modify: 'Modify protection group' };
const SUBMIT: Record<WizardMode, string> = { create: 'Create Group', modify: 'Update Group' };

/**
 * The Create New Protection Group wizard, and Modify protection group on the same pages. It
 * loads what its pages need, then hands over to the page flow.
 */
export function ProtectionGroupWizard(props: WizardProps) {
  const { serverId, mode, groupId } = props;
  // A new start of the flow (after a STALE refusal): the group as it is now, the state rebuilt from it.
  const [generation, setGeneration] = useState(0);
  const groups = useQuery(groupsQuery(serverId));
  const group = useQuery({ ...groupQuery(serverId, groupId ?? ''), enabled: mode === 'modify' && groupId !== undefined });
  const protectable = useQuery(protectableQuery(serverId));
  const clock = useQuery(clockQuery());
  const servers = useQuery(serversQuery());
  const serverOps = useQuery(serverOperationsQuery(serverId));
  const serverName = servers.data?.find((s) => s.id === serverId)?.name ?? serverId;
  const failed = groups.error ?? group.error ?? protectable.error ?? clock.error ?? serverOps.error;
  const ready = groups.data && protectable.data && clock.data && serverOps.data && (mode === 'create' || group.data);
  // Which protection methods the server (or the group) can have: the offer's intents.
  const methodsOffer = mode === 'create' ? offerOf(serverOps.data, 'protection.create-group') : offerOf(groups.data?.find((g) => g.id === groupId)?.operations, 'protection.modify-group');

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface style={{ maxWidth: 960, width: '95vw' }}>
        <DialogBody>
          <DialogTitle>{TITLE[mode]}</DialogTitle>
          {ready ? (
            <WizardFlow
              key={generation}
              {...props}
              reload={() => {
                void group.refetch().then(() => setGeneration((n) => n + 1));
                void protectable.refetch();
              }}
              serverName={serverName}
              groupNames={groups.data.filter((g) => g.id !== groupId).map((g) => g.name)}
              existingMembers={groups.data.find((g) => g.id === groupId)?.members ?? 0}
              computers={protectable.data}
              now={clock.data.now}
              group={group.data}
              methods={methodsOffer}
            />
          ) : (
            <>
              <DialogContent>{failed ? <ErrorState error={failed} /> : <Loading label="Loading the computers this server can protect…" />}</DialogContent>
              <DialogActions>
                <Button onClick={props.onClose}>Cancel</Button>
              </DialogActions>
            </>
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Which entries of the state each field shows: a field's error appears once one of them changed. */
const FIELD_SOURCES: Record<FieldId, (keyof WizardState)[]> = {
  name: ['name'],
  members: ['members'],
  method: ['disk', 'tape', 'online'],
  retentionDays: ['retentionDays'],
  syncFrequency: ['syncMode', 'syncMinutes'],
  recoveryPointTimes: ['recoveryPointTimes', 'retentionDays'],
  expressFullTimes: ['expressFullTimes', 'retentionDays'],
  tapeRetention: ['tapeRetentionCount', 'tapeRetentionUnit', 'tapeFrequency'],
  tapeFrequency: ['tapeFrequency'],
  tapeBackupTime: ['tapeBackupTime'],
  libraryId: ['libraryId'],
  tapeCopies: ['tapeCopies'],
  onlineRecoveryPoints: ['onlineRecoveryPoints'],
  laterAt: ['laterAt', 'replicaCreation'],
  dailyCheckAt: ['dailyCheckAt', 'dailyCheck'],
};

interface FlowProps extends WizardProps {
  /** Starts the wizard over from the group as it is now. */
  reload: () => void;
  serverName: string;
  groupNames: string[];
  existingMembers: number;
  computers: ProtectableComputer[];
  now: number;
  group: GroupSettings | undefined;
  methods: Offer | undefined;
}

function defaultName(names: string[]): string {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  let n = names.length + 1;
  while (taken.has(`protection group ${n}`)) n += 1;
  return `Protection Group ${n}`;
}

function WizardFlow({ serverId, serverName, mode, groupId, groupNames, existingMembers, computers, now, group, methods, onClose, onDone, reload }: FlowProps) {
  const [s, setState] = useState<WizardState>(() => initialState(defaultName(groupNames), now, group));
  const [touched, setTouched] = useState<Set<keyof WizardState>>(new Set());
  const [attempted, setAttempted] = useState<Set<PageId>>(new Set());
  const pages = pagesFor(s, mode);
  const [pageId, setPageId] = useState<PageId>(pages[0] ?? 'summary');
  const [refusal, setRefusal] = useState<{ code: string; message: string; target?: string } | null>(null);
  const libraries = useQuery({ ...librariesQuery(serverId), enabled: s.tape });
  const disks = useQuery({ ...disksQuery(serverId), enabled: s.disk });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const membersErrorId = useId();

  const ctx: WizardContext = {
    mode,
    serverName,
    otherGroupNames: groupNames,
    groupHasReplicas: groupId !== undefined && computers.some((c) => c.replicas.some((r) => r.protectedBy?.groupId === groupId)),
    libraries: libraries.data?.filter((l) => l.enabled).map((l) => ({ id: l.id, name: l.name })),
    now,
    groupKinds: groupId === undefined ? [] : computers.flatMap((c) => [...c.dataSources, ...c.replicas].filter((m) => m.protectedBy?.groupId === groupId).map((m) => m.kind)),
    methodRefusals: Object.fromEntries((methods?.intents ?? []).filter((i) => !i.enabled).map((i) => [i.intent, i.reason?.message ?? 'Not available on this DPM server.'])),
  };

  const page: PageId = pages.includes(pageId) ? pageId : (pages[0] ?? 'summary');
  const index = pages.indexOf(page);
  const allErrors = validatePage(page, s, ctx);
  const errors: FieldErrors = Object.fromEntries(
    Object.entries(allErrors).filter(([field]) => attempted.has(page) || FIELD_SOURCES[field as FieldId].some((k) => touched.has(k))),
  );

  useEffect(() => {
    headingRef.current?.focus();
  }, [page]);

  const set = (patch: Partial<WizardState>) => {
    setState((prev) => ({ ...prev, ...patch }));
    setTouched((prev) => new Set([...prev, ...(Object.keys(patch) as (keyof WizardState)[])]));
  };

  const focusFirstInvalid = () =>
    requestAnimationFrame(() => contentRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const go = (to: PageId) => {
    setRefusal(null);
    setPageId(to);
  };

  const next = () => {
    if (Object.keys(allErrors).length > 0) {
      setAttempted((prev) => new Set([...prev, page]));
      focusFirstInvalid();
      return;
    }
    const to = pages[index + 1];
    if (to) go(to);
  };

  const submit = useMutation({
    mutationFn: async () => {
      if (mode === 'modify' && groupId !== undefined) return modifyGroup(serverId, groupId, modifyBody(s, ctx, group?.revision?.n));
      return createGroup(serverId, createBody(s, ctx));
    },
    // The new group and its members reach the views through the live stream.
    onSuccess: () => {
      onDone(mode === 'create' ? `Protection group ${s.name.trim()} created.` : `Protection group ${s.name.trim()} updated.`);
    },
    onError: (error) => {
      setRefusal(error instanceof ApiError ? { code: error.code, message: error.message, target: error.target } : { code: 'ERROR', message: String(error) });
    },
  });

  const create = () => {
    for (const p of pages) {
      if (Object.keys(validatePage(p, s, ctx)).length > 0) {
        setAttempted((prev) => new Set([...prev, p]));
        go(p);
        focusFirstInvalid();
        return;
      }
    }
    setRefusal(null);
    submit.mutate();
  };

  const pageProps: PageProps = { s, set, errors, ctx };
  const refusedPage = refusal ? pageOfTarget(refusal.target, s) : null;

  return (
    <>
      <DialogContent>
        <div style={{ display: 'grid', gridTemplateColumns: '220px minmax(0, 1fr)', gap: 16, minHeight: 380 }}>
          <nav aria-label="Wizard steps">
            <ol style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 13, borderRight: '1px solid var(--colorNeutralStroke2)' }}>
              {pages.map((p, i) => (
                <li
                  key={p}
                  aria-current={p === page ? 'step' : undefined}
                  style={{
                    padding: '5px 8px',
                    fontWeight: p === page ? 600 : 400,
                    color: i > index ? 'var(--colorNeutralForeground3)' : undefined,
                    background: p === page ? 'var(--colorNeutralBackground1Selected)' : undefined,
                  }}
                >
                  {PAGE_TITLES[p]}
                </li>
              ))}
            </ol>
          </nav>
          <div ref={contentRef} style={{ display: 'grid', gap: 10, alignContent: 'start', minWidth: 0 }}>
            <h2 ref={headingRef} tabIndex={-1} style={{ fontSize: 16, margin: 0, outline: 'none' }}>
              {PAGE_TITLES[page]}
            </h2>
            {refusal && (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{SUBMIT[mode]} was refused</MessageBarTitle>
                  {refusal.message} ({refusal.code})
                  {refusal.code === 'STALE' && (
                    <>
                      {' '}
                      <Link as="button" onClick={reload}>
                        Start over from the current settings
                      </Link>
                    </>
                  )}
                  {refusal.code !== 'STALE' && refusedPage && refusedPage !== page && (
                    <>
                      {' '}
                      <Link as="button" onClick={() => go(refusedPage)}>
                        Go to {PAGE_TITLES[refusedPage]}
                      </Link>
                    </>
                  )}
                </MessageBarBody>
              </MessageBar>
            )}
            {page === 'type' && <TypePage />}
            {page === 'members' && (
              <>
                <Field label="Protection group name" {...(errors.name ? { validationState: 'error' as const, validationMessage: errors.name } : {})}>
                  <Input value={s.name} onChange={(_, d) => set({ name: d.value })} style={{ maxWidth: 360 }} />
                </Field>
                <div aria-describedby={errors.members ? membersErrorId : undefined}>
                  <MembersTree serverId={serverId} serverName={serverName} computers={computers} selected={s.members} onChange={(members) => set({ members })} groupId={groupId ?? null} />
                </div>
                <GroupError id={membersErrorId} message={errors.members} />
                <span style={{ fontSize: 13 }}>
                  {Object.keys(s.members).length} {mode === 'create' ? 'members selected' : 'members to add'}
                </span>
              </>
            )}
            {page === 'method' && <MethodPage {...pageProps} />}
            {page === 'shortTerm' && <ShortTermPage {...pageProps} />}
            {page === 'longTerm' && <LongTermPage {...pageProps} />}
            {page === 'library' && <LibraryPage {...pageProps} />}
            {page === 'online' && <OnlinePage {...pageProps} />}
            {page === 'disk' && <DiskPage {...pageProps} freeGb={disks.data?.freeGb} />}
            {page === 'replica' && <ReplicaPage {...pageProps} />}
            {page === 'consistency' && <ConsistencyPage {...pageProps} />}
            {page === 'summary' && <SummaryPage {...pageProps} existingMembers={existingMembers} />}
          </div>
        </div>
      </DialogContent>
      <DialogActions>
        <Button disabled={index <= 0 || submit.isPending} onClick={() => go(pages[index - 1] ?? page)}>
          Back
        </Button>
        {page === 'summary' ? (
          <Button appearance="primary" disabled={submit.isPending} onClick={create}>
            {SUBMIT[mode]}
          </Button>
        ) : (
          <Button appearance="primary" onClick={next}>
            Next
          </Button>
        )}
        <Button onClick={onClose}>Cancel</Button>
      </DialogActions>
    </>
  );
}
