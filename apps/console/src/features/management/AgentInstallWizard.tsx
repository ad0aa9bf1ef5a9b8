import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Checkbox,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CommandFeedback, type useCommand } from '../../components/command';
import { Empty, ErrorState, Loading } from '../../components/states';
import { agentCandidatesQuery } from './queries';
import { attachAgents } from './commands';
import { useLayoutStyles } from '../../components/layout';
import { Cell, PlainTable } from '../../components/PlainTable';
import { WizardFooter } from '../../components/WizardFooter';

const PAGES = ['Select Agent Deployment Method', 'Select Computers', 'Enter Credentials', 'Summary'] as const;

/** What the server answered for each computer: deployed, or the sentence that refused it. */
const useStyles = makeStyles({
  surface: { maxWidth: '680px' },
  content: { display: 'grid', gap: tokens.spacingVerticalMNudge, minHeight: '260px' },
  indented: { marginLeft: tokens.spacingHorizontalXXL },
  computers: { display: 'grid', maxHeight: '220px', overflow: 'auto' },
});

interface ComputerResult {
  name: string;
  ok: boolean;
  detail: string;
}

function resultsOf(
  selected: Map<string, string>,
  events: { type: string; subjectId: string; summary: string }[],
  method: 'Install' | 'Attach',
): ComputerResult[] {
  return [...selected].map(([id, name]) => {
    const refused = events.find((e) => e.type === 'agent.refused' && e.subjectId === id);
    return refused
      ? { name, ok: false, detail: refused.summary }
      : { name, ok: true, detail: method === 'Install' ? 'Installed' : 'Attached' };
  });
}

/**
 * Management › Agents › Install: the Protection Agent Installation Wizard (seed 001). Select
 * Computers greys out the computers the server would refuse by the chosen method, with the
 * domain's sentence (another major/minor DPM version, no agent to attach, one already there);
 * every DPM server runs the agent, so it is attached. The result is reported per computer, as
 * DPM's wizard does. The password goes to the server once and is not kept.
 */
export function AgentInstallWizard({
  serverId,
  serverName,
  command,
  onClose,
}: {
  serverId: string;
  serverName: string;
  command: ReturnType<typeof useCommand>;
  onClose: () => void;
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [page, setPage] = useState(0);
  const [method, setMethod] = useState<'Install' | 'Attach'>('Install');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [results, setResults] = useState<ComputerResult[] | null>(null);
  const candidates = useQuery({ ...agentCandidatesQuery(serverId, search), enabled: page === 1 });
  const title = PAGES[page] ?? PAGES[0];
  const canNext =
    page === 0 || (page === 1 && selected.size > 0) || (page === 2 && userName.trim() !== '' && password !== '');
  const chooseMethod = (m: 'Install' | 'Attach') => {
    setMethod(m);
    setSelected(new Map());
  };
  const toggle = (id: string, name: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(id, name);
      else next.delete(id);
      return next;
    });
  const submit = async () => {
    // The answer's events say, per computer, whether it took the agent or why not.
    const got: { events?: { type: string; subjectId: string; summary: string }[] } = {};
    await command.run(method === 'Install' ? 'Install' : 'Attach', async () => {
      const credentials = { userName: userName.trim(), password };
      const answer = await attachAgents(serverId, { computerIds: [...selected.keys()], method, credentials });
      got.events = answer.events;
      return answer;
    });
    if (got.events) {
      setPassword('');
      const perComputer = resultsOf(selected, got.events, method);
      if (perComputer.every((r) => r.ok)) onClose();
      else setResults(perComputer);
    }
  };
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined} className={styles.surface}>
        <DialogBody>
          <DialogTitle>Protection Agent Installation Wizard</DialogTitle>
          <DialogContent className={styles.content}>
            <h2 className={layout.title}>{title}</h2>
            <CommandFeedback command={command} />
            {page === 0 && (
              <>
                <RadioGroup
                  aria-label="Agent deployment method"
                  value={method}
                  onChange={(_, d) => chooseMethod(d.value === 'Attach' ? 'Attach' : 'Install')}
                >
                  <Radio value="Install" label="Install agents" />
                  <Radio value="Attach" label="Attach agents" />
                </RadioGroup>
                {method === 'Attach' && (
                  <RadioGroup aria-label="Attach agents" value="trusted" className={styles.indented}>
                    <Radio value="trusted" label="Computer on a trusted domain" />
                  </RadioGroup>
                )}
              </>
            )}
            {page === 1 && (
              <>
                <Field label="Search">
                  <Input value={search} onChange={(_, d) => setSearch(d.value)} placeholder="Computer name" />
                </Field>
                {candidates.isPending && <Loading label="Looking up computers…" />}
                {candidates.isError && <ErrorState error={candidates.error} />}
                {candidates.data?.length === 0 && <Empty>No computer of the domain matches.</Empty>}
                <div role="group" aria-label="Computers" className={styles.computers}>
                  {candidates.data?.map((c) => {
                    const why = c.whyNot[method];
                    return (
                      <Checkbox
                        key={c.computerId}
                        checked={why === null && selected.has(c.computerId)}
                        disabled={why !== null}
                        onChange={(_, d) => toggle(c.computerId, c.name, d.checked === true)}
                        label={
                          `${c.name} (${c.fqdn})${c.dpmVersion ? ` — DPM ${c.dpmVersion}` : ''}` +
                          `${c.hasAgent ? ` — agent installed${c.owner ? `, owned by ${c.owner}` : ''}` : ''}` +
                          `${why ? ` — ${why.message}` : ''}`
                        }
                      />
                    );
                  })}
                </div>
                <p className={layout.note}>Selected: {[...selected.values()].join(', ') || 'none'}</p>
              </>
            )}
            {page === 2 && (
              <>
                <p className={layout.text}>
                  A domain account with administrator rights on the selected computers, e.g. CONTOSO\dpmadmin.
                </p>
                <Field label="User name">
                  <Input value={userName} onChange={(_, d) => setUserName(d.value)} autoComplete="off" />
                </Field>
                <Field label="Password">
                  <Input
                    type="password"
                    value={password}
                    onChange={(_, d) => setPassword(d.value)}
                    autoComplete="off"
                  />
                </Field>
              </>
            )}
            {page === 3 && results && (
              <PlainTable label="Results" density="tight" rules="none" columns={['Computer', 'Result']}>
                {results.map((r) => (
                  <tr key={r.name}>
                    <Cell>{r.name}</Cell>
                    <Cell>{r.ok ? r.detail : `Error: ${r.detail}`}</Cell>
                  </tr>
                ))}
              </PlainTable>
            )}
            {page === 3 && !results && (
              <ul aria-label="Summary" className={layout.text}>
                <li>DPM server: {serverName}</li>
                <li>
                  Method: {method === 'Install' ? 'Install agents' : 'Attach agents (computer on a trusted domain)'}
                </li>
                <li>Computers: {[...selected.values()].join(', ')}</li>
                <li>Account: {userName.trim()}</li>
              </ul>
            )}
          </DialogContent>
          <WizardFooter
            done={results !== null}
            onClose={onClose}
            canGoBack={page > 0 && !command.pending}
            onBack={() => setPage(page - 1)}
            last={page === 3}
            canGoOn={canNext}
            onNext={() => {
              command.clear();
              setPage(page + 1);
            }}
            finish={method === 'Install' ? 'Install' : 'Attach'}
            finishing={command.pending}
            onFinish={() => void submit()}
          />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
