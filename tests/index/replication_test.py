#!/usr/bin/env python3
"""Replicas of lode indexes with stock xapian-replicate (issue 13).

The recipe of README "Shards (issue 13)", run on loopback:
  * a plain lode index and a sharded layout (lode shard --by count:2) are the
    masters, served by one `xapian-replicate-server -I 127.0.0.1` on a free
    port;
  * `xapian-replicate` pulls a replica of each database (one per shard and one
    for meta), then an ingest on the master (with XAPIAN_MAX_CHANGESETS; lode
    sets it by itself on a sharded layout) is pulled again: the replicas must
    converge within a bounded wait, as small changesets rather than full
    copies, and `lode search --index REPLICA` must see the new document;
  * `lode serve --index REPLICA` keeps answering 200 while a replication
    daemon applies the master's commits, and its answers reach the new
    document;
  * after `lode ingest --rebuild` on the master (a new database: the replica
    receives a full copy, and the database the serve had open is deleted),
    the very first requests to `lode serve --index REPLICA` answer 200 with
    the rebuilt index's documents, not 500.

  replication_test.py LODE_BINARY           (ctest: replication, label shard)

Every wait is bounded; every process started here is stopped at the end.
"""
import http.client
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

LODE = None
TMP = None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_order(folder, number, date, extra=""):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"order-{number}.md"), "w") as f:
        f.write(f"---\ndate: '{date}'\ntitle: \"Imaginary widgets order {number}\"\n---\n\n"
                f"Executive Order {number}\n\nSection 1. The widgets of lithium shall be counted. {extra}\n")


def lode(*args, env=None, timeout=120):
    r = subprocess.run([LODE, *args], capture_output=True, timeout=timeout, env=env)
    if r.returncode != 0:
        raise AssertionError(f"lode {' '.join(args)} failed ({r.returncode}): {r.stderr.decode(errors='replace')}")
    return r.stdout.decode()


def search_ids(index, query="widgets"):
    out = json.loads(lode("search", query, "--limit", "100", "--json", "--index", index))
    return sorted(h["id"] for h in out["hits"])


def replicate_once(port, master, dest):
    """One pull; returns xapian-replicate's verbose report."""
    r = subprocess.run(["xapian-replicate", "-h", "127.0.0.1", "-p", str(port), "-m", master, "-o", "-v",
                        "-t", "10", dest], capture_output=True, timeout=60)
    out = (r.stdout + r.stderr).decode(errors="replace")
    if r.returncode != 0:
        raise AssertionError(f"xapian-replicate -m {master} failed: {out}")
    return out


def wait_for(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} within {seconds} s")


class ReplicationTest(unittest.TestCase):
    procs = []

    @classmethod
    def setUpClass(cls):
        cls.root = os.path.join(TMP, "master")
        cls.src = os.path.join(TMP, "src")
        for n, d in [(99301, "2018-02-01"), (99302, "2019-03-01"), (99303, "2020-04-01"), (99304, "2021-05-01")]:
            write_order(cls.src, n, d)
        cls.env = dict(os.environ, XAPIAN_MAX_CHANGESETS="10")
        lode("ingest", cls.src, "-q", "--index", os.path.join(cls.root, "plain"), env=cls.env)
        lode("shard", "-q", "--index", os.path.join(cls.root, "plain"), "--by", "count:2", "-o",
             os.path.join(cls.root, "sharded"))
        # The server: loopback only (it has no authentication), a free port.
        for attempt in range(5):
            cls.port = free_port()
            p = subprocess.Popen(["xapian-replicate-server", "-I", "127.0.0.1", "-p", str(cls.port), cls.root],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
            time.sleep(0.3)
            if p.poll() is None:
                cls.procs.append(p)
                break
        else:
            raise AssertionError("xapian-replicate-server did not start")

    @classmethod
    def tearDownClass(cls):
        for p in cls.procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(p.pid, signal.SIGKILL)
                    p.wait()

    def daemon(self, master, dest):
        p = subprocess.Popen(["xapian-replicate", "-h", "127.0.0.1", "-p", str(self.port), "-m", master, "-i", "1",
                              "-r", "1", "-t", "10", "-q", dest],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        self.procs.append(p)
        return p

    def test_1_plain_replica_converges_by_changeset(self):
        replica = os.path.join(TMP, "replica-plain")
        first = replicate_once(self.port, "plain", replica)
        self.assertIn("1 copies", first)
        want = ["eo:99301", "eo:99302", "eo:99303", "eo:99304"]
        self.assertEqual(search_ids(replica), want)
        write_order(self.src, 99305, "2022-06-01")
        lode("ingest", self.src, "-q", "--index", os.path.join(self.root, "plain"), env=self.env)
        second = replicate_once(self.port, "plain", replica)
        # A commit travels as a changeset, not as a full copy of the index.
        self.assertIn("0 copies", second)
        self.assertRegex(second, r"[1-9]\d* changesets")
        self.assertEqual(search_ids(replica), want + ["eo:99305"])

    def test_2_sharded_replicas_converge(self):
        replica = os.path.join(TMP, "replica-sharded")
        names = ["meta", "shard-0", "shard-1"]
        os.makedirs(replica)  # xapian-replicate creates DEST, not its parent
        for n in names:
            self.assertIn("1 copies", replicate_once(self.port, "sharded/" + n, os.path.join(replica, n)))
        # The replica side's own stub: meta first, then the shards in the
        # master's order (that order fixes docid interleaving).
        with open(os.path.join(replica, "XAPIANDB"), "w") as f:
            f.write("auto meta\nauto shard-0\nauto shard-1\n")

        def shard_ids():
            ids = []
            for n in names[1:]:
                ids += search_ids(os.path.join(replica, n))
            return sorted(ids)

        # The layout was split from the four first orders.
        self.assertEqual(shard_ids(), ["eo:99301", "eo:99302", "eo:99303", "eo:99304"])
        daemons = [self.daemon("sharded/" + n, os.path.join(replica, n)) for n in names]
        write_order(self.src, 99306, "2023-07-01")
        # No XAPIAN_MAX_CHANGESETS here: lode sets it on a sharded layout.
        env = {k: v for k, v in os.environ.items() if k != "XAPIAN_MAX_CHANGESETS"}
        lode("ingest", self.src, "-q", "--index", os.path.join(self.root, "sharded"), env=env)
        master_ids = []
        for n in names[1:]:
            master_ids += search_ids(os.path.join(self.root, "sharded", n))
        self.assertIn("eo:99306", master_ids)
        wait_for(lambda: shard_ids() == sorted(master_ids), 30, "sharded replica did not converge")
        # The master kept changesets without being told to.
        files = os.listdir(os.path.join(self.root, "sharded", "meta", "gen-1"))
        self.assertTrue(any(f.startswith("changes") for f in files), files)
        for d in daemons:
            self.assertIsNone(d.poll(), d.stderr.read1(4096) if d.poll() is not None else "")

    def serve(self, index):
        """Starts `lode serve --index INDEX` on a free loopback port; its port."""
        server = subprocess.Popen([LODE, "serve", "--index", index, "--listen", "127.0.0.1:0", "-q"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        self.procs.append(server)
        line = b""
        deadline = time.monotonic() + 60
        while not line.endswith(b"\n"):
            self.assertIsNone(server.poll(), server.stderr.read1(4096) if server.poll() is not None else "")
            self.assertLess(time.monotonic(), deadline, "lode serve did not start")
            if select.select([server.stdout], [], [], 1)[0]:
                line += os.read(server.stdout.fileno(), 1)
        return int(line.decode().strip().rstrip("/").rsplit(":", 1)[1])

    def test_3_serve_keeps_answering_while_a_replica_is_updated(self):
        replica = os.path.join(TMP, "replica-serve")
        replicate_once(self.port, "plain", replica)
        port = self.serve(replica)

        statuses, seen_new, stop = [], [], threading.Event()

        def poll():
            while not stop.is_set():
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                try:
                    c.request("GET", "/api/search?" + urllib.parse.urlencode({"q": "widgets", "limit": "100"}))
                    r = c.getresponse()
                    body = r.read()
                    statuses.append(r.status)
                    if r.status == 200 and b"eo:99307" in body:
                        seen_new.append(True)
                finally:
                    c.close()
                time.sleep(0.05)

        t = threading.Thread(target=poll)
        t.start()
        try:
            self.daemon("plain", replica)
            for i, n in enumerate([99307, 99308, 99309]):
                write_order(self.src, n, f"202{i}-08-0{i + 1}", extra="More widgets.")
                lode("ingest", self.src, "-q", "--index", os.path.join(self.root, "plain"), env=self.env)
                time.sleep(1.5)
            wait_for(lambda: seen_new, 30, "lode serve on the replica did not see the new document")
        finally:
            stop.set()
            t.join(60)
        self.assertGreater(len(statuses), 10)
        self.assertEqual(set(statuses), {200}, statuses)

    def test_4_serve_answers_right_after_a_full_copy(self):
        # Its own master: a --rebuild of the one the daemons above follow
        # would race with them.
        src = os.path.join(TMP, "src-rebuild")
        for n, d in [(99401, "2018-02-01"), (99402, "2019-03-01")]:
            write_order(src, n, d)
        master = os.path.join(self.root, "rebuilt")
        lode("ingest", src, "-q", "--index", master, env=self.env)
        replica = os.path.join(TMP, "replica-rebuilt")
        self.assertIn("1 copies", replicate_once(self.port, "rebuilt", replica))
        port = self.serve(replica)

        def get(path, **query):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                c.request("GET", path + "?" + urllib.parse.urlencode(query))
                r = c.getresponse()
                return r.status, r.read().decode(errors="replace")
            finally:
                c.close()

        def ids(body):
            return sorted(h["id"] for h in json.loads(body)["hits"])

        status, body = get("/api/search", q="widgets", limit="100")
        self.assertEqual(status, 200, body)
        self.assertEqual(ids(body), ["eo:99401", "eo:99402"])
        want = ["eo:99401", "eo:99402"]
        for n, d in [(99403, "2020-04-01"), (99404, "2021-05-01")]:
            # A rebuild publishes a new database (gen-N+1): the next pull is a
            # full copy, and the replica's old database, which the serve has
            # open, is removed.
            write_order(src, n, d)
            lode("ingest", src, "-q", "--rebuild", "--index", master, env=self.env)
            self.assertIn("1 copies", replicate_once(self.port, "rebuilt", replica))
            want.append(f"eo:{n}")
            # The very first requests after the copy, with no pause.
            status, body = get("/api/search", q="widgets", limit="100")
            self.assertEqual(status, 200, f"first search after a full copy: {body}")
            self.assertEqual(ids(body), want)
            status, body = get(f"/api/show/eo:{n}")
            self.assertEqual(status, 200, f"show after a full copy: {body}")
            self.assertIn(f"eo:{n}", body)


def main():
    global LODE, TMP
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    LODE = os.path.abspath(sys.argv[1])
    for tool in ("xapian-replicate", "xapian-replicate-server"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} not found: install xapian-tools (scripts/install-deps.sh)")
    TMP = tempfile.mkdtemp(prefix="lode-replication-")
    try:
        prog = unittest.main(argv=[sys.argv[0], "-v"], exit=False)
        ok = prog.result.wasSuccessful()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
