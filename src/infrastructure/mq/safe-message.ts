/** Driver errors can echo the connection string; keep only a credential-free message. */
export function safeMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\/\/[^@/\s]*@/g, '//***@').replace(/password=\S+/gi, 'password=***');
}
