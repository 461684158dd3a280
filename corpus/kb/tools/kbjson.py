"""Shared JSON layout for the knowledge-base files (stdlib only).

One entity per block, one field per line, arrays of strings on one line, so
that diffs stay small and a person can edit the files by hand. Field order is
fixed (FIELD_ORDER, then any other field in alphabetical order).
"""
import json

FIELD_ORDER = [
    "id", "name", "group", "ambiguous", "aliases", "aliases_cs", "acronyms", "adjectives", "zh", "zh_functions", "heads",
    "is_a", "lists", "parent", "country", "alpha2", "alpha3", "numeric", "official_name",
    "symbol", "fr_slug", "office", "agency", "term", "not_in", "source", "note",
]


def _value(v):
    return json.dumps(v, ensure_ascii=False)


def dumps(doc):
    """The canonical text of a knowledge-base file: {"type", "source", "entities"}."""
    out = ["{"]
    out.append('  "type": %s,' % _value(doc["type"]))
    out.append('  "source": %s,' % _value(doc["source"]))
    out.append('  "entities": [')
    ents = doc["entities"]
    for i, e in enumerate(ents):
        keys = [k for k in FIELD_ORDER if k in e] + sorted(k for k in e if k not in FIELD_ORDER)
        out.append("    {")
        for j, k in enumerate(keys):
            v = e[k]
            if k == "lists" and v:
                inner = ",\n".join("        " + _value(m) for m in v)
                text = '      "lists": [\n%s\n      ]' % inner
            else:
                text = "      %s: %s" % (_value(k), _value(v))
            out.append(text + ("," if j + 1 < len(keys) else ""))
        out.append("    }" + ("," if i + 1 < len(ents) else ""))
    out.append("  ]")
    out.append("}")
    return "\n".join(out) + "\n"
