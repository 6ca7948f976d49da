import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { freePort } from '../../support/free-port';

// A tiny static server for browser test pages (the browser itself: test/support/chromium.ts).

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `files` (path → content or absolute file path prefixed with "file:") on 127.0.0.1, a
 * different origin from the product, so CORS is exercised as in production.
 */
export async function serveStatic(files: Record<string, string>): Promise<StaticSite> {
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const entry = files[path];
    if (entry === undefined) {
      res.writeHead(404).end();
      return;
    }
    const body = entry.startsWith('file:') ? readFileSync(entry.slice(5)) : entry;
    const type = path.endsWith('.js') ? 'text/javascript' : 'text/html';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
