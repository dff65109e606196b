#!/usr/bin/env python3
"""Bad-input corpus: runs the built ctsguide binary over every case in Tests/Corpus/cases/*.case.

A case file is a small tree laid over the fixture site (Tests/GuideSiteTests/Fixtures/site) plus what must
happen. Header lines (before the first `--- ` line):
  command: build | check | calc <args...>     (default: build; build/check get the site options added)
  exit: N                                      (expected exit code; default 1)
  error: path:line:col: error: message         (every error line printed must be listed, and every listed one printed)
  errors: N                                    (exactly N error lines, when their text is too long to list)
  stderr: text                                 (must appear somewhere in stderr)
  stdout: text                                 (must appear somewhere in stdout)
  absent: text                                 (must appear in neither stream)
  output: same | new                           (default: same when exit != 0; new = output folder was replaced)
  file: <path under Public> contains <text>    (after a successful build)
  timeout: seconds                             (default 10)
  pending: reason                              (known not to pass yet on this branch: run, report, do not fail)
  keep: <path>                                 (a folder or file of the tree that must be byte-identical after)
  user: 65534                                  (run the command as that user id: tests run as root, who reads all)
Body sections:
  --- file <path>       text of a file (relative to the tree root), up to the next `--- ` line
  --- delete <path>     remove a file or folder of the base tree
  --- sh                shell commands run in the tree root (for symlinks, binary bytes, big files)
Every case also checks: no crash (signal, 'Fatal error', stack dump), and the output folder byte-identical
(file names, bytes, link targets) when the build failed. Prints the count at the end.

Every case runs twice, and both runs must meet its expectations and agree with each other (exit code and every
error and warning line): once without a cache (`--no-cache` added to `build` and `serve`), and once with a warm
cache: the base site is first built (with its default cache), then the case's changes are made, then the command
runs with the cache. Cached and uncached builds may never disagree.
"""
import concurrent.futures, hashlib, os, shlex, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/ctsguide"))
BASE = os.path.join(ROOT, "Tests/GuideSiteTests/Fixtures/site")
CASES = os.path.join(ROOT, "Tests/Corpus/cases")
ONLY = sys.argv[2:]
CRASH_MARKS = ["Fatal error", "Stack dump", "Illegal instruction", "Segmentation fault", "Trace/breakpoint", "Current stack trace"]


def parse(path):
    head, sections, cur = [], [], None
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("--- "):
                kind, _, arg = line[4:].partition(" ")
                cur = [kind, arg.strip(), []]
                sections.append(cur)
            elif cur is None:
                head.append(line)
            else:
                cur[2].append(line)
    meta = {"error": [], "stderr": [], "stdout": [], "absent": [], "file": [], "keep": []}
    for line in head:
        if not line.strip() or line.startswith("#"):
            continue
        key, _, val = line.partition(":")
        key, val = key.strip(), val.strip()
        if key in meta and isinstance(meta[key], list):
            meta[key].append(val)
        else:
            meta[key] = val
    return meta, sections


def snapshot(folder):
    """Names, bytes and link targets of everything under `folder` (or None when it does not exist)."""
    if not os.path.lexists(folder):
        return None
    h = hashlib.sha256()
    if os.path.islink(folder):
        return "link:" + os.readlink(folder)
    for dirpath, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files + [d for d in dirs if os.path.islink(os.path.join(dirpath, d))]):
            p = os.path.join(dirpath, name)
            h.update(os.path.relpath(p, folder).encode() + b"\0")
            if os.path.islink(p):
                h.update(b"link:" + os.readlink(p).encode())
            else:
                with open(p, "rb") as f:
                    h.update(f.read())
    return h.hexdigest()


def make_tree(tmp, sections, warm=False):
    """The base site with the case's files and deletions; with `warm`, built once (with its default cache)
    before they are made. Returns (tree, problem)."""
    tree = os.path.join(tmp, "site")
    shutil.copytree(BASE, tree, symlinks=True)
    if warm:
        r = subprocess.run([BIN, "build", "--content", "Content", "--templates", "Templates", "--output", "Public"],
                           cwd=tree, capture_output=True, text=True)
        if r.returncode != 0:
            return tree, "the warm-up build failed: " + r.stderr[-500:]
    for kind, arg, lines in sections:
        text = "\n".join(lines)
        if kind == "file":
            p = os.path.join(tree, arg)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as f:
                f.write(text.rstrip("\n") + "\n" if text.strip() else "")
        elif kind == "delete":
            p = os.path.join(tree, arg)
            if os.path.isdir(p) and not os.path.islink(p):
                shutil.rmtree(p)
            elif os.path.lexists(p):
                os.remove(p)
    return tree, None


def command_line(meta, warm):
    cmd = shlex.split(meta.get("command", "build"))
    if cmd[0] in ("build", "check"):
        for opt, val in (("--content", "Content"), ("--templates", "Templates"), ("--output", "Public")):
            if opt not in cmd and (opt != "--output" or cmd[0] == "build"):
                cmd += [opt, val]
    if not warm and cmd[0] in ("build", "serve") and "--cache" not in cmd and "--no-cache" not in cmd:
        cmd.append("--no-cache")
    return cmd


def as_user(meta, tree):
    """The command prefix that runs as `user:` (the tree made theirs), or []."""
    user = meta.get("user")
    if not user or os.geteuid() != 0:
        return []  # (not root: the run is already an ordinary user's, to whom chmod 000 applies)
    subprocess.run(["chown", "-R", "--no-dereference", f"{user}:{user}", tree], check=True)
    os.chmod(os.path.dirname(tree), 0o755)
    return ["setpriv", "--reuid=" + user, "--regid=" + user, "--clear-groups", "--"]


def diagnostic_lines(err):
    return [l for l in err.split("\n") if ": error: " in l or ": warning: " in l]


def run_case(path, good_output, warm=False):
    """The problems of one run of a case, and its (exit code, diagnostic lines) for comparing the two runs."""
    meta, sections = parse(path)
    problems = []
    with tempfile.TemporaryDirectory(prefix="ctsguide-corpus-") as tmp:
        tree, setup = make_tree(tmp, sections, warm)
        if setup:
            return [setup], None
        if not warm:
            shutil.copytree(good_output, os.path.join(tree, "Public"), symlinks=True)
        for kind, arg, lines in sections:
            if kind == "sh":
                r = subprocess.run(["bash", "-euc", "\n".join(lines)], cwd=tree, capture_output=True, text=True)
                if r.returncode != 0:
                    return ["setup failed: " + r.stderr.strip()], None
        before = snapshot(os.path.join(tree, "Public"))
        inode_before = os.lstat(os.path.join(tree, "Public")).st_ino if os.path.lexists(os.path.join(tree, "Public")) else None
        kept = {k: snapshot(os.path.join(tree, k)) for k in meta["keep"]}
        cmd = command_line(meta, warm)
        prefix = as_user(meta, tree)
        limit = float(meta.get("timeout", "10"))
        start = time.monotonic()
        try:
            r = subprocess.run(prefix + [BIN] + cmd, cwd=tree, capture_output=True, timeout=limit,
                               env=dict(os.environ, LC_ALL="C.UTF-8"))
        except subprocess.TimeoutExpired:
            return [f"did not finish within {limit:g} s"], None
        took = time.monotonic() - start
        out = r.stdout.decode("utf-8", "replace")
        err = r.stderr.decode("utf-8", "replace")
        want_exit = int(meta.get("exit", "1"))
        if r.returncode < 0:
            problems.append(f"killed by signal {-r.returncode}")
        elif r.returncode != want_exit:
            problems.append(f"exit {r.returncode}, expected {want_exit}")
        for mark in CRASH_MARKS:
            if mark in err or mark in out:
                problems.append(f"crash marker '{mark}' in output")
        printed = [l for l in err.split("\n") if ": error: " in l]
        for e in meta["error"]:
            if e not in printed:
                problems.append("missing error line: " + e)
        if "errors" in meta and len(printed) != int(meta["errors"]):
            problems.append(f"{len(printed)} error lines, expected {meta['errors']}")
        if meta["error"]:
            for l in printed:
                if l not in meta["error"]:
                    problems.append("unexpected error line: " + l)
        for s in meta["stderr"]:
            if s not in err:
                problems.append("stderr lacks: " + s)
        for s in meta["stdout"]:
            if s not in out:
                problems.append("stdout lacks: " + s)
        for s in meta["absent"]:
            if s in err or s in out:
                problems.append("printed what it must not: " + s)
        after = snapshot(os.path.join(tree, "Public"))
        expect_output = meta.get("output", "same" if want_exit != 0 else "any")
        if expect_output == "same" and after != before:
            problems.append("the output folder changed")
        # (A cached build updates the output in place; that it holds the same site is checked by `run_both`.)
        if expect_output == "new" and not warm and (
                after is None or os.lstat(os.path.join(tree, "Public")).st_ino == inode_before):
            problems.append("the output folder was not replaced")
        for k, snap in kept.items():
            if snapshot(os.path.join(tree, k)) != snap:
                problems.append(f"{k} changed")
        for spec in meta["file"]:
            rel, _, needle = spec.partition(" contains ")
            p = os.path.join(tree, "Public", rel)
            if not os.path.isfile(p):
                problems.append(f"no output file {rel}")
            elif needle not in open(p, encoding="utf-8", errors="replace").read():
                problems.append(f"{rel} lacks: {needle}")
        leftovers = [n for n in os.listdir(tree) if ".staging" in n or ".old" in n]
        if leftovers:
            problems.append("leftover folders: " + ", ".join(leftovers))
        if problems:
            shown = "\n".join(l for l in err.split("\n") if ": warning: " not in l and not l.startswith("    hint:"))
            problems.append("--- stderr (warnings left out):\n" + shown[-2000:])
    return problems, (r.returncode, diagnostic_lines(err), after if r.returncode == 0 else None)


def run_both(path, good_output):
    """Both runs of a case (no cache, warm cache), and their disagreements."""
    cold, cold_seen = run_case(path, good_output, warm=False)
    warm, warm_seen = run_case(path, good_output, warm=True)
    problems = ["(no cache) " + p for p in cold] + ["(warm cache) " + p for p in warm]
    if cold_seen and warm_seen and cold_seen[2] != warm_seen[2]:
        problems.append("cached and uncached builds wrote different output folders")
    if cold_seen and warm_seen and cold_seen[:2] != warm_seen[:2]:
        problems.append(f"cached and uncached runs disagree: exit {cold_seen[0]} without a cache, {warm_seen[0]} with one")
        for l in cold_seen[1]:
            if l not in warm_seen[1]:
                problems.append("    only without a cache: " + l)
        for l in warm_seen[1]:
            if l not in cold_seen[1]:
                problems.append("    only with a cache: " + l)
    return problems


def main():
    names = sorted(n for n in os.listdir(CASES) if n.endswith(".case"))
    if ONLY:
        names = [n for n in names if any(o in n for o in ONLY)]
    with tempfile.TemporaryDirectory(prefix="ctsguide-corpus-good-") as tmp:
        tree, _ = make_tree(tmp, [])
        r = subprocess.run([BIN, "build", "--content", "Content", "--templates", "Templates", "--output", "Public"],
                           cwd=tree, capture_output=True, text=True)
        if r.returncode != 0:
            print("corpus: the base fixture site does not build:\n" + r.stderr)
            return 1
        good = os.path.join(tree, "Public")
        failed, pending = [], []
        start = time.monotonic()
        jobs = int(os.environ.get("CORPUS_JOBS", "2"))
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(lambda n: run_both(os.path.join(CASES, n), good), names))
        for n, problems in zip(names, results):
            meta, _ = parse(os.path.join(CASES, n))
            if problems and meta.get("pending"):
                pending.append(n)
                print(f"PENDING {n}: {meta['pending']}")
            elif problems:
                failed.append(n)
                print(f"FAIL {n}")
                for p in problems:
                    print("    " + p.replace("\n", "\n    "))
            elif meta.get("pending"):
                print(f"note: {n} is marked pending but passes now")
        took = time.monotonic() - start
    passed = len(names) - len(failed) - len(pending)
    print(f"corpus: {len(names)} cases (each without a cache and with a warm one), {passed} passed, {len(failed)} failed, {len(pending)} pending, in {took:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
