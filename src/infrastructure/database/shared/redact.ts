// Health details and logs must never carry credentials.

const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^@/\s]+)@/gi;

const SYSTEM_CODE = /^E[A-Z]{3,}$/;
const SYSTEM_CODE_IN_TEXT =
  /\b(E(?:CONNREFUSED|CONNRESET|TIMEDOUT|HOSTUNREACH|NETUNREACH|NOTFOUND|AI_AGAIN|PIPE))\b/;

export function redactUrl(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@');
}

/**
 * Short, credential-free description of a connection error: its system error code when it has one
 * (ECONNREFUSED, ENOTFOUND …, also when wrapped in the message), else its message.
 */
export function describeError(error: unknown): string {
  // Duck-typed: errors from another realm (Node internals under a test VM) fail instanceof.
  if (error && typeof error === 'object' && 'message' in error) {
    const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && SYSTEM_CODE.test(code)) return code;
    const text = typeof message === 'string' && message ? message : String(name);
    const inMessage = SYSTEM_CODE_IN_TEXT.exec(text);
    return redactUrl(inMessage ? inMessage[1] : text);
  }
  return redactUrl(String(error));
}

/** The host:port part of a connection URL, for log lines. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return redactUrl(url);
  }
}
