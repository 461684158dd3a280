#!/usr/bin/env python3
"""Whole-corpus equality of a sharded layout served by stock xapian-tcpsrv (issue 13).

Not a ctest (minutes on the whole corpus; tests/shards is the quick one on a
subset). It

  1. builds the whole-corpus index:   lode ingest CORPUS --index WORK/single
     (or takes --index IDX, an existing one);
  2. splits it with the product:      lode shard --index WORK/single --by count:3 -o WORK/split
  3. starts three stock `xapian-tcpsrv --interface 127.0.0.1` on free ports, one
     per shard's live database, and writes WORK/remote/XAPIANDB: `auto` meta
     (local) and three `remote 127.0.0.1:PORT` lines;
  4. compares the single index with the remote layout, every answer as JSON:
       - top-20 ids and order of each query (must be equal), their scores
         (relative difference, counted against 1e-9 and 1e-3), exact totals;
       - facet counts (--facets) of some queries (must be equal);
       - `show` of ids taken from those hits, `trace` of minerals,
         `neighbors` of some documents, `stats` counts (must be equal);
       - the graph: `lode export --format json` of the whole graph (node and
         edge counts, and the export byte for byte). The first graph command
         over the remote layout builds the graph from remote postings (its
         time is reported; lode prints it on stderr); later ones read
         WORK/remote/graph.cache, which is keyed by the shards' identity.
  5. stops its servers (by pid) and removes WORK unless --keep.

  bench/shard_equal.py --lode build/query/lode --corpus /work/shared/corpus [--index IDX] [--work DIR]

Prints a summary (markdown) and writes WORK/report.json (kept with --keep, or
--report FILE). Exit 0 when every must-be-equal check holds.
"""
import argparse
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

QUERIES = [
    "critical minerals supply chain", "lithium", "rare earth elements", "national security emergency",
    "lith*", "\"defense production act\"", "cobalt OR nickel", "kind:executive_order energy",
    "stockpile -defense", "climate change", "稀土", "revoke executive order", "title:trade",
    "mineral:lithium", "gallium germanium export controls", "semiconductor", "battery recycling",
    "graphite anode", "critical mineral strategy", "defense stockpile", "tariff", "mining permit",
    "capture recapture", "mark-recapture population estimate", "gene expression", "protein",
    "中华人民共和国", "出口管制", "矿产资源", "kind:law", "year:2021..2023 minerals", "uranium",
    "copper", "national defense authorization", "supply chain resilience", "electric vehicle",
]
FACET_QUERIES = ["lithium", "critical minerals", "kind:executive_order", "energy", "稀土", "protein"]
MINERALS = ["mineral:lithium", "mineral:cobalt", "mineral:gallium", "mineral:rare-earth-elements",
            "mineral:nickel", "mineral:graphite", "mineral:copper", "mineral:uranium"]

LODE = None


def run(args, timeout=3600, check=True):
    t = time.monotonic()
    r = subprocess.run([LODE, *args], capture_output=True, timeout=timeout)
    secs = time.monotonic() - t
    if check and r.returncode != 0:
        raise RuntimeError(f"lode {' '.join(args)} failed ({r.returncode}): {r.stderr.decode(errors='replace')[-2000:]}")
    return r.stdout.decode(), r.stderr.decode(errors="replace"), secs, r.returncode


def lode_json(cmd, index, extra=()):
    out, err, secs, rc = run([*cmd, "--json", "--index", index, *extra], check=False)
    return out, err, secs, rc


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def accepts(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def live_db(folder):
    with open(os.path.join(folder, "CURRENT")) as f:
        return os.path.join(folder, f.read().strip())


def start_server(db):
    """xapian-tcpsrv over db on a free loopback port, in its own session; (proc, port)."""
    for _ in range(5):
        port = free_port()
        p = subprocess.Popen(["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port),
                              "--idle-timeout", "0", "--quiet", db],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and p.poll() is None:
            if accepts(port):
                return p, port
            time.sleep(0.1)
        stop_server(p)
    raise RuntimeError(f"xapian-tcpsrv did not start over {db}")


def stop_server(p):
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGTERM)  # its own group (start_new_session): only what we started
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def rel(a, b):
    d = abs(a - b)
    m = max(abs(a), abs(b))
    return d / m if m > 0 else d


def main():
    global LODE
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lode", default="build/query/lode")
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    ap.add_argument("--index", help="an existing whole-corpus index (skips the ingest)")
    ap.add_argument("--work", help="scratch folder (default: a new one under $TMPDIR)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    ap.add_argument("--report", help="write the JSON report here too")
    a = ap.parse_args()
    LODE = os.path.abspath(a.lode)
    if shutil.which("xapian-tcpsrv") is None:
        sys.exit("xapian-tcpsrv not found: install xapian-tools (scripts/install-deps.sh)")
    work = os.path.abspath(a.work) if a.work else tempfile.mkdtemp(prefix="lode-shard-equal-")
    os.makedirs(work, exist_ok=True)
    servers = []
    report = {"corpus": os.path.abspath(a.corpus), "timings": {}, "failures": []}
    fail = report["failures"]
    try:
        single = os.path.abspath(a.index) if a.index else os.path.join(work, "single")
        if not a.index:
            _, _, secs, _ = run(["ingest", os.path.abspath(a.corpus), "-q", "--index", single])
            report["timings"]["ingest_s"] = round(secs, 1)
            print(f"ingest of the whole corpus: {secs:.1f} s", file=sys.stderr)
        split = os.path.join(work, "split")
        shutil.rmtree(split, ignore_errors=True)
        _, _, secs, _ = run(["shard", "-q", "--index", single, "--by", "count:3", "-o", split])
        report["timings"]["shard_count3_s"] = round(secs, 1)
        print(f"lode shard --by count:3: {secs:.1f} s", file=sys.stderr)
        remote = os.path.join(work, "remote")
        shutil.rmtree(remote, ignore_errors=True)
        os.makedirs(remote)
        stub = [f"# shard_equal.py: three shards of {single} served by xapian-tcpsrv",
                f"auto {os.path.join(split, 'meta')}"]
        for k in range(3):
            p, port = start_server(live_db(os.path.join(split, f"shard-{k}")))
            servers.append(p)
            stub.append(f"remote 127.0.0.1:{port}")
        with open(os.path.join(remote, "XAPIANDB"), "w") as f:
            f.write("\n".join(stub) + "\n")

        # Stats: documents and the per-kind counts.
        sa = json.loads(lode_json(["stats"], single)[0])
        sb = json.loads(lode_json(["stats"], remote)[0])
        report["documents"] = sa["documents"]
        report["shards"] = [{"name": s["name"], "documents": s["documents"]} for s in sb.get("shards", [])]
        for key in ("documents", "by_kind", "by_year", "entities_by_type", "citations_by_type", "relations_by_type"):
            if sa.get(key) != sb.get(key):
                fail.append(f"stats {key} differ")

        # The graph first: the one build over remote postings, timed (then cached).
        out_a, _, secs_a, rc_a = run(["export", "--format", "json", "--no-cache", "-q", "--index", single], check=False)
        out_b, err_b, secs_b, rc_b = run(["export", "--format", "json", "--index", remote], check=False)
        report["timings"]["graph_export_single_s"] = round(secs_a, 1)
        report["timings"]["graph_export_remote_first_s"] = round(secs_b, 1)
        report["graph_progress_stderr"] = [l for l in err_b.splitlines() if l.startswith("lode: graph:")][-3:]
        if rc_a or rc_b:
            fail.append(f"export failed: {rc_a} {rc_b} {err_b[-500:]}")
        else:
            ga, gb = json.loads(out_a), json.loads(out_b)
            report["graph"] = {"nodes": len(ga["nodes"]), "edges": len(ga["edges"]),
                               "remote_nodes": len(gb["nodes"]), "remote_edges": len(gb["edges"]),
                               "export_sha256_equal": hashlib.sha256(out_a.encode()).hexdigest()
                               == hashlib.sha256(out_b.encode()).hexdigest(),
                               "export_bytes": len(out_a)}
            g = report["graph"]
            if (g["nodes"], g["edges"]) != (g["remote_nodes"], g["remote_edges"]):
                fail.append(f"graph counts differ: {g}")
            if not g["export_sha256_equal"]:
                fail.append("graph export differs byte for byte")

        # Searches: top-20 ids, order, scores.
        qrows, ids_for_show = [], []
        t_single = t_remote = 0.0
        for q in QUERIES:
            oa, ea, s1, r1 = lode_json(["search", q, "-n", "20"], single)
            ob, eb, s2, r2 = lode_json(["search", q, "-n", "20"], remote)
            t_single += s1
            t_remote += s2
            if r1 or r2:
                fail.append(f"search {q!r} failed: {ea[-300:]} {eb[-300:]}")
                continue
            a_, b_ = json.loads(oa), json.loads(ob)
            ha, hb = a_["hits"], b_["hits"]
            row = {"query": q, "hits": len(ha), "ids_equal": [h["id"] for h in ha] == [h["id"] for h in hb],
                   "max_rel_score_diff": max((rel(x["score"], y["score"]) for x, y in zip(ha, hb)), default=0.0),
                   "total_exact": a_.get("total_exact"), "total": a_.get("total"), "remote_total": b_.get("total")}
            qrows.append(row)
            if not ha:
                fail.append(f"search {q!r} found nothing (it tests nothing)")
            if not row["ids_equal"]:
                fail.append(f"search {q!r}: top-20 ids or order differ")
            if row["max_rel_score_diff"] > 1e-3:
                fail.append(f"search {q!r}: scores differ by {row['max_rel_score_diff']:.2e} relative")
            if a_.get("total_exact") and a_.get("total") != b_.get("total"):
                fail.append(f"search {q!r}: exact totals differ")
            for h in ha[:3]:
                if h["id"] not in ids_for_show:
                    ids_for_show.append(h["id"])
        report["queries"] = qrows
        report["timings"]["search_process_single_s_sum"] = round(t_single, 2)
        report["timings"]["search_process_remote_s_sum"] = round(t_remote, 2)

        # Facets.
        frows = []
        for q in FACET_QUERIES:
            fa = json.loads(lode_json(["search", q, "--facets", "-n", "5"], single)[0]).get("facets")
            fb = json.loads(lode_json(["search", q, "--facets", "-n", "5"], remote)[0]).get("facets")
            eq = fa == fb
            frows.append({"query": q, "facets": sorted(fa or {}), "equal": eq})
            if not fa or not eq:
                fail.append(f"facets of {q!r} differ or are empty")
        report["facets"] = frows

        # show, trace, neighbors: the JSON, byte for byte.
        def same(cmd, what):
            oa, ea, _, r1 = lode_json(cmd, single)
            ob, eb, _, r2 = lode_json(cmd, remote)
            ok = r1 == 0 and r2 == 0 and oa == ob
            if not ok:
                fail.append(f"{what} differs ({r1}, {r2}) {ea[-200:]} {eb[-200:]}")
            return ok

        report["show"] = {"ids": len(ids_for_show), "equal": sum(same(["show", i], f"show {i}") for i in ids_for_show)}
        report["trace"] = {"minerals": MINERALS, "equal": sum(same(["trace", m], f"trace {m}") for m in MINERALS)}
        report["trace_as_of"] = sum(same(["trace", m, "--as-of", "2021-01-01"], f"trace {m} --as-of")
                                    for m in MINERALS[:3])
        nb_ids = [i for i in ids_for_show if ":" in i][:10]
        report["neighbors"] = {"ids": len(nb_ids), "equal": sum(same(["neighbors", i], f"neighbors {i}") for i in nb_ids)}
    except Exception as e:  # reported, and the servers still stopped
        fail.append(f"error: {e}")
    finally:
        for p in servers:
            stop_server(p)
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            with open(os.path.join(work, "report.json"), "w") as f:
                json.dump(report, f, indent=1, ensure_ascii=False)
        if a.report:
            with open(a.report, "w") as f:
                json.dump(report, f, indent=1, ensure_ascii=False)

    # Summary.
    q = report.get("queries", [])
    print(f"documents: {report.get('documents')}, shards: {report.get('shards')}")
    print(f"timings: {report['timings']}")
    if "graph" in report:
        print(f"graph: {report['graph']}")
        print("graph over remote shards, lode's stderr: " + " | ".join(report.get("graph_progress_stderr", [])))
    exact = [r for r in q if r["max_rel_score_diff"] <= 1e-9]
    print(f"searches: {len(q)} queries, top-20 ids and order equal in {sum(r['ids_equal'] for r in q)}; "
          f"scores within 1e-9 relative in {len(exact)}, within 1e-3 in "
          f"{sum(r['max_rel_score_diff'] <= 1e-3 for r in q)}")
    print("| query | hits | ids+order | max rel. score diff | total (single / remote) |")
    print("|---|---:|---|---:|---|")
    for r in q:
        tot = f"{r['total']} / {r['remote_total']}" + ("" if r["total_exact"] else " (estimates)")
        print(f"| `{r['query']}` | {r['hits']} | {'equal' if r['ids_equal'] else 'DIFFER'} | "
              f"{r['max_rel_score_diff']:.1e} | {tot} |")
    for k in ("facets", "show", "trace", "trace_as_of", "neighbors"):
        if k in report:
            print(f"{k}: {report[k]}")
    if fail:
        print(f"FAILED ({len(fail)}):")
        for f_ in fail:
            print("  " + f_)
        return 1
    print("all must-be-equal checks hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
