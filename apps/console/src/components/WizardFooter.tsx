import type { Ref } from 'react';
import { Button, DialogActions } from '@fluentui/react-components';

/**
 * The buttons of a wizard's dialog: Back, Next (on the last page the command that finishes it),
 * Cancel; once the command has run, Close. A button that cannot act yet stays focusable, so the
 * focus stays on Next while a page waits for a choice.
 */
export function WizardFooter({
  done,
  closeRef,
  onClose,
  canGoBack,
  onBack,
  last,
  canGoOn,
  onNext,
  finish,
  finishing,
  onFinish,
}: {
  /** The command has run: only Close is left. */
  done: boolean;
  closeRef?: Ref<HTMLButtonElement>;
  onClose: () => void;
  canGoBack: boolean;
  onBack: () => void;
  /** On the last page, the finishing command replaces Next. */
  last: boolean;
  canGoOn: boolean;
  onNext: () => void;
  /** The finishing command's name: Recover, Install, Attach. */
  finish: string;
  finishing: boolean;
  onFinish: () => void;
}) {
  return (
    <DialogActions>
      {done ? (
        <Button ref={closeRef} appearance="primary" onClick={onClose}>
          Close
        </Button>
      ) : (
        <>
          <Button disabledFocusable={!canGoBack} onClick={onBack}>
            Back
          </Button>
          {last ? (
            <Button appearance="primary" disabledFocusable={finishing} onClick={onFinish}>
              {finish}
            </Button>
          ) : (
            <Button appearance="primary" disabledFocusable={!canGoOn} onClick={onNext}>
              Next
            </Button>
          )}
          <Button onClick={onClose}>Cancel</Button>
        </>
      )}
    </DialogActions>
  );
}
