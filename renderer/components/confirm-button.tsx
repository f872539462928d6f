// A button that asks before doing something that cannot be undone: it opens an alert dialog that says what will
// happen, and runs the action only on the dialog's confirm button. The dialog opens with the keyboard on Cancel, the
// safe choice, so Enter or Space pressed by habit changes nothing. Failures are the caller's to show.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Tooltip,
  useRestoreFocusTarget,
  type ButtonProps,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface ConfirmButtonProps {
  /** The trigger button's props (label as children, icon, aria-label...). */
  trigger: ButtonProps;
  /** Why the button cannot act now; it stays focusable and says so on hover and focus. */
  disabledReason?: string | undefined;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  /** Runs the action; the dialog closes when it settles. */
  onConfirm: () => Promise<unknown>;
}

export function ConfirmButton({
  trigger,
  disabledReason,
  title,
  children,
  confirmLabel,
  onConfirm,
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const cancel = useRef<HTMLElement | null>(null);
  // Opened by our own click handler (a tooltip cannot sit inside DialogTrigger), so mark the trigger as where
  // focus returns when the dialog closes.
  const restoreFocus = useRestoreFocusTarget();

  // Runs after the dialog's own effect that focuses its first button (child effects run first).
  useEffect(() => {
    if (open) cancel.current?.focus();
  }, [open]);

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
    <>
      {disabledReason ? (
        <Tooltip content={disabledReason} relationship="description" withArrow>
          <Button {...trigger} disabledFocusable />
        </Tooltip>
      ) : (
        <Button {...trigger} {...restoreFocus} onClick={() => setOpen(true)} />
      )}
      <Dialog modalType="alert" open={open} onOpenChange={(_event, data) => !running && setOpen(data.open)}>
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
              <Button
                ref={(element: HTMLElement | null) => {
                  cancel.current = element;
                }}
                disabled={running}
                onClick={() => setOpen(false)}
              >
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
