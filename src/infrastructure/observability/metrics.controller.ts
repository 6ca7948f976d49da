import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, HttpStatus, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { Public } from '../../shared/http/route-access';
import { PrometheusMetrics } from './prometheus-metrics';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * GET /metrics on every role's port, in Prometheus' text format. Open like /health unless
 * METRICS_TOKEN is set; then only `Authorization: Bearer <token>` is answered (docs/observability.md).
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly token: Buffer | null;

  constructor(
    private readonly metrics: PrometheusMetrics,
    config: AppConfig,
  ) {
    const token = config.logging.metricsToken;
    this.token = token === null || token === '' ? null : digest(token);
  }

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!this.authorized(authorization)) {
      await reply
        .status(HttpStatus.UNAUTHORIZED)
        .header('www-authenticate', 'Bearer')
        .send({ statusCode: 401, message: 'Unauthorized' });
      return;
    }
    const { contentType, body } = await this.metrics.exposition();
    await reply.status(HttpStatus.OK).header('content-type', contentType).send(body);
  }

  private authorized(authorization: string | undefined): boolean {
    if (this.token === null) return true;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    // Compared as digests: equal lengths, and no timing hint of the token.
    return match !== null && timingSafeEqual(digest(match[1]), this.token);
  }
}
