import { ActorDirectory } from '../../../../src/api/audit/actor-directory.service';
import { FlagQueries } from '../../../../src/api/feature-flags/flag-query.service';
import { ResourceNotFoundError } from '../../../../src/api/http/api-errors';
import type { AppConfig } from '../../../../src/config/app-config';
import type { AuditLog, AuditRefType } from '../../../../src/core/audit/audit-log';
import { SEGMENT_IN } from '../../../../src/core/flags/feature-flag';
import type { SegmentScope } from '../../../../src/core/ports/targeting.repositories';
import { cond, flag, OFF, ON, rule, target, THIRD } from '../../../conformance/flag-builders';
import { InMemoryTenancy } from '../support/in-memory-tenancy';

const PROD: SegmentScope = {
  envId: 'prod',
  workspaceId: 'ws-1',
  envResourceName: 'organization/acme:project/web:env/prod',
};

function change(id: string, envId: string, refType: AuditRefType, refId: string, at: string): AuditLog {
  return {
    id,
    organizationId: 'org-1',
    envId,
    refType,
    refId,
    keyword: '',
    operation: 'Update',
    dataChange: { previous: '', current: '' },
    comment: id,
    creatorId: 'user-bob@x.io',
    createdAt: at,
  };
}

function setUp(missingAttribute: 'empty-string' | 'no-match' = 'empty-string') {
  const db = new InMemoryTenancy();
  db.iam.addUser('alice@x.io');
  db.iam.addUser('bob@x.io');
  const config = { evaluation: { missingAttribute } } as AppConfig;
  const queries = new FlagQueries(
    db.flags,
    db.segments,
    db.auditLogs,
    db.flagUsage,
    db.endUsers,
    db.endUserProperties,
    new ActorDirectory(db.iam.users, db.iam.accessTokens),
    config,
  );
  return { db, queries };
}

describe('FlagQueries', () => {
  it("lists flags with their creator, the flag's own last change in this environment and its last evaluation here", async () => {
    const { db, queries } = setUp();
    db.state.flags = [
      flag({ id: 'f-1', envId: 'prod', key: 'checkout', creatorId: 'user-alice@x.io' }),
      flag({ id: 'f-2', envId: 'prod', key: 'search', creatorId: 'gone' }),
      flag({ id: 'f-other', envId: 'dev', key: 'checkout' }),
    ];
    db.iam.state.auditLogs = [
      change('older', 'prod', 'FeatureFlag', 'f-1', '2024-05-01T00:00:00.000Z'),
      change('newest', 'prod', 'FeatureFlag', 'f-1', '2024-05-02T00:00:00.000Z'),
      change('in-dev', 'dev', 'FeatureFlag', 'f-1', '2024-06-01T00:00:00.000Z'),
      change('a-segment', 'prod', 'Segment', 'f-2', '2024-06-01T00:00:00.000Z'),
    ];
    db.state.usage = [
      { envId: 'prod', flagKey: 'checkout', firstEvaluatedAt: 'a', lastEvaluatedAt: '2024-07-01' },
      { envId: 'dev', flagKey: 'search', firstEvaluatedAt: 'a', lastEvaluatedAt: '2024-08-01' },
    ];
    const page = await queries.list('prod', { pageIndex: 0, pageSize: 10 });
    expect(page.totalCount).toBe(2);
    expect(
      page.items.map((i) => [i.id, i.creator.name, i.lastChange?.comment ?? null, i.lastEvaluatedAt]),
    ).toEqual([
      ['f-1', 'alice', 'newest', '2024-07-01'],
      ['f-2', 'Unknown', null, null],
    ]);
    expect(page.items[0].lastChange?.operator).toBe('bob');
  });

  it('lists as served only the variations the fallthrough gives a share', async () => {
    const { db, queries } = setUp();
    db.state.flags = [
      flag({
        envId: 'prod',
        fallthrough: [
          [ON, 0, 0.5],
          [THIRD, 0.5, 0.5],
          [OFF, 0.5, 1],
        ],
      }),
    ];
    const [item] = (await queries.list('prod', { pageIndex: 0, pageSize: 10 })).items;
    expect(item.serves).toEqual({ enabledVariations: ['on', 'off'], disabledVariation: 'off' });
  });

  it("reads a flag's usage in its own environment only", async () => {
    const { db, queries } = setUp();
    db.state.usage = [{ envId: 'dev', flagKey: 'checkout', firstEvaluatedAt: 'a', lastEvaluatedAt: 'b' }];
    const prodFlag = flag({ envId: 'prod', key: 'checkout' });
    expect(await queries.usage(prodFlag)).toEqual({ firstEvaluatedAt: null, lastEvaluatedAt: null });
    expect(await queries.usage({ ...prodFlag, envId: 'dev' })).toEqual({
      firstEvaluatedAt: 'a',
      lastEvaluatedAt: 'b',
    });
  });

  it('evaluates against the segments visible in the environment, shared ones included, reporting others as missing', async () => {
    const { db, queries } = setUp();
    db.addSegment({ id: 'seg-shared', type: 'shared', scopes: ['organization/acme:project/web'] });
    db.addSegment({ id: 'seg-dev', envId: 'dev' });
    const segmentRule = (id: string) =>
      rule(id, [cond(SEGMENT_IN, null, JSON.stringify([id]))], [[ON, 0, 1]]);
    const subject = flag({ envId: 'prod', rules: [segmentRule('seg-shared')] });
    db.state.segments[0].included = ['alice'];
    db.state.segments[1].included = ['alice'];
    const inShared = await queries.evaluate(subject, PROD, { keyId: 'alice' });
    expect(inShared).toMatchObject({ variationId: ON, variationName: 'on', value: 'true' });
    expect(inShared).not.toHaveProperty('error');
    const devOnly = { ...subject, rules: [segmentRule('seg-dev')] };
    // Another environment's segment is not visible here: the debug view names it as missing.
    expect(await queries.evaluate(devOnly, PROD, { keyId: 'alice' })).toMatchObject({
      variationId: null,
      error: 'segment seg-dev not found',
    });
  });

  it('applies the configured handling of a missing attribute', async () => {
    const subject = flag({ rules: [rule('not-us', [cond('country', 'NotEqual', 'US')], [[ON, 0, 1]])] });
    const lenient = setUp('empty-string').queries;
    const strict = setUp('no-match').queries;
    expect((await lenient.evaluate(subject, PROD, { keyId: 'alice' })).variationId).toBe(ON);
    expect((await strict.evaluate(subject, PROD, { keyId: 'alice' })).variationId).toBe(OFF);
  });

  it('finds flags of the environment only, answering 404 when any is missing or elsewhere', async () => {
    const { db, queries } = setUp();
    db.state.flags = [flag({ id: 'f-1', envId: 'prod' }), flag({ id: 'f-dev', envId: 'dev' })];
    expect((await queries.inEnvironment('prod', ['f-1', 'f-1'])).map((f) => f.id)).toEqual(['f-1']);
    await expect(queries.inEnvironment('prod', ['f-1', 'f-dev'])).rejects.toBeInstanceOf(
      ResourceNotFoundError,
    );
    await expect(queries.inEnvironment('prod', ['f-1', 'missing'])).rejects.toBeInstanceOf(
      ResourceNotFoundError,
    );
  });

  it('gathers what copied flags would meet in the target environment, and nothing from others', async () => {
    const { db, queries } = setUp();
    db.state.flags = [flag({ id: 'taken', envId: 'prod', key: 'checkout' })];
    db.addEndUser('prod', 'alice');
    db.addEndUser('dev', 'bob');
    db.addSegment({ id: 'seg-prod', envId: 'prod' });
    db.addSegment({ id: 'seg-dev', envId: 'dev' });
    db.addSegment({ id: 'seg-shared', type: 'shared', scopes: ['organization/acme'] });
    db.addSegment({ id: 'seg-elsewhere', type: 'shared', scopes: ['organization/other'] });
    db.addProperty('prod', 'country');
    db.addProperty('dev', 'plan');
    const copied = [
      flag({ envId: 'dev', key: 'checkout', targetUsers: [target(ON, 'alice', 'bob')] }),
      flag({ envId: 'dev', key: 'search', targetUsers: [target(OFF, 'bob')] }),
    ];
    expect(await queries.copyTargetFacts(PROD, copied)).toEqual({
      usedKeys: new Set(['checkout']),
      existingKeyIds: new Set(['alice']),
      segmentIds: new Set(['seg-prod', 'seg-shared']),
      propertyNames: new Set(['country']),
    });
  });
});
