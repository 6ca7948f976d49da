import { join } from 'node:path';
import { ensureBuilt } from '../../test/e2e/support/product';
import type { Options } from './options';
import { prepareStack, type PreparedStack, ProductProcess, waitForOutbox } from './processes';
import { type SeededEnv, seedLarge, seedStandard } from './seed';

// The deployment under test: an api process on the load core (management API: seeding and the
// changes whose propagation is measured) and evaluation processes on the server core, sharing a
// private database and queue. The embedded stack is one `--role all` process on the server core.

export interface Deployment {
  api: ProductProcess;
  evaluations: ProductProcess[];
  standard: SeededEnv | null;
  large: SeededEnv | null;
  /** Provider settings (DB_PROVIDER, POSTGRES_URL, MQ_PROVIDER, …) of the deployment. */
  providerEnv: Record<string, string>;
  stop(): Promise<void>;
}

export interface DeployPlan {
  servers: number;
  standard: boolean;
  large: boolean;
}

export async function deploy(options: Options, plan: DeployPlan): Promise<Deployment> {
  ensureBuilt();
  const prepared: PreparedStack = await prepareStack(options.stack, options.redisDb);
  const started: ProductProcess[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((p) => p.stop()));
    await prepared.cleanup().catch((err: unknown) => process.stderr.write(`cleanup: ${String(err)}\n`));
  };
  try {
    let api: ProductProcess;
    let evaluations: ProductProcess[];
    const profile = options.cpuProf ?? undefined;
    if (options.stack === 'embedded') {
      api = await ProductProcess.start({
        name: 'all',
        role: 'all',
        core: options.serverCore,
        env: prepared.env,
        cpuProfDir: profile,
      });
      started.push(api);
      evaluations = [api];
    } else {
      api = await ProductProcess.start({
        name: 'api',
        role: 'api',
        core: options.loadCore,
        env: prepared.env,
        main: options.apiBuild === null ? undefined : join(options.apiBuild, 'dist', 'main.js'),
      });
      started.push(api);
      evaluations = [];
    }
    const base = `http://127.0.0.1:${api.port}`;
    const standard = plan.standard ? await seedStandard(base, options.flags) : null;
    const large = plan.large
      ? await seedLarge(base, options.largeStrings, options.largeJsons, 8, 'prod')
      : null;
    if (options.stack !== 'embedded') {
      // Seeding published thousands of changes: let the api finish relaying them first, so that
      // the evaluation processes start in a quiet deployment.
      await waitForOutbox(prepared.env);
      evaluations = await Promise.all(
        Array.from({ length: plan.servers }, (_, i) =>
          ProductProcess.start({
            name: `evaluation#${i + 1}`,
            role: 'evaluation',
            core: options.serverCore,
            env: { ...prepared.env, LOG_LEVEL: options.serverLog },
            cpuProfDir: i === 0 ? profile : undefined,
            main: evaluationMain(options, i),
          }),
        ),
      );
      started.push(...evaluations);
    }
    return { api, evaluations, standard, large, providerEnv: prepared.env, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Loads the environment into an evaluation process (first use reads the store) and returns the
 * byte length of its full server payload, which every full sync must then have.
 */
export async function warmUp(evaluation: ProductProcess, env: SeededEnv): Promise<number> {
  const res = await fetch(
    `http://127.0.0.1:${evaluation.port}/api/public/sdk/server/latest-all?timestamp=0`,
    {
      headers: { authorization: env.serverSecret },
    },
  );
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`warm-up: latest-all answered ${res.status}: ${body.toString()}`);
  return body.length;
}

/** The build an evaluation process runs: storm-ab gives every second one build B. */
function evaluationMain(options: Options, index: number): string | undefined {
  const build =
    index % 2 === 1 && options.evaluationBuildB !== null ? options.evaluationBuildB : options.evaluationBuild;
  return build === null ? undefined : join(build, 'dist', 'main.js');
}
