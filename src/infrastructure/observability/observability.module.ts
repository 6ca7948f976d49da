import { Global, Module } from '@nestjs/common';
import { Metrics } from '../../core/ports/metrics.port';
import { DbPoolMetrics } from './db-pool-metrics';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';
import { PrometheusMetrics } from './prometheus-metrics';

/** Metrics of every role: the Metrics port, its Prometheus registry and GET /metrics. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    PrometheusMetrics,
    { provide: Metrics, useExisting: PrometheusMetrics },
    DbPoolMetrics,
    HttpMetrics,
  ],
  exports: [Metrics],
})
export class ObservabilityModule {}
