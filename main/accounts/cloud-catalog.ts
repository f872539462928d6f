// The clouds accounts can live in (Azure, China, US Gov, custom ones) as the accounts services need them: by id,
// with the client id to sign in with, or a not_found / invalid_input error in words. No Electron imports.
import type { Cloud } from '../../preload/contract.js';
import type { CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';

export interface SignInSettings {
  /** Settings' client id ('' when none); a custom cloud may bring its own. */
  clientId: string;
  /** Client ids by cloud id that replace `clientId` there ('' for none yet): the national clouds' own. */
  cloudClientIds?: Readonly<Record<string, string>>;
  /** `organizations`, a tenant id or a domain. */
  defaultTenant: string;
}

export interface CloudCatalogDeps {
  clouds(): readonly CloudEndpoints[];
  signInSettings(): SignInSettings;
}

export class CloudCatalog {
  constructor(private readonly deps: CloudCatalogDeps) {}

  list(): Cloud[] {
    const settings = this.deps.signInSettings();
    return this.deps.clouds().map((cloud) => ({
      id: cloud.id,
      name: cloud.name,
      kind: cloud.kind,
      authorityHost: cloud.authorityHost,
      armEndpoint: cloud.armEndpoint,
      signInReady: Boolean(clientIdOf(cloud, settings)),
    }));
  }

  ids(): string[] {
    return this.deps.clouds().map((cloud) => cloud.id);
  }

  find(cloudId: string): CloudEndpoints | undefined {
    return this.deps.clouds().find((candidate) => candidate.id === cloudId);
  }

  get(cloudId: string): CloudEndpoints {
    const cloud = this.find(cloudId);
    if (!cloud) {
      throw new ServiceError(
        'not_found',
        `The cloud "${cloudId}" is not configured in Cloud Desk any more. Add it again (a custom cloud file or ` +
          'Settings), or sign out of this account.',
      );
    }
    return cloud;
  }

  name(cloudId: string): string {
    return this.find(cloudId)?.name ?? `${cloudId} (not configured)`;
  }

  /** The app registration to sign in to `cloud` with. */
  clientId(cloud: CloudEndpoints): string {
    const clientId = clientIdOf(cloud, this.deps.signInSettings());
    if (!clientId) {
      throw new ServiceError(
        'invalid_input',
        cloud.kind === 'china' || cloud.kind === 'usgov'
          ? `Signing in to ${cloud.name} needs an app registration made in that cloud (one made in Azure does not ` +
              'exist there) or the Azure CLI’s public client: choose one in Settings, Sign-in.'
          : `Signing in to ${cloud.name} needs an app registration: enter its Application (client) ID in Settings.`,
        'clientId',
      );
    }
    return clientId;
  }

  defaultTenant(): string {
    return this.deps.signInSettings().defaultTenant;
  }
}

/** A custom cloud's own client id, else the one Settings gives this cloud, else Settings' client id. */
function clientIdOf(cloud: CloudEndpoints, settings: SignInSettings): string {
  return cloud.clientId ?? settings.cloudClientIds?.[cloud.id] ?? settings.clientId;
}
