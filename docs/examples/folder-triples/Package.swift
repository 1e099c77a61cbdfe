// swift-tools-version:6.1
import Foundation
import PackageDescription

// A package given by path is named after its folder (the repository's clone).
let gazette = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

// A program that uses the Gazette library through its public API only, as another package
// would (here by path; elsewhere by the repository's URL). CI builds and runs it.
let package = Package(
    name: "folder-triples",
    dependencies: [.package(path: "../../..")],
    targets: [
        .executableTarget(
            name: "folder-triples",
            dependencies: [.product(name: "Gazette", package: gazette)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
