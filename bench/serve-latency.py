#!/usr/bin/env python3
"""How long an edit takes to show in the page `ctsguide serve` serves, on the guide itself.

    bench/serve-latency.py [--runs 5] [--page faq.md] [--bin .build/release/ctsguide]

Copies Content/ and Templates/ to a temporary folder (the real files are never touched), starts
`ctsguide serve --port 0` on the copy, and for each run appends a new sentence to the page's Markdown and polls
the served page every 10 ms until the sentence appears. Prints each latency, the median and the worst
(target: every edit visible within 0.5 s), then stops the server with Ctrl-C (SIGINT) and checks it exits 0.
"""
import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--page", default="faq.md", help="a page below Content/")
ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/ctsguide"))
args = ap.parse_args()
args.bin = os.path.abspath(args.bin)  # the server runs in a work folder of its own
if not os.path.exists(args.bin):
    subprocess.run(["swift", "build", "-c", "release", "--product", "ctsguide"], cwd=ROOT, check=True)

work = tempfile.mkdtemp(prefix="ctsguide-serve-latency.")
try:
    shutil.copytree(os.path.join(ROOT, "Content"), os.path.join(work, "Content"))
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(work, "Templates"))
    proc = subprocess.Popen([args.bin, "serve", "--port", "0"], cwd=work, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    port = None
    start = time.time()
    while port is None and time.time() - start < 120:
        line = proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line or "")
        if m:
            port = int(m.group(1))
    if port is None:
        sys.exit("serve did not start")
    stem = args.page[:-3]
    url = f"http://127.0.0.1:{port}/" + ("" if stem in ("_index", "index") else stem.replace("/_index", "") + "/")
    url = url.replace("//", "/").replace("http:/", "http://")

    def fetch():
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")

    fetch()
    source = os.path.join(work, "Content", args.page)
    latencies = []
    for i in range(args.runs):
        time.sleep(0.4)  # let the watcher settle between runs
        marker = f"Latency check sentence {i} {time.time_ns()}."
        with open(source, "a", encoding="utf-8") as f:
            f.write(f"\n{marker}\n")
        t0 = time.perf_counter()
        while marker not in fetch():
            if time.perf_counter() - t0 > 10:
                sys.exit(f"run {i}: the edit did not show within 10 s")
            time.sleep(0.01)
        latencies.append(time.perf_counter() - t0)
        print(f"  run {i + 1}: edit visible after {latencies[-1] * 1000:.0f} ms")
    proc.send_signal(signal.SIGINT)
    code = proc.wait(timeout=10)
    worst = max(latencies)
    print(f"serve on the guide ({args.page}): median {statistics.median(latencies) * 1000:.0f} ms, "
          f"worst {worst * 1000:.0f} ms (target <= 500 ms: {'met' if worst <= 0.5 else 'NOT met'}); "
          f"Ctrl-C exit status {code}")
    sys.exit(0 if code == 0 else 1)
finally:
    shutil.rmtree(work, ignore_errors=True)
