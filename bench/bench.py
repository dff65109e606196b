#!/usr/bin/env python3
"""`make bench`: ctsguide against Hugo and two floors on the project's own synthetic corpora (bench/make-corpus.py) (see BENCHMARKS.md).

    bench/bench.py [--sizes 1000,5000,20000] [--runs 5] [--big-runs 3] [--tools bench]
                   [--dir /tmp/ctsguide-bench] [--bin .build-release/release/ctsguide]

For each size: make-corpus.py writes the corpus (20 sections), one warm-up build of each tool is not counted,
then ctsguide and Hugo build alternately (each into a new, empty folder; every output is removed at the end of
the whole run, never before a build; the file system is synced before each timed command) --runs times
(--big-runs from 20,000 pages on). Prints medians of wall time and peak memory (/usr/bin/time), pages/s, the ratio to Hugo, the
cmark-only floor (all bodies through the cmark CLI) and the copy floor (cp -r of Hugo's output); then the guide's
own build (Content/) beside Hugo's 1,000-page build, and a 5,000-page single-folder site beside a 1,000-page one.
Checks once per size that check-site.py passes (links, same pages as Hugo) and, at the largest size, the
per-page budget: no page but a folder's index (which lists its folder) is over 64 KB or loads any search data when it opens, the titles file is under
150 bytes a page, and no text shard is over 256 KB. Exit 1 when a check fails. Python 3 standard library.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd, cwd=None):
    """(wall seconds, peak KB) of one command, via GNU time. The previous command's writes are flushed first,
    so no command pays for another's."""
    os.sync()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        r = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name] + cmd, cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.exit("bench: failed (%d): %s\n%s" % (r.returncode, " ".join(cmd), r.stderr[-2000:]))
        wall, kb = t.read().split()[-2:]
        return float(wall), int(kb)


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    return path


class Outputs:
    """New, empty output folders (`base-1`, `base-2`, ...), removed together by `clear()` at the end of the run:
    no output is deleted before a timed build. (On a file system without a journal, ext4 skips inodes freed in the
    last few seconds — minutes while their inode-table block is unwritten — when it allocates new ones, so a
    build that starts soon after `rm -rf` of an earlier output spends seconds in the kernel searching for free
    inodes, whichever tool it is.)"""

    def __init__(self, base):
        self.base, self.made = base, []

    def next(self):
        path = fresh("%s-%d" % (self.base, len(self.made) + 1))
        self.made.append(path)
        return path

    def clear(self):
        for p in self.made:
            shutil.rmtree(p, ignore_errors=True)
        self.made = []


class Bench:
    def __init__(self, a):
        self.a = a
        self.ok = True
        self.rows = []
        self.outputs = {}

    def outs(self, kind):
        """The output folders of one kind, numbered on across sizes and removed at the end of the run."""
        if kind not in self.outputs:
            self.outputs[kind] = Outputs(os.path.join(self.a.dir, "out-" + kind))
        return self.outputs[kind]

    def clear(self):
        for o in self.outputs.values():
            o.clear()

    def ctsguide(self, content, out, templates=None):
        cmd = [self.a.bin, "build", "--no-cache", "--content", content, "--output", fresh(out)]  # full builds
        if templates:
            cmd += ["--templates", templates]
        return timed(cmd)

    def hugo(self, corpus, out):
        return timed([os.path.join(self.a.tools, "run-hugo.sh"), corpus, fresh(out)])

    def corpus(self, pages, sections=20):
        d = os.path.join(self.a.dir, "corpus-%d-%d" % (pages, sections))
        if not os.path.isdir(os.path.join(d, "content")):
            subprocess.run([sys.executable, os.path.join(self.a.tools, "make-corpus.py"), "--pages", str(pages),
                            "--sections", str(sections), "--out", d], check=True, stdout=subprocess.DEVNULL)
        return d

    def check(self, ok, what):
        print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
        self.ok = self.ok and ok

    def size(self, pages):
        c = self.corpus(pages)
        outs, houts, couts = self.outs("ctsguide"), self.outs("hugo"), self.outs("copy")
        ours, theirs = outs.next(), houts.next()
        runs = self.a.big_runs if pages >= 20000 else self.a.runs
        self.ctsguide(c + "/content", ours)  # warm-up, not counted
        self.hugo(c, theirs)
        r = subprocess.run([sys.executable, os.path.join(self.a.tools, "check-site.py"), ours, theirs],
                           capture_output=True, text=True)
        self.check(r.returncode == 0, "%d pages: check-site.py ctsguide-output hugo-output" % pages)
        if pages == max(self.a.sizes):
            self.budget(ours)
        g, h = [], []
        for _ in range(runs):
            g.append(self.ctsguide(c + "/content", outs.next()))
            h.append(self.hugo(c, houts.next()))
        bodies = os.path.join(self.a.dir, "bodies-%d.md" % pages)
        subprocess.run([sys.executable, os.path.join(self.a.tools, "concat-bodies.py"), c, bodies], check=True)
        cm = [timed(["sh", "-c", "cmark '%s' > /dev/null" % bodies]) for _ in range(runs)]
        cp = []
        for _ in range(runs):
            cp.append(timed(["cp", "-r", theirs, couts.next()]))
        n = sum(1 for _, _, fs in os.walk(ours) for f in fs if f.endswith(".html"))
        med = lambda xs, k: statistics.median(x[k] for x in xs)
        gw, hw = med(g, 0), med(h, 0)
        self.rows.append((pages, n, runs, gw, med(g, 1) / 1024, n / gw, hw, med(h, 1) / 1024, gw / hw,
                          med(cm, 0), med(cp, 0)))
        r = self.rows[-1]
        print("  %d pages: ctsguide %.2f s %.0f MiB, Hugo %.2f s %.0f MiB, ratio %.2f" % (r[0], r[3], r[4], r[6], r[7], r[8]),
              flush=True)
        print("    runs (s, alternating): ctsguide %s; Hugo %s" % (" ".join("%.2f" % x[0] for x in g),
                                                                  " ".join("%.2f" % x[0] for x in h)), flush=True)

    def budget(self, site):
        big, big_index = 0, 0
        loads_search = []
        for d, _, fs in os.walk(site):
            for f in fs:
                if f.endswith(".html"):
                    p = os.path.join(d, f)
                    with open(p, encoding="utf-8") as fh:
                        text = fh.read()
                    # A folder's index page lists every page of its folder (as Hugo's list pages do): it grows
                    # with its folder, not with the site; only other pages have a fixed budget.
                    if 'class="child-list"' in text:
                        big_index = max(big_index, os.path.getsize(p))
                    else:
                        big = max(big, os.path.getsize(p))
                    if "assets/search/" in text:
                        loads_search.append(p)
        s = os.path.join(site, "assets", "search")
        titles = os.path.getsize(os.path.join(s, "titles.js"))
        shards = [os.path.getsize(os.path.join(s, f)) for f in os.listdir(s) if f.startswith("text-")]
        pages = max(self.a.sizes)
        self.check(big <= 64 * 1024, "largest page %.1f KB <= 64 KB (folder index pages, which list their folder: up to %.0f KB)"
                   % (big / 1024, big_index / 1024))
        self.check(not loads_search, "no page loads search data when it opens (%d do)" % len(loads_search))
        self.check(titles <= 150 * pages, "titles.js %.0f KB = %.0f bytes a page <= 150" % (titles / 1024, titles / pages))
        self.check(max(shards) <= 256 * 1024, "%d text shards, largest %.0f KB <= 256 KB" % (len(shards), max(shards) / 1024))

    def guide(self):
        c1 = self.corpus(1000)
        outs, houts = self.outs("guide"), self.outs("hugo")
        self.ctsguide(os.path.join(ROOT, "Content"), outs.next(), os.path.join(ROOT, "Templates"))
        self.hugo(c1, houts.next())
        g, h = [], []
        for _ in range(self.a.runs):
            g.append(self.ctsguide(os.path.join(ROOT, "Content"), outs.next(), os.path.join(ROOT, "Templates")))
            h.append(self.hugo(c1, houts.next()))
        gw, hw = statistics.median(x[0] for x in g), statistics.median(x[0] for x in h)
        print("\nthe guide's own build (Content/): %.2f s, %.0f MiB; Hugo 1,000 pages: %.2f s; ratio %.2f (target <= 0.3)"
              % (gw, statistics.median(x[1] for x in g) / 1024, hw, gw / hw))
        print("    runs (s, alternating): guide %s; Hugo %s" % (" ".join("%.2f" % x[0] for x in g),
                                                               " ".join("%.2f" % x[0] for x in h)))

    def single_folder(self):
        t = {}
        for pages in (1000, 5000):
            c = self.corpus(pages, sections=1)
            outs = self.outs("single")
            self.ctsguide(c + "/content", outs.next())
            t[pages] = statistics.median(self.ctsguide(c + "/content", outs.next())[0] for _ in range(self.a.runs))
        print("single folder: 1,000 pages %.2f s, 5,000 pages %.2f s: 5x the pages took %.1fx the time"
              % (t[1000], t[5000], t[5000] / t[1000]))

    def table(self):
        print("\n| pages | HTML files | runs | ctsguide s | ctsguide MiB | pages/s | Hugo s | Hugo MiB | ctsguide/Hugo | cmark-only s | copy s |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in self.rows:
            print("| %d | %d | %d | %.2f | %.0f | %.0f | %.2f | %.0f | %.2f | %.2f | %.2f |" % r)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big-runs", type=int, default=3)
    ap.add_argument("--tools", default=os.path.join(ROOT, "bench"))
    ap.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "ctsguide-bench"))
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build-release", "release", "ctsguide"))
    a = ap.parse_args()
    a.sizes = [int(s) for s in a.sizes.split(",")]
    a.tools = os.path.abspath(a.tools)
    os.makedirs(a.dir, exist_ok=True)
    b = Bench(a)
    print("bench: %s; %d cores; runs %d (%d from 20,000 pages)" % (a.bin, os.cpu_count(), a.runs, a.big_runs))
    for pages in a.sizes:
        b.size(pages)
    b.table()
    b.guide()
    b.single_folder()
    b.clear()
    sys.exit(0 if b.ok else 1)


if __name__ == "__main__":
    main()
