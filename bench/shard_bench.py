#!/usr/bin/env python3
"""Splitting and sharded ingest on the real corpus (issue 13), in one run.

  bench/shard_bench.py LODE_BINARY [--corpus ../shared/corpus] [--work DIR] [--rounds 4]

1. base index: `lode ingest` of the corpus without wh-briefings/ (untimed set-up);
2. `lode shard --by count:3` and `lode shard --by year` of the base index (timed; wall clock);
3. the same new files (wh-briefings/, about 2,600) ingested into a copy of the base index
   (unsharded) and into a copy of the count:3 layout split from it (sharded), side by side, in
   the order A B B A ... so drift on the shared machine hits both; each from a fresh copy.

Prints figures only (wall-clock seconds and the sharded / unsharded ratio); asserts nothing
about speed. Documents counts are printed so a reader sees both runs did the same work.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import statistics
import time


def run(args, env=None):
    t = time.monotonic()
    r = subprocess.run(args, capture_output=True, env=env)
    dt = time.monotonic() - t
    if r.returncode not in (0, 1):  # 1: some corpus files are reported as failed, by design
        sys.exit(f"{' '.join(args)} failed ({r.returncode}): {r.stderr.decode(errors='replace')[-2000:]}")
    return dt, r.stdout.decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lode")
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    ap.add_argument("--work")
    ap.add_argument("--rounds", type=int, default=4)
    a = ap.parse_args()
    corpus = os.path.abspath(a.corpus)
    work = a.work or tempfile.mkdtemp(prefix="lode-shard-bench-")
    os.makedirs(work, exist_ok=True)
    lode = os.path.abspath(a.lode)
    try:
        base_paths = [os.path.join(corpus, d) for d in sorted(os.listdir(corpus))
                      if os.path.isdir(os.path.join(corpus, d)) and d != "wh-briefings"]
        new_path = os.path.join(corpus, "wh-briefings")
        base = os.path.join(work, "base")
        dt, out = run([lode, "ingest", *base_paths, "--index", base, "--json", "-q"])
        docs = json.loads(out)["documents"]
        print(f"base index: {docs} documents ({dt:.1f} s to build, untimed set-up)")

        for rule in ("count:3", "year"):
            out_dir = os.path.join(work, "split-" + rule.replace(":", ""))
            dt, out = run([lode, "shard", "--index", base, "--by", rule, "-o", out_dir, "--json"])
            s = json.loads(out)
            print(f"lode shard --by {rule}: {dt:.1f} s wall, {s['documents']} documents into "
                  f"{len(s['shards'])} shards (its own clock: {s['seconds']:.1f} s)")
            if rule != "count:3":
                shutil.rmtree(out_dir)
        template = os.path.join(work, "split-count3")  # copied for each sharded run below

        # Side by side: the same new files into an unsharded copy and a count:3 layout.
        times = {"unsharded": [], "sharded": []}
        counts = {}
        order = []
        for r in range(a.rounds):
            order += ["unsharded", "sharded"] if r % 2 == 0 else ["sharded", "unsharded"]
        for i, kind in enumerate(order):
            target = os.path.join(work, f"{kind}-{i}")
            shutil.copytree(base if kind == "unsharded" else template, target)
            # The same environment for both: changesets on, as a replicated master has them.
            env = dict(os.environ, XAPIAN_MAX_CHANGESETS="10")
            dt, out = run([lode, "ingest", new_path, "--index", target, "--json", "-q"], env=env)
            j = json.loads(out)
            times[kind].append(dt)
            counts[kind] = (j["added"], j["updated"], j["documents"])
            shutil.rmtree(target)
        for kind in ("unsharded", "sharded"):
            t = times[kind]
            added, updated, total = counts[kind]
            print(f"ingest wh-briefings into {kind:9}: " + ", ".join(f"{x:.1f}" for x in t) +
                  f" s (median {statistics.median(t):.1f}); added {added}, updated {updated}, documents {total}")
        ratio = statistics.median(times["sharded"]) / statistics.median(times["unsharded"])
        print(f"sharded / unsharded ingest time: {ratio:.2f}x")
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
