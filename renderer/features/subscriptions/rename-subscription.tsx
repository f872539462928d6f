// "Rename" for a subscription: a dialog with the new name, checked by the contract's own schema as the user
// types, sent with the acting account's permissions; Azure's refusal (e.g. a Reader) is shown in words in the
// dialog. The list shows the new name once the inventory has read it back from Azure.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Spinner,
} from '@fluentui/react-components';
import { Rename16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AppError } from '../../../preload/contract';
import type { SubscriptionSummary } from '../../../preload/contract-inventory';
import { renameSubscriptionArgsSchema } from '../../../preload/contract-operations';
import { getBridge } from '../../bridge';
import { ErrorBar } from '../../components/error-bar';

export function RenameSubscription({ sub, disabled }: { sub: SubscriptionSummary; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(sub.displayName);
  const [error, setError] = useState<AppError>();
  const [saving, setSaving] = useState(false);
  const check = renameSubscriptionArgsSchema.safeParse({ subscriptionId: sub.id, displayName: name });
  const problem = check.success ? undefined : check.error.issues[0]?.message;
  const unchanged = name.trim() === sub.displayName;

  const save = async (): Promise<void> => {
    if (!check.success || unchanged) return;
    setSaving(true);
    const result = await getBridge().subscriptions.rename(check.data);
    setSaving(false);
    if (result.ok) setOpen(false);
    else setError(result.error);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        setOpen(data.open);
        if (data.open) {
          setName(sub.displayName);
          setError(undefined);
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          icon={<Rename16Regular />}
          disabledFocusable={disabled}
          aria-label={`Rename ${sub.displayName}`}
        >
          Rename
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>Rename {sub.displayName}</DialogTitle>
            <DialogContent>
              <Field
                label="New name"
                {...(problem ? { validationMessage: problem, validationState: 'error' as const } : {})}
                hint="Azure shows this name to everyone with access to the subscription."
              >
                <Input value={name} onChange={(_event, data) => setName(data.value)} autoFocus />
              </Field>
              {error && <ErrorBar error={error} action="Could not rename" />}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">Cancel</Button>
              </DialogTrigger>
              <Button
                appearance="primary"
                type="submit"
                disabled={saving || !check.success || unchanged}
                icon={saving ? <Spinner size="tiny" /> : null}
              >
                Rename
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
