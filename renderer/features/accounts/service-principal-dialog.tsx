// Adds a service principal: a name to show, cloud, tenant, client id and a credential (a client secret, a PFX/P12
// file with its password, a certificate and key as two PEM files, or one PEM with both). Checks each field before
// sending and says what is wrong with it; a refusal from Entra ID marks the field it is about. Secrets are typed
// into password fields, files read here and sent once to main, and nothing is shown back.
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
import { useEffect, useId, useRef, useState } from 'react';
import type { AppError } from '../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { FileChoice } from '../../components/file-choice';
import { useNow } from '../../components/use-now';
import { CloudField } from './cloud-field';
import { useAccountsStore } from '../../stores/accounts-store';
import { useUnreachable } from '../../stores/status-store';
import { describeUnreachable } from './freshness';
import {
  emptyDraft,
  fieldForError,
  toServicePrincipalArgs,
  validateServicePrincipal,
  type CredentialKind,
  type Draft,
  type Field as FormField,
} from './service-principal-form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pem: { fontFamily: tokens.fontFamilyMonospace },
  why: { color: tokens.colorNeutralForeground3 },
});

const certificateForms: { kind: Exclude<CredentialKind, 'secret'>; label: string }[] = [
  { kind: 'pfx', label: 'PFX or P12 file (with its password)' },
  { kind: 'certificate_and_key', label: 'Certificate and private key as two PEM files' },
  { kind: 'certificate', label: 'One PEM with the certificate and its private key' },
];

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
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError>();
  const [refused, setRefused] = useState<{ field: FormField; message: string }>();
  const whyId = useId();
  const now = useNow(30_000);
  const form = useRef<HTMLFormElement>(null);
  // Each refusal moves the keyboard to the refused field once it is rendered as invalid (after the commit: a
  // frame scheduled from the submit could run before it and find nothing to focus).
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const cloudId = clouds.some((cloud) => cloud.id === draft.cloudId) ? draft.cloudId : (clouds[0]?.id ?? '');
  const cloud = clouds.find((candidate) => candidate.id === cloudId);
  const unreachable = useUnreachable(cloudId);
  const problems = validateServicePrincipal(draft);
  const show = (field: FormField): string | null =>
    refused?.field === field ? refused.message : checked ? (problems[field] ?? null) : null;
  const change = (patch: Partial<Draft>): void => {
    setDraft((current) => ({ ...current, ...patch }));
    // An edit to the field Entra ID refused clears the refusal: the new value has not been tried.
    if (
      refused &&
      Object.keys(patch).some((key) => key === refused.field || (refused.field === 'pfx' && key === 'pfxBase64'))
    )
      setRefused(undefined);
  };

  const close = (): void => {
    setDraft(emptyDraft);
    setChecked(false);
    setError(undefined);
    setRefused(undefined);
    onOpenChange(false);
  };

  const submit = async (): Promise<void> => {
    setChecked(true);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    setError(undefined);
    setRefused(undefined);
    const result = await add(toServicePrincipalArgs(draft, cloudId));
    setSaving(false);
    if (result.ok) return close();
    const field = fieldForError(result.error, draft.kind);
    if (!field) return setError(result.error);
    setRefused(field);
    // The keyboard goes to the field Entra ID refused, which now says why.
    setRefusals((count) => count + 1);
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => (data.open ? onOpenChange(true) : !saving && close())}>
      <DialogSurface>
        <form
          ref={form}
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
              <Field
                label="Name (optional)"
                hint="How Cloud Desk shows this service principal, e.g. the app’s name. Without one, it shows the client ID."
                validationMessage={show('label')}
              >
                <Input value={draft.label} onChange={(_event, data) => change({ label: data.value })} />
              </Field>
              <CloudField required value={cloudId} onChange={(id) => change({ cloudId: id })} />
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
                  value={draft.kind === 'secret' ? 'secret' : 'certificate'}
                  onChange={(_event, data) => change({ kind: data.value === 'certificate' ? 'pfx' : 'secret' })}
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
                  <Field label="Certificate format">
                    <Select
                      value={draft.kind}
                      onChange={(_event, data) => {
                        const form = certificateForms.find((candidate) => candidate.kind === data.value);
                        if (form) change({ kind: form.kind });
                      }}
                    >
                      {certificateForms.map((form) => (
                        <option key={form.kind} value={form.kind}>
                          {form.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <CertificateFields draft={draft} change={change} show={show} />
                </>
              )}
              {unreachable && cloud && (
                <Text id={whyId} className={styles.why}>
                  {describeUnreachable(cloud.name, unreachable, { now })}
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                type="submit"
                appearance="primary"
                disabledFocusable={saving}
                aria-describedby={unreachable ? whyId : undefined}
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

function CertificateFields({
  draft,
  change,
  show,
}: {
  draft: Draft;
  change: (patch: Partial<Draft>) => void;
  show: (field: FormField) => string | null;
}) {
  const styles = useStyles();
  const pem = { accept: '.pem,.crt,.cer,.key,application/x-pem-file', read: 'text', maxBytes: 64 * 1024 } as const;
  switch (draft.kind) {
    case 'pfx':
      return (
        <>
          <Field label="PFX or P12 file" required validationMessage={show('pfx')}>
            <FileChoice
              label="Choose PFX or P12 file…"
              accept=".pfx,.p12,application/x-pkcs12"
              read="base64"
              maxBytes={96 * 1024}
              onRead={(pfxBase64) => change({ pfxBase64 })}
            />
          </Field>
          <Field label="Password of the file" hint="Leave empty if the file has none.">
            <Input
              type="password"
              autoComplete="off"
              value={draft.password}
              onChange={(_event, data) => change({ password: data.value })}
            />
          </Field>
        </>
      );
    case 'certificate_and_key':
      return (
        <>
          <Field label="Certificate (PEM)" required validationMessage={show('certificatePem')}>
            <FileChoice
              {...pem}
              label="Choose certificate file…"
              onRead={(certificatePem) => change({ certificatePem })}
            />
          </Field>
          <Field label="Private key (PEM)" required validationMessage={show('privateKeyPem')}>
            <FileChoice
              {...pem}
              label="Choose private key file…"
              onRead={(privateKeyPem) => change({ privateKeyPem })}
            />
          </Field>
        </>
      );
    case 'certificate':
      return (
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
          <FileChoice {...pem} label="Choose PEM file…" onRead={(content) => change({ pem: content })} />
        </>
      );
    case 'secret':
      return null;
  }
}
