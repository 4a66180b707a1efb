// swift-tools-version:6.1
//
// genesys-routing: manage Genesys Cloud routing configuration from Swift.
// Module layout and reasons: see Documentation/Architecture.md.

import PackageDescription

let package = Package(
    name: "genesys-routing",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "RoutingModels", targets: ["RoutingModels"]),
        .library(name: "GenesysCore", targets: ["GenesysCore"]),
        .library(name: "GenesysAuth", targets: ["GenesysAuth"]),
        .library(name: "GenesysURLSession", targets: ["GenesysURLSession"]),
        .library(name: "GenesysAsyncHTTPClient", targets: ["GenesysAsyncHTTPClient"]),
        .library(name: "GenesysClientDefaults", targets: ["GenesysClientDefaults"]),
        .library(name: "GenesysRouting", targets: ["GenesysRouting"]),
        .library(name: "RoutingSync", targets: ["RoutingSync"]),
        .library(name: "GenesysTesting", targets: ["GenesysTesting"]),
        .library(name: "GenesysTestingServer", targets: ["GenesysTestingServer"]),
        .executable(name: "genesys-routing", targets: ["genesys-routing"]),
    ],
    traits: [
        .trait(
            name: "AsyncHTTPClientSupport",
            description: "Adds the AsyncHTTPClient transport and makes it the default transport on Linux."
        ),
        .default(enabledTraits: ["AsyncHTTPClientSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin.git", from: "1.5.0"),
    ],
    targets: [
        // Each target's one reason to change is in the comment above it (Documentation/Architecture.md).

        // Wire types: changes when Genesys' routing schema changes. Codable + Sendable, no networking.
        .target(name: "RoutingModels"),

        // The request pipeline: changes when how a request is sent changes (transport contract, retry,
        // rate limit, token pool, errors, paging, deadlines, observability). Knows no concrete transport.
        .target(
            name: "GenesysCore",
            dependencies: [
                "RoutingModels",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),
        // Authentication: changes when Genesys' OAuth or its region list changes.
        .target(
            name: "GenesysAuth",
            dependencies: [
                "GenesysCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // One concrete transport each: changes when that HTTP library changes.
        .target(
            name: "GenesysURLSession",
            dependencies: [
                "GenesysCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HTTPTypesFoundation", package: "swift-http-types"),
            ]
        ),
        .target(
            name: "GenesysAsyncHTTPClient",
            dependencies: [
                "GenesysCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(
                    name: "AsyncHTTPClient", package: "async-http-client",
                    condition: .when(traits: ["AsyncHTTPClientSupport"])
                ),
                .product(
                    name: "NIOCore", package: "swift-nio",
                    condition: .when(traits: ["AsyncHTTPClientSupport"])
                ),
                .product(
                    name: "NIOHTTP1", package: "swift-nio",
                    condition: .when(traits: ["AsyncHTTPClientSupport"])
                ),
                .product(
                    name: "NIOPosix", package: "swift-nio",
                    condition: .when(traits: ["AsyncHTTPClientSupport"])
                ),
            ]
        ),
        // The default wiring (DefaultTransport, GenesysClient(region:credentials:)): changes when the default
        // transport or default authentication changes. The only module that knows the concrete transports;
        // every API area depends on it rather than on another area.
        .target(
            name: "GenesysClientDefaults",
            dependencies: [
                "GenesysCore", "GenesysAuth", "GenesysURLSession", "GenesysAsyncHTTPClient",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The typed routing API (RoutingAPI): changes when a routing endpoint is added or changes.
        .target(
            name: "GenesysRouting",
            dependencies: [
                "GenesysCore", "GenesysAuth", "RoutingModels", "GenesysClientDefaults",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // Declarative configuration (desired-state files, plan, apply, export, impact): changes when what
        // "make the org look like this" means changes.
        .target(
            name: "RoutingSync",
            dependencies: [
                "GenesysRouting", "GenesysCore", "RoutingModels",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),
        // Test doubles: a faithful in-memory Genesys org (an HTTPTransport), manual clock, scripted transports.
        // Changes when the fake must mimic more of Genesys. Not a dependency of any library above.
        .target(
            name: "GenesysTesting",
            dependencies: [
                "GenesysCore", "GenesysAuth", "RoutingModels",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The in-memory org served over loopback HTTP (Hummingbird): changes with the HTTP serving of the fake.
        .target(
            name: "GenesysTestingServer",
            dependencies: [
                "GenesysTesting", "GenesysCore", "RoutingModels",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The CLI's commands, as a library so tests can drive them without a subprocess: changes with the
        // command-line contract (Documentation/CLI.md). Imports GenesysTesting for `--fake`, `fake-server`,
        // the in-process test environment's ManualClock and RegularFile (atomic writes, shared with the fake
        // org's state file), not for locks: those are GenesysCore's `LockedValue`.
        .target(
            name: "GenesysRoutingCLI",
            dependencies: [
                "RoutingSync", "GenesysRouting", "GenesysCore", "GenesysAuth", "RoutingModels",
                "GenesysTesting", "GenesysTestingServer", "GenesysAsyncHTTPClient",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(
                    name: "AsyncHTTPClient", package: "async-http-client",
                    condition: .when(traits: ["AsyncHTTPClientSupport"])
                ),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "genesys-routing",
            dependencies: ["GenesysRoutingCLI"]
        ),
        // Issue #10's throughput benchmark (Benchmarks/README.md): `swift run -c release throughput-benchmark`.
        .executableTarget(
            name: "throughput-benchmark",
            dependencies: ["RoutingSync", "GenesysCore", "GenesysTesting", "RoutingModels"],
            path: "Benchmarks/ThroughputBenchmark"
        ),

        .testTarget(name: "RoutingModelsTests", dependencies: ["RoutingModels"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "GenesysCoreTests",
            dependencies: [
                "GenesysCore", "GenesysTesting", "RoutingModels",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "GenesysAuthTests",
            dependencies: [
                "GenesysAuth", "GenesysCore", "GenesysTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "GenesysTransportTests",
            dependencies: [
                "GenesysCore", "GenesysURLSession", "GenesysAsyncHTTPClient", "GenesysTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(
                    name: "AsyncHTTPClient", package: "async-http-client",
                    condition: .when(traits: ["AsyncHTTPClientSupport"])
                ),
            ]
        ),
        .testTarget(
            name: "GenesysRoutingTests",
            dependencies: [
                "GenesysRouting", "GenesysCore", "GenesysAuth", "RoutingModels", "GenesysTesting",
                "RoutingSync",  // the live-org suite's RoutingSync round trip (Tests/GenesysRoutingTests/LiveOrg)
                // The articles' code (Tests/GenesysRoutingTests/ArticleSnippets) uses every product.
                "GenesysTestingServer", "GenesysURLSession", "GenesysAsyncHTTPClient",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(
                    name: "AsyncHTTPClient", package: "async-http-client",
                    condition: .when(traits: ["AsyncHTTPClientSupport"])
                ),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "GenesysTestingTests",
            dependencies: [
                "GenesysTesting", "GenesysTestingServer", "GenesysRouting", "GenesysCore", "GenesysAuth",
                "RoutingModels",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "RoutingSyncTests",
            dependencies: [
                "RoutingSync", "GenesysRouting", "GenesysCore", "RoutingModels", "GenesysTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GenesysRoutingCLITests",
            dependencies: [
                "GenesysRoutingCLI", "GenesysTesting", "RoutingSync",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
    ]
)

// Settings every target shares: upcoming features that keep the public surface honest.
for target in package.targets where target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
