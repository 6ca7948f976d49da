import { TenancyAndIam1763700000000 } from './1763700000000-tenancy-and-iam.migration';
import { Targeting1763700000001 } from './1763700000001-targeting.migration';
import { UsersEventsAudit1763700000002 } from './1763700000002-users-events-audit.migration';
import { IntegrationsAndMessaging1763700000003 } from './1763700000003-integrations-and-messaging.migration';
import { FlagUsage1763700000004 } from './1763700000004-flag-usage.migration';
import { AnalyticsReadModel1763700000005 } from './1763700000005-analytics-read-model.migration';
import { UsageStats1763700000006 } from './1763700000006-usage-stats.migration';
import { ExperimentSamples1763700000007 } from './1763700000007-experiment-samples.migration';
import { ExperimentMethod1763700000008 } from './1763700000008-experiment-method.migration';
import { ConsoleSessions1763700000010 } from './1763700000010-console-sessions.migration';
import { Jobs1763700000011 } from './1763700000011-jobs.migration';
import { FlagPermanent1763700000012 } from './1763700000012-flag-permanent.migration';
import { WebhookHealth1763700000013 } from './1763700000013-webhook-health.migration';
import { ReleaseWorkflows1763700000014 } from './1763700000014-release-workflows.migration';
import { ExperimentSlot1763700000015 } from './1763700000015-experiment-slot.migration';
import { ExperimentExposuresByUser1763700000016 } from './1763700000016-experiment-exposures-by-user.migration';
import { ExpectUpdated1763700000017 } from './1763700000017-expect-updated.migration';
import { ExperimentWindows1763700000018 } from './1763700000018-experiment-windows.migration';

/** Applied in order at start-up; add new files with a later timestamp, never edit applied ones. */
export const POSTGRES_MIGRATIONS = [
  TenancyAndIam1763700000000,
  Targeting1763700000001,
  UsersEventsAudit1763700000002,
  IntegrationsAndMessaging1763700000003,
  FlagUsage1763700000004,
  AnalyticsReadModel1763700000005,
  UsageStats1763700000006,
  ExperimentSamples1763700000007,
  ExperimentMethod1763700000008,
  ConsoleSessions1763700000010,
  Jobs1763700000011,
  FlagPermanent1763700000012,
  WebhookHealth1763700000013,
  ReleaseWorkflows1763700000014,
  ExperimentSlot1763700000015,
  ExperimentExposuresByUser1763700000016,
  ExpectUpdated1763700000017,
  ExperimentWindows1763700000018,
];
