#!/usr/bin/env python3
"""lode serve against the CLI (issue 12).

Starts `lode serve` on a free 127.0.0.1 port over an index of corpus/demo,
tests/fixtures/graph and tests/fixtures/biblio built here, and checks that every endpoint answers exactly
what the same command prints with --json (byte for byte, errors included), that
bad requests get a clear 4xx and never take the server down, that lists and
exports over the server's caps say so, that slow clients cannot hold every
worker, that an ingest while serving is seen whole (old or new revision, never
an error), and that SIGTERM stops it cleanly.

  serve_test.py LODE_BINARY REPO_DIR        (ctest: serve)

Every wait is bounded; every process started here is stopped at the end.
"""
import http.client
import json
import random
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
REPO = None
TMP = None

# Ids of the fixture index (corpus/demo + tests/fixtures/graph + tests/fixtures/biblio).
SEARCH_CASES = [
    ({"q": "critical minerals"}, ["critical minerals"]),
    ({"q": "lithium", "limit": "3", "offset": "1"}, ["lithium", "--limit", "3", "--offset", "1"]),
    ({"q": "critical minerals", "facets": "1"}, ["critical minerals", "--facets"]),
    ({"q": "lithium cobalt", "any": "1", "by_date": "1"}, ["lithium cobalt", "--any", "--by-date"]),
    ({"q": "稀土"}, ["稀土"]),
    ({"q": "kind:executive_order year:2017..2025", "facets": "true"}, ["kind:executive_order year:2017..2025", "--facets"]),
    ({"q": "year:abc"}, ["year:abc"]),
    ({"q": "AND"}, ["AND"]),
]

# (path, query parameters, CLI arguments)
CASES = [
    ("/api/show/eo:14017", {}, ["show", "eo:14017"]),
    ("/api/show/eo:13817", {"no_text": "1"}, ["show", "eo:13817", "--no-text"]),
    ("/api/show/usc:30/1606", {}, ["show", "usc:30/1606"]),
    ("/api/show/eo:14018", {}, ["show", "eo:14018"]),  # not found, with suggestions
    ("/api/entity/mineral:lithium", {}, ["entity", "mineral:lithium"]),
    ("/api/entity/rare earths", {"limit": "0"}, ["entity", "rare earths", "--limit", "0"]),
    ("/api/entity/lithum", {}, ["entity", "lithum"]),
    ("/api/trace/lithium", {}, ["trace", "lithium"]),
    ("/api/trace/mineral:neodymium", {"as_of": "2021-12-31", "kind": "executive_order"},
     ["trace", "mineral:neodymium", "--as-of", "2021-12-31", "--kind", "executive_order"]),
    ("/api/trace/gallium", {"via": "direct", "limit": "2"}, ["trace", "gallium", "--via", "direct", "--limit", "2"]),
    ("/api/trace/lithium", {"as_of": "2021-13-45"}, ["trace", "lithium", "--as-of", "2021-13-45"]),
    ("/api/neighbors/eo:14017", {}, ["neighbors", "eo:14017"]),
    ("/api/neighbors/mineral:lithium", {"edge": "mentions", "type": "executive_order", "limit": "5"},
     ["neighbors", "mineral:lithium", "--edge", "mentions", "--type", "executive_order", "--limit", "5"]),
    ("/api/neighbors/eo:13817", {"depth": "2", "edge": "cites,revokes,amends"},
     ["neighbors", "eo:13817", "--depth", "2", "--edge", "cites,revokes,amends"]),
    ("/api/neighbors/eo:13817", {"edge": "nonsense"}, ["neighbors", "eo:13817", "--edge", "nonsense"]),
    ("/api/path", {"from": "eo:14017", "to": "eo:13817"}, ["path", "eo:14017", "eo:13817"]),
    ("/api/path", {"from": "mineral:gallium", "to": "eo:13603"}, ["path", "mineral:gallium", "eo:13603"]),
    ("/api/cites/eo:14017", {}, ["cites", "eo:14017"]),
    ("/api/cited-by/eo:13817", {}, ["cited-by", "eo:13817"]),
    ("/api/cited-by/usc:50/4501", {}, ["cited-by", "usc:50/4501"]),
    ("/api/rank", {}, ["rank"]),
    ("/api/rank", {"by": "indegree", "type": "usc", "limit": "5"}, ["rank", "--by", "indegree", "--type", "usc", "--limit", "5"]),
    ("/api/rank", {"type": "mineral"}, ["rank", "--type", "mineral"]),
    ("/api/timeline", {}, ["timeline"]),
    ("/api/timeline", {"limit": "0"}, ["timeline", "--limit", "0"]),
    ("/api/timeline/mineral:lithium", {"type": "executive_order"}, ["timeline", "mineral:lithium", "--type", "executive_order"]),
    ("/api/timeline/concept:critical-minerals", {"by": "president"}, ["timeline", "concept:critical-minerals", "--by", "president"]),
    ("/api/cooccur/mineral:gallium", {}, ["cooccur", "mineral:gallium"]),
    ("/api/cooccur/lithium", {"type": "country", "limit": "3"}, ["cooccur", "lithium", "--type", "country", "--limit", "3"]),
    ("/api/cocite/eo:13817", {}, ["cocite", "eo:13817"]),
    ("/api/couple/eo:14017", {"limit": "5"}, ["couple", "eo:14017", "--limit", "5"]),
    ("/api/similar/eo:13603", {}, ["similar", "eo:13603"]),
    ("/api/similar/eo:14241", {"limit": "5"}, ["similar", "eo:14241", "--limit", "5"]),
    ("/api/stats", {}, ["stats"]),
    ("/api/dossier/mineral:gallium", {}, ["dossier", "mineral:gallium"]),  # issue 16
    ("/api/dossier/gallium", {"from": "2020-01-01", "to": "2024-12-31", "papers": "3"},
     ["dossier", "gallium", "--from", "2020-01-01", "--to", "2024-12-31", "--papers", "3"]),
    # issue 15: the maps' networks and bursts (the fixture papers' keywords and authors)
    ("/api/network/keywords", {"min": "1", "limit": "50"}, ["network", "keywords", "--min", "1", "--limit", "50"]),
    ("/api/network/coauthors", {"min": "1", "limit": "3", "cluster": "modularity", "resolution": "0.5"},
     ["network", "coauthors", "--min", "1", "--limit", "3", "--cluster", "modularity", "--resolution", "0.5"]),
    ("/api/network/planets", {"limit": "5"}, ["network", "planets", "--limit", "5"]),
    ("/api/bursts", {"min": "1"}, ["bursts", "--min", "1"]),
    ("/api/bursts", {"type": "authors", "min": "1", "gamma": "0.5", "limit": "2"},
     ["bursts", "--type", "authors", "--min", "1", "--gamma", "0.5", "--limit", "2"]),
]

EXPORTS = [
    ({"format": "graphml"}, ["--format", "graphml"], None),
    ({"format": "gexf", "around": "mineral:gallium", "depth": "2"}, ["--format", "gexf", "--around", "mineral:gallium", "--depth", "2"], None),
    ({"format": "dot", "around": "eo:14017"}, ["--format", "dot", "--around", "eo:14017"], None),
    ({"format": "json", "query": "kind:executive_order"}, ["--format", "json", "--query", "kind:executive_order"], None),
    ({"format": "pajek", "edge": "cites,revokes"}, ["--format", "pajek", "--edge", "cites,revokes"], None),
    ({"format": "bibtex"}, ["--format", "bibtex"], None),
    ({"format": "ris", "query": "kind:paper"}, ["--format", "ris", "--query", "kind:paper"], None),
    ({"format": "csl-json"}, ["--format", "csl-json"], None),
    ({"format": "csv", "part": "nodes"}, ["--format", "csv"], "-nodes.csv"),
    ({"format": "csv", "part": "relationships"}, ["--format", "csv"], "-relationships.csv"),
    ({"format": "vosviewer", "part": "map", "edge": "cites"}, ["--format", "vosviewer", "--edge", "cites"], "-map.txt"),
    ({"format": "vosviewer", "part": "network", "edge": "cites"}, ["--format", "vosviewer", "--edge", "cites"], "-network.txt"),
]

STATUS_OF_CODE = {"invalid_argument": 400, "not_found": 404, "too_large": 413, "unavailable": 503}


def run(args, timeout=120, check=True):
    r = subprocess.run([LODE] + args, capture_output=True, timeout=timeout)
    if check and r.returncode != 0:
        raise AssertionError(f"lode {' '.join(args)} failed ({r.returncode}): {r.stderr.decode(errors='replace')}")
    return r


def ingest(index, *paths):
    run(["ingest", *paths, "--index", index, "-q"], timeout=300)


class Server:
    """`lode serve` on a free port; stop() sends SIGTERM and waits (bounded)."""

    def __init__(self, index, *extra):
        self.proc = subprocess.Popen([LODE, "serve", "--index", index, "--listen", "127.0.0.1:0", "-q", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        line = b""
        deadline = time.monotonic() + 60
        while not line.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None:
                err = self.proc.stderr.read1(4096) if self.proc.poll() is not None else b""
                self.kill()
                raise AssertionError(f"lode serve did not start: {line!r} {err!r}")
            if select.select([self.proc.stdout], [], [], left)[0]:
                chunk = os.read(self.proc.stdout.fileno(), 1)
                if not chunk:
                    continue
                line += chunk
        url = line.decode().strip().split()[-1]
        assert url.startswith("http://127.0.0.1:"), url
        self.port = int(url.rstrip("/").rsplit(":", 1)[1])

    def get(self, path, params=None, method="GET", headers=None, timeout=30, raw=False):
        target = path if raw else urllib.parse.quote(path, safe="/:") + ("?" + urllib.parse.urlencode(params) if params else "")
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            c.request(method, target, headers=headers or {})
            r = c.getresponse()
            return r.status, dict((k.lower(), v) for k, v in r.getheaders()), r.read()
        finally:
            c.close()

    def stop(self, timeout=15):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
                raise AssertionError("lode serve did not stop within 15 s of SIGTERM")
        self.proc.stdout.close()
        self.proc.stderr.close()
        return self.proc.returncode

    def kill(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


INDEX = None
SERVER = None
WEB = None


def setUpModule():
    global TMP, INDEX, SERVER, WEB
    TMP = tempfile.mkdtemp(prefix="lode-serve-test-")
    INDEX = os.path.join(TMP, "index")
    ingest(INDEX, os.path.join(REPO, "corpus/demo"), os.path.join(REPO, "tests/fixtures/graph"),
           os.path.join(REPO, "tests/fixtures/biblio"))  # biblio: papers with keywords and co-authors (issue 15)
    # A stand-in for the built UI: what is served is what is in the folder.
    WEB = os.path.join(TMP, "web")
    os.makedirs(os.path.join(WEB, "assets"))
    with open(os.path.join(WEB, "index.html"), "w") as f:
        f.write("<!doctype html><title>lodestone test page</title>\n")
    with open(os.path.join(WEB, "assets", "main-abc123.js"), "w") as f:
        f.write("console.log('lodestone');\n")
    with open(os.path.join(TMP, "secret.txt"), "w") as f:
        f.write("outside the web folder\n")
    SERVER = Server(INDEX, "--web", WEB)


def tearDownModule():
    try:
        if SERVER:
            SERVER.kill()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)


class EndpointsEqualCli(unittest.TestCase):
    def check(self, path, params, cli):
        status, headers, body = SERVER.get(path, params)
        r = run(cli + ["--index", INDEX, "--json"], check=False)
        what = f"{path}?{urllib.parse.urlencode(params)} vs lode {' '.join(cli)}"
        self.assertEqual(body.decode(), r.stdout.decode(), what)
        self.assertEqual(headers.get("content-type"), "application/json; charset=utf-8", what)
        if r.returncode == 0:
            self.assertEqual(status, 200, what)
        else:
            code = json.loads(r.stdout)["code"]
            self.assertEqual(status, STATUS_OF_CODE[code], what)
        return status

    def test_search(self):
        statuses = [self.check("/api/search", p, ["search"] + c) for p, c in SEARCH_CASES]
        self.assertIn(200, statuses)
        self.assertIn(400, statuses)  # the bad year filter, the syntax error

    def test_every_command(self):
        statuses = {}
        for path, params, cli in CASES:
            statuses[(path, str(params))] = self.check(path, params, cli)
        self.assertGreaterEqual(list(statuses.values()).count(200), len(CASES) - 7)
        self.assertEqual(statuses[("/api/show/eo:14018", "{}")], 404)

    def test_not_found_carries_the_suggestion(self):
        status, _, body = SERVER.get("/api/entity/lithum")
        self.assertEqual(status, 404)
        self.assertIn("mineral:lithium", json.loads(body)["error"])

    def test_exports_are_downloads_of_the_cli_output(self):
        for params, cli, suffix in EXPORTS:
            status, headers, body = SERVER.get("/api/export", params)
            what = f"export {params}"
            self.assertEqual(status, 200, what + ": " + body[:200].decode(errors="replace"))
            if suffix is None:
                expected = run(["export"] + cli + ["--index", INDEX, "--json"]).stdout
            else:
                prefix = os.path.join(TMP, "x")
                run(["export"] + cli + ["-o", prefix, "--index", INDEX])
                with open(prefix + suffix, "rb") as f:
                    expected = f.read()
            self.assertEqual(body, expected, what)
            disp = headers.get("content-disposition", "")
            self.assertTrue(disp.startswith('attachment; filename="lodestone-'), what + " " + disp)
            if suffix:
                self.assertTrue(disp.endswith(suffix + '"'), disp)
            self.assertTrue(headers["content-type"].endswith("; charset=utf-8"), headers["content-type"])
            self.assertNotIn("x-lodestone-truncated", headers)

    def test_network_says_truncated(self):  # issue 15: a map is capped, and says so
        full = json.loads(SERVER.get("/api/network/keywords", {"min": "1"})[2])
        self.assertFalse(full["truncated"])
        self.assertEqual(full["max_nodes"], 500)
        self.assertGreater(len(full["nodes"]), 2)
        self.assertEqual(len(full["nodes"]), full["items_over_threshold"])
        s, _, body = SERVER.get("/api/network/keywords", {"min": "1", "limit": "2"})
        self.assertEqual(s, 200)
        cut = json.loads(body)
        self.assertTrue(cut["truncated"])
        self.assertEqual(len(cut["nodes"]), 2)
        self.assertEqual(cut["items_over_threshold"], full["items_over_threshold"])

    def test_two_file_formats_need_a_part(self):
        status, _, body = SERVER.get("/api/export", {"format": "csv"})
        self.assertEqual(status, 400)
        self.assertIn("part=nodes|relationships", json.loads(body)["error"])


class BadRequests(unittest.TestCase):
    def assertError(self, status, body, want_status, want_code, text=None):
        self.assertEqual(status, want_status, body)
        j = json.loads(body)
        self.assertEqual(j["code"], want_code, body)
        if text:
            self.assertIn(text, j["error"])

    def test_parameters(self):
        cases = [
            ("/api/search", {}, 400, "invalid_argument", "missing parameter q"),
            ("/api/search", {"q": ""}, 400, "invalid_argument", "missing parameter q"),
            ("/api/search", {"q": "x", "limit": "abc"}, 400, "invalid_argument", "whole number"),
            ("/api/search", {"q": "x", "limit": "-1"}, 400, "invalid_argument", "whole number"),
            ("/api/search", {"q": "x", "limit": "99999999999999999999"}, 400, "invalid_argument", "whole number"),
            ("/api/search", {"q": "x", "limit": "101"}, 413, "too_large", "cap of 100"),
            ("/api/search", {"q": "x", "offset": "10001"}, 413, "too_large", None),
            ("/api/search", {"q": "x", "facets": "yes"}, 400, "invalid_argument", "1 or 0"),
            ("/api/search", {"q": "x", "color": "1"}, 400, "invalid_argument", "unknown parameter color"),
            ("/api/neighbors/eo:14017", {"depth": "4"}, 413, "too_large", None),
            ("/api/neighbors/eo:14017", {"depth": "0"}, 400, "invalid_argument", None),
            ("/api/neighbors/eo:14017", {"limit": "501"}, 413, "too_large", None),
            ("/api/entity/lithium", {"limit": "501"}, 413, "too_large", None),
            ("/api/rank", {"limit": "1001"}, 413, "too_large", None),
            ("/api/rank", {"by": "fame"}, 400, "invalid_argument", "unknown ranking"),
            ("/api/path", {"from": "eo:14017"}, 400, "invalid_argument", "missing parameter to"),
            ("/api/export", {}, 400, "invalid_argument", "missing parameter format"),
            ("/api/export", {"format": "docx"}, 400, "invalid_argument", None),
            ("/api/export", {"format": "json", "depth": "9", "around": "eo:14017"}, 413, "too_large", None),
            ("/api/export", {"format": "json", "part": "nodes"}, 400, "invalid_argument", "no part"),
            ("/api/show/", {}, 400, "invalid_argument", "empty"),
            ("/api/stats", {"x": "1"}, 400, "invalid_argument", "takes none"),
            ("/api/nothing", {}, 404, "not_found", "no endpoint"),
            ("/api/network/keywords", {"limit": "501"}, 413, "too_large", "cap of 500"),
            ("/api/network/keywords", {"resolution": "high"}, 400, "invalid_argument", "must be a number"),
            ("/api/network/keywords", {"query": ""}, 400, "invalid_argument", "query is empty"),
            ("/api/bursts", {"limit": "1001"}, 413, "too_large", None),
        ]
        for path, params, status, code, text in cases:
            with self.subTest(path=path, params=params):
                s, _, body = SERVER.get(path, params)
                self.assertError(s, body, status, code, text)

    def test_repeated_parameter(self):
        s, _, body = SERVER.get("/api/search?q=a&q=b", raw=True)
        self.assertError(s, body, 400, "invalid_argument", "twice")

    def test_protocol_limits(self):
        s, _, body = SERVER.get("/api/search", {"q": "x" * 9000})
        self.assertError(s, body, 414, "too_large")
        s, _, body = SERVER.get("/api/stats", headers={"X-Big": "y" * 9000})
        self.assertGreaterEqual(s, 400)
        self.assertLess(s, 500)
        s, headers, body = SERVER.get("/api/stats", method="POST")
        self.assertError(s, body, 405, "invalid_argument", "GET only")

    def test_garbage_does_not_take_it_down(self):
        for raw in [b"\x00\x01\x02\r\n\r\n", b"GET\r\n\r\n", b"GET /api/stats HTTP/9.9\r\n\r\n",
                    b"GET /api/show/%zz%00 HTTP/1.1\r\nHost: x\r\n\r\n",
                    b"GET /api/search?q=%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n",
                    b"GET /api/stats HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n"]:
            with socket.create_connection(("127.0.0.1", SERVER.port), timeout=10) as s:
                s.sendall(raw)
                try:
                    s.recv(4096)
                except (socket.timeout, ConnectionResetError):
                    pass
        s, _, body = SERVER.get("/api/stats")
        self.assertEqual(s, 200)
        self.assertIsNone(SERVER.proc.poll())

    def test_head(self):
        s, headers, body = SERVER.get("/api/stats", method="HEAD")
        self.assertEqual(s, 200)
        self.assertEqual(body, b"")


class StaticFiles(unittest.TestCase):
    def test_pages_are_the_app(self):
        with open(os.path.join(WEB, "index.html"), "rb") as f:
            page = f.read()
        for path in ["/", "/search", "/doc/eo:14017", "/doc/usc:50%2F4501", "/entity/mineral:lithium",
                     "/trace/稀土", "/timeline", "/timeline/mineral:lithium", "/graph/eo:14017", "/papers/x", "/map/y"]:
            with self.subTest(path=path):
                s, headers, body = SERVER.get(urllib.parse.unquote(path))
                self.assertEqual(s, 200)
                self.assertEqual(body, page)
                self.assertEqual(headers["content-type"], "text/html; charset=utf-8")
                self.assertEqual(headers["cache-control"], "no-cache")

    def test_assets(self):
        s, headers, body = SERVER.get("/assets/main-abc123.js")
        self.assertEqual(s, 200)
        self.assertEqual(body, b"console.log('lodestone');\n")
        self.assertEqual(headers["content-type"], "text/javascript; charset=utf-8")
        self.assertIn("immutable", headers["cache-control"])
        self.assertEqual(headers["x-content-type-options"], "nosniff")

    def test_nothing_else(self):
        for path in ["/nope", "/assets/missing.js", "/../secret.txt", "/assets/../../secret.txt",
                     "/%2e%2e/secret.txt", "/search/more/x"]:
            with self.subTest(path=path):
                c = http.client.HTTPConnection("127.0.0.1", SERVER.port, timeout=10)
                c.request("GET", path)
                r = c.getresponse()
                body = r.read()
                c.close()
                self.assertIn(r.status, (400, 404))
                self.assertNotIn(b"outside the web folder", body)


class Caps(unittest.TestCase):
    """A server with small caps: lists and exports are cut and say so."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(INDEX, "--max-list", "1", "--max-export-nodes", "3")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_lists_say_truncated(self):
        full = json.loads(run(["cited-by", "eo:13817", "--index", INDEX, "--json"]).stdout)
        self.assertGreater(len(full["cited_by"] if "cited_by" in full else full["entries"]), 1)
        s, _, body = self.server.get("/api/cited-by/eo:13817")
        self.assertEqual(s, 200)
        j = json.loads(body)
        self.assertTrue(j["truncated"])
        self.assertEqual(j["total"], full["total"])

    def test_exports_say_truncated(self):
        s, headers, body = self.server.get("/api/export", {"format": "json"})
        self.assertEqual(s, 200)
        self.assertEqual(headers.get("x-lodestone-truncated"), "true")
        self.assertLessEqual(len(json.loads(body)["nodes"]), 3)


class TimeLimit(unittest.TestCase):
    def test_past_the_limit_is_503(self):
        server = Server(INDEX, "--time-limit", "0.000001")
        try:
            s, _, body = server.get("/api/trace/lithium")
            self.assertEqual(s, 503, body)
            self.assertEqual(json.loads(body)["code"], "unavailable")
        finally:
            self.assertEqual(server.stop(), 0)


class SlowClients(unittest.TestCase):
    def test_idle_connections_do_not_hold_every_worker(self):
        server = Server(INDEX, "--threads", "2", "--keep-alive", "1")
        idle = []
        try:
            for _ in range(6):  # three times the workers, each sending half a request
                s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
                s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")
                idle.append(s)
            t0 = time.monotonic()
            status, _, _ = server.get("/api/stats", timeout=40)
            self.assertEqual(status, 200)
            self.assertLess(time.monotonic() - t0, 35)
        finally:
            for s in idle:
                s.close()
            self.assertEqual(server.stop(), 0)


class RevisionReopen(unittest.TestCase):
    def test_ingest_while_serving(self):
        index = os.path.join(TMP, "growing")
        ingest(index, os.path.join(REPO, "corpus/demo"))
        before = json.loads(run(["stats", "--index", index, "--json"]).stdout)
        server = Server(index)
        problems, seen = [], set()
        stop = threading.Event()

        def hammer():
            while not stop.is_set():
                try:
                    s, _, body = server.get("/api/stats")
                    if s != 200:
                        problems.append((s, body))
                        continue
                    seen.add(json.loads(body)["revision"])
                    s, _, body = server.get("/api/search", {"q": "order", "facets": "1"})
                    if s != 200:
                        problems.append((s, body))
                except Exception as e:  # a reset or a timeout is a failure too
                    problems.append(repr(e))

        threads = [threading.Thread(target=hammer) for _ in range(3)]
        try:
            for t in threads:
                t.start()
            time.sleep(0.3)
            ingest(index, os.path.join(REPO, "corpus/demo"), os.path.join(REPO, "tests/fixtures/graph"))
            after_cli = run(["stats", "--index", index, "--json"]).stdout
            after = json.loads(after_cli)
            self.assertGreater(after["documents"], before["documents"])
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                s, _, body = server.get("/api/stats")
                if body == after_cli:
                    break
                time.sleep(0.1)
            self.assertEqual(body, after_cli, "the server did not reopen the new revision")
            # The graph of the new revision: a node only the fixtures have.
            s, _, body = server.get("/api/cited-by/eo:99101")
            cli = run(["cited-by", "eo:99101", "--index", index, "--json"], check=False).stdout
            self.assertEqual(body, cli)
        finally:
            stop.set()
            for t in threads:
                t.join(60)
            self.assertEqual(server.stop(), 0)
        self.assertEqual(problems, [])
        self.assertTrue(seen <= {before["revision"], after["revision"]}, seen)


class KillNine(unittest.TestCase):
    """kill -9 around `lode serve` (issue 11): a server killed during requests
    and while an ingest commits, and an ingest killed while a server reads.
    The index must open afterwards, a restarted server answer, and a server
    that stays up answer every request (old or new revision, never an error)."""

    def hammer(self, server, problems, seen, stop, errors_allowed=False):
        while not stop.is_set():
            try:
                s, _, body = server.get("/api/stats", timeout=30)
                if s != 200:
                    problems.append((s, body[:200]))
                    continue
                seen.add(json.loads(body)["revision"])
                s, _, body = server.get("/api/search", {"q": "order", "facets": "1"}, timeout=30)
                if s != 200:
                    problems.append((s, body[:200]))
            except Exception as e:
                if not errors_allowed:
                    problems.append(repr(e))
                else:
                    time.sleep(0.01)

    def test_server_killed_during_requests_and_an_ingest_commit(self):
        rng = random.Random(11)
        index = os.path.join(TMP, "kill-server")
        ingest(index, os.path.join(REPO, "corpus/demo"))
        for trial in range(3):
            server = Server(index)
            stop, problems, seen = threading.Event(), [], set()
            threads = [threading.Thread(target=self.hammer, args=(server, problems, seen, stop, True)) for _ in range(3)]
            for t in threads:
                t.start()
            # An update that commits every few documents, while the server reads.
            extra = [os.path.join(REPO, "tests/fixtures/graph")] if trial % 2 == 0 else []
            writer = subprocess.Popen([LODE, "ingest", os.path.join(REPO, "corpus/demo"), *extra, "--index", index,
                                       "-q", "--flush-every", "3"] + (["--prune"] if trial % 2 else []),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(0.05, 0.6))
            server.kill()  # SIGKILL, requests in flight
            stop.set()
            for t in threads:
                t.join(60)
            _, err = writer.communicate(timeout=300)
            self.assertEqual(writer.returncode, 0, f"trial {trial}: the ingest failed: {err[-500:]!r}")
            stats = run(["stats", "--index", index, "--json"]).stdout
            restarted = Server(index)
            try:
                s, _, body = restarted.get("/api/stats")
                self.assertEqual(s, 200)
                self.assertEqual(body, stats, f"trial {trial}: the restarted server answers another revision")
                s, _, body = restarted.get("/api/search", {"q": "order"})
                self.assertEqual(s, 200, body[:300])
            finally:
                self.assertEqual(restarted.stop(), 0)
            server.proc.stdout.close()
            server.proc.stderr.close()

    def test_ingest_killed_while_serving(self):
        rng = random.Random(9)
        index = os.path.join(TMP, "kill-ingest")
        ingest(index, os.path.join(REPO, "corpus/demo"))
        server = Server(index)
        stop, problems, seen = threading.Event(), [], set()
        threads = [threading.Thread(target=self.hammer, args=(server, problems, seen, stop)) for _ in range(3)]
        try:
            for t in threads:
                t.start()
            for trial in range(4):
                paths = [os.path.join(REPO, "corpus/demo")]
                if trial % 2 == 0:
                    paths.append(os.path.join(REPO, "tests/fixtures/graph"))
                cmd = [LODE, "ingest", *paths, "--index", index, "-q", "--flush-every", "2"]
                if trial % 2:
                    cmd.append("--prune")
                writer = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0.05, 0.8))
                writer.kill()
                writer.wait(30)
                run(["stats", "--index", index, "--json"])  # the index opens
            # A re-run finishes, and the server that stayed up reaches it.
            ingest(index, os.path.join(REPO, "corpus/demo"), os.path.join(REPO, "tests/fixtures/graph"))
            after_cli = run(["stats", "--index", index, "--json"]).stdout
            deadline = time.monotonic() + 20
            body = b""
            while time.monotonic() < deadline:
                s, _, body = server.get("/api/stats")
                if body == after_cli:
                    break
                time.sleep(0.1)
            self.assertEqual(body, after_cli, "the server did not reach the revision of the re-run")
        finally:
            stop.set()
            for t in threads:
                t.join(60)
            self.assertEqual(server.stop(), 0)
        self.assertEqual(problems, [], "a server that stayed up answered with an error")


class Stop(unittest.TestCase):
    def test_sigint_stops_cleanly(self):
        server = Server(INDEX)
        self.assertEqual(server.get("/api/stats")[0], 200)
        os.killpg(server.proc.pid, signal.SIGINT)
        server.proc.wait(15)
        self.assertEqual(server.stop(), 0)


class Listen(unittest.TestCase):
    def test_other_address_warns(self):
        r = subprocess.run([LODE, "serve", "--index", INDEX, "--listen", "0.0.0.0:99999"], capture_output=True, timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"port", r.stderr)
        p = subprocess.Popen([LODE, "serve", "--index", INDEX, "--listen", "0.0.0.0:0"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
        try:
            time.sleep(1.5)
        finally:
            os.killpg(p.pid, signal.SIGTERM)
            out, err = p.communicate(timeout=15)
        self.assertIn(b"no authentication", err)
        self.assertEqual(p.returncode, 0)


if __name__ == "__main__":
    LODE, REPO = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])
