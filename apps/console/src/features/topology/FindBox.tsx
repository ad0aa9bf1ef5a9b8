import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, SearchBox, makeStyles, tokens } from '@fluentui/react-components';
import { topologySearchQuery, type TopologyMatch } from './queries';

const useStyles = makeStyles({
  box: { position: 'relative' },
  matches: {
    position: 'absolute',
    zIndex: 10,
    top: '100%',
    left: 0,
    right: 0,
    margin: 0,
    padding: tokens.spacingHorizontalXS,
    listStyle: 'none',
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
  },
  match: { width: '100%', justifyContent: 'flex-start' },
});

/** Find a server or computer: Enter goes to the best match; the matches are listed to choose from. */
export function FindBox({
  onGo,
  onMissing,
  prefetch,
}: {
  onGo: (m: TopologyMatch) => void;
  onMissing: (q: string) => void;
  prefetch: (q: string) => Promise<{ items: TopologyMatch[] }>;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [listed, setListed] = useState(false);
  const q = text.trim();
  const matches = useQuery(topologySearchQuery(q));
  const go = (m: TopologyMatch) => {
    setListed(false);
    onGo(m);
  };
  const choose = async () => {
    if (q === '') return;
    const found = matches.data ?? (await prefetch(q));
    const best = found.items[0];
    if (best) go(best);
    else onMissing(q);
  };
  return (
    <div className={styles.box}>
      <SearchBox
        size="small"
        aria-label="Find a server or computer"
        placeholder="Find a server or computer"
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          setListed(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void choose();
          } else if (e.key === 'Escape') setListed(false);
        }}
      />
      {listed && q !== '' && matches.data && matches.data.items.length > 1 && (
        <ul aria-label="Matches" className={styles.matches}>
          {matches.data.items.map((m) => (
            <li key={m.id}>
              <Button appearance="subtle" size="small" className={styles.match} onClick={() => go(m)}>
                {`${m.name} — ` +
                  (m.kind === 'server'
                    ? 'DPM server'
                    : m.protectedBy.length
                      ? `on ${m.protectedBy.map((p) => p.name).join(', ')}`
                      : 'not protected')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
