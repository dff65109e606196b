#!/usr/bin/env python3
"""Regenerates the README screenshots (desktop, phone, dark, print) from a built site, on purpose.

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

drv = harness.make_driver(width=1280, height=900)
try:
    harness.load(drv, page)
    drv.save_screenshot(str(out / "screenshot-desktop.png"))
    harness.set_dark_media(drv, True)
    harness.load(drv, page)
    drv.save_screenshot(str(out / "screenshot-dark.png"))
    harness.set_dark_media(drv, False)
    harness.set_phone(drv, 360)
    harness.load(drv, page)
    drv.save_screenshot(str(out / "screenshot-phone.png"))
    harness.set_phone(drv, None)
    drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    harness.load(drv, (site / "documentation" / "index.html").as_uri())
    drv.save_screenshot(str(out / "screenshot-print.png"))
finally:
    drv.quit()
print("wrote", ", ".join(p.name for p in sorted(out.glob("screenshot-*.png"))))
