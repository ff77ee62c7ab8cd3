import CFCDiagnostics

/// Reads RFC 8259 JSON into `APINode`s, keeping positions for messages.
///
/// Written here rather than taken from Foundation: `JSONSerialization` loses member order, merges
/// booleans with numbers on Linux, and knows no line numbers. Nesting is bounded so hostile input
/// cannot exhaust the stack.
public struct JSONReader {
    private let source: SourceFile
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// The deepest nesting accepted.
    public static let maxDepth = 128

    /// Reads the whole of `source` as one JSON value.
    /// - Throws: `APIReadError` at the first syntax error.
    public static func read(_ source: SourceFile) throws(APIReadError) -> APINode {
        var reader = JSONReader(source: source)
        reader.skipByteOrderMark()
        reader.skipWhitespace()
        let value = try reader.readValue()
        reader.skipWhitespace()
        if reader.index < reader.bytes.count {
            throw reader.error("unexpected text after the JSON value")
        }
        return value
    }

    private init(source: SourceFile) {
        self.source = source
        self.bytes = source.bytes
    }

    private mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    private var position: SourcePosition {
        source.position(atByteOffset: index)
    }

    private func error(_ message: String) -> APIReadError {
        APIReadError(message, at: SourceRange(file: source.path, at: position))
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func readValue() throws(APIReadError) -> APINode {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        let start = SourceRange(file: source.path, at: position)
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return try nested { reader throws(APIReadError) in try reader.readObject(start) }
        case UInt8(ascii: "["):
            return try nested { reader throws(APIReadError) in try reader.readArray(start) }
        case UInt8(ascii: "\""):
            return APINode(.string(try readString()), range: start)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return APINode(.boolean(true), range: start)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return APINode(.boolean(false), range: start)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return APINode(.null, range: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return APINode(.number(try readNumber()), range: start)
        default:
            throw error("unexpected character, expected a JSON value")
        }
    }

    private mutating func nested(_ body: (inout JSONReader) throws(APIReadError) -> APINode) throws(APIReadError) -> APINode {
        depth += 1
        if depth > Self.maxDepth { throw error("JSON nested more than \(Self.maxDepth) levels deep") }
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func readObject(_ start: SourceRange) throws(APIReadError) -> APINode {
        index += 1
        var members: [APINode.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return APINode(.object(members), range: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a member name in double quotes")
            }
            let name = try readString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the member name") }
            index += 1
            skipWhitespace()
            let value = try readValue()
            members.append(APINode.Member(name: name, node: value))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return APINode(.object(members), range: start)
            }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func readArray(_ start: SourceRange) throws(APIReadError) -> APINode {
        index += 1
        var items: [APINode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return APINode(.array(items), range: start)
        }
        while true {
            skipWhitespace()
            items.append(try readValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return APINode(.array(items), range: start)
            }
            throw error("expected ',' or ']' in an array")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(APIReadError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected end of input") }
        let matches = word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        guard matches else { throw error("unexpected word, expected a JSON value") }
        index += count
    }

    private mutating func readNumber() throws(APIReadError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.index
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) {
                reader.index += 1
            }
            return reader.index - first
        }
        let integerStart = index
        guard digits(&self) > 0 else { throw error("invalid number") }
        if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 { throw error("numbers cannot have leading zeros") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw error("invalid number") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw error("invalid number") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readString() throws(APIReadError) -> String {
        index += 1
        var scalars: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                scalars.append(contentsOf: bytes[runStart..<index])
                index += 1
                break
            }
            if byte < 0x20 { throw error("control characters must be escaped in JSON strings") }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            scalars.append(contentsOf: bytes[runStart..<index])
            index += 1
            guard index < bytes.count else { throw error("unterminated string") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): scalars.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): scalars.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "u"):
                var code = try readHex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired UTF-16 surrogate in \\u escape")
                    }
                    index += 2
                    let low = try readHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired UTF-16 surrogate in \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw error("unpaired UTF-16 surrogate in \\u escape")
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("invalid escape sequence in string")
            }
            runStart = index
        }
        guard let text = String(validating: scalars, as: UTF8.self) else { throw error("string is not valid UTF-8") }
        return text
    }

    private mutating func readHex4() throws(APIReadError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
