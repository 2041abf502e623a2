// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Brook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "brook", targets: ["brook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CLZ4", path: "Sources/CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CSnappy", path: "Sources/CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
        .target(name: "BrookCore"),
        .target(name: "BrookSQL", dependencies: ["BrookCore"]),
        .target(name: "BrookStorage", dependencies: ["CSQLite"]),
        .target(name: "BrookPlanner", dependencies: ["BrookCore", "BrookSQL", "BrookStorage"]),
        .target(name: "BrookSentiment", dependencies: ["BrookStorage"], resources: [
            .copy("Resources/vader_lexicon.txt"),
            .copy("Resources/finance_lexicon.txt"),
            .copy("Resources/VADER-LICENSE.txt"),
        ]),
        .target(name: "BrookMarketData", dependencies: ["BrookCore"]),
        .target(name: "BrookKafka", dependencies: [
            "BrookStorage", "CZlib", "CZstd", "CLZ4", "CSnappy",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .target(name: "BrookRuntime", dependencies: [
            "BrookCore", "BrookSQL", "BrookPlanner", "BrookStorage", "BrookSentiment", "BrookKafka",
            .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: [
            // Operators own their state on one thread; dynamic exclusivity checks on every access
            // to it cost a tenth of the data path in release builds.
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),
        .target(name: "BrookLineEditor"),
        .target(name: "BrookShell", dependencies: ["BrookCore", "BrookSQL", "BrookPlanner", "BrookRuntime", "BrookStorage", "BrookLineEditor"]),
        .executableTarget(name: "brook", dependencies: [
            "BrookCore", "BrookSQL", "BrookPlanner", "BrookStorage", "BrookRuntime", "BrookSentiment", "BrookMarketData", "BrookKafka", "BrookShell", "BrookLineEditor",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "BrookSQLTests", dependencies: ["BrookSQL", "BrookCore"]),
        .testTarget(name: "BrookStorageTests", dependencies: ["BrookStorage"]),
        .testTarget(name: "BrookSentimentTests", dependencies: ["BrookSentiment", "BrookStorage"], exclude: ["Fixtures"]),
        .testTarget(name: "BrookLineEditorTests", dependencies: ["BrookLineEditor"]),
        .testTarget(name: "BrookShellTests", dependencies: ["BrookShell", "BrookRuntime", "BrookPlanner"]),
        .testTarget(name: "BrookKafkaTests", dependencies: ["BrookKafka", "BrookStorage"]),
        .testTarget(name: "BrookMarketDataTests", dependencies: ["BrookMarketData", "BrookCore"]),
        .testTarget(name: "BrookRuntimeTests", dependencies: ["BrookRuntime", "BrookPlanner", "BrookSQL", "BrookCore", "BrookStorage", "BrookSentiment", "BrookKafka"]),
        .testTarget(name: "BrookPlannerTests", dependencies: ["BrookPlanner", "BrookSQL", "BrookCore", "BrookStorage"]),
    ]
)
