// Drives @featbit/node-server-sdk 1.3.0's own local evaluation without a network: its
// InMemoryStore filled through its deserializeAll (what its JsonBootstrapProvider does) and its
// Evaluator, the class FbClientCore delegates every variation call to.
import type { EndUser } from '../../../src/core/end-users/end-user';
import type { EvalResult } from '../../../src/core/evaluation';
import type { WireFlag, WireSegment } from '../conformance-case';
import Context from '@featbit/node-server-sdk/dist/cjs/Context';
import Evaluator from '@featbit/node-server-sdk/dist/cjs/evaluation/Evaluator';
import InMemoryStore from '@featbit/node-server-sdk/dist/cjs/store/InMemoryStore';
import NodeCrypto from '@featbit/node-server-sdk/dist/cjs/platform/node/NodeCrypto';
import { deserializeAll } from '@featbit/node-server-sdk/dist/cjs/store/serialization';
import type { IPlatform } from '@featbit/node-server-sdk/dist/cjs/platform/IPlatform';
import type { IUser } from '@featbit/node-server-sdk/dist/cjs/options/IUser';

/** 'error', 'archived', or `${variationId}|${reason}|${sendToExperiment}`. */
export type Outcome = string;

export function toSdkUser(user: EndUser): IUser {
  const sdkUser: IUser = {
    key: user.keyId,
    customizedProperties: (user.customizedProperties ?? []) as IUser['customizedProperties'],
  };
  if (user.name != null) sdkUser.name = user.name;
  else if (user.name === null) (sdkUser as { name: unknown }).name = null;
  return sdkUser;
}

export class NodeSdkEvaluator {
  private readonly evaluator: Evaluator;

  constructor(flags: WireFlag[], segments: WireSegment[]) {
    const store = new InMemoryStore();
    store.init(deserializeAll(flags as never, segments as never) as never, () => undefined);
    this.evaluator = new Evaluator({ crypto: new NodeCrypto() } as unknown as IPlatform, store);
  }

  outcome(flagKey: string, user: EndUser): Outcome {
    try {
      const [result, event] = this.evaluator.evaluate(flagKey, Context.fromUser(toSdkUser(user)));
      const kind: string = result.kind;
      if (kind === 'Error' || event === null) return 'error';
      const reason =
        kind === 'Off'
          ? 'flag disabled'
          : kind === 'TargetMatch'
            ? 'targeted'
            : kind === 'FallThrough'
              ? 'default'
              : (result.reason ?? '').replace(/^match rule /, '');
      return `${event.variation.id}|${reason}|${event.sendToExperiment}`;
    } catch {
      return 'error'; // the SDK throws on some malformed data (and missing attributes)
    }
  }
}

export function ourOutcome(result: EvalResult | null): Outcome {
  if (result === null || result.reason === 'malformed flag') return 'error';
  if (result.reason === 'flag archived') return 'archived';
  return `${result.variationId}|${result.reason}|${result.sendToExperiment}`;
}
