import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { makeStyles, mergeClasses, tokens, type PositioningVirtualElement } from '@fluentui/react-components';

const RowMenu = lazy(async () => ({ default: (await import('./RowMenu')).RowMenu }));

export interface Column<T> {
  key: string;
  header: string;
  width: string;
  render: (row: T) => ReactNode;
  /** When set, the header sorts the list on the server by this key. */
  sortKey?: string;
}

export interface VirtualTableProps<T> {
  label: string;
  rows: readonly T[];
  total?: number;
  getId: (row: T) => string;
  columns: Column<T>[];
  selectedId?: string | null;
  /**
   * With `selectedIds`, several rows can be selected as in DPM's lists: Ctrl+click or Ctrl+Space
   * adds or removes a row, Shift+click or Shift+arrow extends the selection from the focused row.
   */
  onSelect?: (row: T, how?: SelectHow) => void;
  selectedIds?: ReadonlySet<string>;
  sort?: { key: string; dir: 'asc' | 'desc' };
  onSort?: (key: string) => void;
  /** Called when the last loaded row scrolls into view (server-side paging). */
  onEndReached?: () => void;
  /** The context menu of a row: right-click, Shift+F10 or the context-menu key. */
  menu?: (row: T) => ReactNode;
  /** A group heading shown before the first row of each group (rows arrive sorted by it). */
  groupOf?: (row: T) => string;
  height?: string;
}

const ROW = 32;

const useStyles = makeStyles({
  grid: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  headerRow: {
    display: 'grid',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: tokens.colorNeutralBackground2,
  },
  columnHeader: {
    padding: '6px 8px',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: '13px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  /** A header that sorts: a button that looks like the header's text. */
  sort: {
    appearance: 'none',
    background: 'none',
    border: 'none',
    margin: 0,
    padding: 0,
    font: 'inherit',
    color: 'inherit',
    textAlign: 'inherit',
    cursor: 'pointer',
  },
  body: { flex: 1, overflow: 'auto', position: 'relative', minHeight: '120px' },
  rows: { position: 'relative' },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: `${ROW}px`,
    display: 'grid',
    alignItems: 'center',
    cursor: 'default',
    fontSize: '13px',
  },
  selected: { background: tokens.colorBrandBackground2 },
  groupStart: { borderTop: `2px solid ${tokens.colorNeutralStroke1}` },
  cell: { padding: '0 8px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
});

/** How a row was chosen: alone, added to or removed from the selection, or as the end of a range. */
export type SelectHow = 'only' | 'toggle' | 'range';

/**
 * An accessible, virtualized grid: only the rows in view are in the DOM, so lists of thousands
 * of members stay fluid. Arrow keys move the selection; the context menu opens by mouse or
 * keyboard.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { rows, columns, getId, selectedId, onSelect, menu, groupOf, selectedIds } = props;
  const multi = selectedIds !== undefined;
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [menuState, setMenuState] = useState<{ row: T; target: HTMLElement | PositioningVirtualElement } | null>(null);
  // The context-menu key also makes the browser fire a contextmenu event after our keydown opened
  // the menu; that echo must not reopen it at the pointer (or close it as a click outside).
  const keyboardOpenedAt = useRef(0);
  const template = columns.map((c) => c.width).join(' ');

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { onEndReached } = props;
  useEffect(() => {
    if (onEndReached && lastIndex >= rows.length - 1 && rows.length > 0) onEndReached();
  }, [lastIndex, rows.length, onEndReached]);

  const selectedIndex = selectedId ? rows.findIndex((r) => getId(r) === selectedId) : -1;

  const focusRow = useCallback(
    (index: number, how: SelectHow = 'only') => {
      const row = rows[index];
      if (!row) return;
      onSelect?.(row, how);
      virtualizer.scrollToIndex(index);
      requestAnimationFrame(() =>
        scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus(),
      );
    },
    [rows, onSelect, virtualizer],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, row: T, index: number) => {
    const extend: SelectHow = multi && e.shiftKey ? 'range' : 'only';
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(Math.min(rows.length - 1, index + 1), extend);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(Math.max(0, index - 1), extend);
    } else if (e.key === 'Home') {
      e.preventDefault();
      focusRow(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      focusRow(rows.length - 1);
    } else if (menu && (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))) {
      e.preventDefault();
      // The menu of a row that is part of a multiple selection acts on the whole selection.
      if (!selectedIds?.has(getId(row))) onSelect?.(row);
      keyboardOpenedAt.current = e.timeStamp;
      setMenuState({ row, target: e.currentTarget });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect?.(row, multi && e.key === ' ' && (e.ctrlKey || e.metaKey) ? 'toggle' : 'only');
    }
  };

  const onContextMenu = (e: MouseEvent<HTMLDivElement>, row: T) => {
    if (!menu) return;
    e.preventDefault();
    if (e.button !== 2 && e.timeStamp - keyboardOpenedAt.current < 1000) return;
    if (!selectedIds?.has(getId(row))) onSelect?.(row);
    if (e.button !== 2) {
      setMenuState({ row, target: e.currentTarget });
      return;
    }
    const { clientX: x, clientY: y } = e;
    setMenuState({
      row,
      target: {
        getBoundingClientRect: () => ({ x, y, top: y, left: x, bottom: y, right: x, width: 0, height: 0 }) as DOMRect,
      },
    });
  };

  return (
    <div
      role="grid"
      aria-label={props.label}
      aria-multiselectable={multi || undefined}
      aria-rowcount={(props.total ?? rows.length) + 1}
      aria-colcount={columns.length}
      className={styles.grid}
      // A height the caller chose (a list sized to its rows); the pane's by default.
      style={props.height ? { height: props.height } : undefined}
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className={styles.headerRow}
          // The columns' widths are the caller's.
          style={{ gridTemplateColumns: template }}
        >
          {columns.map((c) => {
            const sorted = props.sort?.key === c.sortKey;
            const ariaSort = sorted ? (props.sort?.dir === 'asc' ? 'ascending' : 'descending') : 'none';
            return (
              <div
                role="columnheader"
                aria-sort={c.sortKey ? ariaSort : undefined}
                key={c.key}
                className={styles.columnHeader}
              >
                {c.sortKey && props.onSort ? (
                  <button type="button" onClick={() => props.onSort?.(c.sortKey as string)} className={styles.sort}>
                    {c.header} {sorted ? (props.sort?.dir === 'asc' ? '▲' : '▼') : ''}
                  </button>
                ) : (
                  c.header
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className={styles.body}>
        {/* As high as all the rows together: the scroll bar is the whole list's. */}
        <div className={styles.rows} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const row = rows[v.index] as T;
            const id = getId(row);
            const selected = selectedIds ? selectedIds.has(id) : id === selectedId;
            const focused = id === selectedId;
            const group = groupOf?.(row);
            const groupStarts = group !== undefined && (v.index === 0 || groupOf?.(rows[v.index - 1] as T) !== group);
            return (
              <div
                key={id}
                role="row"
                data-row-index={v.index}
                aria-rowindex={v.index + 2}
                aria-selected={selected}
                tabIndex={focused || (selectedIndex === -1 && v.index === 0) ? 0 : -1}
                onClick={(e) =>
                  onSelect?.(row, multi && e.shiftKey ? 'range' : multi && (e.ctrlKey || e.metaKey) ? 'toggle' : 'only')
                }
                onKeyDown={(e) => onKeyDown(e, row, v.index)}
                onContextMenu={(e) => onContextMenu(e, row)}
                className={mergeClasses(styles.row, selected && styles.selected, groupStarts && styles.groupStart)}
                // Where the virtualizer puts the row, in the caller's columns.
                style={{ transform: `translateY(${v.start}px)`, gridTemplateColumns: template }}
              >
                {columns.map((c) => (
                  <div role="gridcell" key={c.key} className={styles.cell}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {/* One controlled Menu for the whole grid rather than a Menu with openOnContext per row: rows
          are virtualized (mounted and unmounted while scrolling), and the menu must open at the
          pointer for a right-click but at the row for Shift+F10 and the context-menu key. */}
      {menu && menuState && (
        <Suspense fallback={null}>
          <RowMenu target={menuState.target} onClose={() => setMenuState(null)}>
            {menu(menuState.row)}
          </RowMenu>
        </Suspense>
      )}
    </div>
  );
}
