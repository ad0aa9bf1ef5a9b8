import type { ReactNode } from 'react';
import { Caption1, Text, makeStyles } from '@fluentui/react-components';
import type { WizardContext, WizardState } from './model';
import type { FieldErrors, FieldId } from './validate';

const useStyles = makeStyles({
  error: { color: 'var(--colorPaletteRedForeground1)', fontSize: '13px' },
  hint: { color: 'var(--colorNeutralForeground3)', display: 'block' },
});

/** What every page of the wizard gets: the state, how to change it, its errors, what it knows. */
export interface PageProps {
  s: WizardState;
  set: (patch: Partial<WizardState>) => void;
  errors: FieldErrors;
  ctx: WizardContext;
}

/** Props a Fluent Field takes to show the error of one field. */
export function invalid(errors: FieldErrors, id: FieldId) {
  const message = errors[id];
  return message ? { validationState: 'error' as const, validationMessage: message } : {};
}

/** The error of a group of controls (checkboxes, the tree), linked to the group by id. */
export function GroupError({ id, message }: { id: string; message: string | undefined }) {
  const styles = useStyles();
  if (!message) return null;
  return (
    <Text id={id} role="alert" className={styles.error}>
      {message}
    </Text>
  );
}

export function Hint({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <Caption1 className={styles.hint}>{children}</Caption1>;
}
