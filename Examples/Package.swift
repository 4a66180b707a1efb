// swift-tools-version:6.1
//
// Runnable examples for the genesys-routing SDK. Each runs against the in-memory fake org from
// GenesysTesting, so no credentials are needed:
//
//   swift run --package-path Examples ProvisionSkillsAndQueue
//   swift run --package-path Examples BulkAgentProfiles
//   swift run --package-path Examples SyncFromFile
//   swift run --package-path Examples IntegrationTestExample
//   swift test --package-path Examples      # the observability example: metrics and spans of a sync
//
// The SDK comes from the enclosing directory (`path: "../"`). A path dependency's package identity is
// its folder name, which is why `sdk` is "genesys-routing" only while this repository's folder has that
// name; see README "Installation" for a URL dependency. swift-metrics and swift-distributed-tracing are
// here only for the test's in-memory backends (`MetricsTestKit`, `InMemoryTracing`).

import PackageDescription

let sdk = "genesys-routing"

let package = Package(
    name: "Examples",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: sdk, path: "../"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
    ],
    targets: [
        .executableTarget(
            name: "ProvisionSkillsAndQueue",
            dependencies: [
                .product(name: "GenesysRouting", package: sdk),
                .product(name: "GenesysCore", package: sdk),
                .product(name: "RoutingModels", package: sdk),
                .product(name: "RoutingSync", package: sdk),
                .product(name: "GenesysTesting", package: sdk),
            ]
        ),
        .executableTarget(
            name: "BulkAgentProfiles",
            dependencies: [
                .product(name: "GenesysRouting", package: sdk),
                .product(name: "GenesysCore", package: sdk),
                .product(name: "RoutingModels", package: sdk),
                .product(name: "RoutingSync", package: sdk),
                .product(name: "GenesysTesting", package: sdk),
            ]
        ),
        .executableTarget(
            name: "SyncFromFile",
            dependencies: [
                .product(name: "RoutingSync", package: sdk),
                .product(name: "GenesysCore", package: sdk),
                .product(name: "GenesysTesting", package: sdk),
            ]
        ),
        .executableTarget(
            name: "IntegrationTestExample",
            dependencies: [
                .product(name: "GenesysRouting", package: sdk),
                .product(name: "GenesysCore", package: sdk),
                .product(name: "RoutingModels", package: sdk),
                .product(name: "RoutingSync", package: sdk),
                .product(name: "GenesysTesting", package: sdk),
            ]
        ),
        // A consumer's test that bootstraps a metrics backend and a tracer, syncs against the fake org and
        // checks what it received (README "Observability", Documentation/Observability.md).
        .testTarget(
            name: "ObservabilityExampleTests",
            dependencies: [
                .product(name: "RoutingSync", package: sdk),
                .product(name: "GenesysCore", package: sdk),
                .product(name: "GenesysTesting", package: sdk),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
