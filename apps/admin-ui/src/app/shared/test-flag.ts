import type { FeatureFlag } from '../api/api.models';

/** A small boolean flag for specs, with overrides. */
export function aFlag(overrides: Partial<FeatureFlag> = {}): FeatureFlag {
  return {
    id: 'f1',
    envId: 'e1',
    revision: 'r1',
    name: 'New checkout',
    description: '',
    key: 'new-checkout',
    variationType: 'boolean',
    variations: [
      { id: 'on', name: 'On', value: 'true' },
      { id: 'off', name: 'Off', value: 'false' },
    ],
    targetUsers: [],
    rules: [],
    isEnabled: true,
    disabledVariationId: 'off',
    fallthrough: {
      dispatchKey: null,
      includedInExpt: true,
      variations: [{ id: 'on', rollout: [0, 1], exptRollout: 1 }],
    },
    exptIncludeAllTargets: true,
    tags: [],
    isArchived: false,
    creatorId: 'u1',
    updatorId: 'u1',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}
