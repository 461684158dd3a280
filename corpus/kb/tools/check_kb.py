#!/usr/bin/env python3
"""Checks knowledge-base files (stdlib only).

    python3 corpus/kb/tools/check_kb.py                 # the project's corpus/kb/*.json
    python3 corpus/kb/tools/check_kb.py my.json ...     # the project's files plus yours

Checks: every file parses, has "type", "source" and an "entities" array;
every id is type:slug (lowercase letters, digits, hyphens) of the file's
type and unique across files (a user file may repeat an id on purpose to
extend an entity: reported as a note); string-list fields hold strings;
is_a targets, parents, agencies and countries exist; no form belongs to two
entities, no acronym is another entity's form, and no not_in phrase equals a form; list memberships count
35 for usgs-2018 and 50 for usgs-2022; no file contains '@' or ')LODEKB'
(the build embeds the files in a C++ raw string through CMake's
file(CONFIGURE ... @ONLY)). Exit status 1 on any error.
"""
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

KB = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ID_RE = re.compile(r"^[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*$")
STRING_LISTS = ["aliases", "aliases_cs", "acronyms", "zh", "zh_functions", "heads", "adjectives", "is_a", "not_in"]
EXPECTED = {"usgs-2018": (35, "83 FR 23295"), "usgs-2022": (50, "87 FR 10381")}


def main(argv):
    own = sorted(glob.glob(os.path.join(KB, "*.json")))
    files = own + [f for f in argv if os.path.abspath(f) not in map(os.path.abspath, own)]
    errors, notes = [], []
    entities = {}
    extensions = []
    per_file = Counter()
    for path in files:
        name = os.path.relpath(path)
        text = open(path, encoding="utf-8").read()
        if "@" in text or ")LODEKB" in text:
            errors.append("%s: contains '@' or ')LODEKB' (breaks the CMake embedding)" % name)
        try:
            doc = json.loads(text)
        except ValueError as e:
            errors.append("%s: invalid JSON: %s" % (name, e))
            continue
        if not isinstance(doc, dict) or not isinstance(doc.get("entities"), list):
            errors.append("%s: expected an object with an \"entities\" array" % name)
            continue
        ftype = doc.get("type", "")
        if not doc.get("source"):
            errors.append("%s: no \"source\"" % name)
        for i, e in enumerate(doc["entities"]):
            eid = e.get("id", "") if isinstance(e, dict) else ""
            where = "%s: entity %d (%s)" % (name, i + 1, eid or "no id")
            if not ID_RE.match(eid):
                errors.append("%s: id is not type:slug" % where)
                continue
            if ftype and eid.split(":")[0] != ftype:
                errors.append("%s: id is not of the file's type %s" % (where, ftype))
            for k in STRING_LISTS:
                v = e.get(k, [])
                if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() == s and s for s in v):
                    errors.append("%s: %s must be a list of non-empty trimmed strings" % (where, k))
            if not isinstance(e.get("name", ""), str):
                errors.append("%s: name must be a string" % where)
            for k in ("group", "ambiguous"):
                if k in e and not isinstance(e[k], bool):
                    errors.append("%s: %s must be true or false" % (where, k))
            for m in e.get("lists", []):
                if not (isinstance(m.get("list"), str) and isinstance(m.get("year"), int)
                        and isinstance(m.get("citation", ""), str)):
                    errors.append("%s: list membership needs list (string), year (integer), citation (string)"
                                  % where)
            if eid in entities:
                if path in own and entities[eid][0] in own:
                    errors.append("%s: duplicate id (also in %s)" % (where, os.path.relpath(entities[eid][0])))
                else:
                    notes.append("%s extends %s from %s" % (name, eid, os.path.relpath(entities[eid][0])))
                    extensions.append((eid, e))
                continue
            entities[eid] = (path, e)
            per_file[name] += 1

    for eid, e in [(i, e) for i, (_, e) in entities.items()] + extensions:
        for t in e.get("is_a", []):
            if t not in entities:
                errors.append("%s: is_a target %s does not exist" % (eid, t))
        for k in ("parent", "agency", "country"):
            if e.get(k) and e[k] not in entities:
                errors.append("%s: %s %s does not exist" % (eid, k, e[k]))
        names = [e.get("name", "")] + e.get("aliases", []) + e.get("aliases_cs", [])
        dupes = [n for n, c in Counter(names).items() if c > 1]
        if dupes:
            notes.append("%s: repeated forms %s" % (eid, dupes))

    # Forms shared by two entities (compared without case: a case-insensitive
    # form also matches the other's case-sensitive one): the matcher would
    # pick one arbitrarily.
    owner = defaultdict(set)
    for eid, (_, e) in entities.items():
        forms = e.get("aliases", []) + e.get("aliases_cs", []) + e.get("zh", []) + e.get("heads", [])
        forms += e.get("adjectives", [])
        if not e.get("ambiguous"):
            forms.append(e.get("name", ""))
        for f in forms:
            owner[f.lower()].add(eid)
    for f, ids in sorted(owner.items()):
        if len(ids) > 1:
            errors.append("form %r belongs to several entities: %s" % (f, ", ".join(sorted(ids))))
    # An acronym is matched only beside a full name of its entity, so two
    # entities may share one; it must not be another entity's plain form.
    for eid, (_, e) in entities.items():
        for a in e.get("acronyms", []):
            others = owner.get(a.lower(), set()) - {eid}
            if others:
                errors.append("%s: acronym %r is a form of %s" % (eid, a, ", ".join(sorted(others))))
    # A not_in phrase is a blocking pattern: it must not equal a name.
    for eid, (_, e) in entities.items():
        for f in e.get("not_in", []):
            if f.lower() in owner:
                errors.append("%s: not_in %r would block %s" % (eid, f, ", ".join(sorted(owner[f.lower()]))))

    members = defaultdict(list)
    for eid, (_, e) in entities.items():
        for m in e.get("lists", []):
            members[m.get("list")].append((eid, m.get("citation")))
    print("entities per file:")
    for name, n in sorted(per_file.items()):
        print("  %-28s %4d" % (name, n))
    print("list memberships:")
    for lst in sorted(members):
        ms = members[lst]
        cites = sorted({c for _, c in ms})
        line = "  %-10s %3d entries, citation %s" % (lst, len(ms), " / ".join(c or '(none)' for c in cites))
        if lst in EXPECTED:
            want, cite = EXPECTED[lst]
            ok = len(ms) == want and cites == [cite]
            line += "  expected %d, %s -> %s" % (want, cite, "OK" if ok else "WRONG")
            if not ok:
                errors.append("%s: %d entries (expected %d) citations %s" % (lst, len(ms), want, cites))
        else:
            line += "  (partial: %s)" % ", ".join(sorted(eid for eid, _ in ms))
        print(line)
    for n in notes:
        print("note: " + n)
    for err in errors:
        print("ERROR: " + err)
    print("%d entities, %d errors" % (len(entities), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
