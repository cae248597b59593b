// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "quotectl",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Quotes", targets: ["Quotes"]),
        .executable(name: "quotectl", targets: ["quotectl"]),
        // Hostile inputs and the whole-pipeline check shared by the tests, the fuzzer (Fuzz/) and the benchmark.
        .library(name: "QuotesStress", targets: ["QuotesStress"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "QuotesStress", dependencies: ["Quotes"]),
        .testTarget(
            name: "QuotesTests",
            dependencies: ["Quotes", "QuotesStress"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
