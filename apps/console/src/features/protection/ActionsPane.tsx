import { makeStyles, tokens } from '@fluentui/react-components';
import { PaneTitle } from '../../shell/Panes';
import { OperationButton, OperationButtons, offerOf, type Offers } from '../../components/operations';
import { PROTECTION, type ProtectionOperations } from './use-operations';
import type { GroupRow, MemberRow } from './types';

const useStyles = makeStyles({
  pane: { display: 'grid', gap: tokens.spacingVerticalSNudge },
  count: { fontSize: tokens.fontSizeBase200 },
});

interface ActionsPaneProps {
  /** The server's own operations (Create protection group). */
  serverOffers: Offers | undefined;
  many: MemberRow[];
  manyOffers: Offers;
  member?: MemberRow;
  group?: GroupRow;
  operations: ProtectionOperations;
  onCreateGroup: () => void;
}

/**
 * The Actions pane: Create protection group, then what the server offers for the selection
 * (several members, one member, or a group).
 */
export function ActionsPane({
  serverOffers,
  many,
  manyOffers,
  member,
  group,
  operations,
  onCreateGroup,
}: ActionsPaneProps) {
  const styles = useStyles();
  return (
    <div className={styles.pane}>
      <PaneTitle>Actions</PaneTitle>
      <OperationButton
        appearance="primary"
        offer={offerOf(serverOffers, 'protection.create-group')}
        onClick={onCreateGroup}
      />
      {many.length > 1 ? (
        <>
          <span className={styles.count}>{many.length} members selected</span>
          <OperationButtons offers={manyOffers} onChoose={(offer) => void operations.onMany(offer, many)} />
        </>
      ) : member ? (
        <OperationButtons
          offers={member.operations.filter(PROTECTION)}
          onChoose={(offer) => void operations.onMember(offer, member)}
        />
      ) : group ? (
        <OperationButtons offers={group.operations} onChoose={(offer) => void operations.onGroup(offer, group)} />
      ) : null}
    </div>
  );
}
