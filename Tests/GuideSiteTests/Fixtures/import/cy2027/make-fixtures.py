#!/usr/bin/env python3
"""Writes the made-up CY2027 CMS files of this folder from the real 2026 ones (Tests/Fixtures/reference-data/cms-2026).
Made up: the year, titles, release dates and conversion factors (the CY2027 final rule is not out; these figures are
never data). Kept from 2026: layouts, CRLF, preamble and footnote lines, RVUs, and the GPCIs — the 2027 work GPCI is
the 2026 one *without* the 1.0 floor (the floor ends with 2026, facts.md Part 3 D3). Run from this folder."""
import csv, io
REAL = "../../../../Fixtures/reference-data/cms-2026"
CTS = ("97550,", "97551,", "97552,", "G0539,", "G0540,", "G0541,", "G0542,", "G0543,")

def pprrvu(out, month, released, cf, pric):
    lines = open(f"{REAL}/PPRRVU2026_Jul_nonQPP.csv", encoding="latin-1", newline="").read().split("\r\n")
    head = [l for l in lines[:10]]
    head[0] = head[0].replace("2026 National Physician Fee Schedule Relative Value File July Release",
                              f"2027 National Physician Fee Schedule Relative Value File {month} Release")
    head[1] = head[1].replace("2026", "2027")
    head[2] = head[2].replace("2026", "2027")
    head[4] = head[4].replace("RELEASED 06/30/2026", f"RELEASED {released}")
    rows = [l for l in lines[10:] if l][:40] + [l for l in lines if l.startswith(CTS)]
    body = []
    for r in rows:
        f = r.split(",")
        if len(f) == 32:
            f[23] = pric
            f[25] = cf
            if f[0] in ("97550", "97551", "97552"):
                f[2] = ""  # CPT short descriptors are AMA text
        body.append(",".join(f))
    open(out, "w", encoding="latin-1", newline="").write("\r\n".join(head + body) + "\r\n")

def gpci(out, variant):
    lines = open(f"{REAL}/GPCI2026_Jan.csv", encoding="latin-1", newline="").read().split("\r\n")
    res = []
    for i, l in enumerate(lines):
        l = l.replace("CY 2026", "CY 2027")
        f = next(csv.reader([l])) if l else []
        if l.startswith("Medicare Administrative Contractor"):
            if variant == "pair":
                f = [x.replace("2026", "2027") for x in f]
            else:
                label = {"plain": "2027 PW GPCI", "without": "2027 PW GPCI (without 1.0 Floor)",
                         "with": "2027 PW GPCI (with 1.0 Floor)***"}[variant]
                f = f[:4] + [label] + [x.replace("2026", "2027") for x in f[6:]]
        elif len(f) == 8 and variant != "pair":
            f = f[:5] + f[6:]  # keep the unfloored work GPCI
        elif f and variant != "pair":
            f = f[:7]  # footnotes and blank lines: one cell fewer
        b = io.StringIO()
        csv.writer(b, lineterminator="").writerow(f)
        res.append(b.getvalue())
    open(out, "w", encoding="latin-1", newline="").write("\r\n".join(res))

pprrvu("PPRRVU2027_Jan_nonQPP.csv", "January", "12/01/2026", "32.8409", "9")
pprrvu("PPRRVU2027_Jan_QPP.csv", "January", "12/01/2026", "33.1693", "1")
pprrvu("PPRRVU2027_Jul_nonQPP.csv", "July", "06/15/2027", "33.1000", "9")
for v in ("plain", "without", "with", "pair"):
    gpci(f"GPCI2027-{v}.csv", v)
