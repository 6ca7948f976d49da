import { ActorDirectory } from '../../../../src/api/audit/actor-directory.service';
import { AccessTokenService } from '../../../../src/api/access-tokens/access-token.service';
import { AuditTrail } from '../../../../src/api/audit/audit-trail.service';
import { EffectivePolicies } from '../../../../src/api/auth/effective-policies.service';
import { GroupService } from '../../../../src/api/iam/group.service';
import { MemberService } from '../../../../src/api/iam/member.service';
import { OwnerGuard } from '../../../../src/api/iam/owner-guard.service';
import { PolicyService } from '../../../../src/api/iam/policy.service';
import type { Actor } from '../../../../src/core/iam/actor';
import { InMemoryIam } from './in-memory-iam';

export const ADMIN: Actor = { creatorId: 'user-admin@x.io', kind: 'user', userId: 'user-admin@x.io' };

/** The IAM services wired exactly as Nest wires them, over one set of in-memory fakes. */
export function iamServices(db = new InMemoryIam()) {
  const audit = new AuditTrail();
  const owners = new OwnerGuard(db.policies, db.groups);
  const policies = new PolicyService(db.store, db.policies, db.groups, db.users, audit);
  const effective = new EffectivePolicies(db.policies);
  const members = new MemberService(
    db.store,
    db.organizations,
    db.users,
    db.workspaces,
    db.groups,
    db.policies,
    policies,
    owners,
    effective,
    audit,
  );
  const groups = new GroupService(
    db.store,
    db.groups,
    db.policies,
    db.organizations,
    members,
    policies,
    owners,
    audit,
  );
  const tokens = new AccessTokenService(
    db.store,
    db.accessTokens,
    new ActorDirectory(db.users, db.accessTokens),
    audit,
  );
  return { db, policies, members, groups, tokens };
}
