import type { MigrationInterface, QueryRunner } from 'typeorm';

// Tenancy, identity and IAM (docs/reference/data-model.md#tenancy, docs/reference/iam.md). Ids are opaque
// text (UUID strings minted by the domain) with binary collation, so ordering and comparisons match
// MongoDB's. Referential integrity stays in application code, as in FeatBit (no foreign keys).
export class TenancyAndIam1763700000000 implements MigrationInterface {
  name = 'TenancyAndIam1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workspaces (
        id text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        key text NOT NULL,
        license text,
        sso jsonb,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_workspaces_key ON workspaces (key);

      CREATE TABLE users (
        id text COLLATE "C" PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL DEFAULT '',
        origin text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_users_email ON users (lower(email));

      CREATE TABLE workspace_users (
        workspace_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, user_id)
      );
      CREATE INDEX ix_workspace_users_user ON workspace_users (user_id);

      CREATE TABLE refresh_tokens (
        id text COLLATE "C" PRIMARY KEY,
        token_hash text NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        is_revoked boolean NOT NULL DEFAULT false,
        replaced_by_token_hash text,
        created_by_ip text,
        revoked_by_ip text,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_refresh_tokens_token_hash ON refresh_tokens (token_hash);
      CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id);

      CREATE TABLE organizations (
        id text COLLATE "C" PRIMARY KEY,
        workspace_id text COLLATE "C" NOT NULL,
        name text NOT NULL,
        key text NOT NULL,
        initialized boolean NOT NULL DEFAULT false,
        default_permissions jsonb NOT NULL DEFAULT '{"policyIds":[],"groupIds":[]}',
        settings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_organizations_workspace_key ON organizations (workspace_id, key);

      CREATE TABLE organization_users (
        organization_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        invitor_id text,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, user_id)
      );
      CREATE INDEX ix_organization_users_user ON organization_users (user_id);

      CREATE TABLE projects (
        id text COLLATE "C" PRIMARY KEY,
        organization_id text COLLATE "C" NOT NULL,
        name text NOT NULL,
        key text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_projects_organization_key ON projects (organization_id, key);

      CREATE TABLE environments (
        id text COLLATE "C" PRIMARY KEY,
        project_id text COLLATE "C" NOT NULL,
        name text NOT NULL,
        key text NOT NULL,
        description text NOT NULL DEFAULT '',
        secrets jsonb NOT NULL DEFAULT '[]',
        settings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_environments_project_key ON environments (project_id, key);
      -- SDK secret lookup: secrets @> '[{"value": "..."}]'
      CREATE INDEX ix_environments_secrets ON environments USING gin (secrets jsonb_path_ops);

      CREATE TABLE policies (
        id text COLLATE "C" PRIMARY KEY,
        organization_id text COLLATE "C",
        name text NOT NULL,
        key text NOT NULL,
        description text NOT NULL DEFAULT '',
        type text NOT NULL,
        statements jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      -- Built-in policies have no organization; their keys are unique among themselves.
      CREATE UNIQUE INDEX uq_policies_organization_key ON policies ((coalesce(organization_id, '')), key);

      CREATE TABLE groups (
        id text COLLATE "C" PRIMARY KEY,
        organization_id text COLLATE "C" NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_groups_organization_name ON groups (organization_id, name);

      CREATE TABLE group_members (
        group_id text COLLATE "C" NOT NULL,
        organization_id text COLLATE "C" NOT NULL,
        member_id text COLLATE "C" NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (group_id, member_id)
      );
      CREATE INDEX ix_group_members_member ON group_members (organization_id, member_id);

      CREATE TABLE group_policies (
        group_id text COLLATE "C" NOT NULL,
        policy_id text COLLATE "C" NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (group_id, policy_id)
      );
      CREATE INDEX ix_group_policies_policy ON group_policies (policy_id);

      CREATE TABLE member_policies (
        organization_id text COLLATE "C" NOT NULL,
        member_id text COLLATE "C" NOT NULL,
        policy_id text COLLATE "C" NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, member_id, policy_id)
      );
      CREATE INDEX ix_member_policies_policy ON member_policies (organization_id, policy_id);

      -- Only a hash of an API token is kept; the prefix helps people recognise it.
      CREATE TABLE access_tokens (
        id text COLLATE "C" PRIMARY KEY,
        organization_id text COLLATE "C" NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        status text NOT NULL,
        token_hash text NOT NULL,
        token_prefix text NOT NULL DEFAULT '',
        creator_id text COLLATE "C" NOT NULL,
        permissions jsonb NOT NULL DEFAULT '[]',
        last_used_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_access_tokens_organization_name ON access_tokens (organization_id, name);
      CREATE UNIQUE INDEX uq_access_tokens_token_hash ON access_tokens (token_hash);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE access_tokens; DROP TABLE member_policies; DROP TABLE group_policies;
      DROP TABLE group_members; DROP TABLE groups; DROP TABLE policies; DROP TABLE environments;
      DROP TABLE projects; DROP TABLE organization_users; DROP TABLE organizations;
      DROP TABLE refresh_tokens; DROP TABLE workspace_users; DROP TABLE users; DROP TABLE workspaces;
    `);
  }
}
