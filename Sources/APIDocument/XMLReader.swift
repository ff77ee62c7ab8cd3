import CFCDiagnostics
import CFCSupport

/// Reads the XML the CloudFront API returns into `APINode`s: elements, text, character and
/// entity references, CDATA, comments and processing instructions. Attributes are read and
/// ignored (only `xmlns` ever appears).
///
/// Document type declarations are refused: they are how entity-expansion and external-entity
/// attacks get in, and the API never sends one. Nesting is bounded.
public struct XMLReader {
    private let source: SourceFile
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    /// The deepest nesting accepted.
    public static let maxDepth = 128

    /// Reads `source`, returning its root element's name and content.
    /// - Throws: `APIReadError` at the first problem.
    public static func read(_ source: SourceFile) throws(APIReadError) -> (rootName: String, root: APINode) {
        var reader = XMLReader(source: source)
        if reader.bytes.count >= 3, reader.bytes[0] == 0xEF, reader.bytes[1] == 0xBB, reader.bytes[2] == 0xBF {
            reader.index = 3
        }
        try reader.skipMisc()
        guard reader.index < reader.bytes.count, reader.bytes[reader.index] == UInt8(ascii: "<") else {
            throw reader.error("expected the root element")
        }
        let (name, node) = try reader.readElement()
        try reader.skipMisc()
        if reader.index < reader.bytes.count { throw reader.error("unexpected content after the root element") }
        return (name, node)
    }

    private init(source: SourceFile) {
        self.source = source
        self.bytes = source.bytes
    }

    private func error(_ message: String) -> APIReadError {
        APIReadError(message, at: SourceRange(file: source.path, at: source.position(atByteOffset: index)))
    }

    private func startsWith(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { expected in (0..<count).allSatisfy { bytes[index + $0] == expected[$0] } }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// Skips whitespace, comments, processing instructions and the XML declaration.
    private mutating func skipMisc() throws(APIReadError) {
        while true {
            skipWhitespace()
            if startsWith("<?") {
                try skip(past: "?>")
            } else if startsWith("<!--") {
                try skip(past: "-->")
            } else if startsWith("<!DOCTYPE") || startsWith("<!doctype") {
                throw error("document type declarations are not accepted")
            } else {
                return
            }
        }
    }

    private mutating func skip(past terminator: StaticString) throws(APIReadError) {
        while index < bytes.count {
            if startsWith(terminator) {
                index += terminator.utf8CodeUnitCount
                return
            }
            index += 1
        }
        throw error("unterminated markup, expected '\(terminator)'")
    }

    private mutating func readName() throws(APIReadError) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isNameByte =
                byte >= 0x80 || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !isNameByte { break }
            index += 1
        }
        guard index > start else { throw error("expected a name") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readElement() throws(APIReadError) -> (String, APINode) {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw error("XML nested more than \(Self.maxDepth) levels deep") }
        let range = SourceRange(file: source.path, at: source.position(atByteOffset: index))
        index += 1
        let name = try readName()
        // Attributes: read to check the syntax, then ignored.
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated start tag <\(name)>") }
            if startsWith("/>") {
                index += 2
                return (localName(name), APINode(.string(""), range: range))
            }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                break
            }
            _ = try readName()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw error("expected '=' in an attribute") }
            index += 1
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw error("expected a quoted attribute value")
            }
            let quote = bytes[index]
            index += 1
            while index < bytes.count, bytes[index] != quote { index += 1 }
            guard index < bytes.count else { throw error("unterminated attribute value") }
            index += 1
        }

        var text: [UInt8] = []
        var children: [APINode.Member] = []
        while true {
            guard index < bytes.count else { throw error("element <\(name)> is never closed") }
            if startsWith("</") {
                index += 2
                let closing = try readName()
                guard closing == name else { throw error("</\(closing)> does not close <\(name)>") }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw error("expected '>'") }
                index += 1
                break
            } else if startsWith("<!--") {
                try skip(past: "-->")
            } else if startsWith("<![CDATA[") {
                index += 9
                let start = index
                try skip(past: "]]>")
                text.append(contentsOf: bytes[start..<(index - 3)])
            } else if startsWith("<?") {
                try skip(past: "?>")
            } else if startsWith("<!") {
                throw error("document type declarations are not accepted")
            } else if bytes[index] == UInt8(ascii: "<") {
                let (childName, child) = try readElement()
                children.append(APINode.Member(name: childName, node: child))
            } else if bytes[index] == UInt8(ascii: "&") {
                text.append(contentsOf: try readReference())
            } else {
                // XML normalizes CRLF and lone CR to LF in text.
                if bytes[index] == 0x0D {
                    text.append(0x0A)
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                } else {
                    text.append(bytes[index])
                }
                index += 1
            }
        }
        if !children.isEmpty {
            return (localName(name), APINode(.object(children), range: range))
        }
        guard let string = String(validating: text, as: UTF8.self) else { throw error("text is not valid UTF-8") }
        return (localName(name), APINode(.string(string), range: range))
    }

    private mutating func readReference() throws(APIReadError) -> [UInt8] {
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: ";"), index - start < 12 { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else { throw error("unterminated character reference") }
        let body = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
        index += 1
        switch body {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default: break
        }
        var code: UInt32? = nil
        if body.hasPrefix("#x") {
            code = UInt32(body.dropFirst(2), radix: 16)
        } else if body.hasPrefix("#") {
            code = UInt32(body.dropFirst(), radix: 10)
        }
        guard let code, let scalar = Unicode.Scalar(code) else {
            index = start
            throw error("unknown entity '&\(body);'")
        }
        // XML 1.0's "Legal Character" constraint: a reference must name a character a document
        // may hold, so `&#0;` or `&#x1B;` make the document malformed (CloudFront never returns
        // one), not a value to carry on.
        guard XMLText.isRepresentable(String(Character(scalar))) else {
            index = start
            throw error("'&\(body);' refers to a character that XML 1.0 does not allow (\(VisibleText.codePoint(scalar)))")
        }
        return Array(String(Character(scalar)).utf8)
    }

    private func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
