#!/usr/bin/env python3
"""Reproducibility test: the project's own site built twice, from copies in different folders (different path
lengths), whose files were created in opposite orders, under different TZ, locale and umask, must give
byte-identical trees (same file names, same bytes). Usage: repro_test.py [BIN]"""
import hashlib, locale, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/ctsguide"))


def copy_tree(src, dst, reverse):
    """Copies Content/ and Templates/ creating files (and folders) in sorted or reversed order."""
    entries = []
    for top in ("Content", "Templates"):
        for dirpath, dirs, files in os.walk(os.path.join(src, top)):
            for name in files:
                entries.append(os.path.relpath(os.path.join(dirpath, name), src))
    entries.sort(reverse=reverse)
    for rel in entries:
        os.makedirs(os.path.dirname(os.path.join(dst, rel)), exist_ok=True)
        shutil.copyfile(os.path.join(src, rel), os.path.join(dst, rel))


def tree_digest(folder):
    out = {}
    for dirpath, dirs, files in os.walk(folder):
        for name in files:
            p = os.path.join(dirpath, name)
            with open(p, "rb") as f:
                out[os.path.relpath(p, folder)] = hashlib.sha256(f.read()).hexdigest()
    return out


def available_locale(candidates):
    have = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    for c in candidates:
        if c in have or c.replace("UTF-8", "utf8") in have:
            return c
    return "C"


def main():
    runs = [
        dict(dir="a", reverse=False, TZ="UTC", LC_ALL="C.UTF-8", umask=0o022),
        dict(dir="b/much/deeper/folder/with spaces", reverse=True, TZ="Pacific/Kiritimati",
             LC_ALL=available_locale(["de_DE.UTF-8", "tr_TR.UTF-8", "en_US.UTF-8", "POSIX"]), umask=0o077),
    ]
    digests = []
    with tempfile.TemporaryDirectory(prefix="ctsguide-repro-") as tmp:
        for r in runs:
            tree = os.path.join(tmp, r["dir"])
            os.makedirs(tree)
            copy_tree(ROOT, tree, r["reverse"])
            env = dict(os.environ, TZ=r["TZ"], LC_ALL=r["LC_ALL"], LANG=r["LC_ALL"])
            old = os.umask(r["umask"])
            try:
                p = subprocess.run([BIN, "build", "--content", "Content", "--templates", "Templates", "--output", "Public"],
                                   cwd=tree, env=env, capture_output=True, text=True)
            finally:
                os.umask(old)
            if p.returncode != 0:
                print("repro test: build failed in " + r["dir"] + ":\n" + p.stderr[-3000:])
                return 1
            digests.append(tree_digest(os.path.join(tree, "Public")))
    a, b = digests
    problems = sorted(set(a) ^ set(b)) + sorted(k for k in set(a) & set(b) if a[k] != b[k])
    print(f"repro test: {len(a)} files; TZ {runs[0]['TZ']} vs {runs[1]['TZ']}, locale {runs[0]['LC_ALL']} vs "
          f"{runs[1]['LC_ALL']}, umask 022 vs 077, creation order sorted vs reversed, different folders")
    for k in problems[:20]:
        print("DIFFERS " + k)
    print("repro test: " + ("passed: byte-identical trees" if not problems and a else f"{len(problems)} file(s) differ"))
    return 1 if problems or not a else 0


if __name__ == "__main__":
    sys.exit(main())
