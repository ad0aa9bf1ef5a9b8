import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Radio, RadioGroup } from '@fluentui/react-components';
import { serversQuery } from '../api/queries';
import { ErrorState, Loading } from '../components/states';

/** Connect to DPM server: switches the server whose view every work area shows. */
export function ConnectDialog({ serverId, connect }: { serverId: string; connect: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(serverId);
  const servers = useQuery(serversQuery());
  const navigate = useNavigate();
  return (
    <Dialog open={open} onOpenChange={(_, d) => { setOpen(d.open); if (d.open) setChoice(serverId); }}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" size="small">Connect to DPM server</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Connect to DPM server</DialogTitle>
          <DialogContent>
            {servers.isPending && <Loading label="Loading DPM servers…" />}
            {servers.isError && <ErrorState error={servers.error} />}
            {servers.data && (
              <RadioGroup aria-label="DPM server" value={choice} onChange={(_, d) => setChoice(d.value)}>
                {servers.data.map((s) => (
                  <Radio key={s.id} value={s.id} label={`${s.name} (${s.fqdn}) — ${s.state}, DPM ${s.version}`} />
                ))}
              </RadioGroup>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!choice} onClick={() => { connect(choice); setOpen(false); }}>
              Connect
            </Button>
            {/* Mark as failed, Reinstall DPM, the DpmSync commands and the runbook of the chosen server. */}
            <Button disabled={!choice} onClick={() => { setOpen(false); void navigate(`/servers/${choice}`); }}>
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
