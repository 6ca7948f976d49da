import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Logger } from '../../core/ports/logger.port';
import { RelayAgents } from '../relay/relay-agents';
import { containedRoute } from './contained-route';
import { sendError } from './sdk-auth';

// FeatBit's AgentController: POST /api/public/agent/register, `Authorization: rp-…`, the body the
// agent id as a JSON string; answers the id as plain text, as ASP.NET's Ok(string) does.

@Injectable()
export class AgentRoutes implements OnModuleInit {
  private readonly log: Logger;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly agents: RelayAgents,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'sdk-http' });
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.post(
      '/api/public/agent/register',
      containedRoute(this.log, async (req, reply) => {
        const answer = await this.agents.register(req.headers.authorization, req.body);
        if (answer.status !== 200) return sendError(reply, answer.status, answer.error);
        return reply.code(200).type('text/plain; charset=utf-8').send(answer.agentId);
      }),
    );
  }
}
