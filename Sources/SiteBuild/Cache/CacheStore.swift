import SiteContent
import SiteOutput
import Foundation

/// How much of a build the cache saved (printed by `build` and `serve`).
public struct CacheStats: Sendable, Equatable {
    public var pages = 0
    /// Pages whose Markdown was rendered (not reused).
    public var rendered = 0
    /// Pages laid out with their template (not reused).
    public var laidOut = 0
    /// Files written to the output folder (`build` only; unchanged files are left as they are).
    public var filesWritten: Int?
    /// The site snapshot this build wrote (`SiteSnapshot`).
    var snapshotID: Digest?
    /// How the build went: through the pipeline, or `QuickRebuild`'s quick route.
    public var route: Route = .pipeline

    public enum Route: Sendable, Equatable {
        case pipeline
        /// No input changed since the last build and the output folder is as it left it: nothing read or written.
        case nothingChanged
        /// Only the bodies of a few pages changed: only they were read, rendered and laid out (`PageEditBuild`).
        case editedPages
    }
}

/// Writes cache files: the output's file writer (`writeNewFile`) to a temporary name, then a rename (no fsync:
/// the cache is disposable, and a torn file decodes as a miss).
package enum CacheStore {
    static func write(_ bytes: [UInt8], to path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let tmp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        if !writeNewFile(tmp, bytes) || rename(tmp, path) != 0 { unlink(tmp) }
    }

    /// A file's bytes, or nil.
    package static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }
}

/// A `stat` time in nanoseconds.
func nanoseconds(_ t: timespec) -> Int { Int(t.tv_sec) * 1_000_000_000 + Int(t.tv_nsec) }
