import CFCCompiler
import APIDocument
import CFCDiagnostics
import CFCSupport

/// Runs the whole compiler on one input: parse, lower, check, emit JSON and XML.
func compileForFuzzing(_ bytes: [UInt8]) {
    var options = CompileOptions()
    options.formats = [.json, .xml]
    // Sanitizers make the pattern searches about 25 times slower; a smaller budget keeps an
    // input that exhausts it within libFuzzer's timeout without hiding anything else.
    options.maxPatternSearchSteps = 1_000_000
    _ = Pipeline().compile(source: SourceFile(path: "fuzz.yaml", bytes: bytes), options: options)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    compileForFuzzing(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
/// Without libFuzzer, replays the files named on the command line (the corpus in CI).
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = try? FileIO.read(path) else { continue }
            compileForFuzzing(bytes)
        }
    }
}
#endif
