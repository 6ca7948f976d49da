import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { FastifyRequest } from 'fastify';
import type { Logger } from '../../core/ports/logger.port';
import { mapApiError } from '../http/api-exception.filter';
import { ApiContext, type Principal } from './api-context';
import { CurrentActor, CurrentEnv, CurrentFlag, RequestStateMissingError } from './request-state.decorators';

const API_DIR = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every match of `pattern` in the API's sources, as "file:line: text". */
function occurrences(pattern: RegExp): string[] {
  return sourceFiles(API_DIR).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(pattern)].map((m) => {
      const line = text.slice(0, m.index).split('\n').length;
      return `${relative(API_DIR, file)}:${line}: ${m[0].replace(/\s+/g, ' ')}`;
    });
  });
}

describe('request state in src/api (source scan)', () => {
  it('reads request state through the typed decorators, never as `ctx.<field>!`', () => {
    // A non-null assertion compiles whatever the route's resolver is and crashes at run time;
    // `@CurrentFlag()` and friends fail loudly, naming the route, instead.
    expect(occurrences(/\bctx\.\w+!(?!=)/g)).toEqual([]);
  });

  it('documents path parameters with @ApiParam, not with unused `_` handler arguments', () => {
    // `@Something(...) _name: T`, the decorator's arguments possibly nesting one level of parentheses.
    expect(occurrences(/@\w+\((?:[^()]|\([^()]*\))*\)\s+_\w*\s*[?:]/g)).toEqual([]);
  });
});

/** Calls a parameter decorator's factory the way Nest does for a request. */
function resolve(decorator: () => ParameterDecorator, ctx: ApiContext): unknown {
  class Probe {
    handler(_: unknown): void {}
  }
  decorator()(Probe.prototype, 'handler', 0);
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handler') as Record<
    string,
    { factory: (data: unknown, context: ExecutionContext) => unknown }
  >;
  const req = {
    method: 'PUT',
    url: '/api/v1/envs/e/feature-flags/k/name',
    routeOptions: { url: '/api/v1/envs/:envId/feature-flags/:key/name' },
    apiContext: ctx,
  } as unknown as FastifyRequest;
  const context = { switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
  return Object.values(args)[0].factory(undefined, context);
}

describe('request state decorators', () => {
  it('hand over what the guard resolved', () => {
    const ctx = new ApiContext();
    const env = { id: 'env-1', key: 'dev' };
    ctx.env = env as ApiContext['env'];
    ctx.principal = {
      kind: 'user',
      user: { id: 'u1' },
      sessionId: 's',
    } as unknown as Principal;
    expect(resolve(CurrentEnv, ctx)).toBe(env);
    expect(resolve(CurrentActor, ctx)).toEqual({ creatorId: 'u1', kind: 'user', userId: 'u1' });
  });

  it('fail as a 500 naming the route and the missing piece when the guard resolved nothing', () => {
    let error: unknown;
    try {
      resolve(CurrentFlag, new ApiContext());
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RequestStateMissingError);
    const logged: { message: string; meta?: Record<string, unknown> }[] = [];
    const log = {
      error: (message: string, meta?: Record<string, unknown>) => logged.push({ message, meta }),
    } as unknown as Logger;
    const mapped = mapApiError(error, log);
    expect(mapped.status).toBe(500);
    expect(mapped.body.errors).toEqual(['InternalServerError']);
    expect(logged).toEqual([
      {
        message: expect.any(String) as string,
        meta: { route: 'PUT /api/v1/envs/:envId/feature-flags/:key/name', missing: 'feature flag' },
      },
    ]);
  });
});
