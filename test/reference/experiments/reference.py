"""Reference values for the experiment statistics engine (src/core/experiments/analyse-iteration.ts).

Computed independently of the TypeScript code with scipy and statsmodels (FeatBit's own libraries):
scipy.stats for the t, normal, beta and chi-square distributions, scipy.integrate.quad (adaptive
QUADPACK) and scipy.optimize.brentq for the Bayesian integrals, statsmodels' tt_ind_solve_power for the
required sample size, exact rational arithmetic for the numeric sample variance. Method: docs/experiments.md.

Run by hand, not by the test suite (the Jest specs read the committed output):

    pip install scipy statsmodels
    python3 test/reference/experiments/reference.py            # both files (about 5 minutes)
    python3 test/reference/experiments/reference.py modules    # modules.expected.json only
    npx prettier --write test/reference/experiments/*.json     # the repo's JSON style

It reads cases.input.json next to it and rewrites cases.expected.json and modules.expected.json.
"""

import json
import math
import sys
import warnings
from fractions import Fraction
from pathlib import Path

import numpy as np
from scipy import integrate, optimize, stats
from statsmodels.stats.power import TTestIndPower, tt_ind_solve_power

HERE = Path(__file__).parent
MIN_SAMPLE_SIZE = 30
SRM_ALPHA = 0.001
SEQUENTIAL_TUNING = 5000


def fmt(value):
    return np.format_float_positional(value, precision=5, trim="-")


def sample_stats(kind, s):
    if kind == "conversion":
        mean = s["converted"] / s["users"] if s["users"] > 0 else 0.0
        return s["users"], mean, mean * (1 - mean)
    n = s["converted"]
    mean = s["sum"] / n if n > 0 else 0.0
    if n < 2:
        return n, mean, 0.0
    total, squares = Fraction(s["sum"]), Fraction(s["sumSquares"])
    spread = squares - total * total / n
    # the engine treats a spread at rounding level (8 eps of sumSquares) as zero
    if spread <= 8 * np.finfo(float).eps * abs(s["sumSquares"]):
        return n, mean, 0.0
    return n, mean, float(spread / (n - 1))


def lift(c, t):
    (nc, mc, vc), (nt, mt, vt) = c, t
    delta = (mt - mc) / mc
    var = (vt / nt) / mc**2 + (vc / nc) * mt**2 / mc**4
    return delta, var


def fixed_test(c, t, alpha):
    delta, var = lift(c, t)
    (nc, _, vc), (nt, _, vt) = c, t
    a, b = vt / nt, vc / nc
    df = (a + b) ** 2 / (a**2 / (nt - 1) + b**2 / (nc - 1))
    p = 2 * (1 - stats.t.cdf(abs(delta / math.sqrt(var)), df))
    half = stats.t.ppf(1 - alpha / 2, df) * math.sqrt(var)
    return delta, var, p, delta - half, delta + half


def sequential_test(c, t, alpha):
    delta, var = lift(c, t)
    l2 = -2 * math.log(alpha)
    rho2 = (l2 + math.log(l2 + 1)) / SEQUENTIAL_TUNING
    nr = (c[0] + t[0]) * rho2
    half = math.sqrt(var * 2 * (nr + 1) / nr * math.log(math.sqrt(nr + 1) / alpha))
    p = min(1.0, math.sqrt(nr + 1) * math.exp(-nr * delta**2 / (2 * var * (nr + 1))))
    return delta, var, p, delta - half, delta + half


def required(c, t, alpha, power):
    (nc, mc, vc), (nt, mt, vt) = c, t
    pooled = math.sqrt(((nt - 1) * vt + (nc - 1) * vc) / (nt + nc - 2))
    effect = abs((mt - mc) / pooled)
    if effect == 0:
        return None
    return math.ceil(tt_ind_solve_power(effect_size=effect, nobs1=None, alpha=alpha, power=power, ratio=nt / nc, alternative="two-sided"))


def quad(f, lo, hi):
    return integrate.quad(f, lo, hi, epsabs=0, epsrel=1e-13, limit=500)[0]


def bayes_conversion(cs, ts, level, lower):
    ac, bc = 1 + cs["converted"], 1 + cs["users"] - cs["converted"]
    at, bt = 1 + ts["converted"], 1 + ts["users"] - ts["converted"]
    dc = stats.beta(ac, bc)
    dt = stats.beta(at, bt)
    lo, hi = dc.ppf(1e-17), dc.isf(1e-17)
    beats = quad(lambda x: dc.pdf(x) * dt.sf(x), lo, hi)
    # loss in relative units: E[max(0, 1 - pt/pc)] (or pt/pc - 1), inner expectation over pt in closed form
    def inner_below(x):  # E[max(0, x - pt)]
        return quad(lambda y: (x - y) * dt.pdf(y), max(0.0, dt.ppf(1e-17)), x) if x > dt.ppf(1e-17) else 0.0

    mean_t = dt.mean()
    if lower:
        loss = quad(lambda x: dc.pdf(x) * (mean_t - x + inner_below(x)) / x, lo, hi)
    else:
        loss = quad(lambda x: dc.pdf(x) * inner_below(x) / x, lo, hi)

    def lift_cdf(r):
        return quad(lambda x: dc.pdf(x) * dt.cdf(min(1.0, (1 + r) * x)), lo, hi)

    tail = (1 - level) / 2
    rlo = dt.ppf(1e-17) / hi - 1
    rhi = dt.isf(1e-17) / lo - 1
    q = [optimize.brentq(lambda r: lift_cdf(r) - p, rlo, rhi, xtol=1e-15, rtol=1e-14) for p in (tail, 1 - tail)]
    return {"chanceToBeatBaseline": 1 - beats if lower else beats, "expectedLoss": loss, "credibleInterval": q}


def bayes_numeric(c, t, level, lower):
    (nc, mc, vc), (nt, mt, vt) = c, t
    d = mt - mc
    s = math.sqrt(vt / nt + vc / nc)
    signed = -d if lower else d
    # E[max(0, -X)], X ~ N(signed, s^2), integrated on the standard scale (quad misses a tiny scale)
    z0 = signed / s
    loss = s * integrate.quad(lambda z: (-z0 - z) * stats.norm.pdf(z), -np.inf, -z0, epsabs=0, epsrel=1e-13, limit=500)[0] / abs(mc)
    delta, var = lift(c, t)
    half = stats.norm.ppf(1 - (1 - level) / 2) * math.sqrt(var)
    return {"chanceToBeatBaseline": stats.norm.cdf(signed / s), "expectedLoss": loss, "credibleInterval": [delta - half, delta + half]}


def srm(observed, vids, weights):
    w = [max(0.0, weights.get(v, 0)) if weights else 1.0 for v in vids]
    total = sum(observed.values())
    exp = [total * x / sum(w) if sum(w) > 0 else 0.0 for x in w]
    obs = [observed[v] for v in vids]
    if any(e == 0 and o > 0 for e, o in zip(exp, obs)):
        return {"chiSquare": math.inf, "pValue": 0.0}
    pairs = [(o, e) for o, e in zip(obs, exp) if e > 0]
    if total == 0 or len(pairs) < 2:
        return {"chiSquare": 0.0, "pValue": 1.0}
    chi, p = stats.chisquare([o for o, _ in pairs], [e for _, e in pairs])
    return {"chiSquare": float(chi), "pValue": float(p)}


def analyse(inp):
    kind, vids, base, alpha = inp["kind"], inp["variationIds"], inp["baselineVariationId"], inp["alpha"]
    power = inp.get("power", 0.8)
    lower = inp["successCriteria"] == 2
    samples = {s["variationId"]: s for s in inp["samples"]}
    get = lambda v: samples.get(v, {"variationId": v, "users": 0, "converted": 0, "sum": 0.0, "sumSquares": 0.0})
    k = max(1, len([v for v in vids if v != base]))
    test_alpha = alpha / k
    check = srm({v: get(v)["users"] for v in vids}, vids, inp.get("expectedWeights"))
    check["mismatch"] = check["pValue"] < SRM_ALPHA
    c = sample_stats(kind, get(base))
    rows = []
    for v in vids:
        t = sample_stats(kind, get(v))
        row = {"variationId": v, "mean": t[1], "meanText": fmt(t[1]), "n": t[0], "variance": t[2], "isBaseline": v == base,
               "isWinner": False, "isInvalid": True, "delta": None, "ciLow": None, "ciHigh": None, "pValue": None,
               "requiredSampleSize": None, "bayesian": None, "significant": False}
        rows.append(row)
        if v == base:
            row["reason"] = "is baseline"
            continue
        if c[0] < MIN_SAMPLE_SIZE or t[0] < MIN_SAMPLE_SIZE:
            row["reason"] = "quantity of control or traitement is too small"
            continue
        if c[2] == 0:
            row["reason"] = "control is empty"
            continue
        if t[2] == 0:
            row["reason"] = "traitement is empty"
            continue
        if c[1] == 0:
            row["reason"] = "control mean is 0: relative lift is undefined"
            continue
        test = fixed_test if inp["method"] == "fixed" else sequential_test
        delta, _, p, lo, hi = test(c, t, test_alpha)
        p_adj = min(1.0, p * k)
        req = required(c, t, test_alpha, power)
        level = 1 - alpha
        b = bayes_conversion(get(base), get(v), level, lower) if kind == "conversion" else bayes_numeric(c, t, level, lower)
        row.update({"delta": delta, "ciLow": lo, "ciHigh": hi, "pValue": p_adj, "requiredSampleSize": req, "bayesian": b})
        if p_adj >= alpha:
            row["reason"] = f"p_value >= alpha ({p_adj} >= {alpha})"
        elif inp["method"] == "fixed" and req is not None and t[0] < req:
            row["reason"] = f"sample size is too small ({t[0]} < {float(req)})"
        else:
            row.update({"reason": "", "isInvalid": False, "significant": True})
    sig = [r for r in rows if r["significant"]]
    if check["mismatch"]:
        for r in sig:
            r["isInvalid"] = True
            r["reason"] = f"sample ratio mismatch (p = {check['pValue']} < {SRM_ALPHA}): no winner"
    else:
        cands = [r for r in sig if (r["delta"] < 0 if lower else r["delta"] > 0)]
        if cands:
            (min if lower else max)(cands, key=lambda r: r["delta"])["isWinner"] = True
    for r in rows:
        del r["significant"]
        r["effectSizeText"] = "0" if r["isBaseline"] else (fmt(r["delta"]) if r["delta"] is not None else None)
        r["pValueText"] = "1" if r["isBaseline"] else (fmt(r["pValue"]) if r["pValue"] is not None else None)
        r["ciText"] = ["0", "0"] if r["isBaseline"] else ([fmt(r["ciLow"]), fmt(r["ciHigh"])] if r["ciLow"] is not None else None)
    return {"correction": "bonferroni" if k > 1 and len(vids) > 2 else "none", "srm": check, "results": rows}


# Per-module reference values (stats/*.spec.ts): the noncentral t, the power solver, numpy's formatting.
NCT_POINTS = [(1.5, 10, 2.0), (-1.0, 7.5, 0.5), (2.0, 300, 2.8), (1.96, 1998, 2.5), (0.3, 3, -1.0), (-2.5, 55.5, -0.7), (4.0, 20, 6.0)]
POWER_POINTS = [(0.2, 100, 0.05, 1.2), (0.5, 40, 0.01, 1.0), (0.05, 5000, 0.05, 0.8), (1.0, 10, 0.1, 2.0)]
SOLVE_POINTS = [(0.2, 0.05, 0.8, 1.0), (0.05, 0.05, 0.8, 0.9), (0.8, 0.01, 0.9, 1.5), (0.01, 0.025, 0.8, 1.0)]
FORMAT_POINTS = [0.25, 1.0, 0.0, -0.0, -1e-7, 0.015625, 0.123456789, -0.000004, 123456.7891234, 0.1, 2 / 3, -2 / 3,
                 0.000015, 1.000005, 1 / 64 * 3, 0.3345, -12.999995, 1e-12, 99999.999996]


def modules():
    return {
        "noncentralT": [{"t": t, "df": df, "nc": nc, "cdf": float(stats.nct.cdf(t, df, nc))} for t, df, nc in NCT_POINTS],
        "power": [{"effect": e, "nobs1": n, "alpha": a, "ratio": r, "power": float(TTestIndPower().power(e, n, a, r))} for e, n, a, r in POWER_POINTS],
        "solve": [{"effect": e, "alpha": a, "power": p, "ratio": r, "nobs1": float(tt_ind_solve_power(e, None, a, p, r))} for e, a, p, r in SOLVE_POINTS],
        "format": [{"value": v, "text": fmt(v), "repr": repr(v)} for v in FORMAT_POINTS + [1.5e-05, 1e16, 0.05, 13.0, 2.5e-17]],
    }


def main():
    (HERE / "modules.expected.json").write_text(json.dumps(modules(), indent=1) + "\n")
    if sys.argv[1:] == ["modules"]:
        return
    warnings.simplefilter("ignore", integrate.IntegrationWarning)  # epsrel=1e-13 is beyond what quad promises
    cases = json.loads((HERE / "cases.input.json").read_text())
    out = [{"id": case["id"], **analyse(case["input"])} for case in cases]
    text = json.dumps(out, indent=1, allow_nan=True).replace("Infinity", '"Infinity"')
    (HERE / "cases.expected.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
