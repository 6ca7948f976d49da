import { HttpConnection, type HttpHandler, httpRequest } from './http-client';
import { Histogram, nowUs } from './histogram';
import { FRESH_ID_LENGTH, type HttpJob, type HttpReport, type HttpRequestSpec } from './protocol';

// Closed-loop HTTP load: `connections` keep-alive connections each send the next request as soon
// as the previous answer arrived. Requests rotate through the job's list (one per user). Only the
// answers after the warm-up count. A request with a `freshMarker` gets a user id never sent before
// written over the marker each time (a copy of the pre-built bytes: no body is built per request).

interface Template {
  bytes: Buffer;
  /** Offsets of the marker in `bytes` (empty: the request is sent as it is). */
  marks: number[];
}

function template(r: HttpRequestSpec, host: string): Template {
  const bytes = httpRequest(r.method, r.path, host, r.headers, r.body);
  const marks: number[] = [];
  if (r.freshMarker !== undefined) {
    if (r.freshMarker.length !== FRESH_ID_LENGTH)
      throw new Error(`freshMarker must be ${FRESH_ID_LENGTH} long`);
    const marker = Buffer.from(r.freshMarker, 'latin1');
    for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + marker.length))
      marks.push(at);
  }
  return { bytes, marks };
}

/** Unique per process and run: a random tag, the pid, then a counter (base 36, fixed width). */
function freshIds(): () => string {
  const tag = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  const prefix = tag + (process.pid % 36 ** 4).toString(36).padStart(4, '0');
  let counter = 0;
  return () => prefix + (counter++).toString(36).padStart(FRESH_ID_LENGTH - prefix.length, '0');
}

export function runHttp(job: HttpJob): Promise<HttpReport> {
  return new Promise((resolve) => {
    const ep = job.plan.endpoints[0];
    const host = `${ep.host}:${ep.port}`;
    const requests = job.requests.map((r) => template(r, host));
    const nextId = freshIds();
    const latency = new Histogram();
    const byStatus: Record<string, number> = {};
    const errors: Record<string, number> = {};
    let next = 0;
    let measuring = false;
    let stopping = false;
    let count = 0;
    let bytes = 0;
    const conns: HttpConnection[] = [];

    const send = (conn: HttpConnection): void => {
      conn.sentAt = nowUs();
      const t = requests[next++ % requests.length];
      if (t.marks.length === 0) {
        conn.send(t.bytes);
        return;
      }
      // A copy per request: another connection may still be writing the previous one.
      const bytes = Buffer.from(t.bytes);
      const id = nextId();
      for (const at of t.marks) bytes.write(id, at, 'latin1');
      conn.send(bytes);
    };
    const handler: HttpHandler = {
      onResponse(conn, status, body) {
        if (measuring) {
          latency.record(nowUs() - conn.sentAt);
          byStatus[status] = (byStatus[status] ?? 0) + 1;
          count++;
          if (body !== null) bytes += body.length;
        }
        if (!stopping) send(conn);
      },
      onClose(_conn, error) {
        if (!stopping) errors[error ?? 'connection closed'] = (errors[error ?? 'connection closed'] ?? 0) + 1;
      },
    };
    for (let i = 0; i < job.connections; i++) {
      const address = job.plan.localAddresses[i % job.plan.localAddresses.length];
      const conn = new HttpConnection({ host: ep.host, port: ep.port, localAddress: address }, handler, true);
      conns.push(conn);
      send(conn);
    }
    setTimeout(() => {
      measuring = true;
      const t0 = performance.now();
      setTimeout(() => {
        measuring = false;
        stopping = true;
        const windowMs = performance.now() - t0;
        for (const c of conns) c.destroy();
        resolve({ requests: count, byStatus, errors, latency: latency.toJSON(), windowMs, bytes });
      }, job.durationMs);
    }, job.warmupMs);
  });
}
