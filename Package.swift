// swift-tools-version:6.0
//
// cfc: a compiler for Amazon CloudFront distribution configs.
//
// The library targets follow the compiler's pipeline (see `Pipeline` in CFCCompiler):
//
//   YAMLSyntax (libyaml → positioned tree) ─┐
//   APIDocument (ordered API documents, JSON/XML in and out) ─┤
//   DistributionIR (typed IR) ─────────────────────────────────┼→ DistributionLanguage (the catalog:
//   CFCDiagnostics (positions, diagnostics, renderers) ─────────┘     YAML ⇄ IR ⇄ API)
//
// Only YAMLSyntax imports the C module; the IR imports neither YAML nor libyaml. The library has
// no API promise before 1.0.
import PackageDescription

let package = Package(
    name: "cfc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cfc", targets: ["cfc"]),
        .library(name: "CFCCompiler", targets: ["CFCCompiler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "CFCSupport"),
        // The C library's allocator settings (mallopt), which Swift's Glibc module does not
        // declare.
        .target(name: "CMemoryTuning"),
        // The commit the binary was built from: `make` passes it as a C macro (see Makefile).
        .target(name: "CBuildInfo"),
        .target(name: "CFCDiagnostics", dependencies: ["CFCSupport"]),
        .target(name: "YAMLSyntax", dependencies: ["CLibYAML", "CFCSupport", "CFCDiagnostics"]),
        .target(name: "DistributionIR", dependencies: ["CFCDiagnostics"]),
        .target(name: "PathPatterns", dependencies: ["CFCSupport"]),
        .target(name: "Routing", dependencies: ["DistributionIR", "PathPatterns"]),
        .target(
            name: "Planning",
            dependencies: ["CFCSupport", "DistributionIR", "DistributionLanguage", "PathPatterns", "Routing", "YAMLSyntax", "APIDocument"]
        ),
        .target(name: "Checks", dependencies: ["CFCSupport", "CFCDiagnostics", "DistributionIR", "PathPatterns", "Routing"]),
        .target(name: "APIDocument", dependencies: ["CFCSupport", "CFCDiagnostics"]),
        .target(
            name: "DistributionLanguage",
            dependencies: ["CFCDiagnostics", "CFCSupport", "YAMLSyntax", "DistributionIR", "APIDocument"]
        ),
        .target(
            name: "CFCCompiler",
            dependencies: [
                "CFCDiagnostics", "CFCSupport", "YAMLSyntax", "DistributionIR", "APIDocument", "DistributionLanguage", "Checks", "Routing",
                "Planning",
                "CBuildInfo",
            ]
        ),
        // The command line (swift-argument-parser commands, one file each): a library, so that
        // the fuzzer drives the same parsing and validation as the executable.
        .target(
            name: "CFCCommandLine",
            dependencies: [
                "CFCCompiler", "CFCDiagnostics", "CFCSupport", "Checks", "Routing", "Planning", "DistributionLanguage", "APIDocument",
                "CMemoryTuning", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "cfc",
            dependencies: ["CFCCommandLine"],
            // The Swift runtime linked in, not loaded: a pipeline starts cfc for every file, and
            // resolving libswiftCore's and Foundation's symbols at load took 2 to 4 ms of each
            // run (a third of a small compile). The binary then needs only the C and C++
            // runtimes and libyaml. FoundationEssentials (which swift-argument-parser imports)
            // needs its two helper archives named explicitly: Swift 6.3's -static-stdlib does
            // not list them; a toolchain that does (or renames them) makes the two -l flags
            // redundant (or missing), which shows as a link error naming _FoundationCShims.
            linkerSettings: [
                .unsafeFlags(["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims"], .when(platforms: [.linux]))
            ]
        ),
        .target(name: "CFCWorkloads"),
        // The benchmark: `swift run -c release cfc-bench` times each stage against libyaml's own
        // parse of the same bytes, and the whole cfc process end to end.
        .executableTarget(
            name: "cfc-bench",
            dependencies: [
                "CFCCompiler", "CFCDiagnostics", "CFCSupport", "CFCWorkloads", "YAMLSyntax", "DistributionLanguage",
                "Checks", "APIDocument", "DistributionIR",
            ],
            path: "Sources/cfc-bench"
        ),
        // The libFuzzer entry point over front end, lowering, checks and emitters. Built normally
        // it replays files given on the command line; scripts/fuzz.sh builds it with
        // -sanitize=fuzzer -DFUZZING.
        .executableTarget(
            name: "cfc-fuzz",
            dependencies: ["CFCCompiler", "CFCCommandLine", "CFCDiagnostics", "CFCSupport", "APIDocument"],
            path: "Sources/cfc-fuzz"
        ),

        .target(
            name: "CFCTestSupport",
            dependencies: ["CFCCompiler", "CFCDiagnostics", "CFCSupport", "YAMLSyntax", "APIDocument"],
            path: "Tests/CFCTestSupport"
        ),
        .testTarget(name: "CFCSupportTests", dependencies: ["CFCSupport", "CFCTestSupport"]),
        .testTarget(name: "CFCDiagnosticsTests", dependencies: ["CFCDiagnostics", "CFCTestSupport"]),
        .testTarget(name: "YAMLSyntaxTests", dependencies: ["YAMLSyntax", "CFCDiagnostics", "CFCTestSupport"]),
        .testTarget(name: "PathPatternsTests", dependencies: ["PathPatterns", "CFCTestSupport"]),
        .testTarget(
            name: "ChecksTests",
            dependencies: ["Checks", "CFCCompiler", "CFCDiagnostics", "DistributionIR", "CFCTestSupport", "APIDocument"],
            exclude: ["SARIF", "tenant_only_members.py"]),
        .testTarget(
            name: "PlanningTests",
            dependencies: [
                "Planning", "Routing", "PathPatterns", "CFCCompiler", "CFCDiagnostics", "DistributionIR", "CFCTestSupport", "APIDocument",
            ],
            exclude: ["Scenarios"]
        ),
        .testTarget(
            name: "RoutingTests",
            dependencies: ["Routing", "PathPatterns", "CFCCompiler", "DistributionIR", "CFCTestSupport", "APIDocument"]),
        .testTarget(name: "APIDocumentTests", dependencies: ["APIDocument", "CFCDiagnostics", "CFCTestSupport"]),
        .testTarget(
            name: "DistributionLanguageTests",
            dependencies: [
                "DistributionLanguage", "DistributionIR", "YAMLSyntax", "APIDocument", "CFCTestSupport", "CFCCompiler", "CFCDiagnostics",
                "Checks",
            ]
        ),
        .testTarget(
            name: "CFCGoldenTests",
            dependencies: ["CFCCompiler", "CFCTestSupport", "APIDocument", "DistributionIR", "DistributionLanguage"],
            exclude: ["Fixtures", "Examples", "FuzzSurvivors"]
        ),
        .testTarget(
            name: "CFCImportTests",
            dependencies: ["CFCCompiler", "CFCDiagnostics", "DistributionIR", "DistributionLanguage", "APIDocument", "CFCTestSupport"],
            exclude: ["Fixtures", "FormatFixtures", "RealConfigs"]
        ),
        .testTarget(
            name: "CFCSchemaTests",
            dependencies: ["DistributionLanguage", "CFCTestSupport"],
            exclude: ["validate_schema.py"]
        ),
        .testTarget(
            name: "CFCConformanceTests",
            dependencies: ["CFCCompiler", "DistributionIR", "CFCTestSupport", "APIDocument"],
            exclude: ["botocore_conformance.py"]
        ),
        // Mirrors Sources/CFCCompiler: Commands/ (each command, in-process and as the built cfc)
        // and Engine/ (the two drivers of the compile unit); Hardening/ holds one suite per
        // class of attack (its README maps them).
        .testTarget(
            name: "CFCCompilerTests",
            dependencies: [
                "CFCTestSupport", "CFCWorkloads", "CFCCompiler", "CFCSupport", "CFCDiagnostics", "APIDocument", "Checks", "Routing",
                "DistributionIR", "PathPatterns",
            ],
            exclude: ["Hardening/README.md", "State/fake_aws.py"]
        ),
        .testTarget(name: "CFCHostileInputTests", dependencies: ["CFCTestSupport"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)

// Applied to every target: imports must name the module a member comes from, and existential
// types must be spelled `any`, so reading a file tells you what it depends on.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
