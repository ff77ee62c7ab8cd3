/// Replaces sensitive values in text that is shown to people: the last line of defence behind
/// the structural redaction of sensitive members (`ExportStyle.redacted`), for a value that
/// reached a message through a path nobody marked (a parameter declared `sensitive` used in an
/// ordinary member, an aws CLI error that quotes a header).
///
/// Values shorter than `minimumLength` are not searched for: replacing every `1` or `on` in a
/// report would make it unreadable and protect nothing a guess would not find.
public struct SecretRedactor: Sendable {
    /// What a redacted value is shown as.
    public static let marker = "(sensitive value)"
    /// The shortest value searched for, in UTF-8 bytes.
    public static let minimumLength = 4

    private let values: [String]

    /// A redactor for `values` (any order; duplicates and short values are dropped).
    public init(_ values: some Sequence<String>) {
        // Longest first, so a secret that contains another is replaced whole.
        self.values = Set(values.filter { $0.utf8.count >= Self.minimumLength }).sorted {
            $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1
        }
    }

    /// Whether there is nothing to redact.
    public var isEmpty: Bool { values.isEmpty }

    /// `text` with every sensitive value replaced by the marker.
    public func redact(_ text: String) -> String {
        guard !values.isEmpty else { return text }
        var text = text
        for value in values { text = Self.replaceAll(value, in: text) }
        return text
    }

    private static func replaceAll(_ value: String, in text: String) -> String {
        let needle = Array(value.utf8)
        let haystack = Array(text.utf8)
        guard haystack.count >= needle.count else { return text }
        var out: [UInt8] = []
        var index = 0
        var replaced = false
        while index < haystack.count {
            if index + needle.count <= haystack.count, haystack[index] == needle[0],
                haystack[index..<index + needle.count].elementsEqual(needle)
            {
                out.append(contentsOf: marker.utf8)
                index += needle.count
                replaced = true
            } else {
                out.append(haystack[index])
                index += 1
            }
        }
        return replaced ? String(decoding: out, as: UTF8.self) : text
    }

    /// `bytes` (UTF-8 text) with every sensitive value replaced.
    public func redact(_ bytes: [UInt8]) -> [UInt8] {
        guard !values.isEmpty else { return bytes }
        let text = String(decoding: bytes, as: UTF8.self)
        let redacted = redact(text)
        return redacted == text ? bytes : Array(redacted.utf8)
    }

    /// `source` with every sensitive value's bytes replaced by `*`, one for one, so that a
    /// snippet of a line holding a secret written literally shows no secret, and every
    /// position still points where it did.
    public func mask(_ source: SourceFile) -> SourceFile {
        guard !values.isEmpty else { return source }
        var bytes = source.bytes
        var changed = false
        for value in values {
            let needle = Array(value.utf8)
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) {
                    for offset in index..<index + needle.count { bytes[offset] = UInt8(ascii: "*") }
                    index += needle.count
                    changed = true
                } else {
                    index += 1
                }
            }
        }
        return changed ? SourceFile(path: source.path, bytes: bytes) : source
    }

    /// `diagnostic` with every message, note and suggested replacement redacted.
    public func redact(_ diagnostic: Diagnostic) -> Diagnostic {
        guard !values.isEmpty else { return diagnostic }
        var diagnostic = diagnostic
        diagnostic.summary = redact(diagnostic.summary)
        diagnostic.hint = diagnostic.hint.map(redact)
        diagnostic.notes = diagnostic.notes.map { DiagnosticNote(redact($0.message), at: $0.range) }
        diagnostic.fixIts = diagnostic.fixIts.map { FixIt(redact($0.message), range: $0.range, replacement: redact($0.replacement)) }
        return diagnostic
    }
}
