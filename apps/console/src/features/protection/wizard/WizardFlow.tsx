import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, DialogActions, DialogContent, makeStyles } from '@fluentui/react-components';
import { ApiError } from '../../../api/client';
import { createGroup, modifyGroup } from '../commands';
import { disksQuery, librariesQuery } from '../../management/queries';
import { type Offer } from '../../../components/operations';
import { ConsistencyPage, DiskPage, MethodPage, ReplicaPage, SummaryPage, TypePage } from './pages';
import { LibraryPage, LongTermPage, OnlinePage, ShortTermPage } from './goal-pages';
import { type PageProps } from './page-parts';
import { createBody, modifyBody } from './request';
import {
  initialState,
  PAGE_TITLES,
  pagesFor,
  type GroupSettings,
  type PageId,
  type WizardContext,
  type WizardMode,
  type WizardState,
} from './model';
import { FIELD_SOURCES, pageOfTarget, validatePage, type FieldErrors, type FieldId } from './validate';
import { type ProtectableComputer } from './candidates';

import type { WizardProps } from './ProtectionGroupWizard';
import { MembersPage, WizardRefusal, WizardSteps, type Refusal } from './WizardParts';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: '220px minmax(0, 1fr)', gap: '16px', minHeight: '380px' },
  content: { display: 'grid', gap: '10px', alignContent: 'start', minWidth: 0 },
  heading: { fontSize: '16px', margin: 0, outline: 'none' },
});

const SUBMIT: Record<WizardMode, string> = { create: 'Create Group', modify: 'Update Group' };

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

/** The wizard's pages, Back, Next and the submit of the last page. */
export function WizardFlow({
  serverId,
  serverName,
  mode,
  groupId,
  groupNames,
  existingMembers,
  computers,
  now,
  group,
  methods,
  onClose,
  onDone,
  reload,
}: FlowProps) {
  const styles = useStyles();
  const [s, setState] = useState<WizardState>(() => initialState(defaultName(groupNames), now, group));
  const [touched, setTouched] = useState<Set<keyof WizardState>>(new Set());
  const [attempted, setAttempted] = useState<Set<PageId>>(new Set());
  const pages = pagesFor(s, mode);
  const [pageId, setPageId] = useState<PageId>(pages[0] ?? 'summary');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const libraries = useQuery({ ...librariesQuery(serverId), enabled: s.tape });
  const disks = useQuery({ ...disksQuery(serverId), enabled: s.disk });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const membersErrorId = useId();

  const ctx: WizardContext = {
    mode,
    serverName,
    otherGroupNames: groupNames,
    groupHasReplicas:
      groupId !== undefined && computers.some((c) => c.replicas.some((r) => r.protectedBy?.groupId === groupId)),
    libraries: libraries.data?.filter((l) => l.enabled).map((l) => ({ id: l.id, name: l.name })),
    now,
    groupKinds:
      groupId === undefined
        ? []
        : computers.flatMap((c) =>
            [...c.dataSources, ...c.replicas].filter((m) => m.protectedBy?.groupId === groupId).map((m) => m.kind),
          ),
    methodRefusals: Object.fromEntries(
      (methods?.intents ?? [])
        .filter((i) => !i.enabled)
        .map((i) => [i.intent, i.reason?.message ?? 'Not available on this DPM server.']),
    ),
  };

  const page: PageId = pages.includes(pageId) ? pageId : (pages[0] ?? 'summary');
  const index = pages.indexOf(page);
  const allErrors = validatePage(page, s, ctx);
  const errors: FieldErrors = Object.fromEntries(
    Object.entries(allErrors).filter(
      ([field]) => attempted.has(page) || FIELD_SOURCES[field as FieldId].some((k) => touched.has(k)),
    ),
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
      if (mode === 'modify' && groupId !== undefined)
        return modifyGroup(serverId, groupId, modifyBody(s, ctx, group?.revision?.n));
      return createGroup(serverId, createBody(s, ctx));
    },
    // The new group and its members reach the views through the live stream.
    onSuccess: () => {
      onDone(
        mode === 'create' ? `Protection group ${s.name.trim()} created.` : `Protection group ${s.name.trim()} updated.`,
      );
    },
    onError: (error) => {
      setRefusal(
        error instanceof ApiError
          ? { code: error.code, message: error.message, target: error.target }
          : { code: 'ERROR', message: String(error) },
      );
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
        <div className={styles.layout}>
          <WizardSteps pages={pages} page={page} />
          <div ref={contentRef} className={styles.content}>
            <h2 ref={headingRef} tabIndex={-1} className={styles.heading}>
              {PAGE_TITLES[page]}
            </h2>
            {refusal && (
              <WizardRefusal
                refusal={refusal}
                action={SUBMIT[mode]}
                refusedPage={refusedPage !== page ? refusedPage : null}
                onReload={reload}
                onGo={go}
              />
            )}
            {page === 'type' && <TypePage />}
            {page === 'members' && (
              <MembersPage
                {...pageProps}
                serverId={serverId}
                computers={computers}
                groupId={groupId ?? null}
                membersErrorId={membersErrorId}
              />
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
