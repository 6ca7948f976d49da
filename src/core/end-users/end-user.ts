/** A user (evaluation context) as it travels on FeatBit's wire (docs/reference/data-model.md#end-user). */
export interface UserProperty {
  name: string;
  value: string | null;
}

export interface EndUser {
  keyId: string;
  name?: string | null;
  customizedProperties?: UserProperty[] | null;
}

/** An end user as stored per environment (or workspace-wide for global users: envId null). */
export interface StoredEndUser {
  id: string;
  envId: string | null;
  workspaceId: string | null;
  keyId: string;
  name: string | null;
  customizedProperties: UserProperty[];
  createdAt: string;
  updatedAt: string;
}

export interface PresetValue {
  id: string;
  value: string;
  description: string;
}

/** The per-environment catalogue of user attributes used by rule editors. */
export interface EndUserPropertyDefinition {
  id: string;
  envId: string;
  name: string;
  presetValues: PresetValue[];
  usePresetValuesOnly: boolean;
  isBuiltIn: boolean;
  isDigestField: boolean;
  remark: string;
  createdAt: string;
  updatedAt: string;
}

export const BUILT_IN_USER_PROPERTIES = ['keyId', 'name'] as const;
