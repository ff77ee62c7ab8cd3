import CFCDiagnostics
import DistributionIR
import YAMLSyntax

/// `secrets.literal`: a value AWS's model marks sensitive written into the config itself. The
/// value is still treated as sensitive (never shown), but it sits in the repository and in
/// every clone of it; a `${env:NAME}`, `${file:PATH}` or a sensitive parameter keeps it out.
public enum LiteralSecrets {
    /// A warning for each origin custom header whose value is written literally.
    public static func findings(_ distribution: Distribution, locator: YAMLSourceLocator) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for origin in distribution.config.origins {
            for header in origin.customHeaders where !header.headerValue.isEmpty {
                let path = distribution.path.appending("origins").appending(origin.id).appending("custom-headers")
                    .appending(header.headerName)
                guard let range = locator.valueRange(of: path), isLiteral(range, in: locator.document) else { continue }
                findings.append(
                    Diagnostic(
                        id: "secrets.literal", severity: .warning,
                        summary: "the value of custom header '\(header.headerName)' is written in the file",
                        hint:
                            "origins check this header to refuse requests that bypass CloudFront, so it is a secret: read it with ${env:NAME} or ${file:PATH}, or from a parameter declared sensitive: true",
                        range: range, configPath: path.description))
            }
        }
        return findings
    }

    /// Whether the text at `range` is the value itself rather than a `${…}` that reads it.
    static func isLiteral(_ range: SourceRange, in document: YAMLDocument) -> Bool {
        guard let source = document.sources.first(where: { $0.path == range.file }) else { return false }
        let bytes = source.bytes
        let start = max(0, min(range.start.offset, bytes.count))
        let end = max(start, min(range.end.offset, bytes.count))
        let text = bytes[start..<end]
        return !text.indices.contains { index in
            text[index] == UInt8(ascii: "$") && index + 1 < end && text[index + 1] == UInt8(ascii: "{")
        }
    }
}
