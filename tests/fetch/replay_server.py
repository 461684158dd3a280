#!/usr/bin/env python3
"""A local stand-in for the Federal Register API, for the `lode fetch` tests.

It replays the API's document search (GET /api/v1/documents.json) and the full
texts it links, from the real API records of the shared corpus
(fr-eo-1994-2020/executive_orders/EO_<n>.json), read in place at start-up: no
record is copied into the repository. What it imitates:

* pages of results with count, total_pages and next_page_url (absolute, on this
  server), fields[] (records carry the fields asked for, in that order),
  per_page (at most 1000) and page;
* conditions: type[] (PRESDOCU, RULE, PRORULE, NOTICE), presidential_document_type[],
  president[] (from the signing date), agencies[] (slugs; an unknown one is a
  400 with {"errors": ...}), publication_date[gte|lte|is|year], term (a
  case-insensitive substring of the title or the full text; quotes dropped);
* the silent cap: at most `cap` results per search, and the count says `cap`
  too (the real API's cap is 10,000; tests set it low to exercise the split);
* full texts under /full_text/{xml,html,text}/<document_number>.<ext>, served
  from the corpus's EO_<n>.xml, .html and .htm files; a record's link is null
  when the corpus has no such file (so the client never asks for what is not
  here);
* faults, counted over all requests (n = 1, 2, ...): every_slow (sleep
  slow_seconds first), every_429 (with Retry-After: retry_after), every_500
  (503), every_malformed (a search page cut in the middle), every_truncate (a
  Content-Length longer than the body, then the connection closed).

Behaviour is read from a JSON control file (--control), re-read whenever it
changes (the fault counter restarts then), so one server serves several runs
of a test with the same port (and so the same URLs in its records):
  {"cap": 50, "until": "2020-06-30", "edits": {"2012-7019": {"disposition_notes": "..."}},
   "every_429": 0, "every_500": 0, "every_malformed": 0, "every_slow": 0, "slow_seconds": 2,
   "every_truncate": 0, "retry_after": 0}

Every answered request is logged to --log as
"n<TAB>status<TAB>path?query<TAB>user-agent<TAB>fault" (fault: slow, truncate,
malformed, or - for a whole, timely answer).
The server binds 127.0.0.1 only, prints "listening on 127.0.0.1:PORT" when
ready, and exits by itself after --max-seconds or when its parent goes away.
"""

import argparse
import glob
import html
import json
import math
import os
import re
import socket
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PRESIDENTS = [  # (first day in office, slug as the API spells it)
    ("1993-01-20", "william-j-clinton"),
    ("2001-01-20", "george-w-bush"),
    ("2009-01-20", "barack-obama"),
    ("2017-01-20", "donald-trump"),
    ("2021-01-20", "joe-biden"),
    ("2025-01-20", "donald-trump"),
]
TYPES = {"Presidential Document": "PRESDOCU", "Rule": "RULE", "Proposed Rule": "PRORULE", "Notice": "NOTICE"}


def president_on(date):
    slug = None
    for start, who in PRESIDENTS:
        if date and date >= start:
            slug = who
    return slug


class Corpus:
    def __init__(self, root):
        self.records = []  # (record, files {"xml": path, "html": path, "text": path})
        folder = os.path.join(root, "fr-eo-1994-2020", "executive_orders")
        for path in sorted(glob.glob(os.path.join(folder, "EO_*.json"))):
            with open(path, encoding="utf-8") as f:
                rec = json.load(f)
            stem = path[: -len(".json")]
            files = {}
            for kind, ext in (("xml", ".xml"), ("html", ".html"), ("text", ".htm")):
                if os.path.exists(stem + ext):
                    files[kind] = stem + ext
            self.records.append((rec, files))
        self.by_number = {r["document_number"]: (r, f) for r, f in self.records}
        self.agencies = {a.get("slug") for r, _ in self.records for a in (r.get("agencies") or [])}
        self.fields = set()
        for r, _ in self.records:
            self.fields.update(r.keys())
        self.fields.update({"president", "agency_names", "excerpts"})
        self._texts = {}

    def text(self, number):
        """Lower-cased words of a record's full text (for term), cached."""
        if number not in self._texts:
            _, files = self.by_number[number]
            path = files.get("xml") or files.get("html") or files.get("text")
            words = ""
            if path:
                with open(path, "rb") as f:
                    raw = f.read().decode("utf-8", "replace")
                raw = html.unescape(re.sub(r"<[^>]+>", " ", raw.replace("\x00", " ")))
                words = " ".join(raw.lower().split())
            self._texts[number] = words
        return self._texts[number]


class State:
    def __init__(self, control):
        self.control_path = control
        self.mtime = None
        self.config = {}
        self.count = 0
        self.lock = threading.Lock()

    def next(self):
        """The request's number and the configuration in force."""
        with self.lock:
            if self.control_path:
                try:
                    st = os.stat(self.control_path)
                    m = (st.st_ino, st.st_mtime_ns, st.st_size)  # tests replace the file by renaming
                except OSError:
                    m = None
                if m != self.mtime:
                    self.mtime = m
                    self.count = 0
                    try:
                        with open(self.control_path, encoding="utf-8") as f:
                            self.config = json.load(f)
                    except (OSError, ValueError):
                        self.config = {}
            self.count += 1
            return self.count, dict(self.config)


def every(cfg, key, n):
    k = int(cfg.get(key) or 0)
    return k > 0 and n % k == 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "lode-replay/1"

    def setup(self):
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's
        # algorithm and delayed ACKs add 40 ms to every keep-alive request.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):  # quiet; requests go to --log
        pass

    def _log(self, n, status):
        if self.server.log:
            with self.server.log_lock:
                self.server.log.write("%d\t%d\t%s\t%s\t%s\n" % (n, status, self.path, self.headers.get("User-Agent", ""),
                                                             self.fault or "-"))
                self.server.log.flush()

    def _send(self, n, status, body, ctype="application/json; charset=utf-8", headers=None, truncate=False):
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if truncate:
                self.send_header("Connection", "close")
            self.end_headers()
            if truncate:
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True
            else:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        self._log(n, status)

    def _error(self, n, status, obj):
        self._send(n, status, json.dumps(obj))

    def do_GET(self):
        n, cfg = self.server.state.next()
        self.fault = None
        url = urllib.parse.urlsplit(self.path)
        search = url.path.endswith("/documents.json")
        if every(cfg, "every_slow", n):
            self.fault = "slow"
            time.sleep(float(cfg.get("slow_seconds", 2)))
        if every(cfg, "every_429", n):
            return self._send(n, 429, '{"status":429,"message":"Too Many Requests"}',
                              headers={"Retry-After": str(cfg.get("retry_after", 0))})
        if every(cfg, "every_500", n):
            return self._error(n, 503, {"status": 503, "message": "Service Unavailable"})
        truncate = every(cfg, "every_truncate", n)
        if truncate:
            self.fault = "truncate"
        if search:
            return self.search(n, cfg, url, truncate)
        m = re.fullmatch(r"/full_text/(xml|html|text)/([A-Za-z0-9_.-]+)\.(xml|html|txt)", url.path)
        if m and m.group(2) in self.server.corpus.by_number:
            _, files = self.server.corpus.by_number[m.group(2)]
            path = files.get(m.group(1))
            if path:
                with open(path, "rb") as f:
                    body = f.read()
                ctype = {"xml": "text/xml", "html": "text/html", "text": "text/plain"}[m.group(1)]
                return self._send(n, 200, body, ctype=ctype + "; charset=utf-8", truncate=truncate)
        return self._error(n, 404, {"status": 404, "message": "Record Not Found"})

    def search(self, n, cfg, url, truncate):
        corpus = self.server.corpus
        q = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        get = lambda k: q.get(k, [None])[0]
        errors = {}
        try:
            per_page = int(get("per_page") or 20)
            page = int(get("page") or 1)
        except ValueError:
            return self._error(n, 400, {"errors": {"per_page": ["is not a number"]}})
        if per_page < 1 or per_page > 1000:
            errors["per_page"] = ["must be between 1 and 1000"]
        fields = q.get("fields[]") or ["document_number", "title", "type", "publication_date"]
        unknown = [f for f in fields if f not in corpus.fields]
        if unknown:
            return self._error(n, 400, {"status": 400, "message": "Unknown field(s): " + ", ".join(unknown)})
        agencies = q.get("conditions[agencies][]") or []
        bad = [a for a in agencies if a not in corpus.agencies]
        if bad:
            errors.setdefault("conditions", {})["agencies"] = ["'%s' is not a valid agency slug" % a for a in bad]
        if errors:
            return self._error(n, 400, {"errors": errors})

        types = q.get("conditions[type][]") or []
        ptypes = q.get("conditions[presidential_document_type][]") or []
        presidents = q.get("conditions[president][]") or []
        gte, lte = get("conditions[publication_date][gte]"), get("conditions[publication_date][lte]")
        is_, year = get("conditions[publication_date][is]"), get("conditions[publication_date][year]")
        term = (get("conditions[term]") or "").replace('"', " ").lower()
        term = " ".join(term.split())
        until = cfg.get("until")
        edits = cfg.get("edits") or {}

        matches = []
        for rec, files in corpus.records:
            pub = rec.get("publication_date") or ""
            if until and pub > until:
                continue
            if gte and pub < gte or lte and pub > lte or is_ and pub != is_ or year and pub[:4] != year:
                continue
            if types and TYPES.get(rec.get("type")) not in types:
                continue
            if ptypes and (rec.get("subtype") or "").lower().replace(" ", "_") not in ptypes:
                continue
            if presidents and president_on(rec.get("signing_date") or pub) not in presidents:
                continue
            if agencies and not {a.get("slug") for a in rec.get("agencies") or []} & set(agencies):
                continue
            if term and term not in (rec.get("title") or "").lower() and term not in corpus.text(rec["document_number"]):
                continue
            matches.append((rec, files))
        order = get("order") or "relevance"
        if order == "oldest":
            matches.sort(key=lambda m: (m[0].get("publication_date") or "", m[0]["document_number"]))
        else:
            matches.sort(key=lambda m: (m[0].get("publication_date") or "", m[0]["document_number"]), reverse=True)
        cap = int(cfg.get("cap") or 10000)
        matches = matches[:cap]  # silently, as the API does
        count = len(matches)
        out = {"count": count, "description": "Documents replayed from the shared corpus"}
        if count:
            total = math.ceil(count / per_page)
            out["total_pages"] = total
            base = "%s://%s" % (self.server.scheme, self.headers.get("Host", "127.0.0.1"))
            if page < total:
                qs = [(k, v) for k, v in urllib.parse.parse_qsl(url.query, keep_blank_values=True) if k != "page"]
                qs.append(("page", str(page + 1)))
                out["next_page_url"] = base + url.path + "?" + urllib.parse.urlencode(qs)
            out["results"] = [self.record(rec, files, fields, base, edits)
                              for rec, files in matches[(page - 1) * per_page: page * per_page]]
        body = json.dumps(out)
        if every(cfg, "every_malformed", n):
            self.fault = "malformed"
            body = body[: len(body) // 2]
        self._send(n, 200, body, truncate=truncate)

    def record(self, rec, files, fields, base, edits):
        number = rec["document_number"]
        r = dict(rec)
        links = {"full_text_xml_url": ("xml", "xml"), "body_html_url": ("html", "html"), "raw_text_url": ("text", "txt")}
        for field, (kind, ext) in links.items():
            r[field] = "%s/full_text/%s/%s.%s" % (base, kind, number, ext) if kind in files else None
        r["president"] = {"identifier": president_on(rec.get("signing_date") or rec.get("publication_date"))}
        r.update(edits.get(number, {}))
        return {f: r.get(f) for f in fields}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--control")
    ap.add_argument("--log")
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    ap.add_argument("--max-seconds", type=float, default=300)
    args = ap.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.corpus = Corpus(args.corpus)
    server.state = State(args.control)
    server.log = open(args.log, "a", encoding="utf-8") if args.log else None
    server.log_lock = threading.Lock()
    server.scheme = "http"
    if args.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
        server.scheme = "https"

    parent = os.getppid()

    def watchdog():
        deadline = time.monotonic() + args.max_seconds
        while time.monotonic() < deadline and os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watchdog, daemon=True).start()
    print("listening on 127.0.0.1:%d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
