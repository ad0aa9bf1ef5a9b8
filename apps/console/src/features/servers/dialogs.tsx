import { useState, type ReactNode } from 'react';
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { formatVersion, type Version } from '@dpm/domain/model';
import { CommandFeedback, type useCommand } from '../../components/command';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { reinstall, restoreDb } from './commands';
import { useLayoutStyles } from '../../components/layout';

type Command = ReturnType<typeof useCommand>;

interface CommandDialogProps {
  title: string;
  confirm: string;
  command: Command;
  /** The API call; the dialog closes when it succeeds and shows DPM's sentence when refused. */
  run: () => Promise<unknown>;
  onClose: () => void;
  disabled?: boolean;
  children: ReactNode;
}

/** A modal that runs one server command; Enter submits, Escape cancels. */
export function CommandDialog({
  title,
  confirm,
  command,
  run,
  onClose,
  disabled = false,
  children,
}: CommandDialogProps) {
  const submit = async () => {
    const result = await command.run(title, run);
    if (result !== undefined) onClose();
  };
  return (
    <ConfirmDialog
      title={title}
      confirm={confirm}
      disabled={disabled || command.pending}
      onConfirm={() => void submit()}
      onClose={onClose}
      submitOnEnter
      stacked
      size="medium"
    >
      {children}
      {command.feedback?.intent === 'error' && <CommandFeedback command={command} />}
    </ConfirmDialog>
  );
}

const useStyles = makeStyles({
  version: { display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: tokens.spacingHorizontalS },
});

interface ServerRef {
  id: string;
  name: string;
  fqdn: string;
  versionParts: Version;
}

const VERSION_FIELDS: { key: keyof Version; label: string }[] = [
  { key: 'major', label: 'Major version' },
  { key: 'minor', label: 'Minor version' },
  { key: 'build', label: 'Build' },
  { key: 'rollup', label: 'Update rollup' },
];

/**
 * Reinstall DPM (seed 000, steps 1 to 3): a new, empty DPMDB. DpmSync -RestoreDb later needs
 * the database's exact version and update rollup (DB_VERSION_MISMATCH) and the original FQDN
 * (FQDN_MISMATCH), so both are prefilled with what the server ran.
 */
export function ReinstallDialog({
  server,
  command,
  onClose,
}: {
  server: ServerRef;
  command: Command;
  onClose: () => void;
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [parts, setParts] = useState<Record<keyof Version, string>>(() => ({
    major: String(server.versionParts.major),
    minor: String(server.versionParts.minor),
    build: String(server.versionParts.build),
    rollup: String(server.versionParts.rollup),
  }));
  const [fqdn, setFqdn] = useState(server.fqdn);
  const number = (s: string) => (/^\d{1,6}$/.test(s.trim()) ? Number(s) : null);
  const major = number(parts.major);
  const minor = number(parts.minor);
  const build = number(parts.build);
  const rollup = number(parts.rollup);
  const version =
    major !== null && minor !== null && build !== null && rollup !== null ? { major, minor, build, rollup } : null;
  return (
    <CommandDialog
      title="Reinstall DPM"
      confirm="Reinstall"
      command={command}
      onClose={onClose}
      disabled={version === null || fqdn.trim() === ''}
      run={async () => (version ? reinstall(server.id, version, fqdn.trim()) : undefined)}
    >
      <p className={layout.text}>
        Installs DPM on {server.name} with a new, empty DPM database. To restore its DPMDB afterwards, install the same
        version and update rollup, with the same FQDN.
      </p>
      <div className={styles.version}>
        {VERSION_FIELDS.map((f) => (
          <Field
            key={f.key}
            label={f.label}
            validationMessage={number(parts[f.key]) === null ? 'A whole number' : undefined}
          >
            <Input
              inputMode="numeric"
              value={parts[f.key]}
              onChange={(_, d) => setParts((p) => ({ ...p, [f.key]: d.value }))}
            />
          </Field>
        ))}
      </div>
      <Field label="FQDN" hint="The fully qualified domain name of the server, such as ds1.contoso.com.">
        <Input value={fqdn} onChange={(_, d) => setFqdn(d.value)} />
      </Field>
      <p className={layout.text} aria-live="polite">
        {version
          ? `DPM ${formatVersion(version)} on ${fqdn.trim() || '—'}`
          : 'Enter the version as four whole numbers.'}
      </p>
    </CommandDialog>
  );
}

/** DpmSync -RestoreDb -DbLoc <location> [-InstanceName <server\instance>] (seeds 000, 001). */
export function RestoreDbDialog({
  server,
  command,
  onClose,
}: {
  server: ServerRef;
  command: Command;
  onClose: () => void;
}) {
  const layout = useLayoutStyles();
  const [dbLocation, setDbLocation] = useState('');
  const [instanceName, setInstanceName] = useState('');
  const instance = instanceName.trim();
  return (
    <CommandDialog
      title="Restore database"
      confirm="Restore"
      command={command}
      onClose={onClose}
      disabled={dbLocation.trim() === ''}
      run={() => restoreDb(server.id, dbLocation.trim(), instance === '' ? null : instance)}
    >
      <p className={layout.text}>
        Takes the DPM service on {server.name} offline and attaches the DPM database recovered to the folder. Run
        Synchronize database next.
      </p>
      <Field label="-DbLoc" hint="The folder the DPMDB was recovered to (Recovery › Copy to a network folder).">
        <Input value={dbLocation} placeholder="\\FS1\DPMRestore" onChange={(_, d) => setDbLocation(d.value)} />
      </Field>
      <Field
        label="-InstanceName"
        hint="Optional: server\instance, when the DPMDB is attached to another SQL Server instance."
      >
        <Input value={instanceName} onChange={(_, d) => setInstanceName(d.value)} />
      </Field>
      <code className={layout.note} aria-label="Command">
        DpmSync -RestoreDb -DbLoc {dbLocation.trim() || '<location>'}
        {instance ? ` -InstanceName ${instance}` : ''}
      </code>
    </CommandDialog>
  );
}
