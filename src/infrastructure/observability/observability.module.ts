import { Global, Module } from '@nestjs/common';
import { Metrics } from '../../core/ports/metrics.port';
import { DbPoolMetrics } from './db-pool-metrics';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';
import { OtelTracing } from './otel-tracing';
import { PrometheusMetrics } from './prometheus-metrics';

/**
 * Metrics of every role (the Metrics port, its Prometheus registry and GET /metrics) and the
 * OpenTelemetry traces, off by default.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    PrometheusMetrics,
    { provide: Metrics, useExisting: PrometheusMetrics },
    DbPoolMetrics,
    HttpMetrics,
    OtelTracing,
  ],
  exports: [Metrics],
})
export class ObservabilityModule {}
