// swift-tools-version:6.0
import PackageDescription

// One target per job (docs/architecture.md, "Targets"). The engine knows nothing of billing:
//   CalendarDates  the one date type, a leaf shared by the engine and the rules
//   SiteContent    load + check: Content/ pages, front matter, site.yaml, diagnostics (no cmark, no Mustache)
//   CMarkArena     (C) the per-thread memory of one page's cmark tree
//   SiteRender     Markdown (cmark), the directive protocol and the SiteExtension API, Mustache templates (its
//                  own parser and renderer), navigation
//   SiteOutput     writing the output folder: lock, staging, atomic swap
//   SiteBuild      the pipeline: load → check → compute → render → write, and the build cache
//   Preview        `ctsguide serve`: HTTP, watcher, live reload
// The guide plugs into it as a SiteExtension (GuideSite's `Guide.extension`, registered by the CLI):
//   CodingRules    the rules: units, claim lines, prices (pure; no I/O, no HTML, no prose)
//   RulesText      the one formatter of the rules' findings into words (site, calc, calculator data)
//   GuideData      the guide's data/ files: codes, fees, GPCIs, policies, sources, graded facts
//   GuideCalc      `ctsguide calc`: session input → rules → answer
//   GuideCompute   data files computed from the rules: calculator data, ZIP scripts, fee downloads
//   GuideSite      the guide's directives, `source:`/`fact:` links, certainty check, computed-file wiring
//   FeeImport      `ctsguide fees import/diff/import-zip`: CMS files → Content/data
//   ctsguide       the command line (thin): wires the engine and the guide
let package = Package(
    name: "ctsguide",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ctsguide", targets: ["ctsguide"]),
        .library(name: "CodingRules", targets: ["CodingRules"]),
        .library(name: "RulesText", targets: ["RulesText"]),
        .library(name: "FuzzEntries", targets: ["FuzzEntries"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "CMarkArena", dependencies: ["CCmark"]),
        .target(name: "CalendarDates"),
        // The engine: knows nothing of billing (ArchitectureTests).
        .target(name: "SiteContent", dependencies: ["CalendarDates", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "SiteRender",
            dependencies: ["CCmark", "CMarkArena", "SiteContent"]),
        .target(name: "SiteOutput", dependencies: ["SiteContent"]),
        .target(name: "SiteBuild", dependencies: ["CalendarDates", "SiteContent", "SiteRender", "SiteOutput"]),
        .target(name: "Preview", dependencies: ["SiteContent", "SiteOutput", "SiteRender", "SiteBuild"]),
        // The guide: plugs into the engine as a `SiteExtension` (GuideSite's `Guide.extension`).
        .target(name: "CodingRules", dependencies: ["CalendarDates"]),
        .target(name: "RulesText", dependencies: ["CodingRules"]),
        .target(name: "GuideData", dependencies: ["CodingRules", "SiteContent"]),
        .target(name: "GuideCalc", dependencies: ["CodingRules", "RulesText", "SiteContent", "GuideData"]),
        .target(
            name: "GuideCompute", dependencies: ["CodingRules", "RulesText", "SiteContent", "GuideData", "GuideCalc"]),
        .target(
            name: "GuideSite",
            dependencies: [
                "CodingRules", "RulesText", "SiteContent", "GuideData", "GuideCalc", "GuideCompute", "SiteRender",
            ]),
        .target(name: "FeeImport", dependencies: ["CodingRules", "SiteContent", "GuideData"]),
        .target(
            name: "FuzzEntries",
            dependencies: [
                "CodingRules", "SiteContent", "GuideData", "GuideCalc", "GuideCompute", "GuideSite", "SiteRender",
                "SiteOutput", "SiteBuild", "FeeImport",
            ]),
        .executableTarget(
            name: "ctsguide",
            dependencies: [
                "CodingRules", "SiteContent", "GuideData", "GuideCalc", "GuideCompute", "GuideSite", "SiteRender",
                "SiteOutput", "SiteBuild", "FeeImport", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Tests follow the targets: each test target depends on the modules its tests import, plus TestSupport
        // (package-root paths, the fixture site, copies of Content/data; no module of the guide). Fixture files
        // stay under Tests/GuideSiteTests/Fixtures and are found by path from the package root.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CodingRulesTests", dependencies: ["CodingRules"]),
        .testTarget(name: "RulesTextTests", dependencies: ["RulesText", "CodingRules"]),
        .testTarget(name: "SiteContentTests", dependencies: ["SiteContent", "TestSupport"]),
        .testTarget(name: "GuideDataTests", dependencies: ["CodingRules", "SiteContent", "GuideData", "TestSupport"]),
        .testTarget(
            name: "GuideCalcTests", dependencies: ["CodingRules", "SiteContent", "GuideData", "GuideCalc", "TestSupport"]),
        .testTarget(
            name: "FeeImportTests",
            dependencies: ["CodingRules", "SiteContent", "GuideData", "GuideCalc", "FeeImport", "TestSupport"]),
        .testTarget(name: "SiteRenderTests", dependencies: ["SiteRender", "TestSupport"]),
        .testTarget(name: "SiteOutputTests", dependencies: ["SiteContent", "SiteOutput"]),
        .testTarget(
            name: "SiteBuildTests",
            dependencies: ["SiteContent", "SiteRender", "SiteOutput", "SiteBuild", "GuideSite", "TestSupport"]),
        .testTarget(name: "PreviewTests", dependencies: ["SiteBuild", "Preview", "GuideSite", "TestSupport"]),
        .testTarget(
            name: "GuideSiteTests",
            dependencies: [
                "CodingRules", "RulesText", "SiteContent", "GuideData", "GuideCalc", "GuideCompute", "GuideSite",
                "SiteRender", "SiteBuild", "FeeImport", "TestSupport",
            ],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
