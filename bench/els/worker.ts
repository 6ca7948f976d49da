import { FleetRun } from './fleet-job';
import { runHttp } from './http-job';
import type { Command, WorkerMessage } from './protocol';
import { runStorm } from './storm-job';

// A load-generator worker process (started by the coordinator, pinned to the load-generator core).
// It runs one job and talks to the coordinator over the IPC channel.

function post(message: WorkerMessage): void {
  process.send?.(message);
}

let fleet: FleetRun | null = null;

process.on('message', (raw: unknown) => {
  const command = raw as Command;
  try {
    switch (command.cmd) {
      case 'start': {
        const job = command.job;
        if (job.kind === 'storm') {
          void runStorm(job).then((report) => post({ type: 'storm', report }));
        } else if (job.kind === 'http') {
          void runHttp(job).then((report) => post({ type: 'http', report }));
        } else {
          fleet = new FleetRun(job);
          const progress = setInterval(() => post({ type: 'progress', snapshot: fleet!.snapshot() }), 1000);
          fleet.start(() => {
            clearInterval(progress);
            post({ type: 'ready' });
          });
        }
        return;
      }
      case 'arm': {
        if (fleet === null) return;
        const round = command.round;
        fleet.onRoundComplete = (r) => {
          fleet!.onRoundComplete = null;
          post({ type: 'round', report: fleet!.collect(r) });
        };
        post({ type: 'armed', round, connections: fleet.arm(round, command.match, command.expect) });
        return;
      }
      case 'collect':
        // Only when the round did not complete by itself.
        if (fleet !== null && fleet.onRoundComplete !== null) {
          fleet.onRoundComplete = null;
          post({ type: 'round', report: fleet.collect(command.round) });
        }
        return;
      case 'snapshot':
        if (fleet !== null) post({ type: 'snapshot', snapshot: fleet.snapshot() });
        return;
      case 'stop':
        if (fleet === null) {
          post({ type: 'stopped', snapshot: null });
          process.exit(0);
        }
        void fleet.stop().then((snapshot) => {
          post({ type: 'stopped', snapshot });
          setTimeout(() => process.exit(0), 50);
        });
        return;
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});

process.on('disconnect', () => process.exit(0));
post({ type: 'started' });
