import CFCSupport
import DistributionIR

/// The JSON Schema (draft 2020-12) of cfc's input language, generated from the catalog, so
/// editors (yaml-language-server, JetBrains) offer the same keys, types, enum values and
/// descriptions that lowering accepts.
///
/// `schema/cfc.schema.json` is this output; a test keeps the file in sync
/// (`UPDATE_GOLDENS=1 swift test --filter SchemaTests` rewrites it).
public enum JSONSchemaGenerator {
    /// The schema's `$id`.
    public static let id = "https://cfc.dev/schema/cfc.schema.json"

    /// The schema as JSON bytes, two-space indented, keys in a fixed order.
    public static func generate() -> [UInt8] {
        var definitions: [(String, Node)] = []
        var defined = Set<String>()
        func reference(_ structure: StructureShape) -> Node {
            // The default cache behavior is the cache behavior without path-pattern.
            let name = structure.typeName == "CacheBehavior" && !structure.members.contains(where: { $0.key == "path-pattern" })
                ? "DefaultCacheBehavior" : structure.typeName
            if defined.insert(name).inserted {
                definitions.append((name, .null))
                let position = definitions.count - 1
                definitions[position].1 = object(structure)
            }
            return .object([("$ref", .string("#/$defs/\(name)"))])
        }
        func schema(_ shape: ValueShape) -> Node {
            switch shape {
            case .string:
                // cfc reads any scalar as a string's text (an account number stays digits).
                return .object([("type", .array([.string("string"), .string("number"), .string("boolean")]))])
            case .integer(let range):
                var members: [(String, Node)] = [("type", .string("integer"))]
                if range.lowerBound > Int64(Int32.min) || range.lowerBound == 0 { members.append(("minimum", .integer(range.lowerBound))) }
                if range.upperBound < Int64(Int32.max) { members.append(("maximum", .integer(range.upperBound))) }
                return .object(members)
            case .boolean:
                return .object([("type", .string("boolean"))])
            case .enumeration(let values):
                return .object([("enum", .array(values.map { .string($0) }))])
            case .list(let element):
                return .object([("type", .string("array")), ("items", schema(element))])
            case .keyedMap(let key, let value):
                return .object([("type", .string("object")), ("description", .string("A mapping from \(key).")),
                                ("additionalProperties", schema(value))])
            case .structure(let structure):
                return reference(structure)
            }
        }
        /// `schema` or null: a `null` key leaves its member unset.
        func nullable(_ schema: Node) -> Node {
            guard case .object(let members) = schema else { return schema }
            if let type = members.first(where: { $0.0 == "type" })?.1 {
                let types: [Node] = if case .array(let names) = type { names } else { [type] }
                return .object(members.map { $0.0 == "type" ? ("type", .array(types + [.string("null")])) : $0 })
            }
            if let values = members.first(where: { $0.0 == "enum" })?.1, case .array(let names) = values {
                return .object(members.map { $0.0 == "enum" ? ("enum", .array(names + [.null])) : $0 })
            }
            return .object([("anyOf", .array([schema, .object([("type", .string("null"))])]))])
        }
        func object(_ structure: StructureShape) -> Node {
            var properties: [(String, Node)] = []
            for member in structure.members {
                var property = member.acceptsNull ? nullable(schema(member.shape)) : schema(member.shape)
                var extra: [(String, Node)] = [("description", .string(describe(member)))]
                if case .object(let members) = property, members.first?.0 == "$ref" || members.first?.0 == "anyOf" {
                    // Annotations beside a $ref (or anyOf) are allowed in 2020-12; keep the reference first.
                    property = .object(members + extra)
                    extra = []
                }
                if case .object(let members) = property, !extra.isEmpty { property = .object(extra + members) }
                properties.append((member.key, property))
            }
            var members: [(String, Node)] = [
                ("type", .string("object")), ("title", .string(structure.noun)), ("additionalProperties", .boolean(false)),
                ("properties", .object(properties)),
            ]
            let required = structure.members.filter(\.isRequired).map { Node.string($0.key) }
            if !required.isEmpty { members.append(("required", .array(required))) }
            return .object(members)
        }
        let distribution = reference(Distribution.describe())
        let root = Node.object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(id)),
            ("title", .string("cfc configuration")),
            ("description", .string("CloudFront distributions described for cfc, which compiles them to the DistributionConfig of the CloudFront API (2020-05-31). Keys are the API's member names in kebab-case; see docs/language.md.")),
            ("type", .string("object")),
            ("additionalProperties", .boolean(false)),
            ("required", .array([.string("version"), .string("distributions")])),
            ("properties", .object([
                ("version", .object([("description", .string("The version of the cfc language; 1.")), ("const", .integer(1))])),
                ("distributions", .object([
                    ("description", .string("A mapping from distribution name (which names the output files) to its configuration.")),
                    ("type", .string("object")),
                    ("propertyNames", .object([("pattern", .string("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"))])),
                    ("additionalProperties", distribution),
                ])),
            ])),
            ("$defs", .object(definitions.sorted { $0.0 < $1.0 })),
        ])
        var out: [UInt8] = []
        root.write(into: &out, indent: 0)
        out.append("\n")
        return out
    }

    static func describe(_ member: MemberShape) -> String {
        var text = member.summary
        if let api = member.apiName { text += " (API: \(api))" }
        if !member.isRequired, let value = member.defaultValue ?? member.defaultDescription, !text.contains("Default") {
            text += " Default: \(value)."
        }
        if member.acceptsNull, member.defaultValue != nil || member.defaultDescription != nil { text += " null: not sent." }
        return text
    }

    /// A JSON value with ordered members.
    indirect enum Node {
        case null
        case boolean(Bool)
        case integer(Int64)
        case string(String)
        case array([Node])
        case object([(String, Node)])

        func write(into out: inout [UInt8], indent: Int) {
            switch self {
            case .null: out.append("null")
            case .boolean(let value): out.append(value ? "true" : "false")
            case .integer(let value): out.appendDecimal(value)
            case .string(let value): out.appendJSONString(value)
            case .array(let items):
                if items.allSatisfy({ if case .object = $0 { false } else { true } }) {
                    out.append("[")
                    for (index, item) in items.enumerated() {
                        if index > 0 { out.append(", ") }
                        item.write(into: &out, indent: indent)
                    }
                    out.append("]")
                    return
                }
                out.append("[\n")
                for (index, item) in items.enumerated() {
                    out.appendSpaces(indent + 2)
                    item.write(into: &out, indent: indent + 2)
                    out.append(index == items.count - 1 ? "\n" : ",\n")
                }
                out.appendSpaces(indent)
                out.append("]")
            case .object(let members):
                if members.isEmpty {
                    out.append("{}")
                    return
                }
                out.append("{\n")
                for (index, member) in members.enumerated() {
                    out.appendSpaces(indent + 2)
                    out.appendJSONString(member.0)
                    out.append(": ")
                    member.1.write(into: &out, indent: indent + 2)
                    out.append(index == members.count - 1 ? "\n" : ",\n")
                }
                out.appendSpaces(indent)
                out.append("}")
            }
        }
    }
}
