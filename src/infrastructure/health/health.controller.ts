import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../shared/http/route-access';
import { ReadinessService } from './readiness.service';

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('liveness')
  liveness(): { status: string } {
    return { status: 'alive' };
  }

  @Get('readiness')
  async readinessCheck(@Res() reply: FastifyReply): Promise<void> {
    const report = await this.readiness.report();
    await reply
      .status(report.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .send({ status: report.ready ? 'ready' : 'not-ready', checks: report.checks });
  }
}
