import pino, { type Logger as Pino } from 'pino';
import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { Logger } from '../../core/ports/logger.port';

// Keys whose values never reach a log line, wherever they appear.
const REDACT = [
  'password',
  '*.password',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
];

export class PinoLogger extends Logger {
  constructor(readonly pino: Pino) {
    super();
  }
  debug(message: string, meta?: Record<string, unknown>): void {
    this.pino.debug(meta ?? {}, message);
  }
  info(message: string, meta?: Record<string, unknown>): void {
    this.pino.info(meta ?? {}, message);
  }
  warn(message: string, meta?: Record<string, unknown>): void {
    this.pino.warn(meta ?? {}, message);
  }
  error(message: string, meta?: Record<string, unknown>): void {
    this.pino.error(meta ?? {}, message);
  }
  child(bindings: Record<string, unknown>): Logger {
    return new PinoLogger(this.pino.child(bindings));
  }
}

// LOG_FORMAT=pretty: one readable line per entry for people at a terminal.
const prettyStream: pino.DestinationStream = {
  write(line: string) {
    try {
      const { time, level, msg, pid: _pid, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const extra = Object.keys(rest).length > 0 ? ' ' + JSON.stringify(rest) : '';
      process.stdout.write(
        `${String(time)} ${String(level).toUpperCase().padEnd(5)} ${String(msg)}${extra}\n`,
      );
    } catch {
      process.stdout.write(line);
    }
  },
};

export function createPinoLogger(
  logging: AppConfig['logging'],
  destination?: pino.DestinationStream,
): PinoLogger {
  const options: pino.LoggerOptions = {
    level: logging.level,
    redact: { paths: REDACT, censor: '***' },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  const stream =
    destination ?? (logging.format === 'pretty' ? prettyStream : pino.destination({ fd: 1, sync: true }));
  return new PinoLogger(pino(options, stream));
}

// Nest announces every module and route at start-up: useful when debugging, noise otherwise.
const CHATTY_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'WebSocketsController',
]);

/** Routes Nest's own framework messages into the structured log. */
export class NestLoggerBridge implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void {
    if (context && CHATTY_CONTEXTS.has(context)) this.logger.debug(String(message), { context });
    else this.logger.info(String(message), context ? { context } : undefined);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error(String(message), { context, trace });
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn(String(message), context ? { context } : undefined);
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug(String(message), context ? { context } : undefined);
  }
  verbose(message: unknown, context?: string): void {
    this.logger.debug(String(message), context ? { context } : undefined);
  }
}
