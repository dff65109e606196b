"""Calculator browser test (issues 5, 9, 10): the page must show exactly what `ctsguide calc --json` computes.

For CALC_CASES (default 200) seeded random inputs (CALC_SEED, default 20250602) it runs the CLI, opens
`calculator/index.html?minutes=..&patients=..&date=..&family=..&discipline=..&provider=..&setting=..&
telehealth=0|1&locality=..&profile=..&conversion-factor=..` from file:// and from the http sub-path (CSP header on), and compares:

  rows [data-code] (in order): data-code, data-units, data-modifiers (space-separated, sorted), data-amount
  (two decimals, "" when unpriced) with the CLI's lines; [data-total] with "total"; and a not-billable result
  (`"billable": false`) with data-billable="false" and no rows. The answer bar (#calc-answer, issue 20):
  data-allowed, data-medicare-paid and data-patient-owes with the CLI's `split` (allowed, medicare_paid,
  coinsurance), all "" when the CLI has no split; the same amounts in the bar's text.

Every value the form offers is drawn (every code family, setting, units rule, discipline, provider) and dates
run over the form's whole range, which reaches past the last fee period; the run fails unless the compared
cases include every family, every setting and a date after the last fee period (when CALC_CASES >= 40).
Inputs the CLI rejects (exit 1, e.g. an assistant in a discipline without one) must show "not calculated"
(data-billable="false") with a reason and no claim rows. Every result is also checked for reader language: no
command-line options, no program name, no "profile" or profile ids, no "import". Every request stays in the
site. While the generated site has no calculator/index.html the test skips itself with a warning."""
import concurrent.futures
import datetime
import json
import os
import random
import re
import subprocess
import time
import urllib.parse

import harness
from harness import drain_logs, load, network_events, console_messages, page_url

KEYS = ["minutes", "patients", "date", "family", "discipline", "provider", "setting", "telehealth", "locality",
        "profile", "conversion-factor"]
# words a biller should not meet on the page (issue 10 finding 18); profile ids are added from the page's options
NOT_READER = [r"--[a-z]", r"\bctsguide\b", r"\bprofiles?\b", r"\bimport(ed)?\b", r"\bPPRRVU\b", r"\berror:"]
NEAR = [7, 8, 14, 15, 16, 22, 23, 29, 30, 31, 37, 38, 44, 45, 52, 53, 60, 67, 68, 75, 82, 83, 97, 98, 112, 113]

OPTIONS_JS = """
function vals(name) {
  var els = document.querySelectorAll('[name="' + name + '"], #' + name + ', #calc-' + name), out = [];
  els.forEach(function (e) {
    if (e.tagName === 'SELECT') e.querySelectorAll('option').forEach(function (o) { if (o.value) out.push(o.value); });
    else if (e.type === 'radio') out.push(e.value);
    else if (e.list) e.list.querySelectorAll('option').forEach(function (o) { if (o.value) out.push(o.value); });
  });
  return Array.from(new Set(out));
}
var d = document.querySelector('[name="date"], #date, #calc-date');
return {locality: vals('locality'), profile: vals('profile'), discipline: vals('discipline'),
        provider: vals('provider'), setting: vals('setting'), family: vals('family'),
        cf: vals('conversion-factor'),
        dateMin: d ? d.getAttribute('min') : null, dateMax: d ? d.getAttribute('max') : null};"""

READ_JS = """
var mark = document.querySelector('[data-billable], [data-total]');
if (!mark) return null;
var root = mark.closest('[aria-live]') || mark.closest('section, table, div') || document;
var b = root.matches && root.matches('[data-billable]') ? root : root.querySelector('[data-billable]');
var t = root.matches && root.matches('[data-total]') ? root : root.querySelector('[data-total]');
return {rows: Array.from(root.querySelectorAll('[data-code]')).map(function (e) {
          return [e.getAttribute('data-code'), e.getAttribute('data-units'),
                  e.getAttribute('data-modifiers'), e.getAttribute('data-amount')]; }),
        total: t ? t.getAttribute('data-total') : null,
        billable: b ? b.getAttribute('data-billable') : null,
        text: root.innerText || '',
        answer: (function () { var a = document.getElementById('calc-answer'); if (!a) return null;
          return {allowed: a.getAttribute('data-allowed'), paid: a.getAttribute('data-medicare-paid'),
                  owes: a.getAttribute('data-patient-owes'), split: a.getAttribute('data-split'),
                  text: a.innerText || ''}; })()};"""


def _dates(rng, lo, hi):
    a = datetime.date.fromisoformat(lo)
    b = datetime.date.fromisoformat(hi)
    return (a + datetime.timedelta(days=rng.randint(0, max(0, (b - a).days)))).isoformat()


def draw(rng, opts):
    m = rng.choice(NEAR) if rng.random() < 0.5 else rng.randint(0, 130)
    return {
        "minutes": str(m),
        "patients": str(1 if rng.random() < 0.6 else rng.randint(2, 6)),
        "date": _dates(rng, opts.get("dateMin") or "2024-01-01", opts.get("dateMax") or "2025-12-31"),
        "family": rng.choice(opts.get("family") or ["functional"]),
        "discipline": rng.choice(opts.get("discipline") or ["pt", "ot", "slp"]),
        "provider": rng.choice(opts.get("provider") or ["therapist", "assistant"]),
        "setting": rng.choice(opts.get("setting") or ["nonfacility", "facility"]),
        "telehealth": rng.choice(["0", "1"]),
        "locality": "national" if rng.random() < 0.3 else rng.choice(opts.get("locality") or ["national"]),
        "profile": rng.choice(opts.get("profile") or ["ama-midpoint"]),
        # "" is each fee schedule's usual factor (no --conversion-factor); the options are rare
        "conversion-factor": rng.choice(opts.get("cf")) if opts.get("cf") and rng.random() < 0.2 else "",
    }


def run_cli(cli, content, case):
    args = [cli, "calc", "--json"]
    for k in KEYS:
        if k == "telehealth":
            if case[k] == "1":
                args.append("--telehealth")
        elif k == "conversion-factor":
            if case[k]:
                args += ["--conversion-factor", case[k]]
        else:
            args += ["--" + k, case[k]]
    if content:
        args += ["--content", content]
    try:
        p = subprocess.run(args, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return {"error": "timed out"}
    if p.returncode != 0:
        return {"invalid": (p.stderr or p.stdout).strip()[:300], "rc": p.returncode}
    try:
        return {"json": json.loads(p.stdout)}
    except ValueError:
        return {"error": "not JSON: %r" % p.stdout[:300]}


def expected(j):
    lines = []
    for ln in j.get("lines") or []:
        amt = ln.get("amount")
        lines.append([str(ln.get("code")), str(ln.get("units")), " ".join(sorted(ln.get("modifiers") or [])),
                      "" if amt is None else str(amt)])
    total = j.get("total")
    return bool(j.get("billable")), lines, ("" if total is None else str(total))


def read_page(drv, timeout=4.0):
    end = time.monotonic() + timeout
    got = None
    while time.monotonic() < end:
        got = drv.execute_script(READ_JS)
        if got is not None and (got["rows"] or got["billable"] == "false" or got["total"] not in (None, "")) \
                and not (got.get("answer") or {}).get("split") == "loading":
            return got
        time.sleep(0.05)
    return got


def query(case):
    return "?" + urllib.parse.urlencode([(k, case[k]) for k in KEYS])


def compare(case, cli_out, got, ids=()):
    """Return None when equal, else a message. `ids`: patterns of internal ids that must not show (profile ids)."""
    if got is None:
        return "no result panel ([data-billable]/[data-total]) appeared within 4 s"
    bad = [w for w in NOT_READER + list(ids) if re.search(w, got["text"])]
    if bad:
        return "page text is not reader language (%s): %r" % (bad, got["text"][:400])
    if "invalid" in cli_out:
        if got["rows"] or got["billable"] != "false":
            return "CLI rejects this input (%s) but the page shows billable=%r, claim lines %s" % (
                cli_out["invalid"], got["billable"], got["rows"])
        if len(got["text"].strip()) < 20:
            return "CLI rejects this input (%s) but the page gives no reason: %r" % (cli_out["invalid"], got["text"])
        return None
    billable, lines, total = expected(cli_out["json"])
    page_billable = got["billable"] != "false"
    if billable != page_billable:
        return "billable: CLI %s, page data-billable=%r (rows %s)" % (billable, got["billable"], got["rows"])
    if not billable:
        return None if not got["rows"] else "not billable per CLI but the page shows rows %s" % got["rows"]
    if got["rows"] != lines:
        return "lines differ:\n  CLI  %s\n  page %s" % (lines, got["rows"])
    if (got["total"] or "") != total:
        return "total differs: CLI %r, page data-total=%r" % (total, got["total"])
    return compare_split(cli_out["json"], got.get("answer"))


def compare_split(j, ans):
    """The answer bar against `calc --json` `split`: allowed, Medicare pays, patient owes (issue 20)."""
    if ans is None:
        return "no answer bar (#calc-answer)"
    sp = j.get("split") or {}
    want = {"allowed": sp.get("allowed", ""), "paid": sp.get("medicare_paid", ""), "owes": sp.get("coinsurance", "")}
    if not sp:
        want["allowed"] = j.get("total") or ""
    got = {k: ans.get(k) or "" for k in want}
    if got != want:
        return "answer bar differs from calc --json split:\n  CLI  %s\n  page %s" % (want, got)
    missing = [v for v in want.values() if v and "$" + v not in ans["text"]]
    if missing:
        return "answer bar text does not show %s: %r" % (missing, ans["text"][:300])
    return None


SCRIPT_NUMBER = re.compile(r"(?<![\w.$])(\d+(?:\.\d+)?)(?![\w])")
ALLOWED_NUMBERS = {"0", "1", "2", "10", "100", "1000"}


def scan_script(res, site):
    """The calculator's own script holds no thresholds, rates, conversion factors or dates (issue 5)."""
    import static_checks
    s = static_checks.scan(site, "calculator/index.html")
    mine = [j for j in s.js if not any(x in j for x in ("calculator-data.js", "search-index.js", "search.js", "tables.js",
                                                         "theme.js", "nav.js"))]
    if not mine:
        res.warn("calculator", "no calculator script found besides the data file; number scan skipped")
        return
    for ref in mine:
        path = os.path.normpath(os.path.join(site, "calculator", ref))
        if not os.path.isfile(path):
            res.fail("calculator", ref, "script missing")
            continue
        text = re.sub(r"/\*.*?\*/|//[^\n]*", "", open(path, encoding="utf-8").read(), flags=re.S)
        # 5-digit numbers are code identifiers (97550...), not rules
        bad = sorted({n for n in SCRIPT_NUMBER.findall(text) if n not in ALLOWED_NUMBERS and not re.fullmatch(r"\d{5}", n)})
        res.check(not bad, "calculator", os.path.relpath(path, site),
                  "script contains numbers that may be thresholds/rates/dates (only lookups allowed): %s" % bad[:20])


def last_fee_date(content):
    """The last date of service a fee period of the content covers (`through:` of the fee files), or None."""
    folder = os.path.join(content or "Content", "data", "fees")
    last = None
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        m = re.search(r"^through:\s*['\"]?(\d{4}-\d{2}-\d{2})", open(os.path.join(folder, name), encoding="utf-8").read(), re.M)
        if m and (last is None or m.group(1) > last):
            last = m.group(1)
    return last


def coverage(res, opts, cases, rejected, last_fee, n):
    """The compared cases must include every code family and setting the form offers (in accepted inputs) and a
    date after the last fee period (accepted or rejected)."""
    fams = {c["family"] for c in cases}
    sets = {c["setting"] for c in cases}
    after = [c for c in cases + [c for c, _ in rejected] if last_fee and c["date"] > last_fee]
    print("  compared: families %s, settings %s, %d dates after the last fee period (%s); %d rejected inputs" % (
        sorted(fams), sorted(sets), len(after), last_fee, len(rejected)), flush=True)
    if n < 40:
        return
    for what, offered, seen in (("code family", opts.get("family") or [], fams), ("setting", opts.get("setting") or [], sets)):
        missing = sorted(set(offered) - seen)
        res.check(offered and not missing, "calculator", "coverage",
                  "no accepted case for %s %s (offered: %s)" % (what, missing or "-", offered))
    cfs = [c for c in cases if c.get("conversion-factor")]
    print("  %d accepted cases with a conversion-factor option" % len(cfs), flush=True)
    if opts.get("cf"):
        res.check(bool(cfs), "calculator", "coverage",
                  "no accepted case with a conversion-factor option (offered: %s)" % opts["cf"])
    res.check(bool(last_fee) and bool(after), "calculator", "coverage",
              "no case dated after the last fee period (%s; dates %s..%s)" % (last_fee, opts["dateMin"], opts["dateMax"]))


def run(res, drv, site, cli, content, server):
    if not os.path.isfile(os.path.join(site, "calculator", "index.html")):
        res.warn("calculator", "calculator/index.html is not in the generated site yet (issue 5): comparison with "
                 "`ctsguide calc --json` skipped")
        return
    if not cli or not os.access(cli, os.X_OK):
        res.fail("calculator", "", "CLI not found/executable: %r" % cli)
        return
    n = int(os.environ.get("CALC_CASES", "200"))
    n_http = int(os.environ.get("CALC_HTTP_CASES", str(n)))
    rng = random.Random(int(os.environ.get("CALC_SEED", "20250602")))
    scan_script(res, site)

    drain_logs(drv)
    load(drv, page_url("file", site, "calculator/index.html"))
    opts = drv.execute_script(OPTIONS_JS)
    print("  page options: %d localities, profiles %s, dates %s..%s" % (
        len(opts["locality"]), opts["profile"] or "(none found)", opts["dateMin"], opts["dateMax"]), flush=True)

    # draw cases and run the CLI for them (in parallel: it is process-bound)
    cases, outs, invalid, attempts = [], [], [], 0
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        while len(cases) < n and attempts < 4 * n:
            batch = [draw(rng, opts) for _ in range(min(50, 4 * n - attempts))]
            attempts += len(batch)
            for case, out in zip(batch, pool.map(lambda c: run_cli(cli, content, c), batch)):
                if "error" in out:
                    res.fail("calculator", query(case), "ctsguide calc: " + out["error"])
                elif "invalid" in out:
                    invalid.append((case, out))
                elif len(cases) < n:
                    cases.append(case)
                    outs.append(out)
    print("  %d valid + %d rejected inputs from %d draws; CLI %.1f s" % (
        len(cases), len(invalid), attempts, time.monotonic() - t0), flush=True)
    if not cases:
        res.fail("calculator", "", "`ctsguide calc --json` rejected all %d drawn inputs; first: %s\n  %s" % (
            attempts, query(invalid[0][0]) if invalid else "-", invalid[0][1]["invalid"] if invalid else "-"))
        return
    if len(cases) < n:
        res.fail("calculator", "", "only %d of %d drawn inputs were accepted by the CLI (first rejection: %s)" % (
            len(cases), n, invalid[0][1]["invalid"] if invalid else "-"))

    ids = [r"\b%s\b" % re.escape(p) for p in opts.get("profile") or [] if re.search(r"[a-z]-[a-z]", p)]
    rejected = invalid[:max(10, n // 4)]
    coverage(res, opts, cases, rejected, last_fee_date(content), n)
    for mode, count in (("file", n), ("http", n_http)):
        t1 = time.monotonic()
        fails = 0
        todo = list(zip(cases, outs))[:count] + rejected[:max(10, count // 4)]
        for case, out in todo:
            drain_logs(drv)
            load(drv, page_url(mode, site, "calculator/index.html", server) + query(case))
            msg = compare(case, out, read_page(drv), ids)
            reqs = [r for r in network_events(drv).values() if r.get("url") and not (
                r["url"].startswith("data:") or r["url"].startswith(
                    harness.pathlib.Path(site).resolve().as_uri() if mode == "file" else server.base))]
            errs = [m for lvl, m in console_messages(drv) if lvl == "SEVERE"]
            if reqs:
                msg = (msg + "; " if msg else "") + "requests leaving the site: %s" % [r["url"] for r in reqs]
            if errs:
                msg = (msg + "; " if msg else "") + "console errors: %s" % [e[:200] for e in errs]
            if msg:
                fails += 1
                res.fail("calculator", "%s %s" % (mode, query(case)), msg, quiet=fails > 15)
            else:
                res.ok("calculator", query(case))
        if fails > 15:
            print("  FAIL calculator: ... and %d more %s cases" % (fails - 15, mode))
        print("  %s: %d cases, %d differ (%.1f s)" % (mode, len(todo), fails, time.monotonic() - t1), flush=True)
