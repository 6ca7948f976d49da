/** What the storage adapters log through; the Nest wiring passes its pino-backed logger. */
export interface StoreLogger {
  info(msg: string, meta?: object): void;
  warn(msg: string, meta?: object): void;
  error(msg: string, meta?: object): void;
}

export const silentStoreLogger: StoreLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
