// Which app registration (public client) Cloud Desk signs in with to the clouds that have none of their own.
// Part of the contract: main resolves the client id from it, the renderer offers it in words. Pure data.
import { z } from 'zod';

/**
 * builtin: the default client id the publisher built into this copy (CLOUD_DESK_CLIENT_ID when packaging);
 * organisation: the client id in Settings; azure_cli: the Azure CLI's well-known public client;
 * unset: nothing chosen yet (the built-in default applies if there is one, otherwise the first run asks).
 */
export const clientChoiceSchema = z.enum(['builtin', 'organisation', 'azure_cli', 'unset']);
export type ClientChoice = z.infer<typeof clientChoiceSchema>;

/**
 * The Azure CLI's public client id, registered by Microsoft in every tenant: it accepts loopback redirects
 * (`http://localhost:<port>`) and delegated ARM scopes, which is how `az login` signs in. Sign-ins with it appear
 * as "Microsoft Azure CLI" in a tenant's sign-in logs, and Conditional Access may block it.
 */
export const azureCliClientId = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
