import SiteBuild
import Foundation

/// Notices changes to a build's inputs by polling: every `interval` it takes the input stamp the quick route of
/// the cache compares (`InputStamp`: a `readdir`/`stat` walk of the content and templates folders) and compares
/// it with the last one. Polling was chosen over inotify because it needs no watch per folder (new and renamed
/// folders, editors that replace files, symlinked trees all just work), behaves the same on every platform and
/// file system (including network and container mounts where inotify is silent), and costs about 2 µs per file
/// per walk — a few milliseconds for a 5,000-page site — so a 100 ms interval is cheap.
enum FileWatcher {
    /// Polls while `running()` holds and calls `onChange` with the paths that changed (those the build reads:
    /// editors' hidden swap files and `~` backups among the pages do not count), once they have been quiet for
    /// `settle` (an editor saving several files, or writing one in steps, gives one rebuild).
    static func watch(
        _ options: BuildOptions, interval: TimeInterval = 0.1, settle: TimeInterval = 0.05, while running: () -> Bool,
        onChange: ([String]) -> Void
    ) {
        func changes(_ now: InputStamp, since old: InputStamp) -> [String] {
            (now.changes(since: old, options: options) ?? []).filter { !InputStamp.ignorable($0) }
                .map { InputStamp.root(of: $0, options) + "/" + $0.dropFirst(2) }
        }
        var last = InputStamp.take(options)
        while running() {
            Thread.sleep(forTimeInterval: interval)
            var now = InputStamp.take(options)
            var changed = changes(now, since: last)
            guard !changed.isEmpty else { continue }
            // Wait until the files stop changing.
            while running() {
                Thread.sleep(forTimeInterval: settle)
                let again = InputStamp.take(options)
                let more = changes(again, since: now)
                if more.isEmpty { break }
                changed = Array(Set(changed + more)).sorted()
                now = again
            }
            last = now
            if running() { onChange(changed) }
        }
    }
}
