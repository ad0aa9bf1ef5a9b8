import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Radio,
  RadioGroup,
  SearchBox,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { serverListQuery } from '../features/topology/queries';
import { ErrorState, Loading } from '../components/states';
import { useLayoutStyles } from '../components/layout';

/**
 * Connect to DPM server: switches the server whose view every work area shows. The servers are
 * searched and paged by the server (an estate may have hundreds), twenty at a time.
 *
 * The button that opens it is the shell's (ConnectButton in Shell.tsx): this dialog's code is
 * fetched when it is first opened, not with the first page.
 */
const useStyles = makeStyles({ list: { maxHeight: '320px', overflow: 'auto' } });

export function ConnectDialog({
  serverId,
  connect,
  open,
  onClose,
}: {
  serverId: string;
  connect: (id: string) => void;
  open: boolean;
  onClose: () => void;
}) {
  const [choice, setChoice] = useState(serverId);
  const [search, setSearch] = useState('');
  // Each opening starts from the connected server and an empty search.
  const [shown, setShown] = useState(false);
  if (open !== shown) {
    setShown(open);
    if (open) {
      setChoice(serverId);
      setSearch('');
    }
  }
  const navigate = useNavigate();
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Connect to DPM server</DialogTitle>
          <DialogContent>
            {open && <ServerChoice choice={choice} onChoose={setChoice} search={search} onSearch={setSearch} />}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={!choice}
              onClick={() => {
                connect(choice);
                onClose();
              }}
            >
              Connect
            </Button>
            {/* Mark as failed, Reinstall DPM, the DpmSync commands and the runbook of the chosen server. */}
            <Button
              disabled={!choice}
              onClick={() => {
                onClose();
                void navigate(`/servers/${choice}`);
              }}
            >
              Server actions
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function ServerChoice({
  choice,
  onChoose,
  search,
  onSearch,
}: {
  choice: string;
  onChoose: (id: string) => void;
  search: string;
  onSearch: (s: string) => void;
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const servers = useInfiniteQuery(serverListQuery(search.trim()));
  const rows = servers.data?.pages.flatMap((p) => p.items) ?? [];
  const total = servers.data?.pages[0]?.total ?? 0;
  return (
    <div className={layout.stackWide}>
      <SearchBox
        aria-label="Search DPM servers"
        placeholder="Name or FQDN"
        value={search}
        onChange={(_, d) => onSearch(d.value)}
      />
      {servers.isPending && <Loading label="Loading DPM servers…" />}
      {servers.isError && <ErrorState error={servers.error} />}
      {servers.data && (
        <>
          <Text size={200} aria-live="polite">
            {total === 0 ? 'No DPM server matches.' : `${rows.length} of ${total} DPM servers`}
          </Text>
          <div className={styles.list}>
            <RadioGroup aria-label="DPM server" value={choice} onChange={(_, d) => onChoose(d.value)}>
              {rows.map((s) => (
                <Radio key={s.id} value={s.id} label={`${s.name} (${s.fqdn}) — ${s.state}, DPM ${s.version}`} />
              ))}
            </RadioGroup>
          </div>
          {servers.hasNextPage && (
            <Button size="small" disabled={servers.isFetchingNextPage} onClick={() => void servers.fetchNextPage()}>
              Show more DPM servers
            </Button>
          )}
        </>
      )}
    </div>
  );
}
