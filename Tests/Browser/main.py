"""Entry point of the browser tests (run by run.sh inside the .venv-web venv).

    main.py --site DIR --cli PATH --content DIR --tmp DIR [--only CHECK,...]

Prints progress per check, each failure with its page and a precise message, and ends with exactly one line
`N passed, M failed`. Exit status 1 when anything failed."""
import argparse
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import harness  # noqa: E402
import static_checks  # noqa: E402

CHECKS = ["no-inline", "weight", "links-static", "vnu", "browser", "search", "calculator", "zip", "reader"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--cli", default="")
    ap.add_argument("--content", default="")
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--base-url", default="",
                    help="the site's base_url: in print, links in pages must show their address under it")
    ap.add_argument("--only", default=os.environ.get("BROWSER_ONLY", ""),
                    help="comma-separated subset of: " + ", ".join(CHECKS))
    a = ap.parse_args()
    only = set(filter(None, a.only.split(","))) or set(CHECKS)
    site = os.path.abspath(a.site)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    res = harness.Results()
    t0 = time.monotonic()
    pages = harness.site_pages(site)
    print("site %s: %d pages" % (site, len(pages)), flush=True)
    drv = None
    try:
        if "no-inline" in only:
            with res.section("no-inline (CSP meta, no inline script/style)"):
                static_checks.check_inline(res, site, pages)
        if "weight" in only:
            with res.section("weight (HTML + CSS + JS <= 60 KB)"):
                static_checks.check_weight(res, site, pages)
        if "links-static" in only:
            with res.section("links-static (check-site.py)"):
                static_checks.check_links_static(res, site, root)
        if "vnu" in only:
            with res.section("vnu (Nu HTML Checker)"):
                static_checks.check_vnu(res, site, pages)
        if only & {"browser", "search", "calculator", "zip", "reader"}:
            import browser_checks
            with harness.SiteServer(site, a.tmp) as server:
                with res.section("browser start"):
                    drv = harness.make_driver()
                    res.ok("browser", "")
                if drv is not None and "browser" in only:
                    with res.section("file:// pass (requests, csp, console, links, axe light/dark/toggle/360px, print, theme, phone)"):
                        browser_checks.run_file_pass(res, drv, site, pages, server, a.base_url)
                    with res.section("no-js pass (360 px, scripts disabled)"):
                        browser_checks.run_nojs_pass(res, drv, site, pages)
                    with res.section("http sub-path pass %s (requests, CSP header, console, links)" % server.base):
                        browser_checks.run_http_pass(res, drv, site, pages, server)
                if drv is not None and "search" in only:
                    with res.section("search (add-on, 97551, keyboard)"):
                        browser_checks.search_check(res, drv, site, "file")
                        browser_checks.search_check(res, drv, site, "http", server)
                if drv is not None and "calculator" in only:
                    import calculator_test
                    with res.section("calculator (issue 5)"):
                        calculator_test.run(res, drv, site, a.cli, a.content, server)
                if drv is not None and "reader" in only:
                    import reader_test
                    with res.section("reader (issue 20: sticky answer, amounts at 390 px, code glance, search, print, 404)"):
                        reader_test.run(res, drv, site, a.cli, a.content, a.tmp)
                if drv is not None and "zip" in only:
                    import zip_test
                    with res.section("ZIP code field (issue 15)"):
                        zip_test.run(res, drv, site, a.cli, a.content, server)
    except KeyboardInterrupt:
        res.fail("run", "", "interrupted")
    except Exception:  # noqa: BLE001 - any crash is a failure, and the summary line must still come last
        res.fail("run", "", "harness crashed:\n" + traceback.format_exc())
    finally:
        if drv is not None:
            try:
                drv.quit()
            except Exception:  # noqa: BLE001
                pass
    for check, msg in res.warnings:
        print("warning: %s: %s" % (check, msg))
    print("total time %.1f s" % (time.monotonic() - t0))
    print(res.summary_line(), flush=True)
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
