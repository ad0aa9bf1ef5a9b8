import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useConnectedServer } from '../../shell/server-context';
import { Panes } from '../../shell/Panes';
import { ErrorState, Loading } from '../../components/states';
import { CommandFeedback, useCommand } from '../../components/command';
import { OperationMenuItem } from '../../components/OperationMenuItem';
import { serverOperationsQuery, serversQuery } from '../servers/queries';
import { ActionsPane } from './ActionsPane';
import { DetailsPane } from './DetailsPane';
import { GroupTree } from './GroupTree';
import { MembersTable, MembersToolbar } from './MembersTable';
import type { DialogState } from './ProtectionDialogs';
import { groupsQuery } from './queries';
import type { MemberRow } from './types';
import { useChosenMembers, useMembers, type GroupBy, type Members, type Selection } from './use-members';
import { offersForMany, PROTECTION, protectionOperations, type Wizard } from './use-operations';

/** The Create/Modify protection group wizard is a chunk of its own, fetched when first opened. */
const ProtectionGroupWizard = lazy(async () => ({
  default: (await import('./wizard/ProtectionGroupWizard')).ProtectionGroupWizard,
}));
/** So are the dialogs (Stop protection, Switch Disaster Protection, Modify disk allocation). */
const ProtectionDialogs = lazy(async () => ({ default: (await import('./ProtectionDialogs')).ProtectionDialogs }));

const useStyles = makeStyles({ notice: { margin: '6px' } });

/** The Protection work area of the connected server; its state starts over on another server. */
export function ProtectionPage() {
  const { serverId } = useConnectedServer();
  return <ProtectionWorkArea key={serverId} serverId={serverId} />;
}

function emptyList(members: Members, selection: Selection): string {
  if (members.filtered) return 'No member matches the search and filter.';
  return selection.kind === 'inactive' ? 'No inactive protection on this DPM server.' : 'No protected members here.';
}

function ProtectionWorkArea({ serverId }: { serverId: string }) {
  const styles = useStyles();
  const [selection, setSelection] = useState<Selection>({ kind: 'all' });
  const [groupBy, setGroupBy] = useState<GroupBy>('Protection group');
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [wizard, setWizard] = useState<Wizard | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const groups = useQuery(groupsQuery(serverId));
  const serverOps = useQuery(serverOperationsQuery(serverId));
  const servers = useQuery(serversQuery());
  const serverName = servers.data?.find((s) => s.id === serverId)?.name ?? serverId;
  const command = useCommand(serverId);
  const members = useMembers(serverId, selection, groupBy);
  const chosen = useChosenMembers(members.rows);
  const { selected, many } = chosen;
  const manyOffers = offersForMany(many);
  const selectedGroup = selection.kind === 'group' ? groups.data?.find((g) => g.id === selection.groupId) : undefined;
  const operations = protectionOperations({ serverId, command, openDialog: setDialog, openWizard: setWizard });

  const select = (next: Selection) => {
    setSelection(next);
    chosen.only(null);
  };

  const menu = (row: MemberRow) =>
    many.length > 1 && chosen.chosen.has(row.id)
      ? manyOffers.map((o) => (
          <OperationMenuItem key={o.id} offer={o} onChoose={(offer) => void operations.onMany(offer, many)} />
        ))
      : row.operations
          .filter(PROTECTION)
          .map((o) => (
            <OperationMenuItem key={o.id} offer={o} onChoose={(offer) => void operations.onMember(offer, row)} />
          ));

  const title =
    selection.kind === 'inactive' ? 'Inactive Protection' : (selectedGroup?.name ?? 'All Protection Groups');

  return (
    <>
      <Panes
        nav={
          <>
            {groups.isPending && <Loading label="Loading protection groups…" />}
            {groups.isError && <ErrorState error={groups.error} />}
            {groups.data && (
              <GroupTree
                serverId={serverId}
                groups={groups.data}
                selection={selection}
                groupBy={groupBy}
                onGroupBy={setGroupBy}
                onSelect={select}
                onPickMember={(groupId, replicaId) => {
                  setSelection({ kind: 'group', groupId });
                  chosen.only(replicaId);
                }}
                onGroupOperation={(offer, group) => void operations.onGroup(offer, group)}
              />
            )}
          </>
        }
        display={
          <>
            <MembersToolbar title={title} members={members} />
            {notice && (
              <MessageBar intent="success" role="status" className={styles.notice}>
                <MessageBarBody>{notice}</MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button appearance="transparent" size="small" aria-label="Dismiss" onClick={() => setNotice(null)}>
                      ✕
                    </Button>
                  }
                />
              </MessageBar>
            )}
            <CommandFeedback command={command} />
            <MembersTable
              members={members}
              chosen={chosen}
              groupBy={groupBy}
              empty={emptyList(members, selection)}
              menu={menu}
            />
          </>
        }
        details={<DetailsPane serverId={serverId} member={selected} group={selectedGroup} />}
        actions={
          <ActionsPane
            serverOffers={serverOps.data}
            many={many}
            manyOffers={manyOffers}
            member={selected}
            group={selectedGroup}
            operations={operations}
            onCreateGroup={() => setWizard({ mode: 'create' })}
          />
        }
      />
      {wizard && (
        <Suspense fallback={null}>
          <ProtectionGroupWizard
            serverId={serverId}
            mode={wizard.mode}
            groupId={wizard.mode === 'modify' ? wizard.groupId : undefined}
            onClose={() => setWizard(null)}
            onDone={(message) => {
              setWizard(null);
              setNotice(message);
            }}
          />
        </Suspense>
      )}
      {dialog && (
        <Suspense fallback={null}>
          <ProtectionDialogs
            dialog={dialog}
            serverId={serverId}
            serverName={serverName}
            command={command}
            onClose={() => setDialog(null)}
            onGroupStopped={() => select({ kind: 'all' })}
          />
        </Suspense>
      )}
    </>
  );
}
