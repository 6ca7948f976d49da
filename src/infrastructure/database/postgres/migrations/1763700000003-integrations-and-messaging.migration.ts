import type { MigrationInterface, QueryRunner } from 'typeorm';

// Webhooks, relay proxies, experiments (schemas now, features later), the PostgreSQL message queue, the
// transactional outbox and installation settings (docs/reference/wire-protocol.md#internal-topics,
// docs/reference/data-model.md#experiments, docs/reference/data-model.md#integrations,
// docs/reference/data-model.md#audit-and-analytics).
export class IntegrationsAndMessaging1763700000003 implements MigrationInterface {
  name = 'IntegrationsAndMessaging1763700000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhooks (
        id text COLLATE "C" PRIMARY KEY,
        organization_id text COLLATE "C" NOT NULL,
        name text NOT NULL,
        url text NOT NULL,
        scopes text[] NOT NULL DEFAULT '{}',
        events text[] NOT NULL DEFAULT '{}',
        headers jsonb NOT NULL DEFAULT '[]',
        payload_template_type text NOT NULL,
        payload_template text NOT NULL DEFAULT '',
        secret text NOT NULL DEFAULT '',
        is_active boolean NOT NULL DEFAULT true,
        prevent_empty_payloads boolean NOT NULL DEFAULT false,
        last_delivery jsonb,
        creator_id text NOT NULL DEFAULT '',
        updator_id text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_webhooks_organization_name ON webhooks (organization_id, name);

      CREATE TABLE webhook_deliveries (
        id text COLLATE "C" PRIMARY KEY,
        webhook_id text COLLATE "C" NOT NULL,
        success boolean NOT NULL,
        events text NOT NULL DEFAULT '',
        request jsonb NOT NULL,
        response jsonb,
        error jsonb,
        started_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL
      );
      CREATE INDEX ix_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, started_at);

      CREATE TABLE relay_proxies (
        id text COLLATE "C" PRIMARY KEY,
        organization_id text COLLATE "C" NOT NULL,
        name text NOT NULL,
        key_hash text NOT NULL,
        description text NOT NULL DEFAULT '',
        is_all_envs boolean NOT NULL DEFAULT false,
        scopes jsonb NOT NULL DEFAULT '[]',
        agents jsonb NOT NULL DEFAULT '[]',
        auto_agents jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX uq_relay_proxies_key_hash ON relay_proxies (key_hash);
      CREATE INDEX ix_relay_proxies_organization ON relay_proxies (organization_id, created_at);

      CREATE TABLE experiment_metrics (
        id text COLLATE "C" PRIMARY KEY,
        env_id text COLLATE "C" NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        maintainer_user_id text NOT NULL DEFAULT '',
        event_name text NOT NULL DEFAULT '',
        event_type integer NOT NULL,
        custom_event_track_option integer NOT NULL DEFAULT 0,
        custom_event_unit text NOT NULL DEFAULT '',
        custom_event_success_criteria integer NOT NULL DEFAULT 0,
        element_targets text NOT NULL DEFAULT '',
        target_urls jsonb NOT NULL DEFAULT '[]',
        is_archived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX ix_experiment_metrics_env ON experiment_metrics (env_id, created_at);

      CREATE TABLE experiments (
        id text COLLATE "C" PRIMARY KEY,
        env_id text COLLATE "C" NOT NULL,
        metric_id text COLLATE "C" NOT NULL,
        feature_flag_id text COLLATE "C" NOT NULL,
        is_archived boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        baseline_variation_id text NOT NULL DEFAULT '',
        alpha double precision NOT NULL DEFAULT 0.05,
        iterations jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX ix_experiments_env ON experiments (env_id, created_at);
      CREATE INDEX ix_experiments_flag ON experiments (feature_flag_id);

      -- FeatBit's PostgreSQL message queue (docs/reference/wire-protocol.md#internal-topics): job topics are
      -- claimed with FOR UPDATE SKIP LOCKED, broadcast topics are written as Notified and announced by
      -- NOTIFY.
      CREATE TABLE queue_messages (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        status text NOT NULL,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        not_visible_until timestamptz,
        last_deliver_at timestamptz,
        last_handled_at timestamptz,
        deliver_count integer NOT NULL DEFAULT 0,
        payload text NOT NULL,
        error text
      );
      CREATE INDEX ix_queue_messages_topic_status ON queue_messages (topic, status, id);
      CREATE INDEX ix_queue_messages_notified ON queue_messages (enqueued_at) WHERE status = 'Notified';

      -- Change messages persisted in the same transaction as the change, published afterwards.
      CREATE TABLE outbox (
        id text COLLATE "C" PRIMARY KEY,
        topic text NOT NULL,
        payload text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX ix_outbox_created ON outbox (created_at, id);

      CREATE TABLE system_settings (
        key text PRIMARY KEY,
        value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE system_settings; DROP TABLE outbox; DROP TABLE queue_messages; DROP TABLE experiments;
      DROP TABLE experiment_metrics; DROP TABLE relay_proxies; DROP TABLE webhook_deliveries; DROP TABLE webhooks;
    `);
  }
}
