// Role-based access as ARM evaluates it for the three built-in roles the scenario knows: an assignment at a
// scope grants its role's actions on that scope and everything below it. Scope comparison is
// case-insensitive, like ARM's. No HTTP here: callers turn a denial into AuthorizationFailed.
import type { AccessTokenClaims } from '../types.js';
import type { RoleAssignment, RoleName, Scenario } from '../scenario.js';
import { ArmError } from './http.js';

export type VmAction = 'start' | 'powerOff' | 'deallocate' | 'restart';

/** Real ARM action strings; Reader has only the read ones. */
const roleActions: Record<RoleName, (action: string) => boolean> = {
  Reader: (action) => action.endsWith('/read'),
  'Virtual Machine Contributor': (action) =>
    action.startsWith('Microsoft.Compute/') || action.startsWith('Microsoft.Resources/') || action.endsWith('/read'),
  Owner: () => true,
};

export function vmActionName(action: VmAction): string {
  return `Microsoft.Compute/virtualMachines/${action}/action`;
}

function isWithin(scope: string, assignmentScope: string): boolean {
  const s = scope.toLowerCase();
  const a = assignmentScope.endsWith('/')
    ? assignmentScope.toLowerCase().replace(/\/+$/, '')
    : assignmentScope.toLowerCase();
  return s === a || s.startsWith(`${a}/`);
}

export class Rbac {
  private indexed: { scenario: Scenario; byPrincipal: Map<string, RoleAssignment[]> } | undefined;

  constructor(private readonly scenario: () => Scenario) {}

  /** Indexed by principal once per scenario: a list checks every VM it returns, on fleets of 50,000 VMs. */
  private assignmentsOf(principalId: string): RoleAssignment[] {
    const scenario = this.scenario();
    if (this.indexed?.scenario !== scenario) {
      const byPrincipal = new Map<string, RoleAssignment[]>();
      for (const assignment of scenario.roleAssignments) {
        // Scopes compared case-insensitively and without a trailing slash, normalized once here.
        const normalized = { ...assignment, scope: assignment.scope.toLowerCase().replace(/\/+$/, '') };
        byPrincipal.set(assignment.principalId, [...(byPrincipal.get(assignment.principalId) ?? []), normalized]);
      }
      this.indexed = { scenario, byPrincipal };
    }
    return this.indexed.byPrincipal.get(principalId) ?? [];
  }

  /** Whether the principal may perform `action` on `scope` (an assignment at or above it grants it). */
  can(principalId: string, action: string, scope: string): boolean {
    // Assignment scopes are normalized already (assignmentsOf): lower-case the asked scope once, not per assignment.
    const s = scope.toLowerCase();
    return this.assignmentsOf(principalId).some(
      (r) => (s === r.scope || s.startsWith(`${r.scope}/`)) && roleActions[r.role](action),
    );
  }

  /**
   * Any assignment at, above or below `scope`: what makes ARM list a subscription for a principal, and
   * what separates a filtered (possibly empty) list from a 403.
   */
  hasAnyWithin(principalId: string, scope: string): boolean {
    return this.assignmentsOf(principalId).some((r) => isWithin(r.scope, scope) || isWithin(scope, r.scope));
  }

  /** Name ARM quotes in AuthorizationFailed: the user's UPN, or the application id for an app token. */
  static clientName(claims: AccessTokenClaims): string {
    if (claims.idtyp === 'app') return claims.appid;
    return claims.preferred_username ?? claims.oid;
  }

  static denied(claims: AccessTokenClaims, action: string, scope: string): ArmError {
    return new ArmError(403, {
      code: 'AuthorizationFailed',
      message:
        `The client '${Rbac.clientName(claims)}' with object id '${claims.oid}' does not have authorization to ` +
        `perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently ` +
        'granted, please refresh your credentials.',
    });
  }
}
