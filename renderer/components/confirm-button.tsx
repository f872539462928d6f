// A button that asks before doing something that cannot be undone: it opens an alert dialog that says what will
// happen, and runs the action only on the dialog's confirm button. Failures are the caller's to show.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Spinner,
  type ButtonProps,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';

export interface ConfirmButtonProps {
  /** The trigger button's props (label as children, icon, aria-label, disabled...). */
  trigger: ButtonProps;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  /** Runs the action; the dialog closes when it settles. */
  onConfirm: () => Promise<unknown>;
}

export function ConfirmButton({ trigger, title, children, confirmLabel, onConfirm }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);

  const confirm = async (): Promise<void> => {
    setRunning(true);
    try {
      await onConfirm();
    } finally {
      setRunning(false);
      setOpen(false);
    }
  };

  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_event, data) => !running && setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button {...trigger} />
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={running}
              icon={running ? <Spinner size="tiny" /> : null}
              onClick={() => void confirm()}
            >
              {confirmLabel}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button disabled={running}>Cancel</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
