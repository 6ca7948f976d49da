import { flagPassesFilter, parseEvaluateRequest } from '../../core/sdk/evaluate-request';
import { flagNotFound, isOfrepFailure, ofrepContextToUser, ofrepEvaluation } from '../../core/sdk/ofrep';
import { parseSdkUser } from '../../core/sdk/sdk-user';
import { clientSyncBody, ofrepBulkBody } from './per-user-bodies';
import type { Authorized } from './sdk-auth';
import { EMPTY_OK, errorResponse, jsonResponse, type SdkResponse, textResponse } from './sdk-response';

// The SDK REST endpoints' logic (docs/reference/wire-protocol.md#endpoints, OFREP v1), independent of the
// HTTP layer: parsed inputs in, the answer out. Every answer is built from JSON text cached per flag version
// and evaluation result, so a request costs the evaluations and one join (of bytes for the per-user
// answers of client/latest-all and OFREP bulk: per-user-bodies.ts).

/** The `timestamp` query parameter: absent → 0; otherwise an integer (ms). null when invalid. */
export function timestampParam(query: unknown): number | null {
  const raw = (query as Record<string, unknown> | undefined)?.timestamp;
  if (raw === undefined || raw === '') return 0;
  if (typeof raw !== 'string' || !/^-?\d{1,16}$/.test(raw)) return null;
  return Number(raw);
}

/** True when any entity tag in If-None-Match equals `etag` (weak comparison). */
export function etagMatches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const bare = etag.replace(/^W\//, '');
  const values = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch).split(',');
  return values.some((v) => {
    const t = v.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

const BAD_TIMESTAMP = errorResponse(400, 'timestamp must be Unix milliseconds');
const INVALID_USER = textResponse(400, 'invalid end user');

/** Raw flags and segments for server SDKs; an empty patch is an empty 200, as FeatBit answers. */
export function serverLatestAll(ok: Authorized, query: unknown): SdkResponse {
  const timestamp = timestampParam(query);
  if (timestamp === null) return BAD_TIMESTAMP;
  const payload = ok.env.serverSyncBody(timestamp);
  return payload === null ? EMPTY_OK : { ...jsonResponse(200, payload.plain), encodable: payload };
}

/**
 * Flags evaluated for the posted user (the bare user object). `bodyText`: the JSON text `body` was
 * parsed from, when the caller has it (it keys the per-user answer cache).
 */
export function clientLatestAll(
  ok: Authorized,
  query: unknown,
  body: unknown,
  bodyText?: string,
): SdkResponse {
  const timestamp = timestampParam(query);
  if (timestamp === null) return BAD_TIMESTAMP;
  const user = parseSdkUser(body);
  if (user === null) return INVALID_USER;
  const payload = clientSyncBody(ok.env, user, timestamp, bodyText);
  return payload === null ? EMPTY_OK : jsonResponse(200, payload);
}

/** `/featureflag/evaluate`: every flag passing the filter, evaluated for the user. */
export function evaluate(ok: Authorized, body: unknown): SdkResponse {
  const request = parseEvaluateRequest(body);
  if (!request.ok) return textResponse(400, request.error);
  const { env } = ok;
  let json = '[';
  let first = true;
  for (const entry of env.flags.values()) {
    if (!flagPassesFilter(entry.flag, entry.ts, request.filter)) continue;
    json += first ? '' : ',';
    json += env.evaluateItem(entry, request.user);
    first = false;
  }
  return jsonResponse(200, json + ']');
}

/** OFREP single-flag evaluation; archived flags count as absent. */
export function ofrepSingle(ok: Authorized, key: string, body: unknown): SdkResponse {
  const context = ofrepContextToUser(body);
  if (!context.ok) {
    return jsonResponse(
      400,
      JSON.stringify({ key, errorCode: context.errorCode, errorDetails: context.errorDetails }),
    );
  }
  const { env } = ok;
  const flag = env.evaluator.getFlagByKey(key);
  if (flag === undefined || flag.isArchived) return jsonResponse(404, JSON.stringify(flagNotFound(key)));
  const entry = env.flags.get(flag.id);
  if (entry !== undefined && entry.flag === flag) {
    const item = env.ofrepItem(entry, context.user);
    return jsonResponse(item.failure ? 400 : 200, item.json);
  }
  const evaluation = ofrepEvaluation(flag, env.evaluator.evaluateFlag(flag, context.user));
  return jsonResponse(isOfrepFailure(evaluation) ? 400 : 200, JSON.stringify(evaluation));
}

/**
 * OFREP bulk evaluation with a strong ETag over the flags (If-None-Match → 304). `eventStreams`
 * gives the answer's `eventStreams` member (its token may change between calls: not in the ETag).
 */
export function ofrepBulk(
  ok: Authorized,
  body: unknown,
  ifNoneMatch: string | string[] | undefined,
  eventStreams?: () => string,
): SdkResponse {
  const context = ofrepContextToUser(body);
  if (!context.ok) {
    return jsonResponse(
      400,
      JSON.stringify({ errorCode: context.errorCode, errorDetails: context.errorDetails }),
    );
  }
  const answer = ofrepBulkBody(ok.env, context.user);
  const etag = answer.etag;
  if (etagMatches(ifNoneMatch, etag))
    return { status: 304, body: null, contentType: null, headers: [['etag', etag]] };
  const bytes = eventStreams === undefined ? answer.body : answer.withMember(eventStreams());
  return jsonResponse(200, bytes, [['etag', etag]]);
}
