import { readFileSync, writeFileSync } from 'node:fs';

// Receive packet steering for the loopback device (--rps on). Over loopback, the core that writes a
// packet also runs the receiving socket's TCP processing, so without RPS the server core pays for
// the receive path of all its clients: work a real deployment does on the clients' machines. With
// RPS the kernel queues received packets to the load core instead. The per-CPU input queue must
// then hold a whole fan-out burst: at the kernel's default of 1,000 packets it overflows, and every
// dropped packet costs a TCP retransmission (hundreds of milliseconds), so the backlog is raised.

const RPS_CPUS = '/sys/class/net/lo/queues/rx-0/rps_cpus';
const MAX_BACKLOG = '/proc/sys/net/core/netdev_max_backlog';
const RPS_BACKLOG = 200_000;

export interface NetTuning {
  /** Puts the previous settings back (idempotent). */
  restore(): void;
}

export function enableLoopbackRps(loadCore: number): NetTuning {
  const before = {
    rps: readFileSync(RPS_CPUS, 'utf8').trim(),
    backlog: readFileSync(MAX_BACKLOG, 'utf8').trim(),
  };
  try {
    writeFileSync(RPS_CPUS, (1 << loadCore).toString(16));
    writeFileSync(MAX_BACKLOG, String(Math.max(RPS_BACKLOG, Number(before.backlog))));
  } catch (err) {
    throw new Error(
      `--rps on needs write access to ${RPS_CPUS} and ${MAX_BACKLOG} (root): ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  let restored = false;
  return {
    restore() {
      if (restored) return;
      restored = true;
      writeFileSync(RPS_CPUS, before.rps);
      writeFileSync(MAX_BACKLOG, before.backlog);
    },
  };
}

/**
 * Packets the kernel dropped because a CPU's input queue was full (second column of
 * /proc/net/softnet_stat, summed over CPUs). Each one is a retransmission, so a run with any is
 * flagged in the report.
 */
export function backlogDrops(): number {
  try {
    return readFileSync('/proc/net/softnet_stat', 'utf8')
      .trim()
      .split('\n')
      .reduce((sum, line) => sum + parseInt(line.trim().split(/\s+/)[1] ?? '0', 16), 0);
  } catch {
    return 0;
  }
}
