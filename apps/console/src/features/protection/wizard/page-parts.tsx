import type { ReactNode } from 'react';
import { Caption1, Text } from '@fluentui/react-components';
import type { WizardContext, WizardState } from './model';
import type { FieldErrors, FieldId } from './validate';

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
  if (!message) return null;
  return (
    <Text id={id} role="alert" style={{ color: 'var(--colorPaletteRedForeground1)', fontSize: 13 }}>
      {message}
    </Text>
  );
}

export function Hint({ children }: { children: ReactNode }) {
  return <Caption1 style={{ color: 'var(--colorNeutralForeground3)', display: 'block' }}>{children}</Caption1>;
}

