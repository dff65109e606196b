import Dispatch
import Foundation

/// Makes a staging folder's sub-folders on a thread of its own, in path order (parents first), while pages are
/// still being laid out and written: the files of one batch are written on all cores while the folders of the
/// next are made. Folders are made one after the other on purpose: each `mkdir` locks its parent folder, and
/// thousands of page folders share a few parents. Writers wait (`wait(for:)`) until the folders they need exist.
final class FolderMaker: @unchecked Sendable {
    private let base: String
    private let folders: [String]
    private let position: [String: Int]
    private let condition = NSCondition()
    /// Folders made so far (a prefix of `folders`), and the first failure.
    private var done = 0
    private var failure: (folder: String, errno: Int32)?
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts making `folders` (relative to `base`, each listed after its parent folder) at once.
    init(base: String, folders: [String]) {
        self.base = base
        self.folders = folders
        var position: [String: Int] = [:]
        for (i, f) in folders.enumerated() { position[f] = i }
        self.position = position
        Thread.detachNewThread { [self] in run() }
    }

    private func run() {
        for (i, folder) in folders.enumerated() {
            condition.lock()
            let stop = stopped
            condition.unlock()
            if stop { break }
            let ok = mkdir(base + "/" + folder, 0o777) == 0 || errno == EEXIST
            let e = errno
            condition.lock()
            if ok { done = i + 1 } else { failure = (folder, e) }
            condition.broadcast()
            condition.unlock()
            if !ok { break }
        }
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        finished.signal()
    }

    /// Whether this maker makes `folder`.
    func plans(_ folder: String) -> Bool { position[folder] != nil }

    /// Waits until every planned folder among `needed` exists; the first folder that could not be made, if any.
    func wait(for needed: [String]) -> (folder: String, errno: Int32)? {
        let last = needed.compactMap { position[$0] }.max() ?? -1
        condition.lock()
        defer { condition.unlock() }
        while done <= last && failure == nil && !stopped { condition.wait() }
        if let failure { return failure }
        return done > last ? nil : (folders[last], ENOENT)
    }

    /// Stops after the folder being made and waits for the thread (before the staging folder is removed or
    /// swapped in). Later calls return at once.
    func stop() {
        condition.lock()
        stopped = true
        condition.unlock()
        if !joined {
            finished.wait()
            joined = true
        }
    }
    private var joined = false
}
