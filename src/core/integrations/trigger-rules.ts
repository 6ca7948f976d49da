import type { Trigger } from './integrations';

// Flag triggers as FeatBit defines them (modules/back-end/src/Domain/Triggers/*.cs in FeatBit's source):
// one type, two actions; a run that finds the flag already in the wanted state changes nothing.

export const TRIGGER_TYPES = ['feature-flag-general'] as const;
export const TRIGGER_ACTIONS = ['turn-on', 'turn-off'] as const;

export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type TriggerAction = (typeof TRIGGER_ACTIONS)[number];

/** FeatBit shows a token's first characters and stars; only a hash is stored here, so stars only. */
export const MASKED_TRIGGER_TOKEN = '************************';

/** The flag state a run asks for. */
export function wantedFlagState(action: TriggerAction): boolean {
  return action === 'turn-on';
}

/** Whether running `trigger` on a flag that is `isEnabled` changes it (FeatBit's Trigger.Run). */
export function runChangesFlag(trigger: Pick<Trigger, 'isEnabled' | 'action'>, isEnabled: boolean): boolean {
  return trigger.isEnabled && wantedFlagState(trigger.action) !== isEnabled;
}

/** The trigger after a run that changed its flag at `at`. */
export function afterRun(trigger: Trigger, at: string): Trigger {
  return { ...trigger, triggeredTimes: trigger.triggeredTimes + 1, lastTriggeredAt: at, updatedAt: at };
}

/** The audit comment of a run: FeatBit's wording, naming the trigger. */
export function runComment(trigger: Pick<Trigger, 'id' | 'action' | 'description'>): string {
  const verb = trigger.action === 'turn-off' ? 'Turn off' : 'Turn on';
  const name = trigger.description.trim() ? ` "${trigger.description.trim()}"` : '';
  return `${verb} by trigger ${trigger.id}${name}`;
}
