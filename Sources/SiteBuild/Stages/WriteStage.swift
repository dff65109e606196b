import SiteContent
import SiteOutput
import Dispatch

/// Where a build's files go: a staging folder swapped in at the end (`StagingSink`), or memory (`MemorySink`,
/// for `generate`, the preview server and incremental builds).
package protocol SiteSink {
    mutating func write(_ files: [OutputFile]) throws(WriteError)
}

/// Collects every file in memory.
package struct MemorySink: SiteSink {
    package var files: [OutputFile] = []
    package init() {}
    package mutating func write(_ files: [OutputFile]) throws(WriteError) { self.files += files }
}

/// Writes into a staging folder beside the output folder, opened with the first batch; `commit` swaps it in,
/// `abandon` removes it (if it was opened) and leaves the output folder as it was.
struct StagingSink: SiteSink {
    let output: String
    let force: Bool
    var staging: SiteWriter.Staging?

    mutating func write(_ files: [OutputFile]) throws(WriteError) {
        try open()
        try staging!.write(files)
    }

    mutating func open() throws(WriteError) {
        if staging == nil { staging = try SiteWriter.Staging.open(output: output, force: force) }
    }

    mutating func commit() throws(WriteError) {
        try open()
        try staging!.commit()
    }

    func abandon() { staging?.abandon() }
}

/// Stage 5: every laid-out page, batch by batch, then the generated files, into a sink.
package enum WriteStage {
    /// The number of files written. Layout and write times are added to `timings`.
    package static func run(
        _ render: RenderStage, files: [OutputFile], into sink: inout some SiteSink, timings: inout BuildTimings
    ) throws(WriteError) -> Int {
        var layoutTime = 0.0, writeTime = 0.0
        var count = 0
        for range in render.batches {
            let t0 = DispatchTime.now()
            let batch = render.pages(range)
            let t1 = DispatchTime.now()
            try sink.write(batch)
            layoutTime += BuildTimings.seconds(t0, t1)
            writeTime += BuildTimings.seconds(t1, DispatchTime.now())
            count += batch.count
        }
        let t1 = DispatchTime.now()
        try sink.write(files)
        writeTime += BuildTimings.seconds(t1, DispatchTime.now())
        count += files.count
        timings.stages.append(.init(name: "lay out pages", seconds: layoutTime))
        timings.stages.append(.init(name: "write files", seconds: writeTime))
        return count
    }
}
