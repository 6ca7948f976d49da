import type { MigrationInterface, QueryRunner } from 'typeorm';

// Flags, their history and workflow records, triggers and segments
// (docs/reference/data-model.md#feature-flag, docs/reference/data-model.md#workflow-records,
// docs/reference/data-model.md#segment). Rule trees stay in FeatBit's JSON shapes (JSONB), so the evaluation
// server serves them as stored.
export class Targeting1763700000001 implements MigrationInterface {
  name = 'Targeting1763700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE feature_flags (
        id text COLLATE "C" PRIMARY KEY,
        env_id text COLLATE "C" NOT NULL,
        revision text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        key text COLLATE "C" NOT NULL,
        variation_type text NOT NULL,
        variations jsonb NOT NULL,
        target_users jsonb NOT NULL DEFAULT '[]',
        rules jsonb NOT NULL DEFAULT '[]',
        is_enabled boolean NOT NULL,
        disabled_variation_id text NOT NULL,
        fallthrough jsonb NOT NULL,
        expt_include_all_targets boolean NOT NULL DEFAULT true,
        tags text[] NOT NULL DEFAULT '{}',
        is_archived boolean NOT NULL DEFAULT false,
        creator_id text NOT NULL DEFAULT '',
        updator_id text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_feature_flags_env_key ON feature_flags (env_id, key);
      -- SDK sync: flags of an environment changed since a timestamp.
      CREATE INDEX ix_feature_flags_env_updated ON feature_flags (env_id, updated_at);
      CREATE INDEX ix_feature_flags_tags ON feature_flags USING gin (tags);

      CREATE TABLE flag_revisions (
        id text COLLATE "C" PRIMARY KEY,
        flag_id text COLLATE "C" NOT NULL,
        flag jsonb NOT NULL,
        comment text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL
      );
      CREATE INDEX ix_flag_revisions_flag ON flag_revisions (flag_id, created_at);

      CREATE TABLE flag_drafts (
        id text COLLATE "C" PRIMARY KEY,
        env_id text COLLATE "C" NOT NULL,
        flag_id text COLLATE "C" NOT NULL,
        status text NOT NULL,
        comment text NOT NULL DEFAULT '',
        data_change jsonb NOT NULL,
        creator_id text NOT NULL DEFAULT '',
        updator_id text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX ix_flag_drafts_flag ON flag_drafts (flag_id);

      CREATE TABLE flag_change_requests (
        id text COLLATE "C" PRIMARY KEY,
        organization_id text COLLATE "C" NOT NULL,
        env_id text COLLATE "C" NOT NULL,
        flag_draft_id text COLLATE "C" NOT NULL,
        flag_id text COLLATE "C" NOT NULL,
        status text NOT NULL,
        reason text NOT NULL DEFAULT '',
        reviewers jsonb NOT NULL DEFAULT '[]',
        schedule_id text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX ix_flag_change_requests_flag ON flag_change_requests (flag_id, created_at);

      CREATE TABLE flag_schedules (
        id text COLLATE "C" PRIMARY KEY,
        organization_id text COLLATE "C" NOT NULL,
        env_id text COLLATE "C" NOT NULL,
        flag_draft_id text COLLATE "C" NOT NULL,
        flag_id text COLLATE "C" NOT NULL,
        status text NOT NULL,
        title text NOT NULL DEFAULT '',
        scheduled_time timestamptz NOT NULL,
        change_request_id text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX ix_flag_schedules_flag ON flag_schedules (flag_id, scheduled_time);
      CREATE INDEX ix_flag_schedules_due ON flag_schedules (status, scheduled_time);

      CREATE TABLE triggers (
        id text COLLATE "C" PRIMARY KEY,
        target_id text COLLATE "C" NOT NULL,
        type text NOT NULL,
        action text NOT NULL,
        token_hash text NOT NULL,
        description text NOT NULL DEFAULT '',
        is_enabled boolean NOT NULL DEFAULT true,
        triggered_times integer NOT NULL DEFAULT 0,
        last_triggered_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_triggers_token_hash ON triggers (token_hash);
      CREATE INDEX ix_triggers_target ON triggers (target_id, created_at);

      -- Shared segments have env_id NULL (envId "" in the model) and reach environments via scopes.
      CREATE TABLE segments (
        id text COLLATE "C" PRIMARY KEY,
        workspace_id text COLLATE "C" NOT NULL,
        env_id text COLLATE "C",
        name text NOT NULL,
        key text NOT NULL,
        type text NOT NULL,
        scopes text[] NOT NULL DEFAULT '{}',
        description text NOT NULL DEFAULT '',
        included text[] NOT NULL DEFAULT '{}',
        excluded text[] NOT NULL DEFAULT '{}',
        rules jsonb NOT NULL DEFAULT '[]',
        tags text[] NOT NULL DEFAULT '{}',
        is_archived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_segments_env_key ON segments (env_id, key) WHERE type = 'environment-specific';
      CREATE UNIQUE INDEX uq_segments_workspace_key ON segments (workspace_id, key) WHERE type = 'shared';
      CREATE INDEX ix_segments_env_updated ON segments (env_id, updated_at);
      CREATE INDEX ix_segments_shared_scopes ON segments USING gin (scopes) WHERE type = 'shared';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE segments; DROP TABLE triggers; DROP TABLE flag_schedules; DROP TABLE flag_change_requests;
      DROP TABLE flag_drafts; DROP TABLE flag_revisions; DROP TABLE feature_flags;
    `);
  }
}
