/** Who made a change, as recorded in audit logs. */
export interface Actor {
  /** A user id, an access-token id, or the empty GUID for the system. */
  creatorId: string;
  kind: 'user' | 'access-token' | 'system';
  /** The user acting (for an access token, its creator), used for creator/updator fields. */
  userId: string;
}

export const SYSTEM_ID = '00000000-0000-0000-0000-000000000000';
