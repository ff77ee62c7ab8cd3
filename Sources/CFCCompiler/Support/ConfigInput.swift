import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import DistributionLanguage
import YAMLSyntax

/// Any side of a plan or diff: a cfc YAML file, the JSON `aws cloudfront get-distribution-config`
/// prints, a bare `DistributionConfig` JSON, or a `DistributionConfig` XML. All are read into
/// the same IR.
public struct ConfigInput: Sendable {
    /// What the file was.
    public enum Kind: String, Sendable {
        /// A cfc YAML file.
        case yaml
        /// API JSON (with or without the `ETag` wrapper).
        case json
        /// API XML.
        case xml
    }

    /// The distributions, in file order.
    public var distributions: [Distribution]
    /// `ETag`s by distribution name, from `get-distribution-config` output.
    public var etags: [String: String]
    /// What the input said of the distribution beside its config (id, ARN, domain name), by
    /// distribution name, from get-, create- and update-distribution output.
    public var identities: [String: DistributionIdentity] = [:]
    /// What the file was.
    public var kind: Kind
    /// The file, for rendering diagnostics.
    public var source: SourceFile
    /// The `DistributionConfig` as the file wrote it, when the file was API JSON or XML (without
    /// the `ETag` wrapper), so what cfc makes of it can be compared with the original.
    public var apiConfig: APINode? = nil
    /// Every file read (a YAML config's environment values too), for rendering diagnostics.
    public var sources: [SourceFile] = []
    /// Values no output may show: sensitive parameters', and sensitive members' (an origin's
    /// custom header values), on whichever side they are.
    public var sensitiveValues: [String] {
        expandedSensitiveValues + distributions.flatMap(\.config.sensitiveValues)
    }
    var expandedSensitiveValues: [String] = []

    /// Reads `path`, telling the kinds apart by their first character (`{` JSON, `<` XML,
    /// anything else YAML).
    ///
    /// - Parameters:
    ///   - name: the name to give a distribution read from API JSON/XML (which carries none).
    ///   - options: limits.
    ///   - sink: receives every problem; the result is nil when there was an error.
    public static func read(_ path: String, name: String, options: CompileOptions, sink: any DiagnosticSink) -> ConfigInput? {
        guard let source = SourceInput.read(path, options: options, sink: sink) else { return nil }
        return read(source: source, name: name, options: options, sink: sink)
    }

    /// Reads a file already in memory (what the aws CLI printed), as `read(_:name:options:sink:)`.
    public static func read(source: SourceFile, name: String, options: CompileOptions, sink: any DiagnosticSink) -> ConfigInput? {
        var source = source
        if let transcoded = utf8FromUTF16(source) { source = transcoded }
        let first = source.bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        let errorsBefore = sink.errorCount
        switch first {
        case UInt8(ascii: "{"):
            do {
                let node = try JSONReader.read(source).withoutNullMembers
                guard let read = readDistributionConfigJSON(node, name: name, sink: sink), sink.errorCount == errorsBefore else {
                    return nil
                }
                return ConfigInput(
                    distributions: [read.distribution], etags: read.etag.map { [name: $0] } ?? [:],
                    identities: [name: read.identity], kind: .json, source: source,
                    apiConfig: distributionConfigNode(in: node))
            } catch {
                sink.emit(Diagnostic(id: "api.syntax", severity: .error, summary: error.message, range: error.range))
                return nil
            }
        case UInt8(ascii: "<"):
            do {
                let (rootName, node) = try XMLReader.read(source)
                guard let read = readDistributionConfigXML(rootName: rootName, node, name: name, sink: sink),
                    sink.errorCount == errorsBefore
                else { return nil }
                return ConfigInput(
                    distributions: [read.distribution], etags: [:], identities: [name: read.identity], kind: .xml,
                    source: source, apiConfig: distributionConfigNode(in: node))
            } catch {
                sink.emit(Diagnostic(id: "api.syntax", severity: .error, summary: error.message, range: error.range))
                return nil
            }
        default:
            let lowered = Pipeline().lowerExpanded(source: source, options: options, sink: sink)
            guard let model = lowered.model, sink.errorCount == errorsBefore else { return nil }
            var input = ConfigInput(distributions: model.distributions, etags: [:], kind: .yaml, source: source)
            input.sources = lowered.expansion?.sources ?? [source]
            input.expandedSensitiveValues = lowered.expansion?.sensitiveValues ?? []
            return input
        }
    }

    /// The file as UTF-8 when it is API JSON or XML saved as UTF-16 with a byte order mark, as
    /// PowerShell's `>` writes `aws cloudfront get-distribution-config` output; nil otherwise.
    /// Positions stay right: lines and columns count Unicode scalars, which transcoding keeps.
    /// (A YAML config in UTF-16 is left to the YAML reader, which refuses it.)
    static func utf8FromUTF16(_ source: SourceFile) -> SourceFile? {
        let bytes = source.bytes
        guard bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF),
            bytes.count % 2 == 0
        else { return nil }
        let littleEndian = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        for index in stride(from: 2, to: bytes.count, by: 2) {
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(units.count)
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { utf8.append($0) }
        // Only API documents: the first character after white space opens JSON or XML.
        guard !failed, let first = utf8.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "<")
        else { return nil }
        return SourceFile(path: source.path, bytes: utf8)
    }

    /// The stem of a file name, for naming a distribution read from API JSON/XML.
    public static func stem(of path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return base.split(separator: ".").first.map(String.init) ?? base
    }
}
