// Adds a service principal: cloud, tenant, client id and a credential (client secret, or a certificate PEM pasted
// or read from a file). Checks each field before sending and says what is wrong with it; the secret is typed
// into a password field, sent once to main and never shown back.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUp20Regular } from '@fluentui/react-icons';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { AppError } from '../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { useAccountsStore } from '../../stores/accounts-store';
import { validateServicePrincipal, type Draft, type Problems } from './service-principal-form';
import { useOnline } from '../../stores/status-store';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pem: { fontFamily: tokens.fontFamilyMonospace },
  fileRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fileInput: { display: 'none' },
  why: { color: tokens.colorNeutralForeground3 },
});

export function ServicePrincipalDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const styles = useStyles();
  const clouds = useAccountsStore((state) => state.clouds);
  const add = useAccountsStore((state) => state.addServicePrincipal);
  const online = useOnline();
  const empty: Draft = { cloudId: '', tenant: '', clientId: '', kind: 'secret', secret: '', pem: '' };
  const [draft, setDraft] = useState<Draft>(empty);
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError>();
  const [fileNote, setFileNote] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const whyId = useId();

  const cloudId = clouds.some((cloud) => cloud.id === draft.cloudId) ? draft.cloudId : (clouds[0]?.id ?? '');
  const problems = validateServicePrincipal(draft);
  const show = (field: keyof Problems): string | null => (checked ? (problems[field] ?? null) : null);
  const change = (patch: Partial<Draft>): void => setDraft((current) => ({ ...current, ...patch }));

  const close = (): void => {
    setDraft(empty);
    setChecked(false);
    setError(undefined);
    setFileNote(undefined);
    onOpenChange(false);
  };

  const submit = async (): Promise<void> => {
    setChecked(true);
    if (Object.keys(problems).length > 0 || !online) return;
    setSaving(true);
    setError(undefined);
    const result = await add({
      cloudId,
      tenantId: draft.tenant.trim(),
      clientId: draft.clientId.trim(),
      credential:
        draft.kind === 'secret'
          ? { kind: 'secret', secret: draft.secret }
          : { kind: 'certificate', certificatePem: draft.pem.trim() },
    });
    setSaving(false);
    if (result.ok) close();
    else setError(result.error);
  };

  const readFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > 64 * 1024) {
      setFileNote(`${file.name} is larger than 64 KB; choose the PEM file with the certificate and key.`);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      change({ pem: typeof reader.result === 'string' ? reader.result : '' });
      setFileNote(`Read ${file.name}.`);
    };
    reader.onerror = () => setFileNote(`Could not read ${file.name}.`);
    reader.readAsText(file);
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => (data.open ? onOpenChange(true) : !saving && close())}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>Add a service principal</DialogTitle>
            <DialogContent className={styles.form}>
              <Text as="p" block>
                Cloud Desk signs in as the application, with the Azure roles assigned to it. The credential is kept
                encrypted on this computer and is never shown again.
              </Text>
              {error && <ErrorBar error={error} action="The service principal was not added" />}
              <Field label="Cloud" required>
                <Select value={cloudId} onChange={(_event, data) => change({ cloudId: data.value })}>
                  {clouds.map((cloud) => (
                    <option key={cloud.id} value={cloud.id}>
                      {cloud.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label="Tenant ID or domain"
                required
                hint="The tenant the application is registered in, e.g. contoso.onmicrosoft.com."
                validationMessage={show('tenant')}
              >
                <Input value={draft.tenant} onChange={(_event, data) => change({ tenant: data.value })} />
              </Field>
              <Field label="Application (client) ID" required validationMessage={show('clientId')}>
                <Input value={draft.clientId} onChange={(_event, data) => change({ clientId: data.value })} />
              </Field>
              <Field label="Credential">
                <RadioGroup
                  layout="horizontal"
                  value={draft.kind}
                  onChange={(_event, data) => change({ kind: data.value === 'certificate' ? 'certificate' : 'secret' })}
                >
                  <Radio value="secret" label="Client secret" />
                  <Radio value="certificate" label="Certificate" />
                </RadioGroup>
              </Field>
              {draft.kind === 'secret' ? (
                <Field label="Secret value" required validationMessage={show('secret')}>
                  <Input
                    type="password"
                    autoComplete="off"
                    value={draft.secret}
                    onChange={(_event, data) => change({ secret: data.value })}
                  />
                </Field>
              ) : (
                <>
                  <Field
                    label="Certificate (PEM with the private key)"
                    required
                    hint="Paste the PEM text, or choose the file."
                    validationMessage={show('pem')}
                  >
                    <Textarea
                      className={styles.pem}
                      resize="vertical"
                      rows={5}
                      spellCheck={false}
                      value={draft.pem}
                      onChange={(_event, data) => change({ pem: data.value })}
                    />
                  </Field>
                  <div className={styles.fileRow}>
                    <Button icon={<DocumentArrowUp20Regular />} onClick={() => fileInput.current?.click()}>
                      Choose PEM file…
                    </Button>
                    <input
                      ref={fileInput}
                      type="file"
                      accept=".pem,.crt,.cer,.key,application/x-pem-file"
                      className={styles.fileInput}
                      tabIndex={-1}
                      aria-hidden
                      onChange={readFile}
                    />
                    <Text role="status">{fileNote}</Text>
                  </div>
                </>
              )}
              {!online && (
                <Text id={whyId} className={styles.why}>
                  Adding a service principal needs a network connection.
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                type="submit"
                appearance="primary"
                disabledFocusable={!online || saving}
                aria-describedby={!online ? whyId : undefined}
                icon={saving ? <Spinner size="tiny" /> : null}
              >
                Add service principal
              </Button>
              <Button disabled={saving} onClick={close}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
