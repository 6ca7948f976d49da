import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReadinessService } from '../infrastructure/health/readiness.service';
import { EnvironmentRegistry } from './environments/environment-registry';

/** Adds "evaluation" to readiness: ready once the store answers and change messages arrive. */
@Injectable()
export class EvaluationReadiness implements OnModuleInit {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly registry: EnvironmentRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register({
      healthName: 'evaluation',
      health: () => Promise.resolve(this.registry.health()),
    });
  }
}
