// All case groups in file order.
import type { ConformanceCase } from './conformance-case';
import { dispatchCases } from './dispatch-cases';
import { operatorCases } from './operator-cases';
import { targetingCases } from './targeting-cases';

export function caseGroups(bucket: (key: string) => number): ConformanceCase[][] {
  return [...operatorCases(), ...targetingCases(), ...dispatchCases(bucket)];
}
