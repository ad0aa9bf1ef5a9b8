import { useId, useMemo, useState, type ReactNode } from 'react';
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tree,
  TreeItem,
  TreeItemLayout,
  type TreeItemValue,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatGb } from '../../../shell/format';
import {
  byKind,
  candidatesOf,
  DPM_MINIMUM_NOTE,
  isDpmMinimum,
  type Candidate,
  type ProtectableComputer,
} from './candidates';
import { useLayoutStyles } from '../../../components/layout';

interface MembersTreeProps {
  serverId: string;
  serverName: string;
  computers: ProtectableComputer[];
  selected: Record<string, Candidate>;
  onChange: (next: Record<string, Candidate>) => void;
  /** Modify protection group: the members it already has show checked and can't be unchecked. */
  groupId: string | null;
}

interface Node {
  computer: ProtectableComputer;
  dataSources: Candidate[];
  replicas: Candidate[];
}

const useStyles = makeStyles({
  tree: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '300px',
    overflow: 'auto',
    padding: tokens.spacingHorizontalXS,
  },
});

const computerValue = (id: string) => `c|${id}`;
const replicasValue = (id: string) => `r|${id}`;
const memberValue = (key: string) => `m|${key}`;

/**
 * Select Group Members: computers → data sources, and for a DPM server its DPMDB, volumes, the
 * Config and Scripting folders and the replicas it holds. What this server may not protect is
 * greyed out with the domain's reason (already protected, a chaining rule, the agent's owner);
 * the members a group being modified already has show checked.
 */
export function MembersTree({ serverId, serverName, computers, selected, onChange, groupId }: MembersTreeProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const nodes: Node[] = useMemo(
    () =>
      computers.map((computer) => {
        const { dataSources, replicas } = candidatesOf(computer);
        return { computer, dataSources: dataSources.sort(byKind), replicas };
      }),
    [computers],
  );
  const [open, setOpen] = useState<Set<TreeItemValue>>(new Set());
  const ids = useId();
  /**
   * An item is named by its name alone (the tree is walked by name); what the aside says is read
   * as its description, so the visible text an item's name is made of is the name itself.
   */
  const aside = (value: string, text: ReactNode) => {
    const id = `${ids}-${encodeURIComponent(value)}`;
    return {
      'aria-describedby': id,
      aside: (
        <Caption1 id={id} aria-hidden>
          {text}
        </Caption1>
      ),
    };
  };
  const [expandedOnce, setExpandedOnce] = useState<string[]>([]);
  const [minimumShownFor, setMinimumShownFor] = useState<string[]>([]);

  const inGroup = (c: Candidate) => groupId !== null && c.protectedBy?.groupId === groupId;
  const locked = (c: Candidate) => c.whyNot !== null;
  const selectable = (list: Candidate[]) => list.filter((c) => !locked(c));

  const stateOf = (list: Candidate[]): boolean | 'mixed' => {
    const free = selectable(list);
    const n = free.filter((c) => selected[c.key] !== undefined).length;
    if (n === 0) return false;
    return n === free.length ? true : 'mixed';
  };

  const entry = (value: TreeItemValue, checked: boolean | 'mixed'): [TreeItemValue, boolean | 'mixed'] => [
    value,
    checked,
  ];
  const checkedItems = nodes.flatMap(({ computer, dataSources, replicas }) => [
    entry(computerValue(computer.id), stateOf([...dataSources, ...replicas])),
    ...(replicas.length > 0 ? [entry(replicasValue(computer.id), stateOf(replicas))] : []),
    ...[...dataSources, ...replicas].map((c) => entry(memberValue(c.key), selected[c.key] !== undefined || inGroup(c))),
  ]);

  const setMany = (list: Candidate[], on: boolean) => {
    const next = { ...selected };
    for (const c of selectable(list)) {
      if (on) next[c.key] = c;
      else delete next[c.key];
    }
    onChange(next);
  };

  const onChecked = (value: TreeItemValue, checked: boolean | 'mixed') => {
    const on = checked !== false;
    const v = String(value);
    for (const { computer, dataSources, replicas } of nodes) {
      if (v === computerValue(computer.id)) return setMany([...dataSources, ...replicas], on);
      if (v === replicasValue(computer.id)) return setMany(replicas, on);
      const leaf = [...dataSources, ...replicas].find((c) => memberValue(c.key) === v);
      if (leaf) return setMany([leaf], on);
    }
    return undefined;
  };

  /** Expanding a primary DPM server selects the minimum seed 001 names, once. */
  const onOpen = (value: TreeItemValue, isOpen: boolean) => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (isOpen) next.add(value);
      else next.delete(value);
      return next;
    });
    const node = nodes.find((n) => computerValue(n.computer.id) === String(value));
    if (
      !isOpen ||
      !node ||
      node.computer.dpmServerId === null ||
      node.computer.local ||
      expandedOnce.includes(node.computer.id)
    )
      return;
    setExpandedOnce((prev) => [...prev, node.computer.id]);
    const minimum = node.dataSources.filter((c) => isDpmMinimum(c) && !locked(c));
    if (minimum.length === 0) return;
    setMinimumShownFor((prev) => [...prev, node.computer.id]);
    setMany(minimum, true);
  };

  const note = (c: Candidate) => {
    if (inGroup(c)) return 'In this group';
    if (c.protectedBy?.serverId === serverId) return `Protected in ${c.protectedBy.group}`;
    if (c.protectedBy) return `Protected by ${c.protectedBy.server}`;
    return `${c.kind} · ${formatGb(c.sizeGb)}`;
  };

  const leaf = (c: Candidate) => {
    const a = aside(memberValue(c.key), c.whyNot && !c.protectedBy && !inGroup(c) ? c.whyNot.code : note(c));
    return (
      <TreeItem
        key={c.key}
        itemType="leaf"
        value={memberValue(c.key)}
        aria-label={c.name}
        aria-describedby={a['aria-describedby']}
        title={c.whyNot?.message}
      >
        <TreeItemLayout selector={{ disabled: locked(c) }} aside={a.aside}>
          {c.name}
        </TreeItemLayout>
      </TreeItem>
    );
  };

  const shownMinimum = nodes.filter((n) => minimumShownFor.includes(n.computer.id)).map((n) => n.computer.name);

  return (
    <div className={layout.stackWide}>
      {nodes.length === 0 ? (
        <Caption1>
          No computer has a protection agent owned by or attached to {serverName}. Install or attach agents in
          Management › Agents first.
        </Caption1>
      ) : (
        <div className={styles.tree}>
          <Tree
            aria-label="Available members"
            selectionMode="multiselect"
            checkedItems={checkedItems}
            onCheckedChange={(_, d) => onChecked(d.value, d.checked)}
            openItems={open}
            onOpenChange={(_, d) => onOpen(d.value, d.open)}
            size="small"
          >
            {nodes.map(({ computer, dataSources, replicas }) => (
              <TreeItem
                key={computer.id}
                itemType="branch"
                value={computerValue(computer.id)}
                aria-label={computer.name}
                aria-describedby={aside(computerValue(computer.id), '')['aria-describedby']}
              >
                <TreeItemLayout
                  aside={
                    aside(
                      computerValue(computer.id),
                      computer.local ? 'This DPM server' : computer.dpmServerId ? 'DPM server' : '',
                    ).aside
                  }
                >
                  {computer.name}
                </TreeItemLayout>
                <Tree>
                  {dataSources.map(leaf)}
                  {replicas.length > 0 && (
                    <TreeItem
                      itemType="branch"
                      value={replicasValue(computer.id)}
                      aria-label={`Replicas on ${computer.name}`}
                      aria-describedby={aside(replicasValue(computer.id), '')['aria-describedby']}
                    >
                      <TreeItemLayout
                        aside={aside(replicasValue(computer.id), `${replicas.length} protected data sources`).aside}
                      >
                        Replicas on {computer.name}
                      </TreeItemLayout>
                      <Tree>{replicas.map(leaf)}</Tree>
                    </TreeItem>
                  )}
                </Tree>
              </TreeItem>
            ))}
          </Tree>
        </div>
      )}
      {shownMinimum.length > 0 && (
        <MessageBar intent="info" role="note" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Minimum selection for {shownMinimum.join(', ')}</MessageBarTitle>
            {DPM_MINIMUM_NOTE} They are selected; also select the volumes and the replicas to protect everything the
            server holds.
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
