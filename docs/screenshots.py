#!/usr/bin/env python3
"""Regenerates the README screenshots (desktop: a code page at 1366 x 900; dark: the calculator; phone: the
calculator at 390 x 844; print: the documentation worksheet) from a built site, on purpose.

    make site && .venv-web/bin/python docs/screenshots.py Public

Uses the browser-test harness (headless Chromium via selenium, no network). Writes docs/screenshot-*.png.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Browser"))
import harness  # noqa: E402

site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Public").resolve()
out = pathlib.Path(__file__).resolve().parent
page = (site / "codes" / "97550" / "index.html").as_uri()
calculator = (site / "calculator" / "index.html").as_uri() + "?minutes=53&date=2026-11-23"


def viewport(w, h, mobile=False):
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": mobile})


drv = harness.make_driver(width=1366, height=900)
try:
    viewport(1366, 900)
    harness.load(drv, page)
    drv.save_screenshot(str(out / "screenshot-desktop.png"))
    harness.set_dark_media(drv, True)
    harness.load(drv, calculator)
    drv.save_screenshot(str(out / "screenshot-dark.png"))
    harness.set_dark_media(drv, False)
    viewport(390, 844, True)
    harness.load(drv, calculator)
    drv.save_screenshot(str(out / "screenshot-phone.png"))
    viewport(794, 1123)
    drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    harness.load(drv, (site / "documentation" / "index.html").as_uri())
    drv.execute_script("var f = document.querySelector('.note-form'); if (f) window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY);")
    drv.save_screenshot(str(out / "screenshot-print.png"))
finally:
    drv.quit()
print("wrote", ", ".join(p.name for p in sorted(out.glob("screenshot-*.png"))))
