// swift-tools-version:6.0
// libFuzzer targets over ctsguide's input stages (see run.sh). A package of its own so the main package's
// `swift build` and `swift test` never need the fuzzer runtime.
import PackageDescription

let targets = ["front-matter", "markdown", "template", "csv", "import-readers", "calc-args"]

let package = Package(
    name: "ctsguide-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "ctsguide", path: "..")],
    targets: [.target(name: "FuzzDriver", path: "Driver")] + targets.map { name in
        .executableTarget(
            name: "fuzz-" + name,
            dependencies: ["FuzzDriver", .product(name: "FuzzEntries", package: "ctsguide")],
            path: "Targets/" + name,
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    },
    swiftLanguageModes: [.v6]
)
