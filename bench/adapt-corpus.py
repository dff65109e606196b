#!/usr/bin/env python3
"""Turn a make-corpus.py tree into a ctsguide site the current build accepts, for the incremental benchmark.

    adapt-corpus.py CORPUS_DIR SITE_DIR [--data FIXTURE_CONTENT_DATA]

Until the build reads such corpora as they are (the scale work: no site.yaml or guide data, `summary`/`tags`,
folder links), this writes SITE_DIR/Content with a minimal site.yaml, the fixture site's data folder, front
matter without `summary`/`tags` (`summary` becomes `description`), and links to folders rewritten to the Markdown
file they mean. The page bodies are otherwise unchanged, so the work per page is the same.
"""
import os
import re
import shutil
import sys

src, dst = sys.argv[1], sys.argv[2]
data = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--data" else None
content = os.path.join(dst, "Content")
if os.path.exists(content):
    shutil.rmtree(content)
link = re.compile(r"\]\(\.\./\.\./(section-\d+)/(page-\d+)/\)")
for root, _, files in os.walk(os.path.join(src, "content")):
    rel = os.path.relpath(root, os.path.join(src, "content"))
    os.makedirs(os.path.join(content, rel), exist_ok=True)
    for f in files:
        with open(os.path.join(root, f), encoding="utf-8") as fh:
            text = fh.read()
        head, sep, body = text.partition("\n---\n")
        head = "\n".join(
            ("description:" + l[len("summary:"):]) if l.startswith("summary:") else l
            for l in head.split("\n") if not l.startswith("tags:"))
        body = link.sub(r"](../\1/\2.md)", body)
        with open(os.path.join(content, rel, f), "w", encoding="utf-8") as fh:
            fh.write(head + sep + body)
with open(os.path.join(content, "site.yaml"), "w", encoding="utf-8") as fh:
    fh.write("title: Benchmark corpus\nas_of: 2025-06-02\ndescription: A synthetic coding reference.\n")
if data:
    shutil.copytree(data, os.path.join(content, "data"))
