#!/usr/bin/python3
"""Reads an export the web UI downloaded with the readers researchers use, and prints what they
saw as JSON: GraphML with networkx and python-igraph, GEXF with networkx (igraph has no GEXF
reader), Pajek with both; BibTeX and RIS with bibutils (bib2xml, ris2xml: MODS records).

  read_export.py graphml|gexf|pajek|bibtex|ris FILE

Debian's python3-networkx, python3-igraph and bibutils (scripts/install-deps.sh)."""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET


def graph_summary(g_nx, g_ig=None):
    out = {
        "networkx": {
            "nodes": g_nx.number_of_nodes(),
            "edges": g_nx.number_of_edges(),
            "ids": sorted(str(n) for n in g_nx.nodes),
            "names": {str(n): d.get("name", d.get("label", "")) for n, d in g_nx.nodes(data=True)},
        }
    }
    if g_ig is not None:
        names = g_ig.vs["id"] if "id" in g_ig.vs.attributes() else g_ig.vs["name"]
        out["igraph"] = {"nodes": g_ig.vcount(), "edges": g_ig.ecount(), "ids": sorted(str(n) for n in names)}
    return out


def mods_records(cmd, path):
    r = subprocess.run([cmd, path], capture_output=True, text=True, check=True)
    root = ET.fromstring(r.stdout)
    ns = {"m": "http://www.loc.gov/mods/v3"}
    records = root.findall("m:mods", ns) or root.findall("mods")
    titles = []
    for rec in records:
        t = rec.find("m:titleInfo/m:title", ns)
        if t is None:
            t = rec.find("titleInfo/title")
        titles.append((t.text or "") if t is not None else "")
    return {"records": len(records), "titles": titles}


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    if fmt in ("graphml", "gexf", "pajek"):
        import networkx as nx
        import igraph

        if fmt == "graphml":
            print(json.dumps(graph_summary(nx.read_graphml(path), igraph.Graph.Read_GraphML(path))))
        elif fmt == "gexf":
            print(json.dumps(graph_summary(nx.read_gexf(path))))
        else:
            print(json.dumps(graph_summary(nx.read_pajek(path), igraph.Graph.Read_Pajek(path))))
    elif fmt == "bibtex":
        print(json.dumps(mods_records("bib2xml", path)))
    elif fmt == "ris":
        print(json.dumps(mods_records("ris2xml", path)))
    else:
        sys.exit(f"read_export.py: unknown format {fmt}")


if __name__ == "__main__":
    main()
