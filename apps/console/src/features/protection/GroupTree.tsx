import { lazy, Suspense, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  makeStyles,
  Tree,
  TreeItem,
  TreeItemLayout,
  type PositioningVirtualElement,
  type TreeItemValue,
} from '@fluentui/react-components';
import { membersQuery } from './queries';
import type { Offer } from '../../components/operations';
import { OperationMenuItem } from '../../components/OperationMenuItem';
import { GroupBy as GroupByChoice } from '../../components/GroupBy';
import { memberLabel, type GroupRow } from './types';
import type { GroupBy, Selection } from './use-members';

type MenuTarget = HTMLElement | PositioningVirtualElement;

const RowMenu = lazy(async () => ({ default: (await import('../../components/RowMenu')).RowMenu }));

const GROUP_BY: readonly GroupBy[] = ['Protection group', 'Computer'];

const useStyles = makeStyles({
  pane: { padding: '4px' },
  groupBy: { padding: '4px' },
  item: { fontWeight: 400 },
  current: { fontWeight: 600 },
});

/**
 * Shift+F10 opens the context menu from its keydown. The context-menu key is left to the browser,
 * which answers it with a contextmenu event (on key up in Chromium): opening the menu on the
 * keydown too would have that event close it again as a click outside.
 */
export function isMenuKey(e: KeyboardEvent): boolean {
  return e.key === 'F10' && e.shiftKey;
}

/** Where a contextmenu event points: the mouse, or the item itself when the keyboard raised it. */
export function targetOf(e: MouseEvent<HTMLElement>): MenuTarget {
  const { clientX: x, clientY: y } = e;
  if (x === 0 && y === 0) return e.currentTarget;
  return {
    getBoundingClientRect: () => ({ x, y, top: y, left: x, bottom: y, right: x, width: 0, height: 0 }) as DOMRect,
  };
}

/** A key or menu event of this tree item itself, not one bubbling up from a member inside it. */
function ownEvent(e: { target: EventTarget; currentTarget: EventTarget }): boolean {
  return e.target instanceof Element && e.target.closest('[role="treeitem"]') === e.currentTarget;
}

interface GroupTreeProps {
  serverId: string;
  groups: GroupRow[];
  selection: Selection;
  groupBy: GroupBy;
  onGroupBy: (g: GroupBy) => void;
  onSelect: (s: Selection) => void;
  onPickMember: (groupId: string, replicaId: string) => void;
  /** A group's operation chosen from its context menu. */
  onGroupOperation: (offer: Offer, group: GroupRow) => void;
}

/**
 * The Protection Navigation pane: All Protection Groups → each group → its members, and Inactive
 * Protection. A group's context menu lists the operations the server offers for it.
 */
export function GroupTree({
  serverId,
  groups,
  selection,
  groupBy,
  onGroupBy,
  onSelect,
  onPickMember,
  onGroupOperation,
}: GroupTreeProps) {
  const [menu, setMenu] = useState<{ group: GroupRow; target: MenuTarget } | null>(null);
  // A group's members are asked for when it is expanded, not for every group as the page opens.
  const [openItems, setOpenItems] = useState<ReadonlySet<TreeItemValue>>(() => new Set(['all']));
  /** Set when an operation was chosen: its dialog takes the focus, not the tree. */
  const menuChoice = useRef(false);

  const open = (group: GroupRow, target: MenuTarget) => {
    menuChoice.current = false;
    onSelect({ kind: 'group', groupId: group.id });
    setMenu({ group, target });
  };
  const close = () => {
    const target = menu?.target;
    setMenu(null);
    if (!menuChoice.current && target instanceof HTMLElement) requestAnimationFrame(() => target.focus());
  };
  const styles = useStyles();
  const weight = (on: boolean) => (on ? styles.current : styles.item);

  return (
    <div className={styles.pane}>
      <div className={styles.groupBy}>
        <GroupByChoice options={GROUP_BY} value={groupBy} onChange={onGroupBy} minWidth={160} />
      </div>
      <Tree aria-label="Protection groups" openItems={openItems} onOpenChange={(_, d) => setOpenItems(d.openItems)}>
        <TreeItem itemType="branch" value="all">
          <TreeItemLayout
            onClick={() => onSelect({ kind: 'all' })}
            aria-current={selection.kind === 'all' ? 'true' : undefined}
            className={weight(selection.kind === 'all')}
          >
            All Protection Groups
          </TreeItemLayout>
          <Tree>
            {groups.map((g) => {
              const current = selection.kind === 'group' && selection.groupId === g.id;
              return (
                <TreeItem
                  key={g.id}
                  itemType="branch"
                  value={g.id}
                  aria-haspopup="menu"
                  onContextMenu={(e) => {
                    if (!ownEvent(e)) return;
                    e.preventDefault();
                    open(g, targetOf(e));
                  }}
                  onKeyDown={(e) => {
                    if (!ownEvent(e)) return;
                    if (isMenuKey(e)) {
                      e.preventDefault();
                      open(g, e.currentTarget);
                    } else if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onSelect({ kind: 'group', groupId: g.id });
                    }
                  }}
                >
                  <TreeItemLayout
                    onClick={() => onSelect({ kind: 'group', groupId: g.id })}
                    aria-current={current ? 'true' : undefined}
                    className={weight(current)}
                  >
                    {g.name} ({g.members})
                  </TreeItemLayout>
                  {openItems.has(g.id) ? (
                    <GroupMembers
                      serverId={serverId}
                      groupId={g.id}
                      onPick={(replicaId) => onPickMember(g.id, replicaId)}
                    />
                  ) : (
                    <Tree />
                  )}
                </TreeItem>
              );
            })}
          </Tree>
        </TreeItem>
        <TreeItem itemType="leaf" value="inactive">
          <TreeItemLayout
            onClick={() => onSelect({ kind: 'inactive' })}
            aria-current={selection.kind === 'inactive' ? 'true' : undefined}
            className={weight(selection.kind === 'inactive')}
          >
            Inactive Protection
          </TreeItemLayout>
        </TreeItem>
      </Tree>
      {menu && (
        <Suspense fallback={null}>
          <RowMenu target={menu.target} label={`${menu.group.name} operations`} onClose={close}>
            {menu.group.operations.map((o) => (
              <OperationMenuItem
                key={o.id}
                offer={o}
                onChoose={(offer) => {
                  menuChoice.current = true;
                  setMenu(null);
                  onGroupOperation(offer, menu.group);
                }}
              />
            ))}
          </RowMenu>
        </Suspense>
      )}
    </div>
  );
}

/** A group's members in the Navigation pane: the first page, the rest in the Display pane. */
function GroupMembers({
  serverId,
  groupId,
  onPick,
}: {
  serverId: string;
  groupId: string;
  onPick: (replicaId: string) => void;
}) {
  const members = useInfiniteQuery(membersQuery(serverId, { groupId, sort: 'dataSource', dir: 'asc' }));
  const first = members.data?.pages[0];
  return (
    <Tree>
      {members.isPending && (
        <TreeItem itemType="leaf" value={`${groupId}-loading`}>
          <TreeItemLayout>Loading members…</TreeItemLayout>
        </TreeItem>
      )}
      {(first?.items ?? []).map((m) => (
        <TreeItem key={m.id} itemType="leaf" value={m.id}>
          <TreeItemLayout onClick={() => onPick(m.id)}>
            {memberLabel(m)} — {m.computer}
          </TreeItemLayout>
        </TreeItem>
      ))}
      {first && first.total > first.items.length && (
        <TreeItem itemType="leaf" value={`${groupId}-more`}>
          <TreeItemLayout>{first.total - first.items.length} more members in the Display pane</TreeItemLayout>
        </TreeItem>
      )}
    </Tree>
  );
}
