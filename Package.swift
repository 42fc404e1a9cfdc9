// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ecpa",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ecpa", targets: ["ecpa"]),
        .library(name: "LibPQ", targets: ["LibPQ"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "LibPQ", dependencies: ["CLibPQ"]),
        .target(name: "ECPACore"),
        .target(name: "ECPALocal"),
        .executableTarget(name: "ecpa-embed-sql"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["ecpa-embed-sql"]
        ),
        .target(
            name: "ECPAStore",
            dependencies: ["LibPQ", "ECPACore"],
            plugins: ["EmbedMigrations"]
        ),
        .target(name: "ECPAUseCases", dependencies: ["LibPQ", "ECPACore", "ECPAStore"]),
        .target(
            name: "ECPACLI",
            dependencies: [
                "LibPQ", "ECPACore", "ECPAStore", "ECPAUseCases", "ECPALocal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ecpa", dependencies: ["ECPACLI"]),

        .target(name: "ECPATestSupport", dependencies: ["LibPQ"], path: "Tests/ECPATestSupport"),
        .testTarget(name: "LibPQTests", dependencies: ["LibPQ", "ECPATestSupport"]),
        .testTarget(name: "ECPACoreTests", dependencies: ["ECPACore"]),
        .testTarget(name: "ECPALocalTests", dependencies: ["ECPALocal"]),
        .testTarget(name: "ECPAStoreTests", dependencies: ["ECPAStore", "ECPACore", "LibPQ", "ECPATestSupport"]),
        .testTarget(
            name: "ECPACLITests",
            dependencies: ["ECPACLI", "ECPAUseCases", "ECPAStore", "ECPACore", "LibPQ", "ECPATestSupport"]
        ),
    ]
)
