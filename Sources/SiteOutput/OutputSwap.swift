import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the output folder is replaced, separate from how files are written into the staging folder
/// (`SiteWriter`). The new site is written into `.<name>.staging-<pid>` beside the output folder, then the two
/// are exchanged in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`): at every instant the output path is
/// the whole old site or the whole new one. The old site, now under the staging name, is removed last; if the
/// process dies before that, the next build removes it (and any staging folder of a build that is gone).
package enum OutputSwap {
    /// The checked output: where it is, and whether an old site is there to exchange with.
    package struct Plan {
        var output: String
        var parent: String
        var name: String
        var exists: Bool
        package var staging: String
        /// The lock on the folder that holds the output, held from `prepare` until `commit` or `unlock`.
        var lock: OutputLock
    }

    /// Checks the output path and cleans what killed or failed builds left beside it.
    package static func prepare(_ given: String, force: Bool, marker: String) throws(WriteError) -> Plan {
        let fm = FileManager.default
        guard !given.isEmpty else {
            throw WriteError("output.empty-path", path: "--output", message: "the output folder is empty ('')", hint: "give a folder, such as Public")
        }
        var out = given
        while out.count > 1, out.hasSuffix("/") { out.removeLast() }
        let url = URL(fileURLWithPath: out)
        let name = url.lastPathComponent
        let lastGiven = out.split(separator: "/").last.map(String.init) ?? ""
        if out == "/" || [".", ".."].contains(lastGiven) || name == "." || name == ".." || name.isEmpty {
            throw WriteError("output.unnamed-folder", path: given, message: "the output must be a named folder, not '\(given)'", hint: "give a folder, such as Public")
        }
        let parent = url.deletingLastPathComponent().path
        var st = stat()
        let exists = lstat(out, &st) == 0
        if exists && (st.st_mode & S_IFMT) == S_IFLNK {
            throw WriteError("output.symbolic-link",
                path: given, message: "the output path is a symbolic link; ctsguide replaces folders, not links",
                hint: "give the folder the link points to, or remove the link")
        }
        if exists && (st.st_mode & S_IFMT) != S_IFDIR {
            throw WriteError("output.not-a-folder", path: given, message: "the output path exists and is not a folder")
        }
        if exists, !force {
            let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty && !entries.contains(marker) {
                throw WriteError("output.foreign-folder",
                    path: given, message: "refusing to replace a folder that ctsguide did not write",
                    hint: "choose an empty or new folder, or pass --force to replace it")
            }
        }
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError("output.parent-uncreatable", path: given, message: "cannot create the folder that holds the output")
        }
        let held = OutputLock(parent)
        cleanLeftovers(parent: parent, name: name)
        let staging = parent + "/.\(name).staging-\(getpid())"
        return Plan(output: out, parent: parent, name: name, exists: exists, staging: staging, lock: held)
    }

    /// Removes every `.<name>.staging-<pid>` and `.<name>.old-<pid>` folder: they are what killed or failed
    /// builds left, since the caller holds the lock on the parent folder (no other build is writing there).
    static func cleanLeftovers(parent: String, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent) else { return }
        for e in entries {
            for kind in [".\(name).staging-", ".\(name).old-"] where e.hasPrefix(kind) && Int32(e.dropFirst(kind.count)) != nil {
                try? fm.removeItem(atPath: parent + "/" + e)
            }
        }
    }

    /// Releases the plan's lock (for a build that writes in place, or gives up, instead of swapping).
    package static func unlock(_ plan: Plan) { plan.lock.release() }

    /// Puts the staged site in place: one exchange (or, on the first build, one rename that refuses to replace
    /// anything), then removes the old site.
    package static func commit(_ plan: Plan) throws(WriteError) {
        defer { unlock(plan) }
        testStop("staged")
        guard place(plan.staging, plan.output, exchange: plan.exists) else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: plan.staging)
            if plan.exists {
                throw WriteError("output.swap-failed", path: plan.output, message: "cannot swap the new output into place: \(reason)")
            }
            throw WriteError("output.move-failed", path: plan.output, message: "cannot move the new output into place: \(reason)")
        }
        if plan.exists {
            testStop("swapped")
            try? FileManager.default.removeItem(atPath: plan.staging)  // the old site, now under the staging name
        }
    }

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `renameat2` from the C library (Glibc's Swift module does not declare it).
    static let renameat2: RenameAt2? = {
        #if os(Linux)
            guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, "renameat2") else { return nil }
            return unsafeBitCast(sym, to: RenameAt2.self)
        #else
            return nil
        #endif
    }()

    /// Linux: exchange (or rename without replacing) atomically. Elsewhere, or on a file system without
    /// `RENAME_EXCHANGE`: two renames through `.<name>.old-<pid>`, the next build cleaning what a kill leaves.
    static func place(_ from: String, _ to: String, exchange: Bool) -> Bool {
        let renameExchange: UInt32 = 1 << 1, renameNoReplace: UInt32 = 1 << 0
        if let r2 = renameat2 {
            if r2(AT_FDCWD, from, AT_FDCWD, to, exchange ? renameExchange : renameNoReplace) == 0 { return true }
            if errno != EINVAL && errno != ENOSYS { return false }
        }
        if !exchange { return rename(from, to) == 0 }
        let url = URL(fileURLWithPath: to)
        let old = url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).old-\(getpid())"
        guard rename(to, old) == 0 else { return false }
        guard rename(from, to) == 0 else {
            _ = rename(old, to)
            return false
        }
        _ = rename(old, from)  // the old site goes where `commit` removes it
        return true
    }

    /// Test hook for the kill test: with `CTSGUIDE_TEST_STOP_AT=<step>` the process stops itself (SIGSTOP) at
    /// that step of the swap, so the test can kill it exactly there. Unset in every real build.
    package static func testStop(_ step: String) {
        if let at = ProcessInfo.processInfo.environment["CTSGUIDE_TEST_STOP_AT"], at == step {
            raise(SIGSTOP)
        }
    }
}

/// An exclusive lock on the folder that holds the output, held for as long as a build writes and swaps, so two
/// builds into the same place take turns (the lock goes with the process, even when it is killed). One per
/// build (not a shared global), so builds into different places in one process never release each other's.
package final class OutputLock: @unchecked Sendable {
    private var fd: Int32

    init(_ parent: String) {
        fd = open(parent, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { _ = flock(fd, LOCK_EX) }
    }

    /// Releases the lock; later calls do nothing.
    func release() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    deinit { release() }
}
