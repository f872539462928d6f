// Read-only lookups over a scenario's tenants, users and applications, in the forms Entra ID accepts them
// (tenant by id or default domain, user by UPN, case-insensitive). Holds no session or token state.
import type { Application, Scenario, Tenant, User } from '../scenario.js';

export type TenantSegment =
  { kind: 'multi'; segment: 'organizations' | 'common' } | { kind: 'tenant'; segment: string; tenant: Tenant };

export class Directory {
  constructor(readonly scenario: Scenario) {}

  tenant(id: string): Tenant | undefined {
    return this.scenario.tenants.find((t) => t.id === id.toLowerCase());
  }

  resolveSegment(segment: string): TenantSegment | undefined {
    const lower = segment.toLowerCase();
    if (lower === 'organizations' || lower === 'common') return { kind: 'multi', segment: lower };
    const tenant =
      this.scenario.tenants.find((t) => t.id === lower) ??
      this.scenario.tenants.find((t) => t.defaultDomain.toLowerCase() === lower);
    return tenant ? { kind: 'tenant', segment, tenant } : undefined;
  }

  user(id: string): User | undefined {
    return this.scenario.users.find((u) => u.id === id);
  }

  userByName(username: string): User | undefined {
    const lower = username.trim().toLowerCase();
    return this.scenario.users.find((u) => u.username.toLowerCase() === lower);
  }

  app(clientId: string): Application | undefined {
    return this.scenario.applications.find((a) => a.clientId === clientId.toLowerCase());
  }

  isMember(user: User, tenantId: string): boolean {
    return user.homeTenant === tenantId || user.guestTenants.includes(tenantId);
  }

  /** The tenant a user flow lands in: the named tenant, or the user's home tenant for organizations/common. */
  targetTenant(segment: TenantSegment, user: User): Tenant | undefined {
    return segment.kind === 'tenant' ? segment.tenant : this.tenant(user.homeTenant);
  }
}
