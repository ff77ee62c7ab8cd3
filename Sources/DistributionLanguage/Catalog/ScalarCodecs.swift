import APIDocument
import CFCSupport
import YAMLSyntax

/// A string. Any YAML scalar is accepted as its text (so `account: 012345678912` keeps its
/// leading zero), except null; the text must be representable in XML 1.0.
public struct StringCodec: ValueCodec {
    /// Creates the codec.
    public init() {}

    public var shape: ValueShape { .string }

    public func export(_ value: String, style: ExportStyle) -> YAMLValue { .string(value) }

    public func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> String? {
        guard node.kind == .scalar else {
            context.emit(LanguageMessages.wrongType(expected: "a string", found: node, context))
            return nil
        }
        if node.isNull {
            context.emit(LanguageMessages.nullValue(node, context))
            return nil
        }
        let text = node.text
        if let bad = XMLText.firstUnrepresentableScalar(in: text) {
            context.emit(LanguageMessages.unrepresentableCharacter(bad.scalar, at: node, context))
            return nil
        }
        return text
    }

    public func emit(_ value: String, named name: MemberName, into document: inout APIDocument) {
        document.string(name, value)
    }

    public func read(_ node: APINode, _ context: inout ReadingContext) -> String? {
        guard case .string(let text) = node.value else {
            context.emit(LanguageMessages.apiWrongType(expected: "a string", node, context))
            return nil
        }
        // JSON can spell any character (`\u0000`); the API's wire format cannot carry it, so
        // CloudFront never returned it, and the input is wrong, not cfc.
        if let bad = XMLText.firstUnrepresentableScalar(in: text) {
            context.emit(LanguageMessages.apiUnrepresentableCharacter(bad.scalar, node, context))
            return nil
        }
        return text
    }
}

/// An integer within `range` (the API's `integer` is 32-bit, `long` 64-bit). Only a core-schema
/// integer is accepted: `"80"` in quotes is a string.
public struct IntegerCodec<Number: FixedWidthInteger & Hashable>: ValueCodec {
    /// The values accepted.
    public let range: ClosedRange<Int64>

    /// Creates a codec for `Number`'s whole range, or for `range` within it.
    public init(_ range: ClosedRange<Int64>? = nil) {
        let full = Int64(clamping: Number.min)...Int64(clamping: Number.max)
        self.range = range.map { $0.clamped(to: full) } ?? full
    }

    public var shape: ValueShape { .integer(range) }

    public func export(_ value: Number, style: ExportStyle) -> YAMLValue { .integer(Int64(value)) }

    public func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> Number? {
        guard node.resolvedType == .integer else {
            context.emit(LanguageMessages.wrongType(expected: "an integer", found: node, context))
            return nil
        }
        guard let value = CoreSchema.parseInteger(node.text), range.contains(value) else {
            context.emit(LanguageMessages.outOfRange(node.text, range: range, at: node, context))
            return nil
        }
        return Number(value)
    }

    public func emit(_ value: Number, named name: MemberName, into document: inout APIDocument) {
        document.integer(name, Int64(value))
    }

    public func read(_ node: APINode, _ context: inout ReadingContext) -> Number? {
        let text: String
        switch node.value {
        case .number(let number): text = number
        case .string(let string) where context.scalarsAreText: text = string.trimmingXMLWhitespace()
        default:
            context.emit(LanguageMessages.apiWrongType(expected: "an integer", node, context))
            return nil
        }
        guard let value = Int64(text), range.contains(value) else {
            context.emit(LanguageMessages.apiWrongType(expected: "an integer in \(range.lowerBound)...\(range.upperBound)", node, context))
            return nil
        }
        return Number(value)
    }
}

/// A decimal number in a range (the API's `double`, such as a sampling rate of `12.5` percent).
/// Written as YAML integers or decimals; `.inf` and `.nan` are refused, and the API documents
/// carry the shortest digits that give the value back.
public struct DecimalCodec: ValueCodec {
    /// The values accepted.
    public let range: ClosedRange<Double>

    /// Creates the codec.
    public init(_ range: ClosedRange<Double>) {
        self.range = range
    }

    public var shape: ValueShape { .decimal(range) }

    public func export(_ value: Double, style: ExportStyle) -> YAMLValue { .verbatim("\(value)") }

    public func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> Double? {
        guard node.resolvedType == .integer || node.resolvedType == .float else {
            context.emit(LanguageMessages.wrongType(expected: "a number", found: node, context))
            return nil
        }
        guard let value = Double(node.text), value.isFinite, range.contains(value) else {
            context.emit(LanguageMessages.decimalOutOfRange(node.text, range: range, at: node, context))
            return nil
        }
        return value
    }

    public func emit(_ value: Double, named name: MemberName, into document: inout APIDocument) {
        document.decimal(name, value)
    }

    public func read(_ node: APINode, _ context: inout ReadingContext) -> Double? {
        let text: String
        switch node.value {
        case .number(let number): text = number
        case .string(let string) where context.scalarsAreText: text = string.trimmingXMLWhitespace()
        default:
            context.emit(LanguageMessages.apiWrongType(expected: "a number", node, context))
            return nil
        }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            context.emit(LanguageMessages.apiWrongType(expected: "a number in \(range.lowerBound)...\(range.upperBound)", node, context))
            return nil
        }
        return value
    }
}

/// A boolean: `true` or `false`. YAML 1.1's `yes`/`no`/`on`/`off` are refused with a hint.
public struct BooleanCodec: ValueCodec {
    /// Creates the codec.
    public init() {}

    public var shape: ValueShape { .boolean }

    public func export(_ value: Bool, style: ExportStyle) -> YAMLValue { .boolean(value) }

    public func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> Bool? {
        if node.resolvedType == .boolean, let value = CoreSchema.parseBoolean(node.text) { return value }
        if node.kind == .scalar, node.style == .plain, let meant = CoreSchema.yaml11Boolean(node.text) {
            context.emit(LanguageMessages.yaml11Boolean(node.text, meant: meant, at: node, context))
            return nil
        }
        context.emit(LanguageMessages.wrongType(expected: "a boolean (true or false)", found: node, context))
        return nil
    }

    public func emit(_ value: Bool, named name: MemberName, into document: inout APIDocument) {
        document.boolean(name, value)
    }

    public func read(_ node: APINode, _ context: inout ReadingContext) -> Bool? {
        switch node.value {
        case .boolean(let value): return value
        case .string(let text) where context.scalarsAreText && text.trimmingXMLWhitespace() == "true": return true
        case .string(let text) where context.scalarsAreText && text.trimmingXMLWhitespace() == "false": return false
        default:
            context.emit(LanguageMessages.apiWrongType(expected: "a boolean", node, context))
            return nil
        }
    }
}

/// One of an API enumeration's values, spelt exactly as the API spells it.
public struct EnumCodec<Value: RawRepresentable & CaseIterable & Hashable & Sendable>: ValueCodec
where Value.RawValue == String {
    /// Each case with its spelling's bytes: a written value is matched on its bytes, with no
    /// `String` made of it (enumerations are among the most common scalars: every method of
    /// every behavior's lists, every protocol policy).
    private let spellings: [(value: Value, bytes: [UInt8])]

    /// Creates the codec.
    public init() {
        spellings = Value.allCases.map { ($0, Array($0.rawValue.utf8)) }
    }

    public var shape: ValueShape { .enumeration(Value.allCases.map(\.rawValue)) }

    public func export(_ value: Value, style: ExportStyle) -> YAMLValue { .string(value.rawValue) }

    public func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> Value? {
        guard node.kind == .scalar, !node.isNull else {
            context.emit(LanguageMessages.wrongType(expected: "one of \(allowed)", found: node, context))
            return nil
        }
        for spelling in spellings where spelling.bytes.withUnsafeBufferPointer({ node.textEquals($0) }) {
            return spelling.value
        }
        let text = node.text
        context.emit(LanguageMessages.invalidEnumValue(text, allowed: Value.allCases.map(\.rawValue), at: node, context))
        return nil
    }

    private var allowed: String { Value.allCases.map(\.rawValue).joined(separator: ", ") }

    public func emit(_ value: Value, named name: MemberName, into document: inout APIDocument) {
        document.string(name, value.rawValue)
    }

    public func read(_ node: APINode, _ context: inout ReadingContext) -> Value? {
        if case .string(let text) = node.value, let value = Value(rawValue: text.trimmingXMLWhitespace()) { return value }
        context.emit(LanguageMessages.apiWrongType(expected: "one of \(allowed)", node, context))
        return nil
    }
}

extension String {
    /// The text without the whitespace XML pretty-printing puts around scalar values.
    func trimmingXMLWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
