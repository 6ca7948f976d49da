// Deterministic numeric integration for the Bayesian results: reproducible to the last digit, unlike
// Monte Carlo draws (docs/experiments.md#statistics).

const ORDER = 16;

/** Gauss–Legendre nodes and weights on [−1, 1] by Newton's method on the Legendre polynomial. */
function gaussLegendre(n: number): { nodes: number[]; weights: number[] } {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let derivative = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * derivative * derivative));
  }
  return { nodes, weights };
}

const RULE = gaussLegendre(ORDER);

/** ∫_a^b f by composite Gauss–Legendre (16 points) on `panels` equal panels. */
export function integrate(f: (x: number) => number, a: number, b: number, panels = 32): number {
  const width = (b - a) / panels;
  let total = 0;
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * width;
    let panel = 0;
    for (let i = 0; i < ORDER; i++) panel += RULE.weights[i] * f(mid + 0.5 * width * RULE.nodes[i]);
    total += 0.5 * width * panel;
  }
  return total;
}

/** The root of an increasing function g on [lo, hi] (g(lo) < 0 < g(hi)) by the Illinois method. */
export function solveIncreasing(g: (x: number) => number, lo: number, hi: number, tolerance = 1e-13): number {
  let a = lo;
  let b = hi;
  let ga = g(a);
  let gb = g(b);
  let side = 0;
  for (let iter = 0; iter < 200; iter++) {
    const c = (a * gb - b * ga) / (gb - ga);
    const gc = g(c);
    if (gc === 0 || Math.abs(b - a) <= tolerance * Math.max(1, Math.abs(c))) return c;
    if (gc < 0) {
      a = c;
      ga = gc;
      if (side === -1) gb /= 2;
      side = -1;
    } else {
      b = c;
      gb = gc;
      if (side === 1) ga /= 2;
      side = 1;
    }
  }
  return 0.5 * (a + b);
}
