// Which app registration (public client) Cloud Desk signs in with to the clouds that have none of their own.
// Part of the contract: main resolves the client id from it, the renderer offers it in words. Pure data.
import { z } from 'zod';
import { guidSchema } from './contract-accounts.js';

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

/**
 * The national clouds Cloud Desk knows (Azure operated by 21Vianet, Azure US Government). Each runs its own Entra
 * ID, where an app registered in Azure does not exist: a registration is made separately in each (Microsoft's
 * "National clouds" page). The Azure CLI's public client is registered in them too (`az cloud set` then `az login`).
 */
export const nationalCloudIds = ['azure-china', 'azure-us-government'] as const;
export const nationalCloudIdSchema = z.enum(nationalCloudIds);
export type NationalCloudId = z.infer<typeof nationalCloudIdSchema>;

/** How Cloud Desk signs in to one national cloud: that cloud's own registration, or the Azure CLI's client. */
export const nationalCloudClientSchema = z.strictObject({
  choice: z.enum(['organisation', 'azure_cli']),
  /** The registration made in that cloud, used when `choice` is `organisation`. */
  clientId: z.union([guidSchema, z.literal('')]),
});
export type NationalCloudClient = z.infer<typeof nationalCloudClientSchema>;

/** Per national cloud; a cloud not named follows the main choice where it can (the Azure CLI's client). */
export const nationalCloudClientsSchema = z.partialRecord(nationalCloudIdSchema, nationalCloudClientSchema);
export type NationalCloudClients = z.infer<typeof nationalCloudClientsSchema>;
