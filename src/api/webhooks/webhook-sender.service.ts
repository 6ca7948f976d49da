import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import http from 'node:http';
import https from 'node:https';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { WebhookDelivery, WebhookHeader } from '../../core/integrations/integrations';
import { addressRefusal, stripBrackets, WebhookAllowList } from '../../core/integrations/webhook-address';
import { WEBHOOK_SIGNATURE_HEADER, webhookSignature } from '../../core/integrations/webhook-signature';

/** What a webhook is sent to and with. */
export interface WebhookTarget {
  id: string;
  url: string;
  secret: string;
  headers: readonly WebhookHeader[];
}

/** One delivery's request: the same for every attempt. */
export interface WebhookRequest {
  deliveryId: string;
  events: string;
  payload: string;
}

/** The response body kept in the delivery log. */
const BODY_EXCERPT_BYTES = 4096;

/** A target refused before any byte is sent: bad URL, unresolvable host, forbidden address. */
export class WebhookTargetRefusedError extends Error {}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

interface Answer {
  statusCode: number;
  reasonPhrase: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends webhook requests (FeatBit's modules/back-end/src/Infrastructure/Services/WebhookSender.cs:
 * its headers, signature and what a delivery records) over node's http client, refusing loopback,
 * link-local and private targets. The address check runs in the socket's DNS lookup, so the address
 * connected to is the one checked (a host re-resolving to an internal address in between, DNS
 * rebinding, gains nothing); IP literals, which skip the lookup, are checked before.
 */
@Injectable()
export class WebhookSender {
  private readonly allow: WebhookAllowList;

  constructor(private readonly config: AppConfig) {
    this.allow = new WebhookAllowList(config.workflow.webhookAllowedHosts);
  }

  /** Why the URL cannot be a webhook target, or null (saving a webhook checks this). */
  async targetProblem(url: string): Promise<string | null> {
    try {
      const parsed = httpUrl(url);
      await this.resolve(parsed.hostname);
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  /** One attempt, as the delivery log records it. Never throws. */
  async send(target: WebhookTarget, request: WebhookRequest): Promise<WebhookDelivery> {
    const startedAt = new Date().toISOString();
    const headers = this.headersOf(target, request);
    const record = { url: target.url, headers, payload: request.payload };
    const base = {
      id: request.deliveryId,
      webhookId: target.id,
      events: request.events,
      request: record,
      startedAt,
    };
    try {
      const url = httpUrl(target.url);
      await this.resolve(url.hostname);
      const answer = await this.post(url, headers, request.payload);
      const success = answer.statusCode >= 200 && answer.statusCode < 300;
      return {
        ...base,
        success,
        response: { ...answer },
        error: success ? null : { message: `the receiver answered ${answer.statusCode}` },
        endedAt: new Date().toISOString(),
      };
    } catch (err) {
      return {
        ...base,
        success: false,
        response: null,
        error: { message: errorMessage(err, this.config.workflow.webhookTimeoutMs) },
        endedAt: new Date().toISOString(),
      };
    }
  }

  /** FeatBit's built-in headers, then the webhook's own (which replace a built-in of the same name). */
  private headersOf(target: WebhookTarget, request: WebhookRequest): Record<string, string> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': 'featbit-ts-webhooks',
      'X-FeatBit-Delivery': request.deliveryId,
      'X-FeatBit-Event': request.events,
      'X-FeatBit-Hook-ID': target.id,
    };
    if (target.secret.trim())
      headers[WEBHOOK_SIGNATURE_HEADER] = webhookSignature(target.secret, request.payload);
    for (const header of target.headers) {
      for (const key of Object.keys(headers)) {
        if (key.toLowerCase() === header.key.toLowerCase()) delete headers[key];
      }
      headers[header.key] = header.value;
    }
    return headers;
  }

  /** The host's addresses, each allowed; throws WebhookTargetRefusedError otherwise. */
  private async resolve(hostname: string): Promise<LookupAddress[]> {
    const host = stripBrackets(hostname);
    const family = isIP(host);
    const addresses =
      family !== 0
        ? [{ address: host, family }]
        : await new Promise<LookupAddress[]>((resolve, reject) => {
            dnsLookup(host, { all: true }, (err, found) => {
              if (err)
                reject(
                  new WebhookTargetRefusedError(
                    `could not resolve host '${host}': ${err.code ?? err.message}`,
                  ),
                );
              else resolve(found);
            });
          });
    if (addresses.length === 0) throw new WebhookTargetRefusedError(`host '${host}' has no address`);
    for (const { address } of addresses) {
      const refusal = addressRefusal(host, address, this.allow);
      if (refusal) throw new WebhookTargetRefusedError(`forbidden target: ${refusal}`);
    }
    return addresses;
  }

  /** node's socket lookup, through the same check. */
  private readonly guardedLookup = (
    hostname: string,
    options: LookupOptions,
    callback: LookupCallback,
  ): void => {
    this.resolve(hostname).then(
      (addresses) => {
        const wanted = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
        const usable = wanted.length > 0 ? wanted : addresses;
        if (options.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (err: Error) => callback(Object.assign(err, { code: 'EWEBHOOKREFUSED' }), '', 0),
    );
  };

  private post(url: URL, headers: Record<string, string>, payload: string): Promise<Answer> {
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Answer>((resolve, reject) => {
      const req = client.request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Length': String(Buffer.byteLength(payload)) },
          lookup: this.guardedLookup,
          // A fresh connection per attempt: a pooled socket would skip the lookup's check.
          agent: false,
          signal: AbortSignal.timeout(this.config.workflow.webhookTimeoutMs),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          res.on('data', (chunk: Buffer) => {
            if (kept < BODY_EXCERPT_BYTES) {
              chunks.push(chunk);
              kept += chunk.length;
            }
          });
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              statusCode: res.statusCode ?? 0,
              reasonPhrase: res.statusMessage ?? '',
              headers: flatHeaders(res.headers),
              body: Buffer.concat(chunks).subarray(0, BODY_EXCERPT_BYTES).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}

function httpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebhookTargetRefusedError('the url is not a well-formed absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebhookTargetRefusedError(
      `scheme '${url.protocol.replace(/:$/, '')}' is not allowed, only http and https`,
    );
  }
  return url;
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function errorMessage(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  return err instanceof Error ? err.message : String(err);
}
