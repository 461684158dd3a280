#!/usr/bin/env python3
"""lode fetch figures: records per second through the replay server, and the
cost of a second run that finds nothing new, next to a floor measured in the
same run.

The replay server (tests/fetch/replay_server.py) serves the 996 real API
records of ../shared/corpus/fr-eo-1994-2020 and their full texts on a free
127.0.0.1 port. The floor is the least any client spends on the same work: one
keep-alive connection (Python's http.client) asking for the same search pages
(per_page 1000, the same fields) and the same full texts, writing each file
once with no temporary name, state or hash. Then
`lode fetch federal-register` (pacing off: --rate 100000) fetches into a new
folder, and runs again (nothing new). Prints figures only; asserts nothing.

  bench/fetch_bench.py [--corpus ../shared/corpus] [--lode build/query/lode] [--repeat 3]
"""

import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
FIELDS = ["abstract", "action", "agencies", "body_html_url", "cfr_references", "citation", "comment_url",
          "comments_close_on", "correction_of", "corrections", "dates", "disposition_notes", "docket_ids",
          "document_number", "effective_on", "end_page", "executive_order_notes", "executive_order_number",
          "full_text_xml_url", "html_url", "images", "json_url", "mods_url", "page_length", "page_views", "pdf_url",
          "presidential_document_number", "proclamation_number", "public_inspection_pdf_url", "publication_date",
          "raw_text_url", "regulation_id_number_info", "regulation_id_numbers", "regulations_dot_gov_info",
          "regulations_dot_gov_url", "significant", "signing_date", "start_page", "subtype", "title", "toc_doc",
          "toc_subject", "topics", "type", "volume"]


def floor(port, out):
    """Same pages and full texts over one keep-alive connection, each record and
    full text written to `out` with one plain write (no temporary name, no
    state, no hash)."""
    os.makedirs(out)
    conn = http.client.HTTPConnection("127.0.0.1", port)

    def get(path):
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        if r.status != 200:
            raise RuntimeError("%s: HTTP %d" % (path, r.status))
        return body

    q = [("conditions[presidential_document_type][]", "executive_order"), ("conditions[type][]", "PRESDOCU"),
         ("conditions[publication_date][gte]", "1994-01-01"), ("conditions[publication_date][lte]", "2030-12-31")]
    q += [("fields[]", f) for f in FIELDS] + [("order", "oldest"), ("per_page", "1000")]
    path = "/api/v1/documents.json?" + urllib.parse.urlencode(q)
    records, nbytes = 0, 0
    while path:
        page = json.loads(get(path))
        for rec in page.get("results", []):
            records += 1
            number = rec["document_number"]
            with open(os.path.join(out, number + ".json"), "w", encoding="utf-8") as f:
                json.dump(rec, f)
            url = rec.get("full_text_xml_url") or rec.get("body_html_url") or rec.get("raw_text_url")
            if url:
                body = get(urllib.parse.urlsplit(url).path)
                nbytes += len(body)
                with open(os.path.join(out, number + os.path.splitext(url)[1]), "wb") as f:
                    f.write(body)
        nxt = page.get("next_page_url")
        path = None
        if nxt:
            u = urllib.parse.urlsplit(nxt)
            path = u.path + "?" + u.query
    conn.close()
    return records, nbytes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus"))
    ap.add_argument("--lode", default=os.path.join(REPO, "build", "query", "lode"))
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is shown")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="lode-fetch-bench-")
    control = os.path.join(work, "control.json")
    with open(control, "w") as f:
        f.write("{}")
    server = subprocess.Popen([sys.executable, os.path.join(REPO, "tests", "fetch", "replay_server.py"),
                               "--corpus", args.corpus, "--control", control, "--max-seconds", "900"],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        port = int(line.rsplit(":", 1)[1])
        api = "http://127.0.0.1:%d/api/v1" % port
        median = lambda xs: sorted(xs)[len(xs) // 2]

        # Floor and lode alternate, so that the machine's noise falls on both.
        floors, firsts, noops, summary = [], [], [], None
        for i in range(args.repeat):
            out = os.path.join(work, "floor-%d" % i)
            t = time.monotonic()
            records, nbytes = floor(port, out)
            floors.append(time.monotonic() - t)
            shutil.rmtree(out)

            out = os.path.join(work, "fr-%d" % i)
            cmd = [args.lode, "fetch", "federal-register", "-o", out, "--api", api, "--type", "executive_order",
                   "--rate", "100000", "--json"]
            t = time.monotonic()
            first = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
            firsts.append(time.monotonic() - t)
            t = time.monotonic()
            again = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
            noops.append(time.monotonic() - t)
            xml = sum(1 for name in os.listdir(out) if name.endswith(".xml"))
            summary = (first, again, xml)
            shutil.rmtree(out)

        first, again, xml = summary
        f, l, n = median(floors), median(firsts), median(noops)
        print("replay server on 127.0.0.1:%d: %d records, %.1f MB of full text" % (port, records, nbytes / 1e6))
        print("%-44s %8s %12s %10s" % ("run (median of %d)" % args.repeat, "seconds", "records/s", "vs floor"))
        print("%-44s %8.2f %12.0f %10s" % ("floor: same requests and files, plain writes", f, records / f, "1.00x"))
        print("%-44s %8.2f %12.0f %9.2fx" % ("lode fetch, new folder (%d requests)" % first["requests"], l,
                                              first["records"] / l, l / f))
        print("%-44s %8.2f %12s %10s" % ("lode fetch again, nothing new (%d requests)" % again["requests"], n, "", ""))
        other = first["requests"] - xml
        print("at the API's published limits (5 requests/s, XML 1/s) the first run would take at least %.0f s"
              " (%d XML downloads, %d other requests)" % (xml / 1.0 + other / 5.0, xml, other))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
