import Foundation
import Testing

import TestSupport

/// MAINTAINING.md cannot drift from the tool: every command in its ```` ```sh runbook ```` blocks is run
/// literally (through `/bin/sh`, in document order) with the built `ctsguide` on the PATH, in a copy of the
/// repository's Content/ and Templates/, with the made-up CY2027 files (Fixtures/import/cy2027) placed where the
/// commands expect them (`~/cms/rvu27a/`, `~/cms/rvu27c/`, HOME pointing at a temporary folder).
@Suite struct RunbookTests {
    struct Command {
        var text: String
        var line: Int
    }

    /// The commands of the `sh runbook` blocks: indentation of the fence removed, `\` continuations joined.
    static func runbookCommands(_ markdown: String) -> [Command] {
        var out: [Command] = []
        let lines = markdown.components(separatedBy: "\n")
        var i = 0
        while i < lines.count {
            let fence = lines[i]
            let indent = fence.prefix { $0 == " " }.count
            guard fence.dropFirst(indent) == "```sh runbook" else {
                i += 1
                continue
            }
            i += 1
            var pending = "", start = 0
            while i < lines.count, lines[i].dropFirst(indent) != "```" {
                // A continued line's own indentation is only layout (the shell reads it as spaces between words).
                let line = pending.isEmpty
                    ? String(lines[i].dropFirst(min(indent, lines[i].prefix { $0 == " " }.count)))
                    : lines[i].trimmingCharacters(in: .whitespaces)
                if pending.isEmpty { start = i + 1 }
                if line.hasSuffix("\\") {
                    pending += line.dropLast().trimmingCharacters(in: .whitespaces) + " "
                } else {
                    pending += line
                    let t = pending.trimmingCharacters(in: .whitespaces)
                    if !t.isEmpty { out.append(Command(text: t, line: start)) }
                    pending = ""
                }
                i += 1
            }
            i += 1
        }
        return out
    }

    /// The package's debug `ctsguide` (`swift build --product ctsguide`; `make test` builds it first: `swift test`
    /// alone does not build the executable).
    static func binary() -> Result<String, BinaryProblem> {
        let fm = FileManager.default
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ctsguide").path
        guard let path = [beside, Paths.packageRoot + "/.build/debug/ctsguide"].first(where: { fm.isExecutableFile(atPath: $0) }) else {
            return .failure(BinaryProblem(message: "no built ctsguide: run `swift build --product ctsguide` (make test does)"))
        }
        return .success(path)
    }

    struct BinaryProblem: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func run(_ command: String, cwd: String, home: String, bin: String) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["PATH"] = bin + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func everyRunbookCommandRunsAsDocumentedAndTheUndoRestoresContent() throws {
        let doc = try String(contentsOfFile: Paths.packageRoot + "/MAINTAINING.md", encoding: .utf8)
        let commands = Self.runbookCommands(doc)
        #expect(commands.count >= 8, "\(commands.map(\.text))")
        let ctsguide = try Self.binary().get()

        let fm = FileManager.default
        let root = NSTemporaryDirectory() + "ctsguide-runbook-" + UUID().uuidString
        let work = root + "/repo", home = root + "/home", bin = root + "/bin"
        for d in [work, home + "/cms/rvu27a", home + "/cms/rvu27c", bin] { try fm.createDirectory(atPath: d, withIntermediateDirectories: true) }
        try fm.copyItem(atPath: Paths.packageRoot + "/Content", toPath: work + "/Content")
        try fm.copyItem(atPath: Paths.packageRoot + "/Templates", toPath: work + "/Templates")
        try fm.createSymbolicLink(atPath: bin + "/ctsguide", withDestinationPath: ctsguide)
        let f = Paths.fixtures + "/import/cy2027/"
        for (from, to) in [
            ("PPRRVU2027_Jan_nonQPP.csv", "rvu27a/PPRRVU2027_Jan_nonQPP.csv"), ("PPRRVU2027_Jan_QPP.csv", "rvu27a/PPRRVU2027_Jan_QPP.csv"),
            ("GPCI2027-pair.csv", "rvu27a/GPCI2027.csv"), ("PPRRVU2027_Jul_nonQPP.csv", "rvu27c/PPRRVU2027_Jul_nonQPP.csv"),
            ("GPCI2027-with.csv", "rvu27c/GPCI2027_Jul.csv"),
        ] {
            try fm.copyItem(atPath: f + from, toPath: home + "/cms/" + to)
        }
        let before = Fixture.snapshot(work + "/Content")

        var seen: [String: (String, String)] = [:]
        for c in commands {
            let (status, out, err) = try Self.run(c.text, cwd: work, home: home, bin: bin)
            #expect(status == 0, "MAINTAINING.md:\(c.line): `\(c.text)` exited \(status)\n\(out)\(err)")
            if c.text.hasPrefix("ctsguide check") {
                #expect(out.contains("no errors") && !err.contains("warning"), "MAINTAINING.md:\(c.line): not clean\n\(out)\(err)")
            }
            seen[c.text] = (out, err)
        }
        let diff = try #require(seen["ctsguide fees diff 2026-01-01 2027-01-01"]?.0)
        #expect(diff.split(separator: "\n").contains { $0.hasPrefix("10112-00") && $0.contains("1.000 → 0.988") })
        let july = try #require(seen.first { $0.key.contains("--effective 2027-07-01") }?.value)
        #expect(july.0.contains("ended the earlier period 2027-01-01 on 2027-06-30") && july.1.contains("no QPP file"))
        #expect(commands.contains { $0.text.hasPrefix("ctsguide fees remove") })
        #expect(Fixture.snapshot(work + "/Content") == before, "the runbook's undo did not restore Content/")
    }

    @Test func runbookBlocksAreParsed() {
        let md = "x\n   ```sh runbook\n   a --b \\\n       c\n   d\n   ```\n```sh\nnot run\n```\n"
        #expect(Self.runbookCommands(md).map(\.text) == ["a --b c", "d"])
    }
}
