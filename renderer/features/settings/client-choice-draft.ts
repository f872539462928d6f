// The sign-in client choice as the user words it, and the check a choice must pass before it is saved: pure, so
// the first-run choice (Accounts) and Settings agree with each other and with the contract; main checks again.
import type {
  ClientChoice,
  NationalCloudClient,
  NationalCloudClients,
  NationalCloudId,
} from '../../../preload/contract-client';
import { nationalCloudIds } from '../../../preload/contract-client';
import type { SettingsPatch } from '../../../preload/contract';
import { checkClientId } from './sign-in-fields';

/** The choices a person can make (`unset` is the absence of one). */
export type ChosenClient = Exclude<ClientChoice, 'unset'>;

export const clientChoiceLabels: Record<ChosenClient, string> = {
  builtin: 'Use the app registration built into this copy of Cloud Desk',
  organisation: 'Use my organisation’s app registration',
  azure_cli:
    'Use the Azure CLI’s public client (no registration; sign-ins show as Azure CLI in your tenant’s logs; some ' +
    'tenants block it)',
};

export interface ClientChoiceDraft {
  choice: ChosenClient | undefined;
  clientId: string;
}

/** What Settings shows as chosen: nothing chosen yet means the built-in default when this copy has one. */
export function shownChoice(saved: ClientChoice, hasBuiltin: boolean): ChosenClient | undefined {
  if (saved === 'unset' || (saved === 'builtin' && !hasBuiltin)) return hasBuiltin ? 'builtin' : undefined;
  return saved;
}

/** The settings change a draft makes, or the problem (in words) that keeps it from being saved. */
export function checkClientChoice(
  draft: ClientChoiceDraft,
): { ok: true; patch: Pick<SettingsPatch, 'clientChoice' | 'clientId'> } | { ok: false; problem: string } {
  if (draft.choice === undefined) return { ok: false, problem: 'Choose how Cloud Desk signs in.' };
  if (draft.choice !== 'organisation') return { ok: true, patch: { clientChoice: draft.choice } };
  const clientId = draft.clientId.trim();
  if (clientId === '') return { ok: false, problem: 'Enter your organisation’s Application (client) ID.' };
  const problem = checkClientId(clientId);
  return problem ? { ok: false, problem } : { ok: true, patch: { clientChoice: 'organisation', clientId } };
}

/** Whether a cloud is a national one, which needs a client of its own (a registration made there, or Azure CLI's). */
export function nationalCloudId(cloudId: string): NationalCloudId | undefined {
  return nationalCloudIds.find((id) => id === cloudId);
}

/** One national cloud's draft: `inherit` follows the main choice (it carries over only as the Azure CLI's client). */
export interface NationalClientDraft {
  choice: NationalCloudClient['choice'] | 'inherit';
  clientId: string;
}

/** The national clouds' settings a set of drafts makes, or the first problem (in words, naming the cloud). */
export function checkNationalClients(
  drafts: Partial<Record<NationalCloudId, NationalClientDraft>>,
  cloudNames: Partial<Record<NationalCloudId, string>>,
): { ok: true; value: NationalCloudClients } | { ok: false; problem: string } {
  const value: NationalCloudClients = {};
  for (const cloudId of nationalCloudIds) {
    const draft = drafts[cloudId];
    if (!draft || draft.choice === 'inherit') continue;
    if (draft.choice === 'azure_cli') {
      value[cloudId] = { choice: 'azure_cli', clientId: '' };
      continue;
    }
    const checked = checkClientChoice({ choice: 'organisation', clientId: draft.clientId });
    const name = cloudNames[cloudId] ?? cloudId;
    if (!checked.ok) return { ok: false, problem: `${name}: ${checked.problem}` };
    value[cloudId] = { choice: 'organisation', clientId: checked.patch.clientId ?? '' };
  }
  return { ok: true, value };
}
