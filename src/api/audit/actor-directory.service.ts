import { Injectable } from '@nestjs/common';
import { AccessTokenRepository } from '../../core/ports/iam.repositories';
import { UserRepository } from '../../core/ports/tenancy.repositories';
import { SYSTEM_ID } from '../../core/iam/actor';

export interface ActorInfo {
  id: string;
  name: string;
  /** The e-mail of a member; "Access token" or "System" otherwise (as FeatBit shows them). */
  email: string;
  kind: 'user' | 'access-token' | 'system' | 'unknown';
}

/** Names the creators recorded in audit logs and on flags: members, access tokens, the system. */
@Injectable()
export class ActorDirectory {
  constructor(
    private readonly users: UserRepository,
    private readonly accessTokens: AccessTokenRepository,
  ) {}

  async resolve(ids: Iterable<string>): Promise<Map<string, ActorInfo>> {
    const wanted = [...new Set(ids)].filter(Boolean);
    const result = new Map<string, ActorInfo>();
    if (wanted.includes(SYSTEM_ID))
      result.set(SYSTEM_ID, { id: SYSTEM_ID, name: 'System', email: 'System', kind: 'system' });
    const others = wanted.filter((id) => id !== SYSTEM_ID);
    if (others.length === 0) return result;
    for (const user of await this.users.findByIds(others)) {
      result.set(user.id, { id: user.id, name: user.name, email: user.email, kind: 'user' });
    }
    for (const id of others) {
      if (result.has(id)) continue;
      const token = await this.accessTokens.findById(id);
      result.set(
        id,
        token
          ? { id, name: token.name, email: 'Access token', kind: 'access-token' }
          : { id, name: 'Unknown', email: '', kind: 'unknown' },
      );
    }
    return result;
  }
}
