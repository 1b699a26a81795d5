#!/usr/bin/env python3
"""Fits the linker's weights for one language on generated pages, and reports pages it never saw.

    tools/fit.py [--lang zh] [--set zh] [--train 1-10] [--held 11-20] [--pages 80]
                 [--guard scan-zh] [--space tools/fit-space.toml] [--start FILE]
                 [--bin target/release/newsseg] [--passes 2] [--jobs 2] [--out FILE]
                 [--eval-only]

Coordinate search: for each weight in the space file (tools/fit-space.toml), in turn, every listed
value is tried with the other weights held, by running the bench (../shared/eval/bench, or
$NEWSSEG_BENCH) on every training seed with `newsseg process --params`. A value is taken only if
it raises the training objective, the mean over training seeds of (exact + assign + joins +
headlines) / 4, by more than --min-gain (0.002, a few articles in a thousand), and lowers none of a guard
set's metrics below where the fit started by more than --guard-loss. Passes repeat until one changes nothing, or --passes.

Held-out seeds are scored only at the start and the end, and never decide anything: the report
puts them next to the training seeds, each metric's mean and worst, so a fit that learned the
training pages and not the task shows as a gap. Guard sets (real or scanned pages: scan-zh,
real-fr, ...) have no seeds; they veto a value that costs them, and they do not choose one.

Writes the fitted weights as a --params file (`[LANG]` table, only the weights that differ from
the start) to --out, a log of every run beside it (OUT.log.jsonl), and prints the report. To make
the fit the default, copy the changed values into the language's [link] table
(src/lang/LANG.toml), each with its reason, and the command and report into docs/TUNING.md.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

try:
    import tomllib
except ImportError:  # Python < 3.11
    sys.exit("tools/fit.py needs Python 3.11 or later (tomllib)")

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What the objective averages, and what the report shows of each seed.
METRICS = ["exact", "assign", "joins", "headlines"]
REPORTED = ["exact", "assign", "order", "joins", "headlines", "bylines"]
LANGS = ["zh", "en", "fr", "de", "und-Latn"]


def builtin(lang):
    """The weights the built-in tables give `lang`: weights.toml under the language's [link]."""
    with open(os.path.join(REPO, "src", "lang", "weights.toml"), "rb") as f:
        w = tomllib.load(f)
    table = {"und-Latn": "latin"}.get(lang, lang)
    with open(os.path.join(REPO, "src", "lang", table + ".toml"), "rb") as f:
        w.update(tomllib.load(f).get("link", {}))
    return w


def seeds(spec):
    out = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def params_text(lang, weights):
    lines = [f"[{lang}]"] + [f"{k} = {toml_value(v)}" for k, v in sorted(weights.items())]
    return "\n".join(lines) + "\n"


class Bench:
    """Runs the bench on one set with a given set of weights, and remembers every result."""

    def __init__(self, args, workdir):
        self.args = args
        self.workdir = workdir
        self.bench = os.environ.get("NEWSSEG_BENCH", os.path.join(REPO, "..", "shared", "eval", "bench"))
        if not os.path.exists(self.bench):
            sys.exit(f"no bench at {self.bench} (set NEWSSEG_BENCH)")
        self.cache = {}
        if args.reuse:
            with open(args.reuse) as f:
                for line in f:
                    key, out = self.entry(json.loads(line))
                    self.cache[key] = out
        self.log = open(args.out + ".log.jsonl", "w")
        self.n = 0

    def wrapper(self, weights):
        """A BIN for the bench: newsseg with these weights as a --params file."""
        self.n += 1
        d = os.path.join(self.workdir, f"w{self.n}")
        os.makedirs(d, exist_ok=True)
        pfile = os.path.join(d, "params.toml")
        with open(pfile, "w") as f:
            f.write(params_text(self.args.lang, weights))
        wrap = os.path.join(d, "newsseg")
        with open(wrap, "w") as f:
            f.write(f'#!/bin/sh\nif [ "$1" = process ]; then shift; exec "{self.args.bin}" process --params "{pfile}" "$@"; fi\n'
                    f'exec "{self.args.bin}" "$@"\n')
        os.chmod(wrap, 0o755)
        return wrap

    def run(self, wrap, bench_set, seed, work):
        cmd = [self.bench, "--bin", wrap, "--sets", bench_set, "--work", work]
        if seed is not None:
            cmd += ["--seed", str(seed), "--pages", str(self.args.pages)]
        p = subprocess.run(cmd, capture_output=True, text=True)
        lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
        if p.returncode != 0 or not lines:
            sys.exit(f"bench failed: {' '.join(cmd)}\n{p.stdout}\n{p.stderr}")
        r = json.loads(lines[-1])
        if r.get("exit", 0) != 0:
            sys.exit(f"newsseg failed under the bench: {' '.join(cmd)} (see its run.log under {work})")
        return {m: float(r.get(m) or 0.0) for m in REPORTED}

    @staticmethod
    def entry(r):
        """A logged run as a cache entry, keyed as `score` keys it. (Logs of the first version of
        this tool hold the seeds' metrics under "seeds", and four metrics only.)"""
        weights = tuple(sorted(r["weights"].items()))
        metrics = r["seeds_metrics"] if "seeds_metrics" in r else r["seeds"]
        per_seed = {int(s): v for s, v in metrics.items()}
        return (weights, tuple(per_seed), tuple(r["guards"])), {"seeds": per_seed, "guards": r["guards"]}

    def score(self, weights, seed_list, guards=(), every_metric=False):
        """Per-seed and per-guard metrics for these weights (seeds run --jobs at a time). A run
        reused from an older log may lack metrics: `every_metric` runs it again then."""
        key = (tuple(sorted(weights.items())), tuple(seed_list), tuple(guards))
        hit = self.cache.get(key)
        if hit and not (every_metric and any(m not in r for r in hit["seeds"].values() for m in REPORTED)):
            return hit
        wrap = self.wrapper(weights)
        # Generated pages are cached per seed under one work folder, so seeds run side by side;
        # a guard set's output folder is named by the set alone, so each run has its own.
        with ThreadPoolExecutor(self.args.jobs) as ex:
            per_seed = list(ex.map(lambda s: self.run(wrap, self.args.set, s, self.args.work), seed_list))
            per_guard = list(ex.map(lambda g: self.run(wrap, g, None, os.path.join(os.path.dirname(wrap), "g-" + g)), guards))
        out = {"seeds": dict(zip(seed_list, per_seed)), "guards": dict(zip(guards, per_guard))}
        self.log.write(json.dumps({"weights": weights, "seeds": seed_list, "seeds_metrics": out["seeds"], "guards": out["guards"]}) + "\n")
        self.log.flush()
        self.cache[key] = out
        return out


def objective(metrics):
    return sum(metrics[m] for m in METRICS) / len(METRICS)


def mean_objective(per_seed):
    return sum(objective(r) for r in per_seed.values()) / len(per_seed)


def summary(per_seed):
    """Each metric's mean and worst over the seeds."""
    out = {}
    for m in REPORTED:
        vals = [r[m] for r in per_seed.values()]
        out[m] = (sum(vals) / len(vals), min(vals))
    return out


def table(rows):
    head = "| seeds | " + " | ".join(f"{m} mean / worst" for m in REPORTED) + " |"
    lines = [head, "|" + "---|" * (len(REPORTED) + 1)]
    for name, per_seed in rows:
        s = summary(per_seed)
        lines.append(f"| {name} | " + " | ".join(f"{s[m][0]:.3f} / {s[m][1]:.3f}" for m in REPORTED) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", default="zh", choices=LANGS, help="the language whose weights are fitted")
    ap.add_argument("--set", default=None, help="the generated bench set to fit on (default: --lang)")
    ap.add_argument("--train", default="1-10", help="training seeds (e.g. 1-10 or 1,3,5)")
    ap.add_argument("--held", default="11-20", help="held-out seeds: reported, never used to choose")
    ap.add_argument("--pages", type=int, default=80, help="pages per seed")
    ap.add_argument("--guard", default="", help="comma-separated bench sets a value may not cost (e.g. scan-zh)")
    ap.add_argument("--guard-loss", type=float, default=0.005, help="most any metric of a guard set may drop below the start")
    # 0.002: the first zh fit took a value at +0.0013 on its training seeds that the held-out seeds
    # did not follow (exact .568 both, assign -0.001), and the seed-7 set lost assign 0.007.
    ap.add_argument("--min-gain", type=float, default=0.002, help="least training gain for a value to be taken")
    ap.add_argument("--space", default=os.path.join(REPO, "tools", "fit-space.toml"))
    ap.add_argument("--start", help="a --params file to start from (its [LANG] table)")
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "release", "newsseg"))
    ap.add_argument("--work", default=os.path.join(REPO, "target", "fit"), help="where generated pages are kept")
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=2, help="bench runs side by side")
    ap.add_argument("--out", default=os.path.join(REPO, "target", "fit", "fitted.toml"))
    ap.add_argument("--eval-only", action="store_true", help="score the start on training and held-out seeds, fit nothing")
    ap.add_argument("--reuse", help="an earlier fit's OUT.log.jsonl whose runs need not be repeated (same binary and pages only)")
    args = ap.parse_args()
    args.set = args.set or args.lang
    args.bin = os.path.abspath(args.bin)
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"no newsseg binary at {args.bin} (cargo build --release, or --bin)")
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    train, held = seeds(args.train), seeds(args.held)
    if set(train) & set(held):
        sys.exit(f"training and held-out seeds overlap: {sorted(set(train) & set(held))}")
    guards = [g for g in args.guard.split(",") if g]
    with open(args.space, "rb") as f:
        space = tomllib.load(f)
    start = {}
    if args.start:
        with open(args.start, "rb") as f:
            start = tomllib.load(f).get(args.lang, {})

    known = builtin(args.lang)
    unknown = sorted(set(space) - set(known))
    if unknown:
        sys.exit(f"not weights of newsseg: {', '.join(unknown)} (the names are those of src/lang/weights.toml)")

    with tempfile.TemporaryDirectory(prefix="newsseg-fit-") as tmp:
        bench = Bench(args, tmp)
        weights = dict(start)
        first = bench.score(weights, train, guards)
        best = mean_objective(first["seeds"])
        print(f"start: training objective {best:.4f}" + "".join(f", {g} {objective(v):.4f}" for g, v in first["guards"].items()), flush=True)
        if not args.eval_only:
            for p in range(args.passes):
                changed = False
                for name, values in space.items():
                    current = weights.get(name, known[name])
                    results = []
                    for v in values:
                        if v == current:
                            continue
                        r = bench.score({**weights, name: v}, train, guards)
                        results.append((mean_objective(r["seeds"]), v, r))
                    def vetoed(r):
                        # Against the start, not the step's weights: small losses must not add up
                        # over steps (the first English fit let real-en assign drift .007).
                        a, b = r["guards"], first["guards"]
                        return [g for g in guards if any(m in a[g] and m in b[g] and a[g][m] < b[g][m] - args.guard_loss for m in REPORTED)]

                    ok = [(o, v, r) for o, v, r in results if o > best + args.min_gain and not vetoed(r)]
                    tried = ", ".join(f"{v}: {o:.4f}" + (f" (costs {'/'.join(vetoed(r))})" if vetoed(r) else "") for o, v, r in results)
                    if ok:
                        o, v, _ = max(ok, key=lambda t: t[0])
                        print(f"pass {p + 1}: {name} {current} -> {v}: {best:.4f} -> {o:.4f} (tried {tried})", flush=True)
                        weights[name], best, changed = v, o, True
                    else:
                        print(f"pass {p + 1}: {name} kept at {current} ({best:.4f}; tried {tried})", flush=True)
                if not changed:
                    break
        first = bench.score(dict(start), train, guards, every_metric=True)
        end_train = bench.score(weights, train, guards, every_metric=True)
        rows = [("training, start", first["seeds"]), ("training, fitted", end_train["seeds"])]
        if held:
            rows += [("held-out, start", bench.score(dict(start), held, every_metric=True)["seeds"]),
                     ("held-out, fitted", bench.score(weights, held, every_metric=True)["seeds"])]
        with open(args.out, "w") as f:
            f.write(f"# tools/fit.py {' '.join(sys.argv[1:])}\n" + params_text(args.lang, weights))
        print(f"\nfitted ({args.lang}, set {args.set}, training seeds {args.train}, held-out {args.held}, {args.pages} pages each):")
        print(params_text(args.lang, weights))
        print(table(rows))
        for g in guards:
            print(f"guard {g}: " + ", ".join(f"{m} {first['guards'][g][m]:.3f} -> {end_train['guards'][g][m]:.3f}" for m in REPORTED))
        print(f"\nwritten: {args.out} (and {args.out}.log.jsonl)")


if __name__ == "__main__":
    main()
