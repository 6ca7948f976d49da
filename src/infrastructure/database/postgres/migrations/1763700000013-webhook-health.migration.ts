import type { MigrationInterface, QueryRunner } from 'typeorm';

// A webhook's health (docs/webhooks.md#delivery-retries-and-disabling): failed deliveries in a row
// and, once the product switched it off for that, the reason. Existing webhooks start healthy.
export class WebhookHealth1763700000013 implements MigrationInterface {
  name = 'WebhookHealth1763700000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE webhooks ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0, ADD COLUMN disabled_reason text',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE webhooks DROP COLUMN consecutive_failures, DROP COLUMN disabled_reason',
    );
  }
}
