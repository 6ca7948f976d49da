// A message already serialized (the outbox row holds a broadcast's JSON): buses publish its text as
// it is, so a broadcast is serialized once, when its change commits.

/** JSON text handed to MessageBus.publish in place of a value; never parsed and stringified again. */
export class RawJson {
  constructor(readonly json: string) {}
}

/** The wire text of a published payload: a RawJson as it is, anything else through JSON.stringify. */
export function payloadJson(payload: unknown): string {
  return payload instanceof RawJson ? payload.json : JSON.stringify(payload);
}

/** The value subscribers receive for a published payload (in-process delivery, no wire between). */
export function payloadValue(payload: unknown): unknown {
  return payload instanceof RawJson ? (JSON.parse(payload.json) as unknown) : payload;
}
