import { flag, OFF, user } from '../../../test/conformance/flag-builders';
import { evaluateFlag, timestampOf, toClientFlag } from './index';

describe('client flag payload', () => {
  it('emits the server property order and values', () => {
    const f = flag({ isEnabled: false, updatedAt: '2024-04-10T13:29:40.4940000Z' });
    const item = toClientFlag(f, evaluateFlag(f, user('u'), []));
    expect(Object.keys(item)).toEqual([
      'id',
      'variation',
      'variationType',
      'variationId',
      'matchReason',
      'variationOptions',
      'sendToExperiment',
      'timestamp',
    ]);
    expect(item).toEqual({
      id: 'test-flag',
      variation: 'false',
      variationType: 'boolean',
      variationId: OFF,
      matchReason: 'flag disabled',
      variationOptions: f.variations.map((v) => ({ id: v.id, value: v.value })),
      sendToExperiment: false,
      timestamp: 1712755780494,
    });
  });

  it('emits archived flags with null variation', () => {
    const f = flag({ isArchived: true });
    expect(toClientFlag(f, evaluateFlag(f, user('u'), []))).toMatchObject({
      variation: null,
      variationId: null,
      matchReason: 'flag archived',
      sendToExperiment: false,
    });
  });

  it.each<[string, number]>([
    ['2023-01-28T02:04:55Z', Date.UTC(2023, 0, 28, 2, 4, 55)],
    ['2023-01-28T02:04:55.6Z', Date.UTC(2023, 0, 28, 2, 4, 55, 600)],
    ['2023-01-28T02:04:55.61Z', Date.UTC(2023, 0, 28, 2, 4, 55, 610)],
    ['2023-01-28T02:04:55.616Z', Date.UTC(2023, 0, 28, 2, 4, 55, 616)],
    ['2023-03-16T09:11:26.0465535Z', Date.UTC(2023, 2, 16, 9, 11, 26, 46)],
    ['2023-03-16T09:11:26.9999999Z', Date.UTC(2023, 2, 16, 9, 11, 26, 999)],
    ['2023-03-16T09:11:26.123+01:00', Date.UTC(2023, 2, 16, 8, 11, 26, 123)],
    ['not a date', 0],
  ])('timestampOf(%j) = %d', (text, expected) => {
    expect(timestampOf(text)).toBe(expected);
  });
});
