/**
 * The structured logger every service and adapter receives (pino underneath, one JSON object per
 * line). An abstract class so that Nest can inject it by class.
 */
export abstract class Logger {
  abstract debug(message: string, meta?: Record<string, unknown>): void;
  abstract info(message: string, meta?: Record<string, unknown>): void;
  abstract warn(message: string, meta?: Record<string, unknown>): void;
  abstract error(message: string, meta?: Record<string, unknown>): void;
  abstract child(bindings: Record<string, unknown>): Logger;
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
