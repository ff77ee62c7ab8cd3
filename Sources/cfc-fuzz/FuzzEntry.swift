import APIDocument
import CFCCommandLine
import CFCCompiler
import CFCDiagnostics
import CFCSupport

#if canImport(Glibc)
    import Glibc
#endif

/// What one fuzz input drives. The first byte chooses; an input whose first byte is none of
/// these (every YAML seed) is a config for the whole compiler. The parts of a multi-part input
/// are separated by U+001E (record separator).
///
/// - `\u{01}`: the command line. Part 0 holds the arguments, separated by U+001F; parts 1 to
///   3 become files, named in the arguments as `@1`, `@2`, `@3`.
/// - `\u{02}`: `plan`: new config, `--previous` (YAML, API JSON or XML), `--changed-paths`,
///   `--distribution-id`.
/// - `\u{03}`: `diff`: old, new.
/// - `\u{04}`: `import`: API JSON or XML.
enum FuzzMode: UInt8 {
    case commandLine = 1
    case plan, diff, importConfig
}

let recordSeparator = UInt8(0x1E)
let unitSeparator = UInt8(0x1F)

/// Runs the whole compiler on one input: parse, lower, check, emit JSON and XML.
func compileForFuzzing(_ bytes: [UInt8]) {
    _ = Pipeline().compile(source: SourceFile(path: "fuzz.yaml", bytes: bytes), options: fuzzOptions)
}

var fuzzOptions: CompileOptions {
    var options = CompileOptions()
    options.formats = [.json, .xml]
    // Sanitizers make the pattern searches about 25 times slower; a smaller budget keeps an
    // input that exhausts it within libFuzzer's timeout without hiding anything else.
    options.maxPatternSearchSteps = 1_000_000
    return options
}

/// The directory this process writes the parts of multi-part inputs to: one per process, so
/// that libFuzzer's parallel jobs do not share files, under `$TMPDIR` (which scripts/fuzz.sh
/// points into .build-fuzz/, where everything it writes stays).
let partsDirectory: String = {
    let path = (FileIO.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") + "/cfc-fuzz-" + String(getpid())
    mkdir(path, 0o700)
    return path
}()

/// Writes `bytes` to part file `index` and returns its path.
func writePart(_ index: Int, _ bytes: ArraySlice<UInt8>) -> String {
    let path = partsDirectory + "/part\(index)"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    if descriptor >= 0 {
        bytes.withUnsafeBytes { buffer in _ = write(descriptor, buffer.baseAddress, buffer.count) }
        close(descriptor)
    }
    return path
}

func fuzz(_ bytes: [UInt8]) {
    guard let first = bytes.first, let mode = FuzzMode(rawValue: first) else {
        compileForFuzzing(bytes)
        return
    }
    let parts = bytes.dropFirst().split(separator: recordSeparator, omittingEmptySubsequences: false)
    func part(_ index: Int) -> ArraySlice<UInt8> { index < parts.count ? parts[index] : [] }
    func text(_ index: Int) -> String? { index < parts.count ? String(decoding: parts[index], as: UTF8.self) : nil }
    let options = fuzzOptions
    switch mode {
    case .commandLine:
        let files = (1...3).map { writePart($0, part($0)) }
        let arguments = part(0).split(separator: unitSeparator).map { token -> String in
            let argument = String(decoding: token, as: UTF8.self)
            switch argument {
            case "@1": return files[0]
            case "@2": return files[1]
            case "@3": return files[2]
            default: return argument
            }
        }
        CommandLineFuzzing.run(arguments)
    case .plan:
        var request = PlanCommand.Request(previous: nil, new: writePart(0, part(0)))
        if parts.count > 1 { request.previous = writePart(1, part(1)) }
        if parts.count > 2 { request.changedPaths = writePart(2, part(2)) }
        request.distributionID = text(3)
        let result = PlanCommand.execute(request, output: nil, format: bytes.count % 2 == 0 ? .json : .text, options: options)
        _ = DiagnosticReport.render(
            result.diagnostics, sources: result.sources, format: PlanCommand.OutputFormat.text, colors: false, errorLimit: 20)
    case .diff:
        let old = writePart(0, part(0))
        let new = writePart(1, part(1))
        let result = DiffCommand.execute(
            old: old, new: new, distribution: nil, format: bytes.count % 2 == 0 ? .json : .text,
            colors: false, options: options)
        _ = DiagnosticReport.render(
            result.diagnostics, sources: result.sources, format: PlanCommand.OutputFormat.text, colors: false, errorLimit: 20)
    case .importConfig:
        let result = ImportCommand.execute(writePart(0, part(0)), name: "fuzz", output: nil, options: options)
        _ = DiagnosticReport.render(
            result.diagnostics, sources: result.sources, format: PlanCommand.OutputFormat.text, colors: false, errorLimit: 20)
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> Int32 {
    FileIO.silenceStandardStreams()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    fuzz(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
    /// Without libFuzzer, replays the files named on the command line (the corpus in CI).
    @main
    struct Replay {
        static func main() {
            FileIO.silenceStandardStreams()
            for path in CommandLine.arguments.dropFirst() {
                guard let bytes = try? FileIO.read(path) else { continue }
                fuzz(bytes)
            }
        }
    }
#endif
