import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { ok } from './api-envelope';
import { isManagementRequest } from './api-exception.filter';

const RAW_RESPONSE = 'api:raw-response';

/** The handler writes its own response (streams, files): no envelope. */
export const RawResponse = (): MethodDecorator => SetMetadata(RAW_RESPONSE, true);

/** Wraps what management handlers return in FeatBit's `{success, errors, data}` envelope. */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (!isManagementRequest(req) || this.reflector.get<boolean>(RAW_RESPONSE, context.getHandler())) {
      return next.handle();
    }
    return next.handle().pipe(map((data: unknown) => ok(data === undefined ? null : data)));
  }
}
