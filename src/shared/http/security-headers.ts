// Security headers on every HTTP answer: no framing, no MIME sniffing, no referrer, and a content
// policy that lets the console and /docs load only their own scripts (Angular Material sets inline
// styles, hence 'unsafe-inline' for styles). One constant list, because the SDK fast path writes
// its answers without Fastify and must send exactly what the Fastify routes send.
// Strict-Transport-Security is left to whoever terminates TLS; cross-origin resource and embedder
// policies stay off because browser SDKs on other origins read the SDK routes.

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(';');

export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['content-security-policy', CONTENT_SECURITY_POLICY],
  ['cross-origin-opener-policy', 'same-origin'],
  ['referrer-policy', 'no-referrer'],
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
];
