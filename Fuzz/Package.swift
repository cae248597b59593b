// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer target over the whole pipeline, kept apart from the main
// package so that only it is built with -sanitize=fuzzer. Run it with
// `scripts/fuzz` (see the README's "Reliability" section).
let package = Package(
    name: "QuotesFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "quotectl", path: "..")],
    targets: [
        // libFuzzer supplies main(): the target only defines LLVMFuzzerTestOneInput.
        .executableTarget(
            name: "QuotesFuzz",
            dependencies: [.product(name: "QuotesStress", package: "quotectl")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // Writes a pathological document to standard output: `pathological many-speakers 10000`.
        .executableTarget(
            name: "pathological",
            dependencies: [.product(name: "QuotesStress", package: "quotectl")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
