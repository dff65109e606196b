import SiteContent
import SiteOutput
import Foundation

/// Replaces a few files of an output folder in place, under the output lock the caller holds
/// (`OutputSwap.prepare`): every new file is first written whole into the plan's private staging folder beside
/// the output; only when all are written is each renamed over its old version (which is kept as a link until
/// the last rename, so a failed rename puts the old ones back). So an error leaves the output as it was, and a
/// killed build never leaves a half-written file in it (a kill between two renames can leave some files new
/// and others old; the staging folder it leaves is removed by the next build). Cheaper
/// than staging the whole site when an edit changes a page or two; large changes use the staging swap.
enum InPlaceUpdate {
    /// The most files changed or removed that are updated in place rather than through a whole-folder swap.
    static func limit(files: Int) -> Int { max(16, files / 100) }

    /// Writes `files` (paths relative to `out`) over their old versions and removes `removing`.
    static func apply(
        _ files: [OutputFile], removing: [String], in out: String, plan: OutputSwap.Plan, output: String
    ) throws(WriteError) {
        if files.isEmpty && removing.isEmpty { return }
        let staging = plan.staging
        guard mkdir(staging, 0o755) == 0 || errno == EEXIST else {
            throw WriteError(.stagingUnwritable, path: output, message: "cannot write the staging folder: \(String(cString: strerror(errno)))")
        }
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let failed = parallelMap(Array(files.indices)) { i in !writeNewFile(staging + "/\(i)", files[i].bytes) }
        if let i = failed.firstIndex(of: true) {
            throw WriteError(.outputFileUnwritable, path: output, message: "cannot write '\(files[i].path)'")
        }
        OutputSwap.testStop("staged")
        // Each old version is kept (a hard link) until every new one is in, so a failed rename can be undone.
        var done: [(target: String, old: String?)] = []
        var made: [String] = []
        func undo() {
            for (target, old) in done.reversed() {
                if let old { rename(old, target) } else { unlink(target) }
            }
            for dir in made.reversed() { rmdir(dir) }
        }
        for (i, f) in files.enumerated() {
            let target = out + "/" + f.path
            var parts = f.path.split(separator: "/").dropLast()
            var missing: [String] = []
            while !parts.isEmpty, access(out + "/" + parts.joined(separator: "/"), F_OK) != 0 {
                missing.append(out + "/" + parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
            for dir in missing.reversed() {
                guard mkdir(dir, 0o755) == 0 || errno == EEXIST else {
                    undo()
                    throw WriteError("output.folder-uncreatable", path: output, message: "cannot create the folder '\(dir)'")
                }
                made.append(dir)
            }
            let old = staging + "/old-\(i)"
            let kept = link(target, old) == 0
            guard rename(staging + "/\(i)", target) == 0 else {
                let reason = String(cString: strerror(errno))
                undo()
                throw WriteError("output.replace-failed", path: output, message: "cannot replace '\(f.path)': \(reason)")
            }
            done.append((target, kept ? old : nil))
        }
        for path in removing {
            unlink(out + "/" + path)
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty, rmdir(out + "/" + parts.joined(separator: "/")) == 0 { parts = parts.dropLast() }
        }
    }
}
