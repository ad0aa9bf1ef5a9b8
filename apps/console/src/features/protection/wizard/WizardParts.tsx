import {
  Field,
  Input,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ProtectableComputer } from './candidates';
import { MembersTree } from './MembersTree';
import { PAGE_TITLES, type PageId } from './model';
import { GroupError, invalid, type PageProps } from './page-parts';

const useStyles = makeStyles({
  steps: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    fontSize: '13px',
    borderRight: '1px solid var(--colorNeutralStroke2)',
  },
  step: { padding: '5px 8px', fontWeight: 400 },
  current: { fontWeight: 600, background: 'var(--colorNeutralBackground1Selected)' },
  ahead: { color: 'var(--colorNeutralForeground3)' },
  name: { maxWidth: '360px' },
  count: { fontSize: '13px' },
});

/** The wizard's pages down its left side, the current one marked, those ahead greyed. */
export function WizardSteps({ pages, page }: { pages: PageId[]; page: PageId }) {
  const styles = useStyles();
  const index = pages.indexOf(page);
  return (
    <nav aria-label="Wizard steps">
      <ol className={styles.steps}>
        {pages.map((p, i) => (
          <li
            key={p}
            aria-current={p === page ? 'step' : undefined}
            className={mergeClasses(styles.step, p === page && styles.current, i > index && styles.ahead)}
          >
            {PAGE_TITLES[p]}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export interface Refusal {
  code: string;
  message: string;
  target?: string;
}

interface WizardRefusalProps {
  refusal: Refusal;
  /** Create Group or Update Group. */
  action: string;
  /** The page that holds what was refused, when it is not the current one. */
  refusedPage: PageId | null;
  onReload: () => void;
  onGo: (page: PageId) => void;
}

/**
 * The server's refusal of Create Group or Update Group: its sentence and code, and the way on:
 * starting over from the group as it is now (STALE), or the page that holds the refused value.
 */
export function WizardRefusal({ refusal, action, refusedPage, onReload, onGo }: WizardRefusalProps) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{action} was refused</MessageBarTitle>
        {refusal.message} ({refusal.code})
        {refusal.code === 'STALE' && (
          <>
            {' '}
            <Link as="button" onClick={onReload}>
              Start over from the current settings
            </Link>
          </>
        )}
        {refusal.code !== 'STALE' && refusedPage && (
          <>
            {' '}
            <Link as="button" onClick={() => onGo(refusedPage)}>
              Go to {PAGE_TITLES[refusedPage]}
            </Link>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

interface MembersPageProps extends PageProps {
  serverId: string;
  computers: ProtectableComputer[];
  /** Modify: the group whose members are shown as its own. */
  groupId: string | null;
  /** The id of the members' error, which the tree is described by. */
  membersErrorId: string;
}

/** Select Group Members: the group's name, the tree of what the server can protect, the count. */
export function MembersPage({ s, set, errors, ctx, serverId, computers, groupId, membersErrorId }: MembersPageProps) {
  const styles = useStyles();
  return (
    <>
      <Field label="Protection group name" {...invalid(errors, 'name')}>
        <Input value={s.name} onChange={(_, d) => set({ name: d.value })} className={styles.name} />
      </Field>
      <div aria-describedby={errors.members ? membersErrorId : undefined}>
        <MembersTree
          serverId={serverId}
          serverName={ctx.serverName}
          computers={computers}
          selected={s.members}
          onChange={(members) => set({ members })}
          groupId={groupId}
        />
      </div>
      <GroupError id={membersErrorId} message={errors.members} />
      <span className={styles.count}>
        {Object.keys(s.members).length} {ctx.mode === 'create' ? 'members selected' : 'members to add'}
      </span>
    </>
  );
}
