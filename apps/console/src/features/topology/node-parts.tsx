import {
  createContext,
  useContext,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { Handle, Position, type Node } from '@xyflow/react';
import { makeStyles, mergeClasses } from '@fluentui/react-components';
import type { TopologyFinding, TopologyServer } from './queries';

/**
 * The nodes of the topology drawing. Each node is one focusable element with a roving
 * tabindex (Tab enters the drawing at the current node, the arrow keys move along the edges),
 * named by the server or computer; its description says its role and findings. Enter, Space,
 * Shift+F10, the context-menu key, a click or a right-click open its server actions.
 */
export interface TopologyUi {
  current: string | null;
  findingsOf: (serverId: string) => TopologyFinding[];
  protectorsOf: (computerId: string) => string[];
  onKeyDown: (id: string, e: KeyboardEvent<HTMLElement>) => void;
  onFocus: (id: string) => void;
  openMenu: (id: string, target: HTMLElement | { x: number; y: number }) => void;
  /** Computers lists: the search each one shows (set by the topology's search) and the computer to mark. */
  listSearch: ReadonlyMap<string, string>;
  highlight: string | null;
  setListSearch: (serverId: string, search: string) => void;
}

export const TopologyContext = createContext<TopologyUi | null>(null);

export function useUi(): TopologyUi {
  const ui = useContext(TopologyContext);
  if (!ui) throw new Error('topology nodes render inside the TopologyContext');
  return ui;
}

export type ServerNodeType = Node<{ server: TopologyServer }, 'server'>;
export type ComputerNodeType = Node<{ name: string }, 'computer'>;
export type ComputersNodeType = Node<{ server: TopologyServer }, 'computers'>;

/** The edges' ends: unseen, and above React Flow's own handle styles (hence `.react-flow__handle`). */
const useHandleStyles = makeStyles({
  hidden: {
    '&.react-flow__handle': {
      opacity: 0,
      pointerEvents: 'none',
      width: '1px',
      height: '1px',
      minWidth: 0,
      minHeight: 0,
      border: 0,
    },
  },
  upper: { '&.react-flow__handle': { top: '30%' } },
  lower: { '&.react-flow__handle': { top: '70%' } },
});

export function Handles() {
  const styles = useHandleStyles();
  return (
    <>
      <Handle id="in" type="target" position={Position.Top} isConnectable={false} className={styles.hidden} />
      <Handle id="out" type="source" position={Position.Bottom} isConnectable={false} className={styles.hidden} />
      <Handle
        id="side-in"
        type="target"
        position={Position.Right}
        isConnectable={false}
        className={mergeClasses(styles.hidden, styles.upper)}
      />
      <Handle
        id="side-out"
        type="source"
        position={Position.Right}
        isConnectable={false}
        className={mergeClasses(styles.hidden, styles.lower)}
      />
    </>
  );
}

/** The props every node's focusable element shares: roving tabindex, keys, click and right-click. */
export function focusable(ui: TopologyUi, id: string) {
  return {
    'data-node-id': id,
    tabIndex: ui.current === id ? 0 : -1,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.target === e.currentTarget) ui.onKeyDown(id, e);
    },
    onFocus: (e: FocusEvent<HTMLElement>) => {
      if (e.target === e.currentTarget) ui.onFocus(id);
    },
    onClick: (e: MouseEvent<HTMLElement>) => ui.openMenu(id, e.currentTarget),
    onContextMenu: (e: MouseEvent<HTMLElement>) => {
      e.preventDefault();
      ui.openMenu(id, { x: e.clientX, y: e.clientY });
    },
  };
}

/**
 * The largest font at which a name still fits its node (about 0.66 em a character, bold, with the
 * node's padding): the names grow as the drawing zooms out, but not past their node.
 */
export const nameFits = (name: string, width: number) =>
  ({ '--topology-name-max': `${Math.floor((width - 20) / (0.66 * Math.max(name.length, 4)))}px` }) as CSSProperties;

export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
