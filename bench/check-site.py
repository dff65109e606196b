#!/usr/bin/env python3
"""The project's own link check of a generated site (used by `make bench` and the browser tests' static checks).

    bench/check-site.py SITE_DIR [OTHER_SITE_DIR]

Reads every .html file under SITE_DIR and checks each href and src: a link to a page of the site must be
relative (no leading '/', no scheme or host) and must reach a file inside SITE_DIR, or a folder there with an
index.html. Links with a scheme (https:, mailto:, data:, ...) and same-page links ('#id', '?q') are not followed.
With OTHER_SITE_DIR it also compares the sets of HTML files of the two sites (another generator's output of the
same content). Prints a summary and the first problems; exit 0 when there are none, 1 otherwise.
"""
import html.parser
import os
import sys
import urllib.parse


class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found += [v for k, v in attrs if k in ("href", "src") and v is not None]


def html_files(root):
    return sorted(os.path.relpath(os.path.join(d, f), root)
                  for d, _, fs in os.walk(root) for f in fs if f.endswith(".html"))


def problems_of(root):
    root = os.path.realpath(root)
    files = html_files(root)
    problems, followed = [], 0
    for rel in files:
        c = Collector()
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            c.feed(f.read())
        here = os.path.dirname(os.path.join(root, rel))
        for url in c.found:
            u = urllib.parse.urlsplit(url)
            if u.scheme or u.netloc:
                if u.scheme in ("", "http", "https") and u.netloc and not u.scheme:
                    problems.append((rel, url, "protocol-relative"))
                continue  # another site, mail, data: not this site's files
            if url.startswith("/"):
                problems.append((rel, url, "root-relative (breaks at a sub-path and from file://)"))
                continue
            if not u.path:
                continue
            followed += 1
            target = os.path.realpath(os.path.join(here, urllib.parse.unquote(u.path)))
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            if not (target == root or target.startswith(root + os.sep)):
                problems.append((rel, url, "outside the site"))
            elif not os.path.isfile(target):
                problems.append((rel, url, "missing"))
    return files, followed, problems


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: check-site.py SITE_DIR [OTHER_SITE_DIR]")
    files, followed, problems = problems_of(argv[1])
    print("check-site.py: %s: %d HTML files, %d relative links, %d problems" % (argv[1], len(files), followed, len(problems)))
    for rel, url, why in problems[:20]:
        print("  %s: %s (%s)" % (rel, url, why))
    ok = not problems and bool(files)
    if not files:
        print("  no HTML files")
    if len(argv) == 3:
        mine, theirs = set(files), set(html_files(argv[2]))
        only_mine, only_theirs = sorted(mine - theirs), sorted(theirs - mine)
        print("check-site.py: %d HTML files only in %s, %d only in %s" % (len(only_mine), argv[1], len(only_theirs), argv[2]))
        for p in (only_mine + only_theirs)[:20]:
            print("  " + p)
        ok = ok and not only_mine and not only_theirs
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
