// The emulator's Entra ID state and policy: sessions, codes, refresh tokens, device codes, consents, MFA and
// consent demands, and the admin levers over them. No HTTP routing and no page rendering here.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Application, Scenario, Tenant, User } from '../scenario.js';
import { Directory } from './directory.js';
import { cookies, token } from './http-util.js';
import type { GrantedScope } from './scopes.js';
import type { TenantSegment } from './directory.js';

export const sessionCookie = 'ESTSEMU';

export interface Requirement {
  userId?: string | undefined;
  tenantId?: string | undefined;
}

export interface SessionSummary {
  kind: 'refresh_token' | 'browser';
  userId: string;
  username: string;
  clientId?: string;
  issuedAt: string;
  revoked: boolean;
  mfaTenants: string[];
}

export interface BrowserSession {
  id: string;
  users: Map<string, Set<string>>;
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  tenantId: string;
  scope: GrantedScope;
  challenge: string | undefined;
  challengeMethod: string | undefined;
  nonce: string | undefined;
  expiresAt: number;
  redeemed: boolean;
  mfaTenants: string[];
}

export interface RefreshGrant {
  userId: string;
  clientId: string;
  issuedAt: number;
  mfaTenants: Set<string>;
  revoked: boolean;
}

export interface DeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  segment: TenantSegment;
  scope: GrantedScope;
  expiresAt: number;
  status: 'pending' | 'approved' | 'declined';
  userId: string | undefined;
  tenantId: string | undefined;
  mfaTenants: string[];
}

export class IdentityState {
  dir: Directory;
  readonly browserSessions = new Map<string, BrowserSession>();
  readonly codes = new Map<string, AuthCode>();
  readonly refreshGrants = new Map<string, RefreshGrant>();
  readonly deviceCodes = new Map<string, DeviceCode>();
  /** `${userId}|${clientId}`: users who accepted an app's consent page. */
  readonly consents = new Set<string>();
  consentRequirements: Array<Requirement & { satisfiedBy: Set<string>; adminOnly: boolean }> = [];
  mfaRequirements: Requirement[] = [];
  private readonly policyIds = new Map<string, string>();

  constructor(
    scenario: Scenario,
    private lifetimeSeconds: number | undefined,
  ) {
    this.dir = new Directory(scenario);
  }

  reset(scenario: Scenario): void {
    this.dir = new Directory(scenario);
    this.browserSessions.clear();
    this.codes.clear();
    this.refreshGrants.clear();
    this.deviceCodes.clear();
    this.consents.clear();
    this.consentRequirements = [];
    this.mfaRequirements = [];
  }

  setTokenLifetime(seconds: number | undefined): void {
    this.lifetimeSeconds = seconds;
  }

  /** Revokes every refresh token and browser session of a user, as revokeSignInSessions does. */
  revokeRefreshTokens(userId: string): number {
    if (!this.dir.user(userId)) throw new Error(`Unknown user '${userId}'.`);
    let count = 0;
    for (const grant of this.refreshGrants.values()) {
      if (grant.userId === userId && !grant.revoked) {
        grant.revoked = true;
        count += 1;
      }
    }
    for (const session of this.browserSessions.values()) session.users.delete(userId);
    return count;
  }

  /** From now on, tokens for matching user/tenant need a fresh MFA in that tenant. */
  requireMfa(req: Requirement): void {
    this.checkRequirement(req);
    this.mfaRequirements.push({ ...req });
    const matches = (userId: string, tenantId: string): boolean =>
      (req.userId === undefined || req.userId === userId) && (req.tenantId === undefined || req.tenantId === tenantId);
    for (const grant of this.refreshGrants.values()) {
      for (const t of [...grant.mfaTenants]) if (matches(grant.userId, t)) grant.mfaTenants.delete(t);
    }
    for (const session of this.browserSessions.values()) {
      for (const [userId, tenants] of session.users) {
        for (const t of [...tenants]) if (matches(userId, t)) tenants.delete(t);
      }
    }
  }

  /**
   * From now on, matching users must consent again (interactively) before tokens are issued in that tenant.
   * `adminOnly`: users may not consent themselves (the tenant disabled user consent): they see "Need admin
   * approval" and can only return to the app without consent (AADSTS90094).
   */
  requireConsent(req: Requirement & { adminOnly?: boolean | undefined }): void {
    const { adminOnly, ...target } = req;
    this.checkRequirement(target);
    this.consentRequirements.push({ ...target, satisfiedBy: new Set(), adminOnly: adminOnly ?? false });
  }

  /** Whether the consent this user needs in this tenant is one only an administrator can give. */
  adminApprovalNeeded(user: User, tenant: Tenant): boolean {
    return this.consentRequirements.some(
      (r) => r.adminOnly && this.requirementMatches(r, user.id, tenant.id) && !r.satisfiedBy.has(user.id),
    );
  }

  clearRequirements(): void {
    this.mfaRequirements = [];
    this.consentRequirements = [];
  }

  sessions(): SessionSummary[] {
    const out: SessionSummary[] = [];
    for (const grant of this.refreshGrants.values()) {
      out.push({
        kind: 'refresh_token',
        userId: grant.userId,
        username: this.dir.user(grant.userId)?.username ?? '',
        clientId: grant.clientId,
        issuedAt: new Date(grant.issuedAt).toISOString(),
        revoked: grant.revoked,
        mfaTenants: [...grant.mfaTenants],
      });
    }
    for (const session of this.browserSessions.values()) {
      for (const [userId, mfa] of session.users) {
        out.push({
          kind: 'browser',
          userId,
          username: this.dir.user(userId)?.username ?? '',
          issuedAt: '',
          revoked: false,
          mfaTenants: [...mfa],
        });
      }
    }
    return out;
  }

  private checkRequirement(req: Requirement): void {
    if (req.userId !== undefined && !this.dir.user(req.userId)) throw new Error(`Unknown user '${req.userId}'.`);
    if (req.tenantId !== undefined && !this.dir.tenant(req.tenantId)) {
      throw new Error(`Unknown tenant '${req.tenantId}'.`);
    }
  }

  session(req: IncomingMessage): { session: BrowserSession; setCookie: string | undefined } {
    const id = cookies(req).get(sessionCookie);
    const existing = id === undefined ? undefined : this.browserSessions.get(id);
    if (existing) return { session: existing, setCookie: undefined };
    const session: BrowserSession = { id: token(24), users: new Map() };
    this.browserSessions.set(session.id, session);
    return { session, setCookie: `${sessionCookie}=${session.id}; Path=/; Secure; HttpOnly; SameSite=None` };
  }

  requirementMatches(r: Requirement, userId: string, tenantId: string): boolean {
    return (r.userId === undefined || r.userId === userId) && (r.tenantId === undefined || r.tenantId === tenantId);
  }

  mfaRequired(user: User, tenant: Tenant): boolean {
    return tenant.requireMfa || this.mfaRequirements.some((r) => this.requirementMatches(r, user.id, tenant.id));
  }

  consentNeeded(user: User, app: Application, tenant: Tenant): boolean {
    if (
      this.consentRequirements.some(
        (r) => this.requirementMatches(r, user.id, tenant.id) && !r.satisfiedBy.has(user.id),
      )
    ) {
      return true;
    }
    return !app.preConsented && !this.consents.has(`${user.id}|${app.clientId}`);
  }

  mfaClaims(tenantId: string): string {
    let policy = this.policyIds.get(tenantId);
    if (policy === undefined) {
      policy = randomUUID();
      this.policyIds.set(tenantId, policy);
    }
    return JSON.stringify({ access_token: { capolids: { essential: true, values: [policy] } } });
  }

  lifetime(): number {
    return this.lifetimeSeconds ?? 3600 + Math.floor(Math.random() * 1800);
  }
}
