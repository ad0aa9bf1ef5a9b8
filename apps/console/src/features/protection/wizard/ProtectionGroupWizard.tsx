import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';
import { clockQuery } from '../../../shell/queries';
import { groupQuery, groupsQuery, protectableQuery } from '../queries';
import { serverOperationsQuery, serversQuery } from '../../servers/queries';
import { offerOf } from '../../../components/operations';
import { ErrorState, Loading } from '../../../components/states';
import { type WizardMode } from './model';
import { WizardFlow } from './WizardFlow';

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

/**
 * The Create New Protection Group wizard, and Modify protection group on the same pages. It
 * loads what its pages need, then hands over to the page flow.
 */
const useStyles = makeStyles({ surface: { maxWidth: '960px', width: '95vw' } });

export function ProtectionGroupWizard(props: WizardProps) {
  const styles = useStyles();
  const { serverId, mode, groupId } = props;
  // A new start of the flow (after a STALE refusal): the group as it is now, the state rebuilt from it.
  const [generation, setGeneration] = useState(0);
  const groups = useQuery(groupsQuery(serverId));
  const group = useQuery({
    ...groupQuery(serverId, groupId ?? ''),
    enabled: mode === 'modify' && groupId !== undefined,
  });
  const protectable = useQuery(protectableQuery(serverId));
  const clock = useQuery(clockQuery());
  const servers = useQuery(serversQuery());
  const serverOps = useQuery(serverOperationsQuery(serverId));
  const serverName = servers.data?.find((s) => s.id === serverId)?.name ?? serverId;
  const failed = groups.error ?? group.error ?? protectable.error ?? clock.error ?? serverOps.error;
  const ready = groups.data && protectable.data && clock.data && serverOps.data && (mode === 'create' || group.data);
  // Which protection methods the server (or the group) can have: the offer's intents.
  const methodsOffer =
    mode === 'create'
      ? offerOf(serverOps.data, 'protection.create-group')
      : offerOf(groups.data?.find((g) => g.id === groupId)?.operations, 'protection.modify-group');

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface className={styles.surface}>
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
              <DialogContent>
                {failed ? (
                  <ErrorState error={failed} />
                ) : (
                  <Loading label="Loading the computers this server can protect…" />
                )}
              </DialogContent>
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
