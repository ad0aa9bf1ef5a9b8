import { useRef } from 'react';
import { type NodeProps } from '@xyflow/react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, SearchBox, Spinner, mergeClasses } from '@fluentui/react-components';
import { protectsQuery } from './queries';
import { SIZE } from './model';
import { Handles, plural, useUi, type ComputersNodeType } from './node-parts';
import { useNodeStyles } from './node-styles';
import { useLayoutStyles } from '../../components/layout';

/**
 * A server's computers, opened under it on demand: a list read page by page from the server
 * (GET /api/servers/{serverId}/protects), with its own search. The topology's search fills that
 * search in and marks the computer it found.
 */
export function ComputersNode({ id, data }: NodeProps<ComputersNodeType>) {
  const ui = useUi();
  const styles = useNodeStyles();
  const layout = useLayoutStyles();
  const s = data.server;
  const search = ui.listSearch.get(s.serverId) ?? '';
  const list = useInfiniteQuery(protectsQuery(s.serverId, search.trim(), 'computer'));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const inputRef = useRef<HTMLInputElement>(null);
  const label = `Computers protected by ${s.name}`;
  return (
    <div
      role="group"
      aria-label={label}
      aria-description={`${plural(s.computers, 'computer', 'computers')}; Enter to search them`}
      className={mergeClasses('topology-node topology-list nowheel nodrag nopan', styles.list)}
      data-node-id={id}
      tabIndex={ui.current === id ? 0 : -1}
      onFocus={(e) => e.target === e.currentTarget && ui.onFocus(id)}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          inputRef.current?.focus();
        } else ui.onKeyDown(id, e);
      }}
      style={SIZE.computers}
    >
      <Handles />
      <strong
        className={styles.listTitle}
      >{`${s.name} protects ${plural(s.computers, 'computer', 'computers')}`}</strong>
      <SearchBox
        size="small"
        input={{ ref: inputRef }}
        aria-label={`Search the computers of ${s.name}`}
        placeholder="Search"
        value={search}
        onChange={(_, d) => ui.setListSearch(s.serverId, d.value)}
      />
      <span aria-live="polite" className={layout.muted}>
        {total === undefined ? 'Loading…' : `${rows.length} of ${plural(total, 'computer', 'computers')}`}
      </span>
      <ul aria-label={label} className={styles.listItems}>
        {rows.map((c) => (
          <li
            key={c.id}
            data-computer-id={c.id}
            className={mergeClasses(styles.listItem, c.id === ui.highlight && styles.found)}
          >
            {c.name}
            {c.how === 'switched' ? ' (switched)' : ''}
          </li>
        ))}
      </ul>
      {list.isFetching && <Spinner size="extra-tiny" />}
      {list.hasNextPage && (
        <Button size="small" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Show more computers
        </Button>
      )}
    </div>
  );
}
