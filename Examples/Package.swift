// swift-tools-version:6.1
//
// Runnable examples for the genesys-routing SDK. Each runs against the in-memory fake org from
// GenesysTesting, so no credentials are needed:
//
//   swift run --package-path Examples ProvisionSkillsAndQueue
//   swift run --package-path Examples BulkAgentProfiles
//   swift run --package-path Examples SyncFromFile
//   swift run --package-path Examples IntegrationTestExample
//
// The SDK comes from the enclosing directory (`path: "../"`); there are no other dependencies.

import PackageDescription

let sdk = "genesys-routing"

let package = Package(
    name: "Examples",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: sdk, path: "../"),
    ],
    targets: [
        .executableTarget(
            name: "ProvisionSkillsAndQueue",
            dependencies: [
                .product(name: "GenesysRouting", package: sdk),
                .product(name: "GenesysCore", package: sdk),
                .product(name: "RoutingModels", package: sdk),
                .product(name: "GenesysTesting", package: sdk),
            ]
        ),
        .executableTarget(
            name: "BulkAgentProfiles",
            dependencies: [
                .product(name: "GenesysRouting", package: sdk),
                .product(name: "GenesysCore", package: sdk),
                .product(name: "RoutingModels", package: sdk),
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
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
