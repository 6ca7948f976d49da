import { Injectable } from '@nestjs/common';

// Calls from the api role to a relay-proxy agent (FeatBit's AgentService): its liveness and the
// manual bootstrap. The host is given by a manager of the organization and agents usually live on
// private networks, so private addresses are allowed (unlike webhooks); what limits the requests:
// http(s) origins only (a base path allowed, no credentials, query or fragment), no redirect
// followed, 3 s per request, and only a status code (liveness) or two fields (bootstrap) read back.

export const AGENT_TIMEOUT_MS = 3_000;
/** Most of an agent's bootstrap answer read ({serves, dataVersion} is a few hundred bytes). */
const MAX_ANSWER_BYTES = 64 * 1024;

/** Why the host is refused, or null. */
export function agentHostProblem(host: string): string | null {
  let url: URL;
  try {
    url = new URL(host.trim());
  } catch {
    return 'must be an http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.username !== '' || url.password !== '') return 'may not hold credentials';
  if (url.search !== '' || url.hash !== '') return 'may not hold a query or a fragment';
  return null;
}

function endpoint(host: string, path: string): string {
  return `${host.trim().replace(/\/+$/, '')}${path}`;
}

@Injectable()
export class RelayAgentClient {
  /** The status code of `{host}/health/liveness`; 503 when the agent cannot be reached (as FeatBit). */
  async liveness(host: string): Promise<number> {
    try {
      const res = await fetch(endpoint(host, '/health/liveness'), {
        redirect: 'manual',
        signal: AbortSignal.timeout(AGENT_TIMEOUT_MS),
      });
      await res.body?.cancel();
      return res.status;
    } catch {
      return 503;
    }
  }

  /** POSTs FeatBit's bootstrap payload; the agent answers what it serves now. Throws on failure. */
  async bootstrap(
    host: string,
    key: string,
    payloadJson: string,
  ): Promise<{ serves: string; dataVersion: number }> {
    const res = await fetch(endpoint(host, '/api/public/proxy/bootstrap'), {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: key, 'content-type': 'application/json' },
      body: payloadJson,
      signal: AbortSignal.timeout(AGENT_TIMEOUT_MS),
    });
    const text = (await res.text()).slice(0, MAX_ANSWER_BYTES);
    if (res.status < 200 || res.status > 299) throw new Error(`the agent answered ${res.status}`);
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      answer = {};
    }
    const fields = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
    return {
      serves: typeof fields.serves === 'string' ? fields.serves : '',
      dataVersion:
        typeof fields.dataVersion === 'number' && Number.isSafeInteger(fields.dataVersion)
          ? fields.dataVersion
          : 0,
    };
  }
}
