"""Issue 20 (answer first, on a phone): what a reader sees at 390 x 844 and 1366 x 900.

  sticky     the calculator's answer (allowed amount) stays inside the viewport while the minutes, date and
             locality fields are focused at 390 x 844;
  keyboard   Tab, Enter, Tab from the top of the calculator page reaches its first field (the skip link);
  amounts    on every page at 390 px no element holding an amount ($12.34) extends past the viewport or is
             clipped by an ancestor, and no page scrolls sideways;
  glance     each code page shows today's national amount (the same as `ctsguide calc --json` on the site's
             as_of date) within the first 844 px, at 390 x 844 and 1366 x 900;
  search     "video" finds the telehealth page, "PTA" lists the assistants page first, every result a snippet;
  print      print media at 700 px: no table wider than the page, no relative URL printed after a link;
  notfound   the 404 page at /a/b/c/ from `ctsguide serve` is styled, requests stay on the server, its links
             resolve (HTTP 200), axe finds nothing."""
import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By

import harness
from harness import load, page_url

PHONE_W, PHONE_H = 390, 844
DESK_W, DESK_H = 1366, 900


def _viewport(drv, w, h, mobile):
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": w, "height": h, "deviceScaleFactor": 1, "mobile": mobile})


def _reset(drv):
    drv.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    harness.set_dark_media(drv, False)


# ------------------------------------------------------------------------------------------ sticky answer

ANSWER_JS = """
var a = document.querySelector('#calc-answer .ans-allowed dd');
if (!a) return null;
var r = a.getBoundingClientRect();
return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, h: window.innerHeight, w: window.innerWidth,
        text: a.textContent};"""


def sticky(res, drv, site):
    _viewport(drv, PHONE_W, PHONE_H, True)
    try:
        for field in ("calc-minutes", "calc-date", "calc-locality", "calc-patients"):
            load(drv, page_url("file", site, "calculator/index.html"))
            el = drv.find_elements(By.ID, field)
            if not res.check(bool(el), "sticky", field, "no #%s on the calculator page" % field):
                continue
            drv.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", el[0])
            time.sleep(0.2)
            r = drv.execute_script(ANSWER_JS)
            focused = drv.execute_script("return document.activeElement && document.activeElement.id")
            ok = r is not None and r["top"] >= 0 and r["bottom"] <= r["h"] and r["left"] >= 0 and r["right"] <= r["w"]
            res.check(ok and focused == field, "sticky", "calculator [%s focused, 390x844]" % field,
                      "the answer's allowed amount is not inside the viewport while #%s is focused: %s" % (field, r))
    finally:
        _reset(drv)


BAR_JS = """
var b = document.getElementById('calc-answer'), D = window.CTSGUIDE_CALC, bad = [];
if (!b || b.hidden) return null;
var W = window.innerWidth, br = b.getBoundingClientRect();
if (br.left < -0.5 || br.right > W + 0.5) bad.push('the bar extends past the viewport');
b.querySelectorAll('*').forEach(function (e) {
  if (getComputedStyle(e).display !== 'inline' && e.scrollWidth > e.clientWidth + 1)
    bad.push(e.tagName.toLowerCase() + '.' + e.className + ' "' + e.textContent.trim().slice(0, 40) + '" is ' +
             e.scrollWidth + ' px wide in a ' + e.clientWidth + ' px box');
});
return {bad: bad, text: b.textContent, min: D && D.dateMin, max: D && D.dateMax};"""


def bar_fits(res, drv, site):
    """The answer bar at 390 px for dates across the calculator's range, the last (after the last fee period,
    where there are no amounts) included: nothing in it is wider than its box, and it says what it has."""
    _viewport(drv, PHONE_W, PHONE_H, True)
    try:
        load(drv, page_url("file", site, "calculator/index.html"))
        r = drv.execute_script(BAR_JS)
        if not res.check(r is not None and r["min"] and r["max"], "bar", "calculator [390px]", "no answer bar or range"):
            return
        for date in sorted({r["min"], r["max"], r["max"][:4] + "-01-15", "2026-06-01"}):
            if not (r["min"] <= date <= r["max"]):
                continue
            load(drv, page_url("file", site, "calculator/index.html") + "?minutes=45&date=" + date)
            time.sleep(0.3)
            got = drv.execute_script(BAR_JS)
            ok = got is not None and not got["bad"] and ("$" in got["text"] or "not in this guide yet" in got["text"])
            res.check(ok, "bar", "calculator answer bar [%s, 390px]" % date,
                      "%s: %r" % ("; ".join(got["bad"]) if got else "no bar", (got or {}).get("text", "")[:160]))
    finally:
        _reset(drv)


def keyboard(res, drv, site):
    """From the top of the calculator page the keyboard reaches the first field in a few presses: Tab (the skip
    link), Enter, Tab."""
    from selenium.webdriver.common.keys import Keys
    _viewport(drv, DESK_W, DESK_H, False)
    try:
        load(drv, page_url("file", site, "calculator/index.html"))
        drv.execute_script("document.activeElement && document.activeElement.blur(); window.focus();")
        body = drv.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        first = drv.execute_script("var e = document.activeElement; return e ? [e.className, e.textContent] : null;")
        drv.switch_to.active_element.send_keys(Keys.ENTER)
        time.sleep(0.1)
        drv.switch_to.active_element.send_keys(Keys.TAB)
        now = drv.execute_script("var e = document.activeElement; return e ? e.id : null;")
        res.check(now == "calc-minutes", "keyboard", "calculator [Tab, Enter, Tab]",
                  "the first field is not focused after Tab, Enter, Tab (first Tab: %s; now on #%s)" % (first, now))
    finally:
        _reset(drv)


# ------------------------------------------------------------------------------------------ amounts at 390 px

AMOUNTS_JS = """
var W = window.innerWidth, out = [], n = 0;
var money = /\\$\\d/;
document.querySelectorAll('main *').forEach(function (e) {
  if (e.children.length && Array.from(e.childNodes).every(function (c) { return c.nodeType !== 3 || !money.test(c.nodeValue); })) return;
  if (!money.test(e.textContent)) return;
  var r = e.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return;
  n++;
  var bad = null;
  if (r.right > W + 0.5 || r.left < -0.5) bad = 'extends past the viewport (left ' + Math.round(r.left) + ', right ' + Math.round(r.right) + ')';
  for (var p = e.parentElement; p && !bad && p !== document.body; p = p.parentElement) {
    var s = getComputedStyle(p);
    if (s.overflowX !== 'visible' || s.overflow === 'hidden') {
      var pr = p.getBoundingClientRect();
      if (r.right > pr.right + 0.5 || r.left < pr.left - 0.5) bad = 'clipped by ' + p.tagName.toLowerCase() + '.' + (p.className || '');
    }
  }
  if (bad && out.length < 5) out.push(e.tagName.toLowerCase() + ' "' + e.textContent.trim().slice(0, 40) + '" ' + bad);
});
return {n: n, bad: out, sw: document.documentElement.scrollWidth, W: W};"""


def amounts(res, drv, site, pages):
    _viewport(drv, PHONE_W, PHONE_H, True)
    total = 0
    try:
        for rel in pages:
            load(drv, page_url("file", site, rel))
            time.sleep(0.05)
            r = drv.execute_script(AMOUNTS_JS)
            total += r["n"]
            res.check(not r["bad"], "amounts", rel + " [390px]", "; ".join(r["bad"]))
            res.check(r["sw"] <= r["W"], "amounts", rel + " [390px scroll]",
                      "the page scrolls sideways: scrollWidth %d > %d" % (r["sw"], r["W"]))
    finally:
        _reset(drv)
    print("  %d elements holding an amount checked at 390 px on %d pages" % (total, len(pages)), flush=True)


# ------------------------------------------------------------------------------------------ code pages

def _as_of(content):
    m = re.search(r"^as_of:\s*['\"]?(\d{4}-\d{2}-\d{2})", open(os.path.join(content, "site.yaml"), encoding="utf-8").read(), re.M)
    return m.group(1) if m else None


def _national(cli, content, code, as_of):
    """The national non-facility unit amount of `code` on as_of, from `ctsguide calc --json`."""
    args = {"97550": ["--minutes", "20"], "97551": ["--minutes", "38"], "97552": ["--minutes", "60", "--patients", "2"]}.get(code)
    if not args:
        return None
    p = subprocess.run([cli, "calc", "--json", "--date", as_of, "--content", content] + args,
                       capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        return None
    for ln in json.loads(p.stdout).get("lines") or []:
        if ln.get("code") == code:
            return ln.get("unit_amount")
    return None


GLANCE_JS = """
var a = document.querySelector('.glance .glance-amount');
if (!a) return null;
var r = a.getBoundingClientRect();
return {bottom: r.bottom + window.scrollY, text: a.textContent.trim()};"""


def glance(res, drv, site, cli, content):
    as_of = _as_of(content)
    codes = sorted(p for p in os.listdir(os.path.join(site, "codes")) if re.fullmatch(r"\d{5}", p)) \
        if os.path.isdir(os.path.join(site, "codes")) else []
    res.check(bool(codes), "glance", "codes/", "no code pages found")
    for code in codes:
        want = _national(cli, content, code, as_of)
        for (w, h, mobile) in ((PHONE_W, PHONE_H, True), (DESK_W, DESK_H, False)):
            _viewport(drv, w, h, mobile)
            try:
                load(drv, page_url("file", site, "codes/%s/index.html" % code))
                r = drv.execute_script(GLANCE_JS)
            finally:
                _reset(drv)
            tag = "codes/%s [%dx%d]" % (code, w, h)
            if not res.check(r is not None, "glance", tag, "no .glance .glance-amount on the page"):
                continue
            res.check(r["bottom"] <= PHONE_H, "glance", tag,
                      "today's national amount ends at %d px, below the first %d px" % (r["bottom"], PHONE_H))
            res.check(want is not None and r["text"] == "$" + want, "glance", tag,
                      "the box shows %r; `ctsguide calc --json --date %s` gives %s for one unit of %s" % (
                          r["text"], as_of, want, code))


# ------------------------------------------------------------------------------------------ search

RESULTS_JS = """
var box = document.getElementById('search-results');
if (!box) return null;
return Array.from(box.querySelectorAll('li')).map(function (li) {
  var a = li.querySelector('a[href]'), s = li.querySelector('.search-snippet');
  return {href: a ? a.getAttribute('href') : '', title: a ? (a.querySelector('.search-page') || a).textContent : '',
          snippet: s ? s.textContent.trim() : ''};
});"""


def _search(drv, site, q, done):
    load(drv, page_url("file", site, "index.html"))
    box = drv.find_element(By.CSS_SELECTOR, "header input[type=search]")
    box.click()
    box.send_keys(q)
    end = time.monotonic() + 6
    hits = []
    while time.monotonic() < end:
        hits = drv.execute_script(RESULTS_JS) or []
        if hits and done(hits) and all(h["snippet"] for h in hits):
            break
        time.sleep(0.15)
    return hits


def search(res, drv, site):
    hits = _search(drv, site, "video", lambda hs: any("telehealth" in h["href"] for h in hs))
    res.check(any("telehealth" in h["href"] for h in hits), "search", "'video'",
              "no result links to the telehealth page; results: %s" % [h["href"] for h in hits])
    res.check(bool(hits) and all(h["snippet"] for h in hits), "search", "'video' snippets",
              "results without a snippet: %s" % [h["href"] for h in hits if not h["snippet"]])
    hits = _search(drv, site, "PTA", lambda hs: True)
    first = hits[0] if hits else None
    res.check(first is not None and re.search(r"assistant", first["title"], re.I), "search", "'PTA'",
              "the first result is not the assistants page: %s" % [(h["title"], h["href"]) for h in hits[:4]])
    res.check(bool(hits) and all(h["snippet"] for h in hits), "search", "'PTA' snippets",
              "results without a snippet: %s" % [h["href"] for h in hits if not h["snippet"]])
    # whole-word / prefix matching: no snippet marks "pta" inside another word ("APTA")
    marked = drv.execute_script("""return Array.from(document.querySelectorAll('#search-results mark')).map(function (m) {
        var prev = m.previousSibling ? m.previousSibling.textContent : ''; return [prev.slice(-1), m.textContent]; });""")
    inside = [m for m in marked or [] if re.match(r"[A-Za-z0-9]", m[0] or "")]
    res.check(not inside, "search", "'PTA' whole words", "a match inside a word: %s" % inside[:3])


# ------------------------------------------------------------------------------------------ print

PRINT_JS = """
var W = document.documentElement.clientWidth, out = [];
document.querySelectorAll('table').forEach(function (t) {
  var r = t.getBoundingClientRect();
  if (r.width > 0 && r.right > W + 0.5) out.push('table "' + ((t.caption && t.caption.textContent) || '').slice(0, 50) + '" right ' + Math.round(r.right) + ' > ' + W);
});
document.querySelectorAll('a[href]').forEach(function (a) {
  var c = getComputedStyle(a, '::after').content || '';
  var href = a.getAttribute('href');
  if (c && c !== 'none' && c !== 'normal' && !/^[a-z]+:/i.test(href) && c.indexOf(href) >= 0 && href.charAt(0) !== '#')
    out.push('prints its relative URL: ' + href);
});
return out.slice(0, 6);"""


def printed(res, drv, site, pages):
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 700, "height": 990, "deviceScaleFactor": 1, "mobile": False})
    try:
        for rel in pages:
            load(drv, page_url("file", site, rel))
            drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
            probs = drv.execute_script(PRINT_JS)
            drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
            res.check(not probs, "print", rel + " [700px]", "; ".join(probs))
    finally:
        _reset(drv)


# ------------------------------------------------------------------------------------------ 404 from serve

def _free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


NOTFOUND_JS = """
var h = document.querySelector('.site-header');
var links = Array.from(document.querySelectorAll('a[href]')).map(function (a) { return a.href; });
return {styled: !!h && getComputedStyle(h).display === 'flex' && getComputedStyle(document.body).margin === '0px',
        links: links, title: document.title};"""


def notfound(res, drv, cli, content, tmp):
    templates = os.path.join(os.path.dirname(os.path.abspath(content)), "Templates")
    port = _free_port()
    proc = subprocess.Popen([cli, "serve", "--port", str(port), "--content", content, "--templates", templates,
                             "--no-cache"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp)
    base = "http://127.0.0.1:%d/" % port
    try:
        end = time.monotonic() + 90
        up = False
        while time.monotonic() < end and not up:
            try:
                urllib.request.urlopen(base + "index.html", timeout=2).read()
                up = True
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.3)
        if not res.check(up, "notfound", base, "`ctsguide serve` did not answer within 90 s"):
            return
        for path in ("a/b/c/", "x.html", "codes/nope/deeper/"):
            url = base + path
            harness.drain_logs(drv)
            load(drv, url)
            r = drv.execute_script(NOTFOUND_JS)
            res.check(r["styled"], "notfound", "/" + path, "the 404 page is not styled (site.css not applied)")
            reqs = [e["url"] for e in harness.network_events(drv).values()
                    if e.get("url") and not e["url"].startswith(base) and not e["url"].startswith("data:")]
            res.check(not reqs, "notfound", "/" + path + " [requests]", "requests leaving the server: %s" % reqs[:4])
            bad = []
            # in-page links (#main) point at the missing address itself
            for href in sorted(set(l.split("#")[0] for l in r["links"] if l.split("#")[0] != url)):
                if not href.startswith(base):
                    continue
                try:
                    code = urllib.request.urlopen(href, timeout=5).status
                except urllib.error.HTTPError as e:
                    code = e.code
                if code != 200:
                    bad.append("%s → %s" % (href[len(base) - 1:], code))
            res.check(r["links"] and not bad, "notfound", "/" + path + " [links]",
                      "links that do not resolve: %s" % bad[:5] if bad else "no links on the page")
        import browser_checks
        browser_checks.axe_check(res, drv, "/a/b/c/ (404 from serve)", "light")
    finally:
        # Leave the preview's page first: its reload script polls the server every 200 ms, and a poll sent after
        # the server stops would be logged as a failed request of whatever page the next check loads.
        try:
            drv.get("about:blank")
            time.sleep(0.3)
            harness.drain_logs(drv)
        except Exception:
            pass
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def run(res, drv, site, cli, content, tmp):
    pages = [p for p in harness.site_pages(site) if p != "404.html"]
    if os.path.isfile(os.path.join(site, "calculator", "index.html")):
        sticky(res, drv, site)
        bar_fits(res, drv, site)
        keyboard(res, drv, site)
    amounts(res, drv, site, pages)
    glance(res, drv, site, cli, content)
    search(res, drv, site)
    printed(res, drv, site, pages)
    notfound(res, drv, cli, content, tmp)
