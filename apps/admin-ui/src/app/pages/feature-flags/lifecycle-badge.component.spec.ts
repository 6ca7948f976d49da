import type { FlagLifecycle } from '../../api/flag-lifecycle.api';
import { lifecycleReason } from './lifecycle-badge.component';

const lifecycle = (
  reasonCode: FlagLifecycle['reasonCode'],
  reasonArgs: FlagLifecycle['reasonArgs'] = {},
): FlagLifecycle => ({ status: 'active', since: null, reason: '', reasonCode, reasonArgs });

describe('lifecycle reason', () => {
  it('words each reason code as the server does in English', () => {
    expect(lifecycleReason(lifecycle('created-recently', { days: 7 }))).toBe('Created less than 7 days ago');
    expect(lifecycleReason(lifecycle('not-evaluated', { days: 10 }))).toBe(
      'Not evaluated by an SDK for 10 days',
    );
    expect(lifecycleReason(lifecycle('never-evaluated'))).toBe('Never evaluated by an SDK');
    expect(lifecycleReason(lifecycle('launched', { days: 7, variation: 'Off', off: true }))).toBe(
      'Serves "Off" to everyone (off), unchanged for 7 days or more: ready to remove from the code',
    );
    expect(lifecycleReason(lifecycle('changed-recently', { days: 7, variation: 'On' }))).toBe(
      'Evaluated in the last 7 days; serves "On" to everyone, changed less than 7 days ago',
    );
  });
});
