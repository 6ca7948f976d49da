import type { MigrationInterface, QueryRunner } from 'typeorm';

// End users and their property catalogue, audit logs and insight events
// (docs/reference/data-model.md#end-user, docs/reference/data-model.md#audit-and-analytics).
export class UsersEventsAudit1763700000002 implements MigrationInterface {
  name = 'UsersEventsAudit1763700000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- Substring search on end users (FeatBit v5.4.1 uses trigram indexes as well).
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      -- env_id NULL: a workspace-wide (global) user.
      CREATE TABLE end_users (
        id text COLLATE "C" PRIMARY KEY,
        workspace_id text COLLATE "C",
        env_id text COLLATE "C",
        key_id text NOT NULL,
        name text,
        customized_properties jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_end_users_env_key_id ON end_users (env_id, key_id) WHERE env_id IS NOT NULL;
      CREATE UNIQUE INDEX uq_end_users_workspace_key_id ON end_users (workspace_id, key_id) WHERE env_id IS NULL;
      -- Cursor paging: (updated_at desc, id desc) within an environment.
      CREATE INDEX ix_end_users_env_updated ON end_users (env_id, updated_at DESC, id DESC);
      CREATE INDEX ix_end_users_key_id_trgm ON end_users USING gin (key_id gin_trgm_ops);
      CREATE INDEX ix_end_users_name_trgm ON end_users USING gin (name gin_trgm_ops);

      CREATE TABLE end_user_properties (
        id text COLLATE "C" PRIMARY KEY,
        env_id text COLLATE "C" NOT NULL,
        name text NOT NULL,
        preset_values jsonb NOT NULL DEFAULT '[]',
        use_preset_values_only boolean NOT NULL DEFAULT false,
        is_built_in boolean NOT NULL DEFAULT false,
        is_digest_field boolean NOT NULL DEFAULT false,
        remark text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_end_user_properties_env_name ON end_user_properties (env_id, name);

      -- env_id NULL: an organization-level change (members, policies, access tokens …).
      CREATE TABLE audit_logs (
        id text COLLATE "C" PRIMARY KEY,
        env_id text COLLATE "C",
        organization_id text COLLATE "C" NOT NULL DEFAULT '',
        ref_id text COLLATE "C" NOT NULL,
        ref_type text NOT NULL,
        keyword text NOT NULL DEFAULT '',
        operation text NOT NULL,
        data_change jsonb NOT NULL,
        comment text NOT NULL DEFAULT '',
        creator_id text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL
      );
      CREATE INDEX ix_audit_logs_env_ref ON audit_logs (env_id, ref_id, created_at);
      CREATE INDEX ix_audit_logs_organization ON audit_logs (organization_id, created_at);

      -- Insight events for the standalone analytics path; timestamp in microseconds (FeatBit's unit).
      CREATE TABLE events (
        uuid text COLLATE "C" PRIMARY KEY,
        distinct_id text NOT NULL,
        env_id text COLLATE "C" NOT NULL,
        event text NOT NULL,
        properties jsonb NOT NULL,
        timestamp bigint NOT NULL
      );
      CREATE INDEX ix_events_env_timestamp ON events (env_id, timestamp);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE events; DROP TABLE audit_logs; DROP TABLE end_user_properties; DROP TABLE end_users;
    `);
  }
}
