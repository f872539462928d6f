// A custom cloud as typed in Settings, checked against the contract's schema with the bad field named.
// Pure: no React, no bridge.
import { customCloudSchema, type CustomCloud } from '../../../preload/contract';

export type Draft = Record<'name' | 'authorityHost' | 'armEndpoint' | 'armAudience' | 'clientId' | 'caPem', string>;
export const emptyDraft: Draft = {
  name: '',
  authorityHost: '',
  armEndpoint: '',
  armAudience: '',
  clientId: '',
  caPem: '',
};

/** The draft as the contract's value (empty optional fields left out), or the problems by field. */
export function checkDraft(draft: Draft): { cloud: CustomCloud } | { problems: Partial<Record<keyof Draft, string>> } {
  const candidate = Object.fromEntries(
    Object.entries(draft)
      .map(([key, value]) => [key, value.trim()] as const)
      .filter(([key, value]) => value !== '' || key === 'name' || key === 'authorityHost' || key === 'armEndpoint'),
  );
  const parsed = customCloudSchema.safeParse(candidate);
  if (parsed.success) return { cloud: parsed.data };
  const problems: Partial<Record<keyof Draft, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof Draft;
    problems[field] ??= issue.message === 'Invalid input' ? 'This does not look right.' : `This ${issue.message}.`;
  }
  return { problems };
}
