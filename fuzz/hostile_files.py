#!/usr/bin/env python3
"""Writes hostile files of each class issue 11 names into DIR (generated,
never stored): deep nesting, entity expansion (billion laughs, quadratic
blow-up, attribute defaults, an external entity), BibTeX macro growth,
long lines and fields, PDFs poppler has to survive (truncated or absent
xref, nesting a million deep, object streams claiming billions of objects,
a compression bomb, a million unclosed graphics states). Ingest them beside good files and every hostile
file must be reported with its limit, no good document lost:

  python3 fuzz/hostile_files.py /tmp/hostile
  build/query/lode ingest tests/fixtures/mini/fr tests/fixtures/papers-formats /tmp/hostile \\
      --index /tmp/hostile-index --json
Prints the number of files per class.
"""
import os
import sys
import zlib
from collections import Counter

out = sys.argv[1] if len(sys.argv) > 1 else "hostile"
os.makedirs(out, exist_ok=True)
classes = Counter()


def write(cls, name, text):
    classes[cls] += 1
    with open(os.path.join(out, name), "wb" if isinstance(text, bytes) else "w") as f:
        f.write(text)


def pdf(objects, xref=True):
    """A PDF whose object i+1 is objects[i] (bytes), with its xref table."""
    body, offsets = b"%PDF-1.5\n", []
    for i, o in enumerate(objects):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    if not xref:
        return body + b"%%EOF\n"
    start = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    return body + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page_pdf(content, page_extra=b"", more=()):
    """One page showing `content` (a content stream) in Helvetica."""
    return [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> " + page_extra + b">>",
            content, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"] + list(more)


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

text = b"BT /F1 12 Tf 72 720 Td (A page of ordinary text about lithium supply.) Tj ET"
good = pdf(page_pdf(stream(text)))
write("pdf", "truncated-xref.pdf", good[:good.rindex(b"xref") + 40])
write("pdf", "no-xref.pdf", pdf(page_pdf(stream(text)), xref=False))
write("pdf", "truncated-half.pdf", good[:len(good) // 2])
for depth in (1000, 100000, 1000000):
    write("pdf", "deep-array-%d.pdf" % depth, pdf(page_pdf(stream(text), b"/Deep " + b"[" * depth + b"]" * depth + b" ")))
    write("pdf", "deep-dict-%d.pdf" % depth, pdf(page_pdf(stream(text), b"/Deep " + b"<< /A " * depth + b">> " * depth)))
    write("pdf", "deep-content-%d.pdf" % depth, pdf(page_pdf(stream(b"[" * depth + b" " + text))))
write("pdf", "unclosed-q.pdf", pdf(page_pdf(stream(b"q " * 1000000 + text))))


def objstm_pdf(n, first):
    """The page tree (object 2) inside an object stream (object 6) that
    claims n objects, the first at offset `first`; an xref stream (object 7)
    points into it."""
    objs = page_pdf(stream(text))
    objs[1] = None
    inner = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    head = b"2 0 "
    objs.append(stream(head + inner, b"/Type /ObjStm /N %d /First %d " % (n, first if first >= 0 else len(head))))
    body, offsets = b"%PDF-1.5\n", {}
    for i, o in enumerate(objs):
        if o is None:
            continue
        offsets[i + 1] = len(body)
        body += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    offsets[7] = len(body)
    rows = b"\x00\x00\x00\x00\x00\xff\xff"
    for num in range(1, 8):
        rows += (b"\x02" + (6).to_bytes(4, "big") + (0).to_bytes(2, "big")) if num == 2 else \
            (b"\x01" + offsets[num].to_bytes(4, "big") + (0).to_bytes(2, "big"))
    body += b"7 0 obj\n" + stream(rows, b"/Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R ") + b"\nendobj\n"
    return body + b"startxref\n%d\n%%%%EOF\n" % offsets[7]


write("pdf", "objstm-ok.pdf", objstm_pdf(1, -1))  # the control: read
write("pdf", "objstm-huge-n.pdf", objstm_pdf(2147483647, -1))
write("pdf", "objstm-first-past-end.pdf", objstm_pdf(1, 999999999))
write("pdf", "objstm-negative.pdf", objstm_pdf(-5, -1))
objs = page_pdf(stream(text))
objs[3] = stream(zlib.compress(b"0" * (400 << 20), 9), b"/Filter /FlateDecode ")
write("pdf", "flate-bomb.pdf", pdf(objs))
objs = page_pdf(stream(text))
objs[1] = b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2147483647 >>"
write("pdf", "page-tree-loop.pdf", pdf(objs))

for cls, n in sorted(classes.items()):
    print("%s\t%d" % (cls, n))
