// Unique indexes carry the same names in PostgreSQL and MongoDB so a clash maps to the same
// DuplicateKeyError(entity, field) whichever provider raised it.
export const UNIQUE_INDEX_FIELDS: Readonly<Record<string, string>> = {
  uq_workspaces_key: 'key',
  uq_users_email: 'email',
  uq_organizations_workspace_key: 'key',
  uq_projects_organization_key: 'key',
  uq_environments_project_key: 'key',
  uq_policies_organization_key: 'key',
  uq_groups_organization_name: 'name',
  uq_access_tokens_organization_name: 'name',
  uq_access_tokens_token_hash: 'tokenHash',
  uq_refresh_tokens_token_hash: 'tokenHash',
  uq_feature_flags_env_key: 'key',
  uq_segments_env_key: 'key',
  uq_segments_workspace_key: 'key',
  uq_segments_scope_key: 'key',
  uq_end_users_env_key_id: 'keyId',
  uq_end_users_workspace_key_id: 'keyId',
  uq_end_user_properties_env_name: 'name',
  uq_triggers_token_hash: 'tokenHash',
  uq_relay_proxies_key_hash: 'keyHash',
  uq_webhooks_organization_name: 'name',
  uq_experiments_active_slot: 'metricId',
};

/** The field a unique index protects; primary keys (and unknown names) mean the id. */
export function uniqueIndexField(indexName: string | undefined): string {
  return (indexName && UNIQUE_INDEX_FIELDS[indexName]) || 'id';
}
