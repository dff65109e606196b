import SiteContent
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Calls `onChange` on its own thread when files below `roots` change, after they have been quiet for
/// `settle` (an editor saving several files, or writing one in steps, gives one rebuild).
public final class FileWatcher: @unchecked Sendable {
    private let roots: [String]
    private let interval: TimeInterval
    private let settle: TimeInterval
    private let onChange: @Sendable ([String]) -> Void
    private let lock = NSLock()
    private var running = true

    public init(
        roots: [String], interval: TimeInterval = 0.1, settle: TimeInterval = 0.05,
        onChange: @escaping @Sendable ([String]) -> Void
    ) {
        self.roots = roots
        self.interval = interval
        self.settle = settle
        self.onChange = onChange
        let thread = Thread { [self] in loop() }
        thread.name = "ctsguide-watch"
        thread.start()
    }

    public func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func loop() {
        var last = FolderSnapshot.take(roots)
        while isRunning {
            Thread.sleep(forTimeInterval: interval)
            var now = FolderSnapshot.take(roots)
            var changed = now.changes(since: last)
            guard !changed.isEmpty else { continue }
            // Wait until the files stop changing.
            while isRunning {
                Thread.sleep(forTimeInterval: settle)
                let again = FolderSnapshot.take(roots)
                let more = again.changes(since: now)
                if more.isEmpty { break }
                changed = Array(Set(changed + more)).sorted()
                now = again
            }
            last = now
            if isRunning { onChange(changed) }
        }
    }
}
