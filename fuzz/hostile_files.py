#!/usr/bin/env python3
"""Writes hostile files of each class issue 11 names into DIR (generated,
never stored): deep nesting, entity expansion (billion laughs, quadratic
blow-up, attribute defaults, an external entity), BibTeX macro growth,
long lines and fields. Ingest them beside good files and every hostile
file must be reported with its limit, no good document lost:

  python3 fuzz/hostile_files.py /tmp/hostile
  build/query/lode ingest tests/fixtures/mini/fr tests/fixtures/papers-formats /tmp/hostile \\
      --index /tmp/hostile-index --json
Prints the number of files per class.
"""
import os
import sys
from collections import Counter

out = sys.argv[1] if len(sys.argv) > 1 else "hostile"
os.makedirs(out, exist_ok=True)
classes = Counter()


def write(cls, name, text):
    classes[cls] += 1
    with open(os.path.join(out, name), "w") as f:
        f.write(text)


# (opening, closing, nested element, root name) of FR XML, JATS and USLM.
roots = {
    "fr": ("<PRESDOCU><EXECORD>", "</EXECORD></PRESDOCU>", "P", "PRESDOCU"),
    "jats": ("<article><body>", "</body></article>", "sec", "article"),
    "uslm": ('<bill xmlns="http://schemas.gpo.gov/xml/uslm"><main>', "</main></bill>", "section", "bill"),
}
laughs = '<!ENTITY l0 "lol">' + "".join(
    '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
big = '<!ENTITY big "%s">' % ("x" * 10000)
for k, (o, c, e, root) in roots.items():
    for depth in (257, 1000, 10000, 100000, 1000000):
        write("nesting", "deep-%s-%d.xml" % (k, depth), o + ("<%s>" % e) * depth + "x" + ("</%s>" % e) * depth + c)
    write("nesting", "deep-open-%s.xml" % k, o + ("<%s>" % e) * 200000)
    dtd = '<?xml version="1.0"?><!DOCTYPE %s [%s%s]>' % (root, laughs, big)
    write("entities", "laughs-attr-%s.xml" % k, dtd + o.replace(">", ' a="&l9;">', 1) + c)
    write("entities", "laughs-text-%s.xml" % k, dtd + o + "&l9;" + c)
    write("entities", "quad-attr-%s.xml" % k, dtd + o.replace(">", ' a="%s">' % ("&big;" * 200000), 1) + c)
    write("entities", "quad-text-%s.xml" % k, dtd + o + "&big;" * 200000 + c)
    write("entities", "attlist-%s.xml" % k,
          '<?xml version="1.0"?><!DOCTYPE %s [%s<!ATTLIST %s z CDATA "&l9;">]>' % (root, laughs, root) + o + c)
# Attributes the JATS reader reads, each a quadratic blow-up.
write("entities", "quad-jats-read-attr.xml",
      '<?xml version="1.0"?><!DOCTYPE article [%s]><article><front><article-meta>'
      '<article-id pub-id-type="%s">10.1/x</article-id><contrib-group><contrib contrib-type="author">'
      '<name><surname>K</surname></name><xref ref-type="aff" rid="%s"/></contrib></contrib-group>'
      '</article-meta></front></article>' % (big, "&big;" * 200000, "&big;" * 200000))
write("entities", "xxe-jats.xml", '<?xml version="1.0"?><!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
      "<article><body><p>&x;</p></body></article>")
for steps in (20, 30, 40, 60):
    write("macros", "doubling-%d.bib" % steps, '@string{s0 = "0123456789"}\n' + "".join(
        "@string{s%d = s%d # s%d}\n" % (i, i - 1, i - 1) for i in range(1, steps + 1)) +
        "@article{k1, title = s%d}\n" % steps)
write("macros", "self-doubling.bib", '@string{a = "0123456789"}\n' + "@string{a = a # a}\n" * 60 +
      "@article{k, title = a}\n")
write("macros", "wide.bib", '@string{a = "%s"}\n' % ("y" * 1000) + "@article{k, title = " + " # ".join(["a"] * 200000) + "}\n")
write("macros", "unbalanced.bib", "@article{k, title = " + "{" * 1000000 + "\n")
write("lines", "long-line.ris", "TY  - JOUR\nTI  - " + "a" * (5 << 20) + "\nER  - \n")
write("lines", "long-line-wos.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI " + "a" * (5 << 20) + "\nER\nEF\n")
write("lines", "long-field-endnote.txt", "%0 Journal Article\n%T x\n" + ("y" * (1 << 20) + "\n") * 17)
for cls, n in sorted(classes.items()):
    print("%s\t%d" % (cls, n))
