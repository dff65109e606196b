// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ctsguide",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ctsguide", targets: ["ctsguide"]),
        .library(name: "CodingRules", targets: ["CodingRules"]),
        .library(name: "RulesText", targets: ["RulesText"]),
        .library(name: "GuideSite", targets: ["GuideSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
            name: "GuideSite",
            dependencies: [
                "CCmark",
                "CodingRules",
                "RulesText",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .executableTarget(
            name: "ctsguide",
            dependencies: [
                "GuideSite",
                "CodingRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "CodingRulesTests", dependencies: ["CodingRules"]),
        .testTarget(name: "RulesTextTests", dependencies: ["RulesText", "CodingRules"]),
        .testTarget(
            name: "GuideSiteTests",
            dependencies: ["GuideSite", "CodingRules", "RulesText"],
            resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
