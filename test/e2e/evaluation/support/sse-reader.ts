// A minimal server-sent-events client over Node's fetch (the body read as a stream): what an
// EventSource does, minus reconnection, with every event and comment kept for assertions.

export interface SseEvent {
  /** Parsed `data:` JSON (null when not JSON). */
  data: unknown;
  id?: string;
  at: number;
}

export interface SseReader {
  status: number;
  headers: Headers;
  /** Error answers: their body. */
  body: string;
  events: SseEvent[];
  /** Comment lines (`: ping`), `retry:` values and raw text as received. */
  raw: string;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const reader: SseReader = {
    status: res.status,
    headers: res.headers,
    body: '',
    events: [],
    raw: '',
    ended: Promise.resolve(),
    close: () => abort.abort(),
  };
  if (!res.ok || res.body === null) {
    reader.body = await res.text();
    return reader;
  }
  const decoder = new TextDecoder();
  let pending = '';
  const body = res.body;
  reader.ended = (async () => {
    try {
      for await (const chunk of body) {
        const text = decoder.decode(chunk as Uint8Array, { stream: true });
        reader.raw += text;
        pending += text;
        let end: number;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, end);
          pending = pending.slice(end + 2);
          parseBlock(block, reader.events);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return reader;
}

function parseBlock(block: string, events: SseEvent[]): void {
  let data: string | null = null;
  let id: string | undefined;
  for (const line of block.split('\n')) {
    if (line.startsWith('data:')) data = (data === null ? '' : data + '\n') + line.slice(5).trimStart();
    else if (line.startsWith('id:')) id = line.slice(3).trim();
  }
  if (data === null) return;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(data);
  } catch {
    parsed = null;
  }
  events.push({ data: parsed, id, at: Date.now() });
}
