// Measures the figures of docs/experiments.md#statistics ("Peeking and power"); run by hand, not by
// the suite (it prints):
//   npx jest --config '{"transform":{"^.+\\.ts$":"@swc/jest"},"testMatch":["**/measure-power.ts"]}' test/reference/experiments

import { simulatePeeking } from './peeking-simulation';

const common = { experiments: 500, days: 30, usersPerDay: 1000, baseRate: 0.1, alpha: 0.05, seed: 18 };

it('measures false positives (A/A) and power (A/B, 5 % relative lift)', () => {
  console.log(
    JSON.stringify(
      { aa: simulatePeeking({ ...common, lift: 0 }), ab: simulatePeeking({ ...common, lift: 0.05 }) },
      null,
      1,
    ),
  );
});
