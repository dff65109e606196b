// swift-tools-version:6.0
import PackageDescription

// One target per job (see README "Layout of the code"):
//   CodingRules   the rules: units, claim lines, prices (pure; no I/O, no HTML, no prose)
//   RulesText     the one formatter of the rules' findings into words (site, calc, calculator data)
//   SiteContent   load + check: Content/ pages, site.yaml, data/, diagnostics (no cmark, no Mustache)
//   GuideCalc     `ctsguide calc`: session input → rules → answer (rules + content loader only)
//   GuideCompute  data files computed from the rules: calculator data, ZIP scripts, fee downloads
//   SiteRender    Markdown (cmark), directives, Mustache templates (its own parser and renderer), navigation
//   SiteOutput    writing the output folder: lock, staging, atomic swap
//   SiteBuild     the pipeline: load → check → compute → render → write, and the build cache
//   FeeImport     `ctsguide fees import/diff/import-zip`: CMS files → Content/data
//   Preview       `ctsguide serve`: HTTP, watcher, live reload
//   ctsguide      the command line (thin)
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
        .target(name: "CodingRules"),
        .target(name: "RulesText", dependencies: ["CodingRules"]),
        .target(
            name: "SiteContent",
            dependencies: ["CodingRules", .product(name: "Yams", package: "Yams")]),
        .target(name: "GuideCalc", dependencies: ["CodingRules", "RulesText", "SiteContent"]),
        .target(name: "GuideCompute", dependencies: ["CodingRules", "RulesText", "SiteContent", "GuideCalc"]),
        .target(
            name: "SiteRender",
            dependencies: [
                "CCmark", "CodingRules", "RulesText", "SiteContent", "GuideCalc", "GuideCompute",
            ]),
        .target(name: "SiteOutput", dependencies: ["SiteContent"]),
        .target(
            name: "SiteBuild",
            dependencies: ["CodingRules", "SiteContent", "GuideCalc", "GuideCompute", "SiteRender", "SiteOutput"]),
        .target(name: "FeeImport", dependencies: ["CodingRules", "SiteContent"]),
        .target(name: "Preview", dependencies: ["SiteContent", "SiteOutput", "SiteRender", "SiteBuild"]),
        .target(
            name: "FuzzEntries",
            dependencies: [
                "CodingRules", "SiteContent", "GuideCalc", "GuideCompute", "SiteRender", "SiteOutput", "SiteBuild",
                "FeeImport",
            ]),
        .executableTarget(
            name: "ctsguide",
            dependencies: [
                "CodingRules", "SiteContent", "GuideCalc", "GuideCompute", "SiteRender", "SiteOutput", "SiteBuild",
                "FeeImport", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Tests follow the targets: each test target depends on the modules its tests import, plus TestSupport
        // (package-root paths, the fixture site, copies of Content/data; no module of the guide). Fixture files
        // stay under Tests/GuideSiteTests/Fixtures and are found by path from the package root.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CodingRulesTests", dependencies: ["CodingRules"]),
        .testTarget(name: "RulesTextTests", dependencies: ["RulesText", "CodingRules"]),
        .testTarget(name: "SiteContentTests", dependencies: ["CodingRules", "SiteContent", "TestSupport"]),
        .testTarget(name: "GuideCalcTests", dependencies: ["CodingRules", "SiteContent", "GuideCalc", "TestSupport"]),
        .testTarget(
            name: "FeeImportTests", dependencies: ["CodingRules", "SiteContent", "GuideCalc", "FeeImport", "TestSupport"]),
        .testTarget(name: "SiteRenderTests", dependencies: ["SiteRender", "TestSupport"]),
        .testTarget(name: "SiteOutputTests", dependencies: ["SiteContent", "SiteOutput"]),
        .testTarget(
            name: "SiteBuildTests",
            dependencies: ["SiteContent", "SiteRender", "SiteOutput", "SiteBuild", "TestSupport"]),
        .testTarget(name: "PreviewTests", dependencies: ["SiteBuild", "Preview", "TestSupport"]),
        .testTarget(
            name: "GuideSiteTests",
            dependencies: [
                "CodingRules", "RulesText", "SiteContent", "GuideCalc", "GuideCompute", "SiteRender", "SiteBuild",
                "FeeImport", "TestSupport",
            ],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
