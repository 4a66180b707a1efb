// swift-tools-version:6.1
//
// libFuzzer targets for genesys-routing (not part of CI). Build and run with `./run.sh TARGET SECONDS`;
// see README.md.

import Foundation
import PackageDescription

// A path dependency's identity is its directory's name, which depends on where the repository was cloned.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "genesys-routing-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // No traits: the fuzzers need neither AsyncHTTPClient nor NIO.
        .package(path: "..", traits: []),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzDesiredState",
            dependencies: ["FuzzSupport", .product(name: "RoutingSync", package: parent)]
        ),
        .executableTarget(
            name: "FuzzAPIResponses",
            dependencies: ["FuzzSupport", .product(name: "RoutingModels", package: parent)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
