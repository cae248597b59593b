// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "quotectl",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Quotes", targets: ["Quotes"]),
        .executable(name: "quotectl", targets: ["quotectl"]),
        // The HTTP server, a program of its own so that quotectl neither builds nor loads Hummingbird;
        // `quotectl serve` runs it from the same folder.
        .executable(name: "quotectl-serve", targets: ["quotectl-serve"]),
        // Hostile inputs and the whole-pipeline check shared by the tests, the fuzzer (Fuzz/) and the benchmark.
        .library(name: "QuotesStress", targets: ["QuotesStress"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Without the default traits: quotectl-serve reads no swift-configuration files.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Thin C layer over ICU: its public header uses only <stdint.h> types.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(
            name: "Quotes",
            dependencies: ["CICU", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/fr"), .copy("Resources/registry"), .copy("Resources/calibration"), .copy("Resources/langid"), .copy("Resources/model"), .copy("Resources/notes")]
        ),
        .executableTarget(
            name: "quotectl",
            dependencies: [
                "Quotes",
                "QuotesReport",
                "QuotesBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The HTML report: a face of the engine, no attribution logic; its templates are data.
        .target(
            name: "QuotesReport",
            dependencies: ["Quotes", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        // The HTTP API over the engine and the report.
        .target(
            name: "QuotesServer",
            dependencies: [
                "Quotes",
                "QuotesReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "quotectl-serve",
            dependencies: [
                "QuotesServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "QuotesStress", dependencies: ["Quotes"]),
        // The benchmark behind `quotectl bench`: corpus building, the ICU floor, timings; tooling, not engine.
        .target(name: "QuotesBench", dependencies: ["Quotes", "CICU"]),
        .testTarget(
            name: "QuotesTests",
            dependencies: ["Quotes", "QuotesStress", "QuotesBench"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "QuotesReportTests", dependencies: ["Quotes", "QuotesReport"]),
        .testTarget(name: "QuotesServerTests", dependencies: ["Quotes", "QuotesServer"]),
    ],
    swiftLanguageModes: [.v6]
)
