"""Checks in one headless Chromium session: requests (file:// and http sub-path), runtime CSP and console
errors, links followed, axe in light / dark (media) / dark (toggle), phone width, no-JS reading, theme toggle
memory, and search."""
import os
import re
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import harness
from harness import drain_logs, load, network_events, console_messages, page_url

PHONE = 360
AXE_JS = None


# ------------------------------------------------------------------------------------------ requests

def _in_site(url, mode, site, server):
    if url.startswith("data:") or url.startswith("blob:"):
        return True
    if mode == "file":
        prefix = pathlib_uri(site)
        return url.startswith(prefix)
    return url.startswith(server.base)


def pathlib_uri(site):
    import pathlib
    return pathlib.Path(site).resolve().as_uri().rstrip("/") + "/"


def _url_to_rel(url, mode, site, server):
    base = pathlib_uri(site) if mode == "file" else server.base
    if not url.startswith(base):
        return None
    return urllib.parse.unquote(urllib.parse.urlsplit(url).path[len(urllib.parse.urlsplit(base).path):])


def requests_and_console(res, drv, mode, site, server, rel, links_out):
    """After a load: every request stayed in the site and succeeded; no CSP violation; no JS error."""
    tag = "%s %s" % (mode, rel)
    bad = []
    for r in network_events(drv).values():
        url = r.get("url", "")
        if not url:
            continue
        if not _in_site(url, mode, site, server):
            hint = ""
            if url.endswith("/favicon.ico"):
                hint = " (the browser's default icon request: declare <link rel=\"icon\" href=\"…/assets/favicon.svg\">)"
            bad.append("leaves the site: %s%s%s" % (url, " (blocked: %s)" % r["blocked"] if r.get("blocked") else "", hint))
            continue
        if r.get("error") and not (r.get("canceled") and not r.get("blocked")):
            bad.append("load error %s%s: %s" % (r["error"], " (%s)" % r["blocked"] if r.get("blocked") else "", url))
        elif (r.get("status") or 0) >= 400:
            bad.append("HTTP %s: %s" % (r["status"], url))
    res.check(not bad, "requests", tag, "; ".join(bad))

    csp, errs = [], []
    for level, msg in console_messages(drv):
        if "Content Security Policy" in msg or "Content-Security-Policy" in msg:
            csp.append(msg)
        elif level == "SEVERE" and "Failed to load resource" not in msg:
            errs.append(msg)
    csp = list(dict.fromkeys(re.sub(r"^\S+ \d+(:\d+)? ", "", m)[:200] for m in csp))
    res.check(not csp, "csp", tag, "CSP violation(s):\n" + "\n".join(csp))
    res.check(not errs, "console", tag, "console error(s): " + " | ".join(m[:300] for m in errs))

    # links: every in-site link resolves to a file (a folder link shows a listing from file://)
    data = drv.execute_script("""
        var ids = Array.from(document.querySelectorAll('[id]')).map(function (e) { return e.id; });
        Array.from(document.querySelectorAll('a[name]')).forEach(function (a) { ids.push(a.name); });
        var links = Array.from(document.querySelectorAll('a[href], area[href]')).map(function (a) {
            return [a.getAttribute('href'), a.href]; });
        return {ids: ids, links: links};""")
    links_out["ids"][rel] = set(data["ids"])
    lbad = []
    for raw, absu in data["links"]:
        sp = urllib.parse.urlsplit(absu)
        if sp.scheme in ("mailto", "tel"):
            continue
        if not _in_site(absu, mode, site, server):
            if sp.scheme in ("http", "https") and not (mode == "http" and sp.netloc == urllib.parse.urlsplit(server.base).netloc):
                continue  # external link (not followed: no network)
            lbad.append("%r leaves the site (%s)" % (raw, absu))
            continue
        target = _url_to_rel(absu.split("#")[0].split("?")[0], mode, site, server)
        full = os.path.join(site, target)
        if target == "" or os.path.isdir(full):
            lbad.append("%r points at a folder, not a file (from file:// that shows a folder listing)" % raw)
            continue
        if not os.path.isfile(full):
            lbad.append("%r: no such file %s" % (raw, target))
            continue
        if sp.fragment and target.endswith(".html"):
            links_out["frags"].append((rel, raw, target, urllib.parse.unquote(sp.fragment)))
    res.check(not lbad, "links", tag, "; ".join(lbad))


def check_fragments(res, links_out, mode):
    bad = {}
    for rel, raw, target, frag in links_out["frags"]:
        ids = links_out["ids"].get(target)
        if ids is not None and frag not in ids:
            bad.setdefault(rel, []).append("%r: no id %r in %s" % (raw, frag, target))
    for rel, lst in sorted(bad.items()):
        res.fail("links", "%s %s" % (mode, rel), "; ".join(sorted(set(lst))))
    if not bad:
        res.ok("links", mode + " fragments")


# ------------------------------------------------------------------------------------------ axe

def axe_run(drv):
    global AXE_JS
    if AXE_JS is None:
        import axe_selenium_python
        p = os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")
        with open(p, encoding="utf8") as f:
            AXE_JS = f.read()
    if not drv.execute_script("return typeof window.axe === 'object'"):
        drv.execute_script(AXE_JS)
    return drv.execute_async_script(
        "var cb = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        "  cb({version: r.testEngine.version, violations: r.violations.map(function (v) {"
        "    return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {"
        "      return {target: n.target, summary: n.failureSummary}; })}; })}); },"
        "  function (e) { cb({error: String(e)}); });")


def axe_check(res, drv, rel, mode_name):
    r = axe_run(drv)
    if r.get("error"):
        res.fail("axe", "%s [%s]" % (rel, mode_name), "axe.run failed: " + r["error"])
        return r
    lines = []
    for v in r["violations"]:
        targets = ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:6])
        more = " (+%d more)" % (len(v["nodes"]) - 6) if len(v["nodes"]) > 6 else ""
        summ = (v["nodes"][0].get("summary") or "").replace("\n", " ")[:220] if v["nodes"] else ""
        lines.append("%s [%s] %s: %s%s — %s" % (v["id"], v["impact"], v["help"], targets, more, summ))
    res.check(not lines, "axe", "%s [%s]" % (rel, mode_name), "%d violation(s):\n%s" % (len(lines), "\n".join(lines)))
    return r


def theme_attr(drv):
    return drv.execute_script("return document.documentElement.getAttribute('data-theme')")


def click_toggle_dark(drv):
    """Press the theme toggle (prefers light) until <html data-theme=dark>; return an error text or None."""
    btns = drv.find_elements(By.CSS_SELECTOR, ".theme-toggle")
    if not btns:
        return "no .theme-toggle button"
    if not btns[0].is_displayed():
        return ".theme-toggle is not visible"
    for _ in range(2):
        btns[0].click()
        if theme_attr(drv) == "dark":
            break
    if theme_attr(drv) != "dark":
        return "pressing .theme-toggle did not set <html data-theme=\"dark\"> (now %r)" % theme_attr(drv)
    if "light" not in (btns[0].text or "").lower():
        return ".theme-toggle says %r in dark mode; it should say what it will do (switch to light)" % btns[0].text
    return None


# ------------------------------------------------------------------------------------------ phone

WIDE_JS = """
var w = arguments[0], out = [];
var all = document.body ? document.body.querySelectorAll('*') : [];
for (var i = 0; i < all.length && out.length < 5; i++) {
  var r = all[i].getBoundingClientRect();
  if (r.right > w + 0.5 && r.width > 0) {
    var kids = all[i].querySelectorAll('*'), inner = false;
    for (var k = 0; k < kids.length; k++) { if (kids[k].getBoundingClientRect().right > w + 0.5) { inner = true; break; } }
    if (!inner) {
      var d = all[i].tagName.toLowerCase() + (all[i].id ? '#' + all[i].id : '') +
              (all[i].className && typeof all[i].className === 'string' ? '.' + all[i].className.trim().split(/\\s+/).join('.') : '');
      out.push(d + ' right=' + Math.round(r.right) + 'px');
    }
  }
}
return {sw: document.documentElement.scrollWidth, wide: out};"""


def phone_check(res, drv, rel, label):
    r = drv.execute_script(WIDE_JS, PHONE)
    res.check(r["sw"] <= PHONE, "phone", "%s [%s]" % (rel, label),
              "scrollWidth %d > %d at %d px wide; widest: %s" % (r["sw"], PHONE, PHONE, "; ".join(r["wide"]) or "?"))


PRINT_JS = """
function hidden(sel) { var e = document.querySelector(sel); return !e || getComputedStyle(e).display === 'none'; }
var probs = [];
['.site-search', '.site-nav', '.theme-toggle', '.nav-toggle'].forEach(function (s) {
  if (!hidden(s)) probs.push(s + ' is printed'); });
var base = arguments[0];
// A link prints its data-print-url (its absolute address, set when the site has a base_url) and never a relative
// URL; with a base_url, every link to a page of the site carries an address under it.
Array.from(document.querySelectorAll('main a[href]')).forEach(function (x) {
  var href = x.getAttribute('href'), c = getComputedStyle(x, '::after').content || '', abs = x.getAttribute('data-print-url');
  var relative = !/^[a-z]+:/i.test(href) && href.charAt(0) !== '#';
  if (abs && c.indexOf(abs) < 0) probs.push('data-print-url not printed after ' + x.outerHTML.slice(0, 80));
  if (relative && c.indexOf(href) >= 0) probs.push('relative URL printed after ' + x.outerHTML.slice(0, 80));
  if (base && relative && !x.closest('.breadcrumbs, .toc') && !x.classList.contains('anchor') && (abs || '').indexOf(base) !== 0)
    probs.push('link without an address under ' + base + ': ' + x.outerHTML.slice(0, 100));
});
var h = Array.from(document.querySelectorAll('main a[href^="#"]'))[0];
if (h) { var c2 = getComputedStyle(h, '::after').content; if (c2 && c2 !== 'none' && c2 !== 'normal') probs.push('in-page anchor prints its URL: ' + c2); }
return probs;"""


def print_check(res, drv, rel, base_url=""):
    """@media print: search, nav and toggles hidden; a link prints its data-print-url (absolute, set when the site
    has a base_url), never a relative URL; with a base_url every link to a page of the site has one under it; no
    #anchor prints its URL."""
    drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    try:
        probs = drv.execute_script(PRINT_JS, base_url)
    finally:
        harness.set_dark_media(drv, False)
    res.check(not probs, "print", rel, "; ".join(probs))


# The documentation checklists and the minutes-to-units table must each fit one printed A4/Letter page:
# laid out with print styles at the printable width of the narrower sheet (A4: 210 mm less 2 x 12 mm margins
# = 703 px at 96 dpi), each must be shorter than the printable height of the shorter sheet (Letter: 11 in less
# 2 x 12 mm margins = 965 px).
PRINT_FIT_JS = """
var out = [];
document.querySelectorAll('ul.checklist, .table-scroll[aria-label^="Units by session length"]').forEach(function (e) {
  out.push([e.className + ' ' + (e.getAttribute('aria-label') || ''), e.getBoundingClientRect().height]); });
return out;"""
PRINT_WIDTH, PRINT_HEIGHT = 703, 965


def print_fit_check(res, drv, rel):
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PRINT_WIDTH, "height": PRINT_HEIGHT, "deviceScaleFactor": 1, "mobile": False})
    drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    try:
        blocks = drv.execute_script(PRINT_FIT_JS)
    finally:
        harness.set_dark_media(drv, False)
        harness.set_phone(drv, None)
    for name, height in blocks:
        res.check(height <= PRINT_HEIGHT, "print-fit", rel,
                  "%s is %d px tall in print, more than one page (%d px)" % (name.strip(), height, PRINT_HEIGHT))
    return len(blocks)


def nav_toggle_check(res, drv, rel):
    """At phone width the section navigation is collapsed behind .nav-toggle, which opens it (keyboard too)."""
    tag = rel + " [360px nav]"
    btn = drv.find_elements(By.CSS_SELECTOR, ".nav-toggle")
    if not res.check(bool(btn) and btn[0].is_displayed(), "nav", tag, "no visible .nav-toggle button at 360 px"):
        return
    nav_visible = "var n = document.getElementById('site-nav'); return !!n && n.getBoundingClientRect().height > 0;"
    closed = not drv.execute_script(nav_visible)
    btn[0].send_keys(Keys.ENTER)
    opened = drv.execute_script(nav_visible) and btn[0].get_attribute("aria-expanded") == "true"
    res.check(closed and opened, "nav", tag, "expected #site-nav hidden then shown by Enter on .nav-toggle "
              "(hidden at first: %s; after Enter shown with aria-expanded=true: %s)" % (closed, opened))


def nojs_check(res, drv, rel):
    """Scripts disabled: the page still shows its heading and content (and still fits 360 px)."""
    r = drv.execute_script("""
        var h = document.querySelector('main h1'), m = document.querySelector('main');
        function vis(e) { if (!e) return false; var r = e.getBoundingClientRect(), s = getComputedStyle(e);
          return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; }
        var nav = document.getElementById('site-nav');
        return {h1: vis(h), main: m ? m.innerText.trim().length : 0, nav: nav ? vis(nav) : true,
                js: document.documentElement.classList.contains('js')};""")
    probs = []
    if not r["h1"]:
        probs.append("no visible <main> <h1>")
    if r["main"] < 20:
        probs.append("<main> has almost no text (%d chars)" % r["main"])
    if not r["nav"]:
        probs.append("#site-nav hidden without JavaScript (must stay usable)")
    res.check(not probs, "no-js", rel, "; ".join(probs))
    phone_check(res, drv, rel, "360px no-js")


# ------------------------------------------------------------------------------------------ main loops

def _file_page(res, drv, site, server, links, i, rel, base_url=""):
    url = page_url("file", site, rel)
    harness.set_phone(drv, None)
    harness.set_dark_media(drv, False)
    drain_logs(drv)
    load(drv, url)
    drv.execute_script("try { localStorage.clear(); } catch (e) {}")
    if theme_attr(drv) is not None:
        load(drv, url)
    requests_and_console(res, drv, "file", site, server, rel, links)
    # axe: light
    r = axe_check(res, drv, rel, "light")
    axe_version = r.get("version")
    print_check(res, drv, rel, base_url)
    print_fit_check(res, drv, rel)
    # axe: dark via prefers-color-scheme
    harness.set_dark_media(drv, True)
    axe_check(res, drv, rel, "dark media")
    # axe: dark via the toggle (system light)
    harness.set_dark_media(drv, False)
    err = click_toggle_dark(drv)
    if err:
        res.fail("theme", rel, err)
    else:
        res.ok("theme", rel)
        axe_check(res, drv, rel, "dark toggle")
        if i == 0:
            # remembered across pages/reloads
            load(drv, url)
            res.check(theme_attr(drv) == "dark", "theme", rel + " [reload]",
                      "dark choice not remembered after reload (data-theme=%r)" % theme_attr(drv))
    drv.execute_script("try { localStorage.clear(); } catch (e) {}")
    # phone width, scripts on (fresh load so media queries and scripts start at 360 px)
    harness.set_phone(drv, PHONE)
    load(drv, url)
    phone_check(res, drv, rel, "360px")
    axe_check(res, drv, rel, "360px light")
    if i == 0:
        nav_toggle_check(res, drv, rel)
    return axe_version


def run_file_pass(res, drv, site, pages, server, base_url=""):
    """file://: requests, CSP, console, links; axe light, dark media, dark toggle, 360 px; print; phone; theme."""
    links = {"ids": {}, "frags": []}
    axe_version = None
    t0 = time.monotonic()
    for i, rel in enumerate(pages):
        try:
            v = _file_page(res, drv, site, server, links, i, rel, base_url)
            axe_version = axe_version or v
        except Exception as e:  # noqa: BLE001 - one broken page must not hide the others
            res.fail("browser", rel, "page check crashed: %s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else ""))
        if (i + 1) % 10 == 0 or i + 1 == len(pages):
            print("  [%d/%d] %s" % (i + 1, len(pages), rel), flush=True)
    harness.set_phone(drv, None)
    check_fragments(res, links, "file")
    print("  axe-core %s; file:// pass %.1f s" % (axe_version, time.monotonic() - t0))
    ok = axe_version and tuple(int(x) for x in axe_version.split(".")[:2]) >= (4, 10)
    res.check(ok, "axe", "", "axe-core %s < 4.10 (need axe-selenium-python 3.0.0 on Python 3.12)" % axe_version)


def run_nojs_pass(res, drv, site, pages):
    drv.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    harness.set_phone(drv, PHONE)
    try:
        for rel in pages:
            try:
                drain_logs(drv)
                drv.get(page_url("file", site, rel))
                nojs_check(res, drv, rel)
            except Exception as e:  # noqa: BLE001
                res.fail("no-js", rel, "page check crashed: %s: %s" % (type(e).__name__, str(e)[:200]))
    finally:
        drv.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
        harness.set_phone(drv, None)


def run_http_pass(res, drv, site, pages, server):
    links = {"ids": {}, "frags": []}
    for rel in pages:
        try:
            drain_logs(drv)
            load(drv, page_url("http", site, rel, server))
            requests_and_console(res, drv, "http", site, server, rel, links)
        except Exception as e:  # noqa: BLE001
            res.fail("requests", "http " + rel, "page check crashed: %s: %s" % (type(e).__name__, str(e)[:200]))
    check_fragments(res, links, "http")


# ------------------------------------------------------------------------------------------ search

TARGET = "codes/97551/index.html"


def _results(drv):
    return drv.execute_script("""
        var box = document.querySelector('.site-header #search-results') || document.getElementById('search-results');
        if (!box) return null;
        return Array.from(box.querySelectorAll('a[href]')).map(function (a) { return a.href; });""")


def _is_target(href, base):
    return urllib.parse.urlsplit(href).path.endswith("/" + TARGET) and href.startswith(base)


def search_check(res, drv, site, mode, server=None):
    home = page_url(mode, site, "index.html", server)
    base = home[: -len("index.html")]
    tag = "%s index.html" % mode
    found_any = False
    for q in ("add-on", "97551"):
        load(drv, home)
        boxes = drv.find_elements(By.CSS_SELECTOR, "header input[type=search]")
        if not boxes:
            res.fail("search", tag, "no input[type=search] inside <header>")
            return
        box = boxes[0]
        if not box.is_displayed():
            res.fail("search", tag, "the search box is not visible")
            return
        box.click()
        box.send_keys(q)
        found, hrefs = False, []
        end = time.monotonic() + 5
        while time.monotonic() < end:
            hrefs = _results(drv) or []
            if any(_is_target(h, base) for h in hrefs):
                found = True
                break
            time.sleep(0.1)
        found_any = found_any or found
        if found and q == "97551" and mode == "file":
            # the open results panel is accessible too, in both themes
            axe_check(res, drv, "index.html", "search results open, light")
            harness.set_dark_media(drv, True)
            axe_check(res, drv, "index.html", "search results open, dark")
            harness.set_dark_media(drv, False)
        res.check(found, "search", "%s %r" % (tag, q),
                  "no result link to %s within 5 s; results: %s" % (TARGET, [h[len(base):] if h.startswith(base) else h for h in hrefs[:8]] or "none"))

    # keyboard only: Tab to the search box, type, arrow/Tab to the 97551 result, Enter opens it
    if not found_any:
        res.fail("search", tag + " [keyboard]", "not run: typing found no result link to " + TARGET)
        return
    load(drv, home)
    drv.execute_script("document.activeElement && document.activeElement.blur(); window.focus();")
    actions_target = drv.switch_to.active_element
    reached = False
    for n in range(12):
        actions_target.send_keys(Keys.TAB)
        actions_target = drv.switch_to.active_element
        if drv.execute_script("var e = document.activeElement; return e && e.matches('header input[type=search]');"):
            reached = True
            break
    if not res.check(reached, "search", tag + " [keyboard]", "Tab did not reach the header search box in 12 presses"):
        return
    actions_target.send_keys("97551")
    end = time.monotonic() + 5
    while time.monotonic() < end and not any(_is_target(h, base) for h in (_results(drv) or [])):
        time.sleep(0.1)
    how = None
    for key, name in ((Keys.ARROW_DOWN, "ArrowDown"), (Keys.TAB, "Tab")):
        for n in range(10):
            drv.switch_to.active_element.send_keys(key)
            cur = drv.execute_script("""
                var e = document.activeElement;
                var ad = e && e.getAttribute('aria-activedescendant');
                if (ad) { var t = document.getElementById(ad); if (t) { var a = t.matches('a') ? t : t.querySelector('a'); if (a) return a.href; } }
                return e && e.matches('a[href]') && e.closest('#search-results') ? e.href : null;""")
            if cur and _is_target(cur, base):
                how = "%s x%d" % (name, n + 1)
                break
        if how:
            break
        load(drv, home)  # start again for the Tab attempt
        b = drv.find_element(By.CSS_SELECTOR, "header input[type=search]")
        b.click()
        b.send_keys("97551")
        time.sleep(0.3)
    if not res.check(how is not None, "search", tag + " [keyboard]",
                     "neither ArrowDown nor Tab moved focus (or aria-activedescendant) to the %s result" % TARGET):
        return
    drv.switch_to.active_element.send_keys(Keys.ENTER)
    end = time.monotonic() + 5
    while time.monotonic() < end and not urllib.parse.urlsplit(drv.current_url).path.endswith("/" + TARGET):
        time.sleep(0.1)
    res.check(urllib.parse.urlsplit(drv.current_url).path.endswith("/" + TARGET), "search", tag + " [keyboard]",
              "Enter on the result (reached with %s) did not open %s (now at %s)" % (how, TARGET, drv.current_url))
