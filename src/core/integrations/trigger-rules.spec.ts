import type { Trigger } from './integrations';
import { afterRun, runChangesFlag, runComment, wantedFlagState } from './trigger-rules';

const trigger: Trigger = {
  id: 't-1',
  targetId: 'f-1',
  type: 'feature-flag-general',
  action: 'turn-off',
  tokenHash: 'h',
  description: '  Error-rate alert ',
  isEnabled: true,
  triggeredTimes: 2,
  lastTriggeredAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('trigger rules', () => {
  it('changes the flag only when enabled and the flag is not already in the wanted state', () => {
    expect(wantedFlagState('turn-on')).toBe(true);
    expect(wantedFlagState('turn-off')).toBe(false);
    expect(runChangesFlag(trigger, true)).toBe(true);
    expect(runChangesFlag(trigger, false)).toBe(false);
    expect(runChangesFlag({ ...trigger, isEnabled: false }, true)).toBe(false);
    expect(runChangesFlag({ ...trigger, action: 'turn-on' }, false)).toBe(true);
  });

  it('counts a run and names the trigger in the audit comment', () => {
    const at = '2026-02-02T10:00:00.000Z';
    expect(afterRun(trigger, at)).toMatchObject({ triggeredTimes: 3, lastTriggeredAt: at, updatedAt: at });
    expect(runComment(trigger)).toBe('Turn off by trigger t-1 "Error-rate alert"');
    expect(runComment({ ...trigger, action: 'turn-on', description: '' })).toBe('Turn on by trigger t-1');
  });
});
