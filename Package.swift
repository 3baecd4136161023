// swift-tools-version: 6.1
import PackageDescription

// The module graph is the architecture (see README "Stage flow"):
// stages depend only on the shared model (and the shared text toolkit), never on each other;
// `ScriptoriumPipeline` alone knows their order; libxml2 is reached only through `LibXML`.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Scriptorium",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "scriptorium", targets: ["scriptorium"]),
        .library(name: "ScriptoriumPipeline", targets: ["ScriptoriumPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // 1.16.2: `LogHandler.log(event:)`, which a handler must implement to build without deprecation warnings.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "pkg-config"])]
        ),
        .target(name: "LibXML", dependencies: ["CLibXML2"], swiftSettings: strict),

        .target(
            name: "ScriptoriumModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(name: "ScriptoriumText", dependencies: ["ScriptoriumModel"], swiftSettings: strict),

        .target(name: "ScriptoriumIngest", dependencies: ["ScriptoriumModel"], swiftSettings: strict),
        .target(name: "ScriptoriumClean", dependencies: ["ScriptoriumModel", "ScriptoriumText"], swiftSettings: strict),
        .target(name: "ScriptoriumSegment", dependencies: ["ScriptoriumModel", "ScriptoriumText"], swiftSettings: strict),
        .target(name: "ScriptoriumAnnotate", dependencies: ["ScriptoriumModel", "ScriptoriumText"], swiftSettings: strict),
        .target(name: "ScriptoriumValidate", dependencies: ["ScriptoriumModel", "LibXML"], swiftSettings: strict),
        .target(name: "ScriptoriumExport", dependencies: ["ScriptoriumModel"], swiftSettings: strict),

        .target(name: "ScriptoriumArchive", dependencies: ["ScriptoriumModel"], swiftSettings: strict),
        // Downstream formats read back from the published TEI (not a stage: it reads the archive).
        .target(name: "ScriptoriumDownstream", dependencies: ["ScriptoriumArchive", "ScriptoriumModel", "LibXML"], swiftSettings: strict),
        .target(
            name: "ScriptoriumPipeline",
            dependencies: [
                "ScriptoriumModel", "ScriptoriumIngest", "ScriptoriumClean", "ScriptoriumSegment",
                "ScriptoriumAnnotate", "ScriptoriumValidate", "ScriptoriumExport", "ScriptoriumArchive",
            ],
            swiftSettings: strict
        ),
        // The watcher daemon: inotify and Dispatch at the edge, a pure state machine inside.
        .target(
            name: "ScriptoriumWatch",
            dependencies: [
                "ScriptoriumPipeline", "ScriptoriumArchive", "ScriptoriumModel", "ScriptoriumIngest",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "scriptorium",
            dependencies: [
                "ScriptoriumPipeline", "ScriptoriumModel", "ScriptoriumArchive", "ScriptoriumWatch", "ScriptoriumDownstream",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // libFuzzer harness: built only with -sanitize=fuzzer (scripts/fuzz.sh), never by default tests.
        .executableTarget(
            name: "FuzzPipeline",
            dependencies: ["ScriptoriumPipeline", "ScriptoriumExport", "ScriptoriumModel", "LibXML"],
            swiftSettings: strict
        ),

        .target(name: "TestSupport", dependencies: ["ScriptoriumModel"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "ModelTests", dependencies: ["ScriptoriumModel", "ScriptoriumText", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "IngestTests", dependencies: ["ScriptoriumIngest", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "CleanTests", dependencies: ["ScriptoriumClean", "ScriptoriumIngest", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SegmentTests", dependencies: ["ScriptoriumSegment", "ScriptoriumClean", "ScriptoriumIngest", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "AnnotateTests", dependencies: ["ScriptoriumAnnotate", "ScriptoriumModel", "ScriptoriumText", "TestSupport"], exclude: ["Gold"], swiftSettings: strict),
        .testTarget(name: "ValidateTests", dependencies: ["ScriptoriumValidate", "LibXML", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ExportTests", dependencies: ["ScriptoriumExport", "ScriptoriumValidate", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ArchiveTests", dependencies: ["ScriptoriumArchive", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "WatchTests",
            dependencies: ["ScriptoriumWatch", "ScriptoriumArchive", "ScriptoriumModel", "TestSupport", "scriptorium"],
            swiftSettings: strict
        ),
        .testTarget(name: "PipelineTests", dependencies: ["ScriptoriumPipeline", "ScriptoriumArchive", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "PropertyTests",
            dependencies: [
                "ScriptoriumPipeline", "ScriptoriumClean", "ScriptoriumIngest", "ScriptoriumModel", "LibXML", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
    ]
)
