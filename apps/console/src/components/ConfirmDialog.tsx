import type { FormEvent, ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  medium: { maxWidth: '560px' },
  wide: { maxWidth: '640px' },
  wider: { maxWidth: '720px' },
  stack: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: '10px' },
});

export interface ConfirmDialogProps {
  /** DPM's name of the operation. */
  title: string;
  children: ReactNode;
  /** The confirming button's words; without it, the dialog only shows and closes. */
  confirm?: string;
  onConfirm?: () => void;
  onClose: () => void;
  /** The confirming button is disabled (a field left empty, a command running). */
  disabled?: boolean;
  /** The closing button's words: Cancel, or Close for a dialog that only shows. */
  cancel?: string;
  /** Enter in a field confirms, as the form's submit button. */
  submitOnEnter?: boolean;
  /** The dialog's width: Fluent's default, or at most 560, 640 or 720 pixels. */
  size?: 'default' | 'medium' | 'wide' | 'wider';
  /** The content is a stack of fields and notices rather than a sentence to read out. */
  stacked?: boolean;
  /** Buttons in place of the confirming one and Cancel (a dialog of two steps). */
  actions?: ReactNode;
}

/**
 * The console's one modal dialog: its title, its content, the confirming button and Cancel.
 * Escape and Cancel close it. A dialog whose content is a sentence is described by it; one
 * whose content is a form (`stacked`) is not.
 */
export function ConfirmDialog({
  title,
  children,
  confirm,
  onConfirm,
  onClose,
  disabled = false,
  cancel = 'Cancel',
  submitOnEnter = false,
  size = 'default',
  stacked = false,
  actions,
}: ConfirmDialogProps) {
  const styles = useStyles();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!disabled) onConfirm?.();
  };
  const body = (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent className={stacked ? styles.stack : undefined}>{children}</DialogContent>
      <DialogActions>
        {actions ?? (
          <>
            {confirm !== undefined && (
              <Button
                type={submitOnEnter ? 'submit' : 'button'}
                appearance="primary"
                disabled={disabled}
                onClick={submitOnEnter ? undefined : onConfirm}
              >
                {confirm}
              </Button>
            )}
            <Button onClick={onClose}>{cancel}</Button>
          </>
        )}
      </DialogActions>
    </DialogBody>
  );
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface
        {...(stacked ? { 'aria-describedby': undefined } : {})}
        className={mergeClasses(size !== 'default' && styles[size])}
      >
        {submitOnEnter ? <form onSubmit={submit}>{body}</form> : body}
      </DialogSurface>
    </Dialog>
  );
}
