import { createServer, type Socket } from 'node:net';

// The floor: the least a Node server can do per connection. It answers the WebSocket handshake of
// the bench client with a constant, replies to any data-sync with a constant full payload and to
// pings with the pong, and on request writes one pre-built patch frame to every socket in a loop.
// Pinned to the server core, it shows what the kernel and the event loop alone cost on this
// machine, so the product's fan-out can be compared with it.

const RESPONSE = Buffer.from(
  'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n',
);

function frame(text: string): Buffer {
  const payload = Buffer.from(text);
  const header =
    payload.length < 126
      ? Buffer.from([0x81, payload.length])
      : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([header, payload]);
}

const FULL = frame('{"messageType":"data-sync","data":{"eventType":"full","featureFlags":[],"segments":[]}}');
const PONG = frame('{"messageType":"pong","data":{}}');
const PATCH = frame(
  '{"messageType":"data-sync","data":{"eventType":"patch","featureFlags":[{"key":"bench-fanout",' +
    `"padding":"${'x'.repeat(560)}"}],"segments":[]}}`,
);

const sockets = new Set<Socket>();
const server = createServer((socket) => {
  socket.setNoDelay(true);
  let upgraded = false;
  socket.on('data', (chunk: Buffer) => {
    if (!upgraded) {
      if (chunk.indexOf('\r\n\r\n') < 0) return;
      upgraded = true;
      sockets.add(socket);
      socket.write(RESPONSE);
      return;
    }
    // Client frames are masked with a zero key: the text starts after 6 header bytes.
    const text = chunk.toString('latin1', 6, 40);
    if (text.includes('"ping"')) socket.write(PONG);
    else if (text.includes('data-sync')) socket.write(FULL);
    else if ((chunk[0] & 0x0f) === 0x8) socket.end();
  });
  socket.on('error', () => {});
  socket.on('close', () => sockets.delete(socket));
});

process.on('message', (raw: unknown) => {
  if ((raw as { cmd?: string }).cmd !== 'fanout') return;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const s of sockets) s.write(PATCH);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.send?.({
    type: 'fanout',
    sockets: sockets.size,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    systemMs: cpu.system / 1000,
  });
});

server.on('error', (err: NodeJS.ErrnoException) => {
  process.stderr.write(`floor server: ${err.message}\n`);
  process.exit(err.code === 'EADDRINUSE' ? 3 : 1); // 3: the bench retries on another port
});
server.listen({ port: Number(process.argv[2]), host: '127.0.0.1', backlog: 4096 }, () =>
  process.send?.({ type: 'listening' }),
);
