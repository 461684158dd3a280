#!/usr/bin/python3
"""graph_compare.py: python-igraph and NetworkX on the graph lode-bench-graph made.

Run by `lode-bench-graph --generated` (or by hand) with Debian's
/usr/bin/python3, which has python3-igraph and python3-networkx:

    /usr/bin/python3 bench/graph_compare.py --workdir DIR [--skip-networkx]

DIR holds what lode-bench-graph wrote: edges.txt ("u v" per line, 0-based),
ranks.txt (Lodestone's PageRank, one value per node) and lode.json (its
timings and BFS figures). This script times, on the same edges:

  igraph:   Graph(n, edges, directed=True); pagerank(directed=True,
            damping=0.85) (PRPACK); bfs(0, mode="out")
  NetworkX: DiGraph from the edges; pagerank(alpha=0.85, tol, max_iter=1000);
            single_source_shortest_path_length(G, 0)

and checks Lodestone's answer: the top-100 nodes by PageRank in the same
order as igraph's, max |difference| over all nodes at most 1e-6 against
igraph and NetworkX, and the same number of nodes reached by BFS (and the
same depth). Exit status 1 when a check fails (everything is printed first),
2 on a usage or input error, 3 when igraph or NetworkX cannot be imported.

Conventions: all three spread the rank of nodes without out-edges evenly over
all nodes and teleport uniformly. Stopping rules differ: Lodestone stops when
the L1 change of an iteration is below 1e-12; NetworkX when it is below
N * tol (so tol defaults here to 1e-12 / N, the same rule); PRPACK (igraph)
solves to its own fixed tolerance (1e-10).
"""

import argparse
import json
import os
import statistics
import sys
import time

TOP = 100
MAX_DIFF = 1e-6


def best_and_median(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


def top_order(rank, k):
    # Highest rank first; equal ranks by node number.
    return sorted(range(len(rank)), key=lambda v: (-rank[v], v))[:k]


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return None if len(a) == len(b) else min(len(a), len(b))


def fmt(x, width=11, prec=4):
    if x is None:
        return "-".rjust(width)
    return f"{x:{width}.{prec}f}"


def ratio(a, b):
    return f"{a / b:.2f}x" if a is not None and b else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--skip-networkx", action="store_true")
    ap.add_argument("--nx-tol", type=float, default=None,
                    help="NetworkX tol (its rule is L1 change < N*tol); default 1e-12/N")
    ap.add_argument("--repeat", type=int, default=3, help="runs of igraph PageRank and BFS (best and median)")
    args = ap.parse_args()

    try:
        import numpy as np
        import igraph as ig
        nx = None
        if not args.skip_networkx:
            import networkx as nx
    except ImportError as e:
        print(f"graph_compare.py: {e} (run with /usr/bin/python3, which has python3-igraph and "
              f"python3-networkx; this is {sys.executable})", file=sys.stderr)
        return 3

    wd = args.workdir
    try:
        with open(os.path.join(wd, "lode.json")) as f:
            lode = json.load(f)
        arr = np.fromfile(os.path.join(wd, "edges.txt"), dtype=np.int64, sep=" ")
        with open(os.path.join(wd, "ranks.txt")) as f:
            lode_rank = [float(line) for line in f]
    except (OSError, ValueError) as e:
        print(f"graph_compare.py: {e}", file=sys.stderr)
        return 2
    n = int(lode["nodes"])
    if arr.size % 2 or arr.size // 2 != int(lode["edges"]) or len(lode_rank) != n:
        print(f"graph_compare.py: {wd}: {arr.size // 2} edges and {len(lode_rank)} ranks, "
              f"lode.json says {lode['edges']} edges and {n} nodes", file=sys.stderr)
        return 2
    # Parsing the file is not timed for anyone: every engine starts from an
    # edge list in memory (Python: a list of int pairs).
    edges = list(zip(arr[0::2].tolist(), arr[1::2].tolist()))
    del arr
    m = len(edges)
    print(f"graph_compare.py: python {sys.version.split()[0]}, igraph {ig.__version__}"
          + ("" if nx is None else f", networkx {nx.__version__}") + f", numpy {np.__version__}"
          + f", OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '(unset)')}")
    print(f"graph: {n} nodes, {m} edges (from {os.path.join(wd, 'edges.txt')})")

    # --- igraph
    t0 = time.perf_counter()
    g = ig.Graph(n=n, edges=edges, directed=True)
    ig_build = time.perf_counter() - t0
    ig_pr, ig_pr_med, ig_rank = best_and_median(
        lambda: g.pagerank(directed=True, damping=0.85, implementation="prpack"), args.repeat)
    ig_bfs, ig_bfs_med, (vids, layers, _parents) = best_and_median(lambda: g.bfs(0, mode="out"), args.repeat)
    ig_reached = len(vids)
    ig_depth = len(layers) - 2  # layers holds the start of each layer, plus one end
    del g

    # --- NetworkX
    nx_build = nx_pr = nx_bfs = None
    nx_rank = None
    nx_reached = nx_depth = None
    nx_note = "skipped (--skip-networkx)"
    if nx is not None:
        tol = args.nx_tol if args.nx_tol is not None else 1e-12 / n
        t0 = time.perf_counter()
        G = nx.DiGraph()
        G.add_nodes_from(range(n))
        G.add_edges_from(edges)
        nx_build = time.perf_counter() - t0
        t0 = time.perf_counter()
        try:
            pr = nx.pagerank(G, alpha=0.85, tol=tol, max_iter=1000)
            nx_pr = time.perf_counter() - t0
            nx_rank = [pr[v] for v in range(n)]
            nx_note = f"tol={tol:.3g} (L1 change < N*tol = {n * tol:.3g}), max_iter=1000"
        except nx.PowerIterationFailedConvergence:
            nx_pr = time.perf_counter() - t0
            nx_note = f"did NOT converge with tol={tol:.3g} in 1000 iterations"
        t0 = time.perf_counter()
        dist = nx.single_source_shortest_path_length(G, 0)
        nx_bfs = time.perf_counter() - t0
        nx_reached = len(dist)
        nx_depth = max(dist.values())
        del G, dist

    # --- table
    print()
    print(f"{'step (seconds)':<34}{'lode':>11}{'igraph':>11}{'networkx':>11}   igraph/lode  networkx/lode")
    rows = [
        ("graph construction", lode["csr_build_s"], ig_build, nx_build),
        ("  (lode: KnowledgeGraph::FromParts)", lode["kg_build_s"], None, None),
        ("PageRank, 1 thread (best)", lode["pagerank_s"], ig_pr, nx_pr),
    ]
    if lode.get("pagerank_threads_s") is not None:
        rows.append((f"PageRank, {lode['threads']} threads (best)", lode["pagerank_threads_s"], None, None))
    rows.append(("BFS from node 0 (best)", lode["bfs_s"], ig_bfs, nx_bfs))
    for name, lo, igv, nxv in rows:
        print(f"{name:<34}{fmt(lo)}{fmt(igv)}{fmt(nxv)}   {ratio(igv, lo):>11}  {ratio(nxv, lo):>13}")
    print(f"medians: lode PageRank {lode['pagerank_median_s']:.4f}, igraph PageRank {ig_pr_med:.4f}, "
          f"igraph BFS {ig_bfs_med:.4f}; NetworkX ran once")
    print("construction: lode = Boost CSR from unsorted pairs; igraph = Graph(n, edges) from a Python list; "
          "networkx = DiGraph + add_nodes_from + add_edges_from")
    print(f"PageRank stopping rules: lode L1 change < 1e-12 ({lode['pagerank_iterations']} iterations); "
          f"igraph PRPACK its own tolerance; networkx {nx_note}")

    # --- agreement
    ok = True
    print()
    lode_top = top_order(lode_rank, TOP)
    ig_top = top_order(ig_rank, TOP)
    diff_pos = first_difference(lode_top, ig_top)
    ig_max = max(abs(a - b) for a, b in zip(lode_rank, ig_rank))
    ig_l1 = sum(abs(a - b) for a, b in zip(lode_rank, ig_rank))
    if diff_pos is None:
        print(f"top-{TOP} order identical to igraph: yes")
    else:
        ok = False
        a, b = lode_top[diff_pos], ig_top[diff_pos]
        print(f"top-{TOP} order identical to igraph: NO, first difference at position {diff_pos + 1}: "
              f"lode node {a} ({lode_rank[a]:.17g}), igraph node {b} ({ig_rank[b]:.17g}); "
              f"igraph gives node {a} {ig_rank[a]:.17g}, lode gives node {b} {lode_rank[b]:.17g}")
    print(f"max |lode - igraph| over all nodes: {ig_max:.3g} (L1 {ig_l1:.3g}; sums lode {sum(lode_rank):.15g}, "
          f"igraph {sum(ig_rank):.15g})")
    if not ig_max <= MAX_DIFF:
        ok = False
        worst = max(range(n), key=lambda v: abs(lode_rank[v] - ig_rank[v]))
        print(f"  FAIL: above {MAX_DIFF:g}; worst node {worst}: lode {lode_rank[worst]:.17g}, "
              f"igraph {ig_rank[worst]:.17g}")
    nx_max = None
    if nx_rank is not None:
        nx_max = max(abs(a - b) for a, b in zip(lode_rank, nx_rank))
        nx_top = top_order(nx_rank, TOP)
        nx_pos = first_difference(lode_top, nx_top)
        igx_max = max(abs(a - b) for a, b in zip(ig_rank, nx_rank))
        print(f"max |lode - networkx| over all nodes: {nx_max:.3g} (igraph vs networkx: {igx_max:.3g}); "
              f"top-{TOP} order identical to networkx: "
              + ("yes" if nx_pos is None else f"NO (first difference at position {nx_pos + 1})"))
        if not nx_max <= MAX_DIFF:
            ok = False
            worst = max(range(n), key=lambda v: abs(lode_rank[v] - nx_rank[v]))
            print(f"  FAIL: above {MAX_DIFF:g}; worst node {worst}: lode {lode_rank[worst]:.17g}, "
                  f"networkx {nx_rank[worst]:.17g}")
    elif nx is not None:
        ok = False
        print("networkx PageRank did not converge: no comparison")
    bfs_line = (f"BFS reached from node 0: lode {lode['bfs_reached']} (max depth {lode['bfs_max_depth']}), "
                f"igraph {ig_reached} (max depth {ig_depth})")
    bfs_ok = ig_reached == lode["bfs_reached"] and ig_depth == lode["bfs_max_depth"]
    if nx_reached is not None:
        bfs_line += f", networkx {nx_reached} (max depth {nx_depth})"
        bfs_ok = bfs_ok and nx_reached == lode["bfs_reached"] and nx_depth == lode["bfs_max_depth"]
    print(bfs_line + (": equal" if bfs_ok else ": DIFFERENT"))
    ok = ok and bfs_ok
    print(f"ratios (their time / lode time): PageRank igraph {ratio(ig_pr, lode['pagerank_s'])}"
          + ("" if nx_pr is None else f", networkx {ratio(nx_pr, lode['pagerank_s'])}")
          + f"; BFS igraph {ratio(ig_bfs, lode['bfs_s'])}"
          + ("" if nx_bfs is None else f", networkx {ratio(nx_bfs, lode['bfs_s'])}")
          + f"; construction igraph {ratio(ig_build, lode['csr_build_s'])}"
          + ("" if nx_build is None else f", networkx {ratio(nx_build, lode['csr_build_s'])}"))
    print("agreement: " + ("OK" if ok else "FAILED"))
    summary = dict(nodes=n, edges=m, lode_pagerank_s=lode["pagerank_s"], igraph_pagerank_s=ig_pr,
                   networkx_pagerank_s=nx_pr, lode_bfs_s=lode["bfs_s"], igraph_bfs_s=ig_bfs, networkx_bfs_s=nx_bfs,
                   lode_build_s=lode["csr_build_s"], igraph_build_s=ig_build, networkx_build_s=nx_build,
                   max_diff_igraph=ig_max, max_diff_networkx=nx_max, top_order_equal=diff_pos is None,
                   bfs_equal=bfs_ok, ok=ok)
    print(json.dumps(summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
