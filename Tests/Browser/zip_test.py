"""ZIP code field browser test (issue 15): typing or linking a ZIP code selects the same locality and amounts as
`ctsguide calc --zip … --json`, on the calculator and on the current locality fee page, from file:// and from the
http sub-path, with no request leaving the site and no console error.

For ZIP_CASES (default 24) ZIP codes drawn with ZIP_SEED (default 20261115) from Content/data/zip-codes.yaml,
plus one ZIP code CMS splits by ZIP+4, one ZIP code not in the list and one malformed entry, it compares:

  calculator/index.html?minutes=38&date=AS_OF&zip=Z: the locality select's value and the field's
  data-zip-locality with the CLI's locality id; claim rows [data-code] and [data-total] with the CLI's lines and
  total; the field's message names the locality (and, for a split ZIP code, is the CLI's note word for word);
  an unknown or malformed ZIP code selects nothing and the CLI rejects it (exit 1, `--zip` named).
  localities/<period>/index.html?zip=Z: the marked row (tr.zip-match) is the CLI's locality, and its 97550 and
  97551 non-facility cells equal the CLI's unit amounts; on the period's other locality pages (G-codes) the
  marked row is the CLI's locality too.

Keyboard: on each page the ZIP code is also typed into the field; the locality follows and the address keeps
`zip=`. Weight: the scripts a page loads at start stay within the 60 KB budget (neither the look-up script nor
the ZIP data is loaded at start), and one look-up loads one prefix file (two-digit prefix) of under 8 KB."""
import json
import os
import random
import re
import subprocess
import time
import urllib.parse

import harness
import static_checks
from harness import drain_logs, load, network_events, console_messages, page_url

TOKEN = re.compile(r"\b(\d{5})(?:-(\d{5}))?(\*?)")

STATE_JS = """
var box = document.querySelector('.zip-field');
var sel = document.getElementById('calc-locality');
var st = box ? box.querySelector('.zip-status') : null;
var row = document.querySelector('tr.zip-match');
var mark = document.querySelector('[data-billable]');
var root = mark ? (mark.closest('[aria-live]') || document) : null;
var heads = row ? Array.from(row.closest('table').querySelectorAll('thead th')).map(function (h) { return h.textContent; }) : [];
return {zipLocality: box ? box.getAttribute('data-zip-locality') : null,
        select: sel ? sel.value : null,
        status: st ? st.textContent.trim() : null,
        live: st ? st.getAttribute('aria-live') : null,
        label: box ? (box.querySelector('label') || {}).textContent : null,
        row: row ? {locality: row.getAttribute('data-zip-locality'),
                    cells: Array.from(row.cells).map(function (c) { return c.textContent.trim(); }), heads: heads} : null,
        rows: root ? Array.from(root.querySelectorAll('[data-code]')).map(function (e) {
          return [e.getAttribute('data-code'), e.getAttribute('data-units'), e.getAttribute('data-modifiers'),
                  e.getAttribute('data-amount')]; }) : [],
        total: root && root.querySelector('[data-total]') ? root.querySelector('[data-total]').getAttribute('data-total') : null,
        url: window.location.search};"""


def all_zips(content):
    """(zip, split) for every ZIP code of the content's table."""
    out = []
    text = open(os.path.join(content, "data", "zip-codes.yaml"), encoding="utf-8").read()
    body = text.split("\nlocalities:\n", 1)[1]
    for line in body.splitlines():
        if not line.lstrip().startswith("- "):
            continue
        for a, b, star in TOKEN.findall(line):
            for n in range(int(a), int(b or a) + 1):
                out.append(("%05d" % n, star == "*"))
    return out


def run_cli(cli, content, zip_code, date=None, minutes="38"):
    args = [cli, "calc", "--json", "--minutes", minutes, "--zip", zip_code, "--content", content]
    if date:
        args += ["--date", date]
    p = subprocess.run(args, capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        return {"rc": p.returncode, "stderr": p.stderr.strip()}
    return {"rc": 0, "json": json.loads(p.stdout)}


def wait_state(drv, ready, timeout=5.0):
    end = time.monotonic() + timeout
    got = None
    while time.monotonic() < end:
        got = drv.execute_script(STATE_JS)
        if ready(got):
            return got
        time.sleep(0.05)
    return got


def lines_of(j):
    return [[ln["code"], str(ln["units"]), " ".join(sorted(ln["modifiers"])),
             "" if ln.get("amount") is None else ln["amount"]] for ln in j.get("lines") or []]


def leaving(drv, mode, site, server):
    base = harness.pathlib.Path(site).resolve().as_uri() if mode == "file" else server.base
    reqs = network_events(drv).values()
    out = [r["url"] for r in reqs if r.get("url") and not r["url"].startswith("data:") and not r["url"].startswith(base)]
    zips = [r["url"] for r in reqs if "/assets/zip/" in (r.get("url") or "")]
    errs = [m for lvl, m in console_messages(drv) if lvl == "SEVERE"]
    return out, zips, errs


def check_calculator(res, drv, site, server, mode, case, cli_out, date):
    z = case["zip"]
    drain_logs(drv)
    load(drv, page_url(mode, site, "calculator/index.html", server) + "?" + urllib.parse.urlencode(
        [("minutes", "38"), ("date", date), ("zip", z)]))
    want = cli_out.get("json")
    if want:
        lid = want["locality"]["id"]
        got = wait_state(drv, lambda g: g and g["select"] == lid and (g["rows"] or g["total"] is not None))
        msgs = []
        if got["select"] != lid or got["zipLocality"] != lid:
            msgs.append("locality: CLI %s, page select %r, field %r" % (lid, got["select"], got["zipLocality"]))
        if got["rows"] != lines_of(want) or (got["total"] or "") != (want.get("total") or ""):
            msgs.append("amounts: CLI %s total %s, page %s total %s" % (lines_of(want), want.get("total"), got["rows"], got["total"]))
        name = want["zip"]["name"]
        if name not in (got["status"] or ""):
            msgs.append("message does not name %r: %r" % (name, got["status"]))
        note = want["zip"]["note"]
        if note and note not in (got["status"] or ""):
            msgs.append("split note differs:\n  CLI  %s\n  page %s" % (note, got["status"]))
        if not note and "ZIP+4" in (got["status"] or ""):
            msgs.append("a split note for a ZIP code CMS does not split: %r" % got["status"])
    else:
        got = wait_state(drv, lambda g: g and g["status"])
        msgs = []
        if not cli_out["stderr"].startswith("error: --zip:"):
            msgs.append("CLI error does not name --zip: %r" % cli_out["stderr"])
        if got["zipLocality"]:
            msgs.append("a ZIP code the CLI rejects selected %r" % got["zipLocality"])
        if not got["status"] or "--" in got["status"] or ".yaml" in got["status"]:
            msgs.append("no reader message, or one with an option or file name: %r" % got["status"])
    out, zips, errs = leaving(drv, mode, site, server)
    if out:
        msgs.append("requests leaving the site: %s" % out)
    if errs:
        msgs.append("console errors: %s" % [e[:200] for e in errs])
    if len(zips) > 1:
        msgs.append("more than one ZIP data file loaded: %s" % zips)
    res.check(not msgs, "zip", "%s calculator zip=%s" % (mode, z), "; ".join(msgs))


def check_table_page(res, drv, site, server, mode, page, case, cli_out, amounts=True):
    z = case["zip"]
    drain_logs(drv)
    load(drv, page_url(mode, site, page, server) + "?zip=" + urllib.parse.quote(z))
    want = cli_out.get("json")
    msgs = []
    if want:
        lid = want["locality"]["id"]
        got = wait_state(drv, lambda g: g and g["row"] is not None)
        row = got["row"]
        if not row or row["locality"] != lid or lid not in row["cells"]:
            msgs.append("marked row: CLI %s, page %s" % (lid, row and row["cells"][:2]))
        elif amounts:
            amounts = {ln["code"]: ln["unit_amount"] for ln in want["lines"]}
            for code in ("97550", "97551"):
                col = [i for i, h in enumerate(row["heads"]) if h.startswith(code) and "non-facility" in h]
                if not col:
                    msgs.append("no %s non-facility column in %s" % (code, row["heads"]))
                elif row["cells"][col[0]] != amounts.get(code):
                    msgs.append("%s non-facility: CLI %s, row %s" % (code, amounts.get(code), row["cells"][col[0]]))
        if want["zip"]["name"] not in (got["status"] or ""):
            msgs.append("message does not name the locality: %r" % got["status"])
        if "zip=" + z not in (got["url"] or ""):
            msgs.append("address does not keep the ZIP code: %r" % got["url"])
    else:
        got = wait_state(drv, lambda g: g and g["status"])
        if got["row"]:
            msgs.append("a rejected ZIP code marked a row: %s" % got["row"]["cells"][:2])
        if not got["status"]:
            msgs.append("no message for a rejected ZIP code")
    out, _, errs = leaving(drv, mode, site, server)
    if out:
        msgs.append("requests leaving the site: %s" % out)
    if errs:
        msgs.append("console errors: %s" % [e[:200] for e in errs])
    res.check(not msgs, "zip", "%s %s zip=%s" % (mode, page, z), "; ".join(msgs))


def check_typing(res, drv, site, server, mode, page, case, lid):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    drain_logs(drv)
    load(drv, page_url(mode, site, page, server))
    field = drv.find_element(By.CSS_SELECTOR, ".zip-field input")
    # focus the field and type the digits as key presses
    drv.execute_script("arguments[0].focus()", field)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(case["zip"])
    got = wait_state(drv, lambda g: g and g["zipLocality"] == lid)
    msgs = []
    if got["zipLocality"] != lid:
        msgs.append("typed %s: field locality %r, expected %s" % (case["zip"], got["zipLocality"], lid))
    if got["live"] != "polite" or not got["label"]:
        msgs.append("field needs a label and a polite live region (label %r, aria-live %r)" % (got["label"], got["live"]))
    if "zip=" + case["zip"] not in (got["url"] or ""):
        msgs.append("address does not keep the ZIP code: %r" % got["url"])
    if page.startswith("calculator") and got["select"] != lid:
        msgs.append("locality select %r, expected %s" % (got["select"], lid))
    res.check(not msgs, "zip", "%s typing on %s" % (mode, page), "; ".join(msgs))


def check_weight(res, site, pages):
    for rel in pages:
        s = static_checks.scan(site, rel)
        total = os.path.getsize(os.path.join(site, rel))
        for ref in s.css + s.js:
            t = static_checks._local(site, rel, ref)
            rp = os.path.relpath(t, site).replace(os.sep, "/") if t else ""
            if t and rp not in harness.HEAVY_DATA and os.path.isfile(t):
                total += os.path.getsize(t)
        preloads_zip = any("assets/zip/" in j or "zip-lookup" in j for j in s.js)
        res.check(total <= static_checks.BUDGET and not preloads_zip, "zip", rel,
                  "weight at load %.1f KB (budget 60 KB)%s" % (total / 1024, ", loads ZIP data at start" if preloads_zip else ""))
        print("  %s: %.1f KB at load (HTML + CSS + JS without the calculator tables and search index)" % (rel, total / 1024))
    folder = os.path.join(site, "assets", "zip")
    sizes = sorted(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
    res.check(sizes and sizes[-1] < 8192, "zip", "assets/zip", "largest prefix file %d bytes (want < 8 KB)" % sizes[-1])
    print("  assets/zip: %d files, %d bytes in all, largest %d bytes" % (len(sizes), sum(sizes), sizes[-1]))


def run(res, drv, site, cli, content, server):
    if not os.path.isdir(os.path.join(site, "assets", "zip")):
        res.fail("zip", "assets/zip", "the generated site has no ZIP code data (Content/data/zip-codes.yaml imported?)")
        return
    rng = random.Random(int(os.environ.get("ZIP_SEED", "20261115")))
    n = int(os.environ.get("ZIP_CASES", "24"))
    everything = all_zips(content)
    cases = [{"zip": z} for z, _ in rng.sample(everything, min(n, len(everything)))]
    cases.append({"zip": rng.choice([z for z, s in everything if s])})
    listed = {z for z, _ in everything}
    cases.append({"zip": next("%05d" % i for i in range(100000) if "%05d" % i not in listed)})
    cases.append({"zip": "12a45"})
    outs = {c["zip"]: run_cli(cli, content, c["zip"]) for c in cases}
    first = next(o for o in outs.values() if o.get("json"))
    date = first["json"]["session"]["date"]
    period = first["json"]["fee_schedule"]["effective"]
    table_page = "localities/%s/index.html" % period
    print("  %d ZIP codes (date %s); locality page %s" % (len(cases), date, table_page), flush=True)
    if not os.path.isfile(os.path.join(site, table_page)):
        res.fail("zip", table_page, "no locality fee page for the current period")
        return
    other_pages = sorted(p for p in harness.site_pages(site)
                         if p.startswith("localities/%s-" % period) and p != table_page)
    check_weight(res, site, ["calculator/index.html", table_page] + other_pages)
    for mode in ("file", "http"):
        t0 = time.monotonic()
        for case in cases:
            check_calculator(res, drv, site, server, mode, case, outs[case["zip"]], date)
            check_table_page(res, drv, site, server, mode, table_page, case, outs[case["zip"]])
        for other in other_pages:  # the other locality pages of the period (G-codes): the row is marked too
            for case in cases[:3] + cases[-3:]:
                check_table_page(res, drv, site, server, mode, other, case, outs[case["zip"]], amounts=False)
        lid = outs[cases[0]["zip"]]["json"]["locality"]["id"]
        check_typing(res, drv, site, server, mode, "calculator/index.html", cases[0], lid)
        check_typing(res, drv, site, server, mode, table_page, cases[0], lid)
        print("  %s: %d cases (%.1f s)" % (mode, len(cases), time.monotonic() - t0), flush=True)
