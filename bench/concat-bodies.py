#!/usr/bin/env python3
"""The Markdown bodies of a corpus in one file, to time a Markdown renderer alone (`make bench`).

    bench/concat-bodies.py CORPUS_DIR OUT_FILE

Every .md file under CORPUS_DIR, in sorted path order, without its front matter (the block between the first two
'---' lines), one after the other.
"""
import os
import sys

if len(sys.argv) != 3:
    sys.exit("usage: concat-bodies.py CORPUS_DIR OUT_FILE")
paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1]) for f in fs if f.endswith(".md"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for p in paths:
        with open(p, encoding="utf-8") as f:
            text = f.read()
        if text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            if end >= 0:
                text = text[end + 5:]
        out.write(text if text.endswith("\n") else text + "\n")
        out.write("\n")
