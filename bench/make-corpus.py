#!/usr/bin/env python3
"""The project's own synthetic corpus for build benchmarks: a coding-reference-shaped Markdown tree.

    bench/make-corpus.py --pages N --out DIR [--sections 20] [--seed 1] [--force]

Writes DIR/content/: `_index.md` (home), `pages/_index.md`, `pages/section-XX/_index.md` per section, and N pages
`pages/section-XX/page-NNNNN.md` (numbered from 00001, in contiguous blocks per section). Every page has front
matter (`title`, `code` as a five-digit string, `summary`, `weight`, `tags`) and a CommonMark body of 2 to 4 KB:
h2/h3 headings, emphasis, strong and inline code, a bullet and a numbered list, a block quote, a fenced code
block, characters a renderer must escape (&, <, >), and 3 to 5 links to other pages written relative to the
page's output folder (`../../section-YY/page-MMMMM/`), so they resolve at any address and from file://. No raw
HTML and no tables. The files depend only on the arguments (Python 3 standard library only).
"""
import argparse
import os
import random
import shutil
import sys

NOUNS = ("session", "unit", "minute", "claim", "caregiver", "patient", "therapist", "payer", "modifier", "note",
         "visit", "plan", "goal", "record", "rate", "locality", "period", "threshold", "denial", "appeal", "line",
         "schedule", "assistant", "group", "consent", "date", "quarter", "edit", "policy", "review")
VERBS = ("documents", "limits", "changes", "supports", "counts", "requires", "adds", "splits", "reports", "checks",
         "follows", "sets", "lists", "explains", "repeats")
QUALIFIERS = ("each", "every", "the first", "the last", "a timed", "a billable", "the add-on", "the primary",
              "a later", "the payer's", "a separate", "the same")
HEADINGS2 = ("Summary", "Reporting", "Time and units", "Records to keep", "Frequent mistakes", "Payer differences",
             "Example", "See the related codes", "On the claim", "Dates")
HEADINGS3 = ("Who reports it", "Counted time", "Not counted", "Modifiers", "Unusual cases", "Checklist",
             "Rounding", "Date of service", "Group size", "Supervision")
ESCAPING = ("Fewer than 8 minutes & no second unit: 8 < 16 < 23.",
            "When minutes > 37 & < 53 the add-on is reported once.",
            "A & B travel together; a blank (< 1 character) is not a modifier.",
            "Compare the cap (> 0) with the year's amount & its sum.")
FENCES = (
    ("text", ["{c} x1  16 to 30 min", "{a} x1  each further 15 min", "total > 38 min & < 53 min -> 2 lines"]),
    ("json", ['{{"code": "{c}", "units": 2, "note": "x < y & y > z"}}']),
    ("yaml", ["code: \"{c}\"", "add_on: \"{a}\"", "minimum: 16   # < 16 is not billed"]),
    ("python", ["def lines(m):", "    return 0 if m < 16 else 1 + max(0, (m - 23) // 15)"]),
)
TAGS = ("billing", "units", "time", "claims", "records", "telehealth", "groups", "payment", "appeals", "consent")


def words(rng, n):
    out = []
    for _ in range(n):
        k = rng.randrange(3)
        out.append(rng.choice(QUALIFIERS) + " " + rng.choice(NOUNS) if k == 0 else
                   rng.choice(VERBS) if k == 1 else rng.choice(NOUNS))
    return out


def sentence(rng, links):
    w = words(rng, rng.randint(6, 12))
    pick = rng.randrange(5)
    i = rng.randrange(len(w))
    if pick == 0:
        w[i] = "*" + w[i] + "*"
    elif pick == 1:
        w[i] = "**" + w[i] + "**"
    elif pick == 2:
        w[i] = "`" + w[i].replace(" ", "_") + "`"
    elif pick == 3 and links:
        text, href = links.pop()
        w[i] = "[%s](%s)" % (text, href)
    s = " ".join(w)
    return s[:1].upper() + s[1:] + "."


def para(rng, links, lo, hi):
    return " ".join(sentence(rng, links) for _ in range(rng.randint(lo, hi)))


def body(rng, code, addon, links, size):
    last = links.pop(0)
    parts = [para(rng, links, 1, 3), "## " + rng.choice(HEADINGS2), para(rng, links, 2, 4),
             "### " + rng.choice(HEADINGS3),
             "\n".join("- " + sentence(rng, links)[:-1] for _ in range(rng.randint(3, 5))),
             rng.choice(ESCAPING) + " " + para(rng, links, 1, 2),
             "## " + rng.choice(HEADINGS2),
             "\n".join("%d. %s" % (n + 1, sentence(rng, links)[:-1]) for n in range(rng.randint(3, 5))),
             "> " + para(rng, links, 1, 2)]
    lang, lines = rng.choice(FENCES)
    parts.append("```%s\n%s\n```" % (lang, "\n".join(l.format(c=code, a=addon) for l in lines)))
    parts.append("### " + rng.choice(HEADINGS3))
    while sum(len(p) + 2 for p in parts) < size - 200:
        parts.append(para(rng, links, 2, 4))
    parts.append("## Related pages")
    parts.append("\n".join("- [%s](%s)" % (t, h) for t, h in links + [last]))
    return "\n\n".join(parts) + "\n"


def front(title, weight, summary, code=None, tags=None):
    out = ["---", 'title: "%s"' % title]
    if code:
        out.append('code: "%s"' % code)
    out.append('summary: "%s"' % summary)
    out.append("weight: %d" % weight)
    if tags:
        out.append("tags: [%s]" % ", ".join('"%s"' % t for t in tags))
    return "\n".join(out + ["---", "", ""])


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description="Write a synthetic coding-reference corpus.")
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sections", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()
    if a.pages < 1 or a.sections < 1:
        sys.exit("make-corpus.py: --pages and --sections must be at least 1")
    content = os.path.join(a.out, "content")
    if os.path.exists(content):
        if not a.force:
            sys.exit("make-corpus.py: %s exists (use --force)" % content)
        shutil.rmtree(content)
    sections = min(a.sections, a.pages)
    section_of = lambda n: (n - 1) * sections // a.pages + 1  # contiguous blocks, sizes differing by one at most
    write(os.path.join(content, "_index.md"),
          front("Coding reference", 1, "A synthetic coding reference for build benchmarks.")
          + "This reference is generated for build benchmarks.\n")
    write(os.path.join(content, "pages", "_index.md"),
          front("Pages", 1, "Every section of the reference.") + "The reference in %d sections.\n" % sections)
    for s in range(1, sections + 1):
        write(os.path.join(content, "pages", "section-%02d" % s, "_index.md"),
              front("Section %02d" % s, s, "Pages of section %02d." % s) + "The pages of section %02d.\n" % s)
    for n in range(1, a.pages + 1):
        rng = random.Random(a.seed * 1_000_003 + n)
        # Distinct five-digit codes for up to 90,000 pages (7919 is prime, so n × 7919 mod 90,000 never repeats).
        code = "%05d" % (10000 + (n * 7919) % 90000)
        addon = "%05d" % (10000 + ((n % a.pages + 1) * 7919) % 90000)
        links = []
        for _ in range(rng.randint(3, 5)):
            m = rng.randint(1, a.pages)
            links.append(("page %05d" % m, "../../section-%02d/page-%05d/" % (section_of(m), m)))
        text = front("Code %s: %s" % (code, rng.choice(HEADINGS2).lower()), n, "How to report code %s." % code,
                     code=code, tags=rng.sample(TAGS, 3))
        text += body(rng, code, addon, links, rng.randint(2200, 3900))
        write(os.path.join(content, "pages", "section-%02d" % section_of(n), "page-%05d.md" % n), text)
    print("make-corpus.py: %d pages in %d sections under %s" % (a.pages, sections, content))


if __name__ == "__main__":
    main()
