import { EdgeReplica } from '../../core/edge/edge-replica';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { DataStore } from '../../core/ports/data-store.port';
import type { HealthStatus } from '../../core/ports/health-checkable.port';
import type { SegmentScope } from '../../core/ports/targeting.repositories';
import type { Segment } from '../../core/segments/segment';
import type { SecretContext } from '../../core/tenancy/tenancy';

// The DataStore of the edge role (docs/relay-proxies.md#edge-role): the read side the evaluation
// role uses (secrets, flags, segments of an environment) answered from the in-memory replica that
// the upstream synchronizer fills. Everything else is a repository the edge never calls: using it
// throws an error that says so instead of failing somewhere deeper.

/** Names probed on any object (promises, Nest lifecycle hooks, serializers): not repository calls. */
const NOT_METHODS = new Set([
  'then',
  'constructor',
  'toJSON',
  'onModuleInit',
  'onApplicationBootstrap',
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
]);

/** A repository the edge has no data for: every method but `served` throws, naming it. */
function unsupported<T>(name: string, served: Record<string, unknown> = {}): T {
  return new Proxy(served, {
    get: (target, method) => {
      if (typeof method === 'symbol' || NOT_METHODS.has(method)) return undefined;
      if (Object.hasOwn(target, method)) return target[method];
      return () => {
        throw new Error(`the edge role has no ${name} repository (${name}.${method} is not available)`);
      };
    },
  }) as T;
}

export class EdgeReplicaStore extends DataStore {
  readonly healthName = 'edge-replica';
  // Not one of the database providers: nothing reads it on the evaluation role.
  readonly provider = 'edge' as unknown as DataStore['provider'];
  readonly supportsTransactions = false;
  readonly replica = new EdgeReplica();

  private loaded = false;
  private readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;

  readonly environments = unsupported<DataStore['environments']>('environments', {
    findSecretContext: (secret: string): Promise<SecretContext | null> =>
      Promise.resolve(this.replica.secretContext(secret)),
  });

  readonly flags = unsupported<DataStore['flags']>('flags', {
    listAll: (envId: string): Promise<FeatureFlag[]> => Promise.resolve(this.flagsOf(envId)),
  });

  readonly segments = unsupported<DataStore['segments']>('segments', {
    listAll: (scope: SegmentScope): Promise<Segment[]> => Promise.resolve(this.segmentsOf(scope.envId)),
  });

  // The edge relays no further: a relay-proxy key presented to it is unknown.
  readonly relayProxies = unsupported<DataStore['relayProxies']>('relayProxies', {
    findByKeyHash: () => Promise.resolve(null),
  });

  readonly workspaces = unsupported<DataStore['workspaces']>('workspaces');
  readonly users = unsupported<DataStore['users']>('users');
  readonly organizations = unsupported<DataStore['organizations']>('organizations');
  readonly projects = unsupported<DataStore['projects']>('projects');
  readonly policies = unsupported<DataStore['policies']>('policies');
  readonly groups = unsupported<DataStore['groups']>('groups');
  readonly accessTokens = unsupported<DataStore['accessTokens']>('accessTokens');
  readonly refreshTokens = unsupported<DataStore['refreshTokens']>('refreshTokens');
  readonly flagRevisions = unsupported<DataStore['flagRevisions']>('flagRevisions');
  readonly endUsers = unsupported<DataStore['endUsers']>('endUsers');
  readonly endUserProperties = unsupported<DataStore['endUserProperties']>('endUserProperties');
  readonly auditLogs = unsupported<DataStore['auditLogs']>('auditLogs');
  readonly insightEvents = unsupported<DataStore['insightEvents']>('insightEvents');
  readonly flagUsage = unsupported<DataStore['flagUsage']>('flagUsage');
  readonly usageStats = unsupported<DataStore['usageStats']>('usageStats');
  readonly webhooks = unsupported<DataStore['webhooks']>('webhooks');
  readonly triggers = unsupported<DataStore['triggers']>('triggers');
  readonly experiments = unsupported<DataStore['experiments']>('experiments');
  readonly experimentMetrics = unsupported<DataStore['experimentMetrics']>('experimentMetrics');
  readonly flagDrafts = unsupported<DataStore['flagDrafts']>('flagDrafts');
  readonly flagChangeRequests = unsupported<DataStore['flagChangeRequests']>('flagChangeRequests');
  readonly flagSchedules = unsupported<DataStore['flagSchedules']>('flagSchedules');
  readonly outbox = unsupported<DataStore['outbox']>('outbox');
  readonly jobs = unsupported<DataStore['jobs']>('jobs');
  readonly settings = unsupported<DataStore['settings']>('settings');

  constructor() {
    super();
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Called once data was loaded from disk or received from the upstream: the edge can serve. */
  setLoaded(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.markReady();
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  transaction<T>(): Promise<T> {
    return Promise.reject(new Error('the edge role has no database: transactions are not available'));
  }

  health(): Promise<HealthStatus> {
    return Promise.resolve(
      this.loaded
        ? { ok: true }
        : { ok: false, detail: 'no flags yet: waiting for the upstream (nothing was saved on disk)' },
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private flagsOf(envId: string): FeatureFlag[] {
    return [...(this.replica.env(envId)?.flags.values() ?? [])];
  }

  private segmentsOf(envId: string): Segment[] {
    const segments = this.replica.env(envId)?.segments.values() ?? [];
    return [...segments].map((s) => ({ ...s, workspaceId: '', type: 'environment-specific', scopes: [] }));
  }
}
