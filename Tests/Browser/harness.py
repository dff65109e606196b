"""Shared pieces of the browser tests: result counting, the site's pages, one Chromium session with network
and console logging, and a bounded local HTTP server (127.0.0.1 only) that serves the site at a sub-path with
a real `Content-Security-Policy: default-src 'self'` header."""
import functools
import http.server
import json
import os
import pathlib
import sys
import threading
import time
import urllib.parse

SUB_PATH = "/some/sub/path/"
CSP_HEADER = "default-src 'self'"
# Excluded from the page-weight budget (issue 6): the calculator's lookup tables and the search index.
HEAVY_DATA = ("assets/calculator-data.js", "assets/search-index.js")


class Results:
    """Counts passes and failures; prints each failure at once with a precise message."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.warnings = []
        self._sec = None

    def ok(self, check, page=""):
        self.passed += 1
        if self._sec is not None:
            self._sec[1] += 1

    def fail(self, check, page, msg, quiet=False):
        self.failed += 1
        if self._sec is not None:
            self._sec[2] += 1
        if quiet:
            return
        where = (" " + page) if page else ""
        text = str(msg).replace("\n", "\n      ")
        print("  FAIL %s%s: %s" % (check, where, text), flush=True)

    def check(self, cond, check, page, msg):
        if cond:
            self.ok(check, page)
        else:
            self.fail(check, page, msg)
        return cond

    def warn(self, check, msg):
        self.warnings.append((check, msg))
        print("  WARN %s: %s" % (check, msg), flush=True)

    def section(self, name):
        return _Section(self, name)

    def summary_line(self):
        return "%d passed, %d failed" % (self.passed, self.failed)


class _Section:
    def __init__(self, res, name):
        self.res, self.name = res, name

    def __enter__(self):
        self.t0 = time.monotonic()
        self.prev = self.res._sec
        self.res._sec = [self.name, 0, 0]
        print("%s ..." % self.name, flush=True)
        return self

    def __exit__(self, et, ev, tb):
        _, p, f = self.res._sec
        self.res._sec = self.prev
        if et is not None and not issubclass(et, KeyboardInterrupt):
            self.res.fail(self.name, "", "check crashed: %s: %s" % (et.__name__, ev))
            f += 1
        print("%s: %d passed, %d failed (%.1f s)" % (self.name, p, f, time.monotonic() - self.t0), flush=True)
        return et is not None and not issubclass(et, KeyboardInterrupt)


def site_pages(site):
    """Every HTML file in the site, as sorted POSIX paths relative to the site root."""
    out = []
    for d, dirs, files in os.walk(site):
        dirs.sort()
        for f in files:
            if f.endswith(".html"):
                out.append(pathlib.Path(os.path.relpath(os.path.join(d, f), site)).as_posix())
    return sorted(out, key=lambda p: (p.count("/"), p))


# ------------------------------------------------------------------------------------------ browser

def make_driver(width=1280, height=900):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              "--window-size=%d,%d" % (width, height), "--hide-scrollbars",
              # keep Chromium itself quiet on the network: the tests only talk to 127.0.0.1
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
              "--disable-features=Translate,OptimizationHints,MediaRouter", "--lang=en-US"]:
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    opts.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
    drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    drv.set_page_load_timeout(30)
    drv.set_script_timeout(30)
    drv.execute_cdp_cmd("Network.enable", {})
    return drv


def drain_logs(drv):
    drv.get_log("performance")
    drv.get_log("browser")


def network_events(drv):
    """Requests seen since the last drain: {requestId: {url, status, error, blocked}}."""
    reqs = {}
    for entry in drv.get_log("performance"):
        try:
            m = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        meth, p = m.get("method", ""), m.get("params", {})
        rid = p.get("requestId")
        if meth == "Network.requestWillBeSent":
            r = reqs.setdefault(rid, {})
            if "url" in r and p.get("redirectResponse"):
                # a redirect: record the hop
                reqs[rid + "/" + str(len(reqs))] = dict(r, status=p["redirectResponse"].get("status"))
            r["url"] = p["request"]["url"]
            r.setdefault("type", p.get("type"))
        elif meth == "Network.responseReceived":
            r = reqs.setdefault(rid, {})
            r["status"] = p["response"].get("status")
            r.setdefault("url", p["response"].get("url"))
        elif meth == "Network.loadingFailed":
            r = reqs.setdefault(rid, {})
            r["error"] = p.get("errorText") or "failed"
            r["blocked"] = p.get("blockedReason") or (p.get("corsErrorStatus") or {}).get("corsError")
            r["canceled"] = p.get("canceled", False)
    return reqs


def console_messages(drv):
    return [(e.get("level"), e.get("message", "")) for e in drv.get_log("browser")]


def load(drv, url, timeout=20):
    """Navigate and wait for the load event (deferred scripts have run by then)."""
    drv.get(url)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if drv.execute_script("return document.readyState") == "complete":
            return
        time.sleep(0.05)
    raise TimeoutError("page did not finish loading: " + url)


def set_dark_media(drv, dark):
    drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


def set_phone(drv, width):
    if width:
        drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 780, "deviceScaleFactor": 1, "mobile": True})
    else:
        drv.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# ------------------------------------------------------------------------------------------ server

class _Handler(http.server.SimpleHTTPRequestHandler):
    log = None

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP_HEADER)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, fmt, *args):
        if self.log is not None:
            self.log.append(fmt % args)


class SiteServer:
    """The site at http://127.0.0.1:PORT/some/sub/path/ (a symlink in a scratch folder), in a thread."""

    def __init__(self, site, scratch):
        root = os.path.join(scratch, "serve")
        os.makedirs(os.path.join(root, SUB_PATH.strip("/").rsplit("/", 1)[0]), exist_ok=True)
        link = os.path.join(root, SUB_PATH.strip("/"))
        if not os.path.islink(link):
            os.symlink(os.path.abspath(site), link)
        self.log = []
        handler = functools.partial(type("H", (_Handler,), {"log": self.log}), directory=root)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base = "http://127.0.0.1:%d%s" % (self.httpd.server_address[1], SUB_PATH)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *a):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def page_url(mode, site, rel, server=None):
    if mode == "file":
        return pathlib.Path(site, rel).resolve().as_uri()
    return server.base + urllib.parse.quote(rel)


def eprint(*a):
    print(*a, file=sys.stderr, flush=True)
