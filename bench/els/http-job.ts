import { HttpConnection, type HttpHandler, httpRequest } from './http-client';
import { Histogram, nowUs } from './histogram';
import type { HttpJob, HttpReport } from './protocol';

// Closed-loop HTTP load: `connections` keep-alive connections each send the next request as soon
// as the previous answer arrived. Requests rotate through the job's list (one per user). Only the
// answers after the warm-up count.

export function runHttp(job: HttpJob): Promise<HttpReport> {
  return new Promise((resolve) => {
    const ep = job.plan.endpoints[0];
    const host = `${ep.host}:${ep.port}`;
    const requests = job.requests.map((r) => httpRequest(r.method, r.path, host, r.headers, r.body));
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
      conn.send(requests[next++ % requests.length]);
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
