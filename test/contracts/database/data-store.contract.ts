// The one contract every DataStore adapter passes (issue 4): CRUD for each repository, unique keys,
// revision conflicts, paging, updatedAt-since queries, idempotent upserts, a 100k-event bulk insert,
// concurrency and transactions. Runners: postgres/pglite/mongodb *.int-spec.ts next to this file.
import type { DataStore } from '../../../src/core/ports/data-store.port';
import { flagUsageSection } from './sections/flag-usage.contract-section';
import { globalUsersSection } from './sections/global-users.contract-section';
import { iamSection } from './sections/iam.contract-section';
import { jobsSection } from './sections/jobs.contract-section';
import { integrationsSection } from './sections/integrations.contract-section';
import { type StoreCapabilities, storeBehaviourSection } from './sections/store-behaviour.contract-section';
import { targetingSection } from './sections/targeting.contract-section';
import { tenancySection } from './sections/tenancy.contract-section';
import { type EventTiming, usersAndEventsSection } from './sections/users-and-events.contract-section';
import { usageStatsSection } from './sections/usage-stats.contract-section';

export type { StoreCapabilities } from './sections/store-behaviour.contract-section';

export interface DataStoreContractOptions {
  /** Adapter name in test titles and the timing line. */
  name: string;
  /** A ready store over a fresh, empty database. */
  open: () => Promise<DataStore>;
  /** Closes the store and removes the database. */
  dispose: (store: DataStore) => Promise<void>;
  capabilities: StoreCapabilities;
}

export function describeDataStoreContract(options: DataStoreContractOptions): void {
  describe(`DataStore contract: ${options.name}`, () => {
    let current: DataStore | null = null;
    const store = (): DataStore => {
      if (!current) throw new Error('store not open');
      return current;
    };
    let timing: EventTiming | null = null;

    beforeAll(async () => {
      current = await options.open();
    }, 120_000);

    afterAll(async () => {
      if (timing) {
        console.log(
          `[${options.name}] ${(options.capabilities.bulkEvents?.count ?? 100_000).toLocaleString('en')} insight events: insert ${Math.round(timing.insertMs)} ms, ` +
            `re-insert (all skipped) ${Math.round(timing.reinsertMs)} ms`,
        );
      }
      if (current) await options.dispose(current);
      current = null;
    }, 120_000);

    describe('store', () => storeBehaviourSection(store, options.capabilities));
    describe('tenancy', () => tenancySection(store));
    describe('iam', () => iamSection(store));
    describe('targeting', () => targetingSection(store));
    describe('users and events', () =>
      usersAndEventsSection(store, (t) => (timing = t), options.capabilities));
    describe('global users', () => globalUsersSection(store));
    describe('flag usage', () => flagUsageSection(store));
    describe('usage stats', () => usageStatsSection(store));
    describe('integrations', () => integrationsSection(store));
    describe('jobs', () => jobsSection(store, options.capabilities.transactions));
  });
}
