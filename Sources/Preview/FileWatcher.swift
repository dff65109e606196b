import SiteContent
import Foundation

/// Notices changes below some folders by polling (`FolderSnapshot`).
enum FileWatcher {
    /// Walks `roots` every `interval` while `running()` holds and calls `onChange` with the paths that changed,
    /// once they have been quiet for `settle` (an editor saving several files, or writing one in steps, gives one
    /// rebuild).
    static func watch(
        _ roots: [String], interval: TimeInterval = 0.1, settle: TimeInterval = 0.05, while running: () -> Bool,
        onChange: ([String]) -> Void
    ) {
        var last = FolderSnapshot.take(roots)
        while running() {
            Thread.sleep(forTimeInterval: interval)
            var now = FolderSnapshot.take(roots)
            var changed = now.changes(since: last)
            guard !changed.isEmpty else { continue }
            // Wait until the files stop changing.
            while running() {
                Thread.sleep(forTimeInterval: settle)
                let again = FolderSnapshot.take(roots)
                let more = again.changes(since: now)
                if more.isEmpty { break }
                changed = Array(Set(changed + more)).sorted()
                now = again
            }
            last = now
            if running() { onChange(changed) }
        }
    }
}
