#!/usr/bin/env python3
"""Kill test: SIGKILL `ctsguide build` at many points on a large site, including exactly between the steps of the
output swap (the build stops itself there when CTSGUIDE_TEST_STOP_AT names the step; the test then kills it).
After every kill the output folder must be the whole old site or the whole new one, and the next complete build
must remove every leftover beside it. Then the same for one-page edits, which are written in place: after every
kill each file is wholly old or wholly new. Usage: kill_test.py [BIN] [KILLS]"""
import hashlib, os, re, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/ctsguide"))
KILLS = int(sys.argv[2]) if len(sys.argv) > 2 else 16
PAGES = int(os.environ.get("KILL_TEST_PAGES", "300"))


def snapshot(folder):
    if not os.path.isdir(folder):
        return None
    h = hashlib.sha256()
    for dirpath, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            p = os.path.join(dirpath, name)
            h.update(os.path.relpath(p, folder).encode() + b"\0")
            with open(p, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def leftovers(tree):
    return sorted(n for n in os.listdir(tree) if n.startswith(".Public."))


def build_cmd():
    return [BIN, "build", "--content", "Content", "--templates", "Templates", "--output", "Public"]


def set_version(tree, v):
    """Two versions of the site that differ on every page (the footer) and in the page count."""
    p = os.path.join(tree, "Content/site.yaml")
    text = re.sub(r"footer:\n  - [^\n]*", f"footer:\n  - Footer line one, version {v}.", open(p, encoding="utf-8").read())
    open(p, "w", encoding="utf-8").write(text)
    extra = os.path.join(tree, "Content/guide/version-b.md")
    if v == "B":
        open(extra, "w").write("---\ntitle: Only in B\n---\nBody.\n")
    elif os.path.exists(extra):
        os.remove(extra)


def stopped(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "T"
    except FileNotFoundError:
        return False


def file_digests(folder):
    out = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            p = os.path.join(dirpath, name)
            with open(p, "rb") as f:
                out[os.path.relpath(p, folder)] = hashlib.sha256(f.read()).hexdigest()
    return out


def edits_in_place(tree, failures):
    """4. A one-page edit is written in place (the page and its search text renamed over their old versions):
    after a kill at any time, every file of the output is wholly its old or its new version, and the next
    complete build writes the whole new site."""
    page = os.path.join(tree, "Content/guide/g0/p1.md")
    base = open(page, encoding="utf-8").read()
    bodies = {"X": base + "\nEdited text X.\n", "Y": base + "\nEdited text Y, a little longer than X.\n"}
    expected = {}
    for v, text in bodies.items():
        open(page, "w", encoding="utf-8").write(text)
        subprocess.run(build_cmd()[:-1] + ["Expect" + v, "--no-cache"], cwd=tree, capture_output=True, check=True)
        expected[v] = file_digests(os.path.join(tree, "Expect" + v))
        expected[v].pop(".ctsguide-output", None)
        shutil.rmtree(os.path.join(tree, "Expect" + v))
    open(page, "w", encoding="utf-8").write(bodies["X"])
    subprocess.run(build_cmd(), cwd=tree, capture_output=True, check=True)
    current = "X"

    def edit_to(v):
        open(page, "w", encoding="utf-8").write(bodies[v])

    def check(label):
        got = file_digests(os.path.join(tree, "Public"))
        got.pop(".ctsguide-output", None)
        if set(got) != set(expected["X"]):
            failures.append(f"{label}: the output's files are not the site's files")
            return None
        mixed = [p for p, d in got.items() if d not in (expected["X"][p], expected["Y"][p])]
        if mixed:
            failures.append(f"{label}: {len(mixed)} file(s) neither old nor new, e.g. {mixed[0]}")
        return "Y" if all(got[p] == expected["Y"][p] for p in got) else "X" if all(
            got[p] == expected["X"][p] for p in got) else "mixed"

    start = time.monotonic()
    edit_to("Y")
    r = subprocess.run(build_cmd(), cwd=tree, capture_output=True, text=True, check=True)
    edit_time = time.monotonic() - start
    current = "Y"
    if "1 of" not in r.stdout:
        failures.append("a one-page edit did not take the page-edit rebuild: " + r.stdout.strip())
    # Stopped after every new file is written, before any is renamed in: the whole old site.
    new = "X"
    edit_to(new)
    p = subprocess.Popen(build_cmd(), cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=dict(os.environ, CTSGUIDE_TEST_STOP_AT="staged"))
    deadline = time.monotonic() + 120
    while not stopped(p.pid) and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    if p.poll() is not None:
        failures.append("page edit: the build ended without stopping before its renames")
    p.send_signal(signal.SIGKILL)
    p.wait()
    if check("page edit killed before its renames") != current:
        failures.append("page edit killed before its renames: the output is not the old site")
    outcomes = {}
    for k in range(KILLS):
        subprocess.run(build_cmd(), cwd=tree, capture_output=True, check=True)  # the output is `new` again
        new = "X" if new == "Y" else "Y"
        edit_to(new)
        delay = edit_time * (k + 0.5) / KILLS * 1.6
        p = subprocess.Popen(build_cmd(), cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        got = check(f"page edit, kill {k + 1} at {delay:.3f} s")
        outcomes[got] = outcomes.get(got, 0) + 1
    subprocess.run(build_cmd(), cwd=tree, capture_output=True, check=True)
    if check("page edit, the build after the kills") != new:
        failures.append("page edit: the build after the kills did not write the whole new site")
    if leftovers(tree):
        failures.append("page edit: leftovers after a complete build: " + ", ".join(leftovers(tree)))
    print(f"kill test, page edits in place: edit build {edit_time:.2f} s, 1 stop before the renames + {KILLS} timed "
          f"kills, outcomes {dict(sorted((str(k), v) for k, v in outcomes.items()))}; every file whole")


def main():
    failures = []
    with tempfile.TemporaryDirectory(prefix="ctsguide-kill-") as tmp:
        tree = os.path.join(tmp, "site")
        shutil.copytree(os.path.join(ROOT, "Tests/GuideSiteTests/Fixtures/site"), tree)
        for i in range(PAGES):
            d = os.path.join(tree, "Content/guide", f"g{i // 100}")
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, f"p{i}.md"), "w") as f:
                f.write(f"---\ntitle: Page {i}\n---\n## Part {i}\n\n" + ("Some words about caregiver training. " * 40) + "\n")
        expected = {}
        for v in "AB":
            set_version(tree, v)
            r = subprocess.run(build_cmd()[:-1] + ["Expect" + v], cwd=tree, capture_output=True, text=True)
            if r.returncode != 0:
                print(r.stderr[-3000:])
                return 1
            expected[v] = snapshot(os.path.join(tree, "Expect" + v))
            shutil.rmtree(os.path.join(tree, "Expect" + v))
        assert expected["A"] != expected["B"]
        set_version(tree, "A")
        start = time.monotonic()
        subprocess.run(build_cmd(), cwd=tree, capture_output=True, check=True)
        full = time.monotonic() - start
        names = {expected["A"]: "A", expected["B"]: "B"}
        current = "A"

        def check(label):
            got = snapshot(os.path.join(tree, "Public"))
            if got not in names:
                failures.append(f"{label}: the output is neither the whole old nor the whole new site")
                return None
            return names[got]

        # 1. Exactly at the swap's steps.
        for step, want in (("staged", "old"), ("swapped", "new")):
            new = "B" if current == "A" else "A"
            set_version(tree, new)
            p = subprocess.Popen(build_cmd(), cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 env=dict(os.environ, CTSGUIDE_TEST_STOP_AT=step))
            deadline = time.monotonic() + 120
            while not stopped(p.pid) and p.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            if p.poll() is not None:
                failures.append(f"stop at '{step}': the build ended without stopping there")
                continue
            p.send_signal(signal.SIGKILL)
            p.wait()
            got = check(f"killed at '{step}'")
            wanted = current if want == "old" else new
            if got is not None and got != wanted:
                failures.append(f"killed at '{step}': output is version {got}, expected {wanted} ({want})")
            if not leftovers(tree):
                failures.append(f"killed at '{step}': expected a staging folder to be left for the next build to clean")
            print(f"kill at step '{step}': output is the whole {want} site; leftovers {leftovers(tree)}")
            current = got or current
        # 2. At many points in time across the whole build.
        outcomes = {"old": 0, "new": 0}
        for k in range(KILLS):
            new = "B" if current == "A" else "A"
            set_version(tree, new)
            delay = full * (k + 0.5) / KILLS * 1.6
            p = subprocess.Popen(build_cmd(), cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait()
            got = check(f"kill {k + 1} at {delay:.2f} s")
            if got is not None:
                outcomes["new" if got == new else "old"] += 1
                current = got
        # 3. The next complete build leaves the new site and nothing beside it.
        before = leftovers(tree)
        r = subprocess.run(build_cmd(), cwd=tree, capture_output=True, text=True)
        if r.returncode != 0:
            failures.append("the build after the kills failed: " + r.stderr[-500:])
        if leftovers(tree):
            failures.append("leftovers after a complete build: " + ", ".join(leftovers(tree)))
        if snapshot(os.path.join(tree, "Public")) != expected[new]:
            failures.append("the build after the kills did not write the whole new site")
        print(f"kill test: {PAGES + 5} pages, full build {full:.2f} s, 2 kills at the swap's steps + {KILLS} timed kills "
              f"({outcomes['old']} left the old site, {outcomes['new']} the new one); leftovers before the last build: "
              f"{len(before)}, after: {len(leftovers(tree))}")
        edits_in_place(tree, failures)
    for f in failures:
        print("FAIL " + f)
    print("kill test: " + ("passed" if not failures else f"{len(failures)} failure(s)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
