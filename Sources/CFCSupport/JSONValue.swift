/// A JSON value with its members in a fixed order, and the one writer of every machine-readable
/// report cfc prints (diagnostics, SARIF, check's suggestions, diff, plan, route, the schema).
///
/// Reports are built as values and written once, so escaping and punctuation live here alone:
/// a file name or a config value full of quotes, backslashes or control characters cannot
/// break a document, because no caller writes a quote or a comma itself. (The API documents
/// are the exception: they are streamed from the IR by `StreamPrinter`, with the same escaper.)
///
/// Each array and object says how it is laid out, so that reports stay readable and
/// byte-stable: `.block` puts each element on a line of its own, indented two spaces deeper than
/// the line its container starts on; `.inline` keeps the whole container on one line
/// (`{"a": 1, "b": [2, 3]}`). A block container inside an inline one indents from the inline
/// one's line. Empty containers are always `[]` and `{}`.
///
/// ```swift
/// let report: JSONValue = .object([
///     "name": .string(name),
///     "changes": .array(changes.map(\.json)),
/// ])
/// var bytes = report.rendered()  // ends with one line feed
/// ```
public indirect enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer, written in decimal.
    case integer(Int64)
    /// A fixed-point decimal: `units` in steps of 10^-`fractionDigits` (`.fixed(1500, 3)` is `1.500`).
    case fixed(Int64, fractionDigits: Int)
    /// A string, escaped as RFC 8259 requires.
    case string(String)
    /// An array.
    case array([JSONValue], JSONLayout)
    /// An object whose members keep the order given.
    case object([JSONMember], JSONLayout)

    /// A block array (one element per line).
    public static func array(_ elements: [JSONValue]) -> JSONValue { .array(elements, .block) }

    /// A block object (one member per line).
    public static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(members.map { JSONMember($0.key, $0.value) }, .block)
    }

    /// A block object with `members`, in their order.
    public static func object(_ members: [JSONMember]) -> JSONValue { .object(members, .block) }

    /// An object on one line.
    public static func inlineObject(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(members.map { JSONMember($0.key, $0.value) }, .inline)
    }

    /// An array on one line.
    public static func inlineArray(_ elements: [JSONValue]) -> JSONValue { .array(elements, .inline) }

    /// `.string(value)`, or `.null` when `value` is nil.
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// `.integer(value)`, or `.null` when `value` is nil.
    public static func integer(_ value: Int?) -> JSONValue { value.map { .integer(Int64($0)) } ?? .null }

    /// This value with `member` added after its members; only for objects.
    public func appending(_ member: JSONMember) -> JSONValue {
        guard case .object(let members, let layout) = self else {
            preconditionFailure("JSONValue.appending(_:) on a value that is not an object")
        }
        return .object(members + [member], layout)
    }

    /// The document: the value followed by one line feed.
    public func rendered() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// Appends the value, with no line feed after it, as if its first line were indented by
    /// `indent` spaces.
    public func write(into out: inout [UInt8], indent: Int = 0) {
        switch self {
        case .null: out.append("null")
        case .bool(let value): out.append(value ? "true" : "false")
        case .integer(let value): out.appendDecimal(value)
        case .fixed(let units, let fractionDigits): Self.writeFixed(units, fractionDigits: fractionDigits, into: &out)
        case .string(let value): out.appendJSONString(value)
        case .array(let elements, let layout):
            writeContainer(open: "[", close: "]", count: elements.count, layout: layout, indent: indent, into: &out) { index, inner, out in
                elements[index].write(into: &out, indent: inner)
            }
        case .object(let members, let layout):
            writeContainer(open: "{", close: "}", count: members.count, layout: layout, indent: indent, into: &out) { index, inner, out in
                out.appendJSONString(members[index].key)
                out.append(": ")
                members[index].value.write(into: &out, indent: inner)
            }
        }
    }

    private func writeContainer(
        open: String, close: String, count: Int, layout: JSONLayout, indent: Int, into out: inout [UInt8],
        element: (_ index: Int, _ indent: Int, _ out: inout [UInt8]) -> Void
    ) {
        out.append(open)
        guard count > 0 else {
            out.append(close)
            return
        }
        switch layout {
        case .inline:
            for index in 0..<count {
                if index > 0 { out.append(", ") }
                element(index, indent, &out)
            }
        case .block:
            for index in 0..<count {
                out.append(index == 0 ? "\n" : ",\n")
                out.appendSpaces(indent + 2)
                element(index, indent + 2, &out)
            }
            out.append("\n")
            out.appendSpaces(indent)
        }
        out.append(close)
    }

    private static func writeFixed(_ units: Int64, fractionDigits: Int, into out: inout [UInt8]) {
        precondition((0...18).contains(fractionDigits), "JSONValue.fixed with \(fractionDigits) fraction digits")
        var scale: Int64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        // The magnitude as unsigned, so that Int64.min has one too.
        let magnitude = units.magnitude
        if units < 0 { out.append("-") }
        out.append(String(magnitude / UInt64(scale)))
        guard fractionDigits > 0 else { return }
        out.append(".")
        let fraction = String(magnitude % UInt64(scale))
        out.append(String(repeating: "0", count: fractionDigits - fraction.count) + fraction)
    }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    /// The member's name.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// How a JSON array or object is laid out (see `JSONValue`).
public enum JSONLayout: Sendable, Equatable {
    /// One element per line, indented two spaces deeper than the container's line.
    case block
    /// All on one line, elements separated by `, `.
    case inline
}
