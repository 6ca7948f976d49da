import type { FastifyRequest } from 'fastify';
import { RN } from '../../core/iam/resource-name';
import type { ResourceInput, ResourceResolver } from './access.decorators';

// Resource resolvers for @Permission: they read ids from the route (or the body for creations),
// load the records through TenantLookup (404 outside the caller's organization) and build the
// FeatBit resource name the statements are matched against.

function param(req: FastifyRequest, name: string): unknown {
  return (req.params as Record<string, unknown> | undefined)?.[name];
}

function bodyField(req: FastifyRequest, name: string): unknown {
  const body = req.body;
  return body && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

/** A key from the body used in a resource name; anything that is not a plain key becomes "*". */
function keyOrWildcard(value: unknown): string {
  return typeof value === 'string' && /^[a-zA-Z0-9._-]{1,128}$/.test(value) ? value : '*';
}

/** A resolver whose route's environment (and flag) reads start with the access check's. */
function readingEarly(
  resolve: (input: ResourceInput) => Promise<string>,
  envParam: string,
  ids: { key?: string; segmentId?: string } = {},
): ResourceResolver {
  return Object.assign(resolve, {
    early: ({ req, ctx, tenant }: ResourceInput) =>
      tenant.readEarly(ctx, param(req, envParam), {
        key: ids.key === undefined ? undefined : param(req, ids.key),
        segmentId: ids.segmentId === undefined ? undefined : param(req, ids.segmentId),
      }),
  });
}

function tagsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((t): t is string => typeof t === 'string' && !/[;:,]/.test(t))
    : [];
}

export const Res = {
  workspace: (): ResourceResolver => () => RN.workspace(),
  organization: (): ResourceResolver => () => RN.organization(),
  iam: (): ResourceResolver => () => RN.iam(),
  accessToken: (): ResourceResolver => () => RN.accessToken(),
  relayProxy: (): ResourceResolver => () => RN.relayProxy(),
  /** Any project (`project/*`): creation and cross-project listings. */
  anyProject: (): ResourceResolver => () => 'project/*',
  /** A project about to be created, named by the body's key. */
  newProject:
    (): ResourceResolver =>
    ({ req }) =>
      RN.project(keyOrWildcard(bodyField(req, 'key'))),
  project:
    (idParam = 'projectId'): ResourceResolver =>
    async ({ req, ctx, tenant }) =>
      RN.project((await tenant.project(ctx, param(req, idParam))).key),
  /** An environment addressed as /projects/{projectId}/envs/{envParam}. */
  envInProject: (envParam = 'envId', projectParam = 'projectId'): ResourceResolver =>
    readingEarly(async ({ req, ctx, tenant }) => {
      const { env, project } = await tenant.envInProject(ctx, param(req, projectParam), param(req, envParam));
      return RN.env(project.key, env.key);
    }, envParam),
  env: (envParam = 'envId'): ResourceResolver =>
    readingEarly(async ({ req, ctx, tenant }) => {
      const { env, project } = await tenant.env(ctx, param(req, envParam));
      return RN.env(project.key, env.key);
    }, envParam),
  flag: (envParam = 'envId', keyParam = 'key'): ResourceResolver =>
    readingEarly(
      async ({ req, ctx, tenant }) => {
        const { flag, env, project } = await tenant.flagInEnv(
          ctx,
          param(req, envParam),
          param(req, keyParam),
        );
        return RN.flag(project.key, env.key, flag.key, flag.tags);
      },
      envParam,
      { key: keyParam },
    ),
  /** A flag about to be created, named by the body's key and tags. */
  newFlag: (envParam = 'envId'): ResourceResolver =>
    readingEarly(async ({ req, ctx, tenant }) => {
      const { env, project } = await tenant.env(ctx, param(req, envParam));
      return RN.flag(
        project.key,
        env.key,
        keyOrWildcard(bodyField(req, 'key')),
        tagsOf(bodyField(req, 'tags')),
      );
    }, envParam),
  segment: (envParam = 'envId', idParam = 'segmentId'): ResourceResolver =>
    readingEarly(
      async ({ req, ctx, tenant }) => {
        const { segment, env, project } = await tenant.segmentInEnv(
          ctx,
          param(req, envParam),
          param(req, idParam),
        );
        return RN.segment(project.key, env.key, segment.key, segment.tags);
      },
      envParam,
      { segmentId: idParam },
    ),
  newSegment: (envParam = 'envId'): ResourceResolver =>
    readingEarly(async ({ req, ctx, tenant }) => {
      const { env, project } = await tenant.env(ctx, param(req, envParam));
      return RN.segment(
        project.key,
        env.key,
        keyOrWildcard(bodyField(req, 'key')),
        tagsOf(bodyField(req, 'tags')),
      );
    }, envParam),
  /** Any segment of the environment (listings). */
  anySegment: (envParam = 'envId'): ResourceResolver =>
    readingEarly(async ({ req, ctx, tenant }) => {
      const { env, project } = await tenant.env(ctx, param(req, envParam));
      return RN.segment(project.key, env.key, '*');
    }, envParam),
};
