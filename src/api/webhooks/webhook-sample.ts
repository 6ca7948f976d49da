import { SYSTEM_ID } from '../../core/iam/actor';
import { flagPayloadObject, type WebhookDataObject } from '../../core/integrations/webhook-payload';
import type { DataStore } from '../../core/ports/data-store.port';

/**
 * The event a test send renders when the console gives no payload: a made-up flag toggled in the
 * organization's first project and environment, shaped as a real `feature_flag.toggled` event.
 */
export async function sampleEvent(
  store: DataStore,
  organizationId: string,
  events: readonly string[] | undefined,
): Promise<WebhookDataObject> {
  const organization = await store.organizations.findById(organizationId);
  const [project] = await store.projects.listByOrganization(organizationId);
  const envs = project ? await store.environments.listByProject(project.id) : [];
  const env = envs.at(0);
  const now = new Date().toISOString();
  return {
    events: (events?.length ? events : ['feature_flag.toggled']).join(','),
    operator: 'Test',
    happenedAt: now,
    organization: { id: organizationId, name: organization?.name ?? '' },
    project: { id: project?.id ?? SYSTEM_ID, name: project?.name ?? 'Sample project' },
    environment: { id: env?.id ?? SYSTEM_ID, name: env?.name ?? 'Sample environment' },
    data: {
      kind: 'feature flag',
      object: flagPayloadObject({
        id: SYSTEM_ID,
        name: 'Sample flag',
        description: 'A test delivery',
        key: 'sample-flag',
        variationType: 'boolean',
        variations: [
          { id: 'v-true', name: 'true', value: 'true' },
          { id: 'v-false', name: 'false', value: 'false' },
        ],
        targetUsers: [],
        rules: [],
        isEnabled: true,
        disabledVariationId: 'v-false',
        fallthrough: {
          includedInExpt: false,
          variations: [{ id: 'v-true', rollout: [0, 1], exptRollout: 1 }],
        },
        tags: [],
        isArchived: false,
        exptIncludeAllTargets: true,
      }),
    },
    changes: ['Turned the flag on'],
  };
}
