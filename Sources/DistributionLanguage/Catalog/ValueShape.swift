/// What a value looks like in cfc's YAML, for the language reference and the JSON Schema.
/// Codecs describe themselves with a shape; the docs and the schema are generated from shapes,
/// so they list exactly what lowering accepts.
public indirect enum ValueShape: Sendable {
    /// A string.
    case string
    /// An integer within a range.
    case integer(ClosedRange<Int64>)
    /// A decimal number within a range.
    case decimal(ClosedRange<Double>)
    /// `true` or `false`.
    case boolean
    /// One of these strings.
    case enumeration([String])
    /// A list of values of one shape.
    case list(ValueShape)
    /// A mapping from keys (described in words) to values of one shape.
    case keyedMap(keyDescription: String, value: ValueShape)
    /// A mapping with fixed keys.
    case structure(StructureShape)

    /// The shape in words, for the reference ("list of string", "integer 1–3").
    public var description: String {
        switch self {
        case .string: return "string"
        case .integer(let range):
            if range.lowerBound == Int64(Int32.min) && range.upperBound == Int64(Int32.max) { return "integer" }
            if range.lowerBound == Int64.min && range.upperBound == Int64.max { return "integer (64-bit)" }
            if range.upperBound == Int64.max || range.upperBound == Int64(Int32.max) { return "integer ≥ \(range.lowerBound)" }
            return "integer \(range.lowerBound)–\(range.upperBound)"
        case .decimal(let range): return "number \(range.lowerBound)–\(range.upperBound)"
        case .boolean: return "boolean"
        case .enumeration(let values): return "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .list(let element): return "list of " + element.description
        case .keyedMap(let key, let value): return "mapping from \(key) to \(value.description)"
        case .structure(let structure): return "mapping (\(structure.noun))"
        }
    }
}

/// A structure's keys, for the reference and the schema.
public struct StructureShape: Sendable {
    /// The IR type's name, which names its section in the reference and its schema definition.
    public var typeName: String
    /// What it is called in messages.
    public var noun: String
    /// Its keys, in order.
    public var members: [MemberShape]
}

/// One key of a structure, for the reference and the schema.
public struct MemberShape: Sendable {
    /// The YAML key.
    public var key: String
    /// The API member it sets, or nil for cfc's own keys.
    public var apiName: String?
    /// What it means.
    public var summary: String
    /// Whether it must be written.
    public var isRequired: Bool
    /// Whether it may be `null`, which leaves the member unset (not sent).
    public var acceptsNull: Bool = false
    /// The value's shape.
    public var shape: ValueShape
    /// The value used when the key is not written, or nil when the member is then unset or its
    /// default depends on other keys (`defaultDescription`).
    public var defaultValue: String?
    /// The default in words (Markdown) when it depends on other keys, such as "`0` with
    /// `forwarded-values`, else unset"; nil otherwise.
    public var defaultDescription: String? = nil
}
