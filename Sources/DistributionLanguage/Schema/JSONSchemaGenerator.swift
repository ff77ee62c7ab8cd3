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
        var definitions: [JSONMember] = []
        var defined = Set<String>()
        func reference(_ structure: StructureShape) -> JSONValue {
            // The default cache behavior is the cache behavior without path-pattern.
            let name =
                structure.typeName == "CacheBehavior" && !structure.members.contains(where: { $0.key == "path-pattern" })
                ? "DefaultCacheBehavior" : structure.typeName
            if defined.insert(name).inserted {
                definitions.append(JSONMember(name, .null))
                let position = definitions.count - 1
                definitions[position].value = object(structure)
            }
            return .object([JSONMember("$ref", .string("#/$defs/\(name)"))])
        }
        // A typed value (a number, a boolean, an enumeration, a list) may be written as one
        // `${name}`, which takes the parameter's value: the schema accepts that beside the type.
        let parameterReference = JSONValue.object([JSONMember("$ref", .string("#/$defs/ParameterReference"))])
        func orReference(_ schema: JSONValue) -> JSONValue {
            .object([JSONMember("anyOf", .list([schema, parameterReference]))])
        }
        func schema(_ shape: ValueShape) -> JSONValue {
            switch shape {
            case .string: return typed(shape)
            case .structure, .keyedMap: return typed(shape)
            case .integer, .decimal, .boolean, .enumeration, .list: return orReference(typed(shape))
            }
        }
        func typed(_ shape: ValueShape) -> JSONValue {
            switch shape {
            case .string:
                // cfc reads any scalar as a string's text (an account number stays digits).
                return .object([JSONMember("type", .list([.string("string"), .string("number"), .string("boolean")]))])
            case .integer(let range):
                var members: [JSONMember] = [JSONMember("type", .string("integer"))]
                if range.lowerBound > Int64(Int32.min) || range.lowerBound == 0 {
                    members.append(JSONMember("minimum", .integer(range.lowerBound)))
                }
                if range.upperBound < Int64(Int32.max) { members.append(JSONMember("maximum", .integer(range.upperBound))) }
                return .object(members)
            case .decimal(let range):
                // Bounds are whole (a percentage: 0 to 100) or short decimals (a weight: 0 to 0.15).
                func bound(_ value: Double) -> JSONValue {
                    for digits in 0...4 {
                        let scale = (0..<digits).reduce(1.0) { scaled, _ in scaled * 10 }
                        let scaled = (value * scale).rounded()
                        if abs(scaled / scale - value) < 1e-9 {
                            return digits == 0 ? .integer(Int64(scaled)) : .fixed(Int64(scaled), fractionDigits: digits)
                        }
                    }
                    return .fixed(Int64((value * 10_000).rounded()), fractionDigits: 4)
                }
                return .object([
                    JSONMember("type", .string("number")), JSONMember("minimum", bound(range.lowerBound)),
                    JSONMember("maximum", bound(range.upperBound)),
                ])
            case .boolean:
                return .object([JSONMember("type", .string("boolean"))])
            case .enumeration(let values):
                return .object([JSONMember("enum", .list(values.map { .string($0) }))])
            case .list(let element):
                return .object([JSONMember("type", .string("array")), JSONMember("items", schema(element))])
            case .keyedMap(let key, let value):
                return .object([
                    JSONMember("type", .string("object")), JSONMember("description", .string("A mapping from \(key).")),
                    JSONMember("additionalProperties", schema(value)),
                ])
            case .structure(let structure):
                return reference(structure)
            }
        }
        /// `schema` or null: a `null` key leaves its member unset.
        func nullable(_ schema: JSONValue) -> JSONValue {
            guard case .object(let members, _) = schema else { return schema }
            if let alternatives = members.first(where: { $0.key == "anyOf" })?.value, case .array(let choices, _) = alternatives,
                let first = choices.first
            {
                return .object([JSONMember("anyOf", .list([nullable(first)] + choices.dropFirst()))])
            }
            if let type = members.first(where: { $0.key == "type" })?.value {
                let types: [JSONValue] = if case .array(let names, _) = type { names } else { [type] }
                return .object(members.map { $0.key == "type" ? JSONMember("type", .list(types + [.string("null")])) : $0 })
            }
            if let values = members.first(where: { $0.key == "enum" })?.value, case .array(let names, _) = values {
                return .object(members.map { $0.key == "enum" ? JSONMember("enum", .list(names + [.null])) : $0 })
            }
            return .object([JSONMember("anyOf", .list([schema, .object([JSONMember("type", .string("null"))])]))])
        }
        func object(_ structure: StructureShape) -> JSONValue {
            var properties: [JSONMember] = []
            for member in structure.members {
                var property = member.acceptsNull ? nullable(schema(member.shape)) : schema(member.shape)
                var extra: [JSONMember] = [JSONMember("description", .string(describe(member)))]
                if case .object(let members, _) = property, members.first?.key == "$ref" || members.first?.key == "anyOf" {
                    // Annotations beside a $ref (or anyOf) are allowed in 2020-12; keep the reference first.
                    property = .object(members + extra)
                    extra = []
                }
                if case .object(let members, _) = property, !extra.isEmpty { property = .object(extra + members) }
                properties.append(JSONMember(member.key, property))
            }
            var members: [JSONMember] = [
                JSONMember("type", .string("object")), JSONMember("title", .string(structure.noun)),
                JSONMember("additionalProperties", .bool(false)),
                JSONMember("properties", .object(properties)),
            ]
            let required = structure.members.filter(\.isRequired).map { JSONValue.string($0.key) }
            if !required.isEmpty { members.append(JSONMember("required", .list(required))) }
            return .object(members)
        }
        let distribution = reference(Distribution.describe())
        let companions = CompanionKind.allCases.map { kind in
            JSONMember(
                kind.key,
                .object([
                    JSONMember("description", .string(kind.summary)),
                    JSONMember("type", .string("object")),
                    JSONMember("propertyNames", .object([JSONMember("pattern", .string("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"))])),
                    JSONMember("additionalProperties", reference(kind.structureShape)),
                ]))
        }
        let root = JSONValue.object([
            JSONMember("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            JSONMember("$id", .string(id)),
            JSONMember("title", .string("cfc configuration")),
            JSONMember(
                "description",
                .string(
                    "CloudFront distributions described for cfc, which compiles them to the DistributionConfig of the CloudFront API (2020-05-31). Keys are the API's member names in kebab-case; see docs/language.md."
                )),
            JSONMember("type", .string("object")),
            JSONMember("additionalProperties", .bool(false)),
            JSONMember("required", .list([.string("version"), .string("distributions")])),
            JSONMember(
                "properties",
                .object(
                    [
                        JSONMember(
                            "version",
                            .object([
                                JSONMember("description", .string("The version of the cfc language; 1.")), JSONMember("const", .integer(1)),
                            ])),
                        JSONMember(
                            "parameters",
                            .object([
                                JSONMember(
                                    "description",
                                    .string(
                                        "Typed values every environment sets (or takes by default), used in any scalar as ${name}; see docs/language.md."
                                    )),
                                JSONMember("type", .string("object")),
                                JSONMember("propertyNames", .object([JSONMember("pattern", .string(Self.namePattern))])),
                                JSONMember("additionalProperties", .object([JSONMember("$ref", .string("#/$defs/ParameterDeclaration"))])),
                            ])),
                        JSONMember(
                            "environments",
                            .object([
                                JSONMember(
                                    "description",
                                    .string(
                                        "Each environment's parameter values: a mapping from parameter to value, or the path (beside the config) of a YAML file holding one. Chosen with --env."
                                    )),
                                JSONMember("type", .string("object")),
                                JSONMember("propertyNames", .object([JSONMember("pattern", .string(Self.namePattern))])),
                                JSONMember(
                                    "additionalProperties",
                                    .object([JSONMember("type", .list([.string("object"), .string("string"), .string("null")]))])),
                            ])),
                        JSONMember(
                            "distributions",
                            .object([
                                JSONMember(
                                    "description",
                                    .string("A mapping from distribution name (which names the output files) to its configuration.")),
                                JSONMember("type", .string("object")),
                                JSONMember(
                                    "propertyNames", .object([JSONMember("pattern", .string("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"))])),
                                JSONMember("additionalProperties", distribution),
                            ])),
                    ] + companions)),
            JSONMember("$defs", .object((definitions + parameterDefinitions).sorted { $0.key < $1.key })),
        ])
        var out: [UInt8] = []
        root.write(into: &out, indent: 0)
        out.append("\n")
        return out
    }

    /// A parameter's or environment's name.
    static let namePattern = "^[A-Za-z][A-Za-z0-9_-]{0,63}$"

    /// The definitions of a parameter's declaration and of a `${name}` use.
    static var parameterDefinitions: [JSONMember] {
        [
            JSONMember(
                "ParameterReference",
                .object([
                    JSONMember("description", .string("One parameter, ${name}: the value takes the parameter's type.")),
                    JSONMember("type", .string("string")),
                    JSONMember("pattern", .string("^\\$\\{[A-Za-z][A-Za-z0-9_-]{0,63}\\}$")),
                ])),
            JSONMember(
                "ParameterDeclaration",
                .object([
                    JSONMember("title", .string("parameter")),
                    JSONMember(
                        "description",
                        .string(
                            "A parameter: its type, and a default (used where an environment sets none) or a value (the same everywhere); without either, every environment must set it. The short form is the type alone."
                        )),
                    JSONMember(
                        "anyOf",
                        .list([
                            .object([JSONMember("enum", .list(ParameterType.allCases.map { .string($0.rawValue) }))]),
                            .object([
                                JSONMember("type", .string("object")),
                                JSONMember("additionalProperties", .bool(false)),
                                JSONMember(
                                    "properties",
                                    .object([
                                        JSONMember(
                                            "type",
                                            .object([
                                                JSONMember("description", .string("The type every value must have (default: string).")),
                                                JSONMember("enum", .list(ParameterType.allCases.map { .string($0.rawValue) })),
                                            ])),
                                        JSONMember(
                                            "default",
                                            .object([JSONMember("description", .string("The value where an environment sets none."))])),
                                        JSONMember(
                                            "value",
                                            .object([
                                                JSONMember(
                                                    "description",
                                                    .string(
                                                        "The value in every environment, which none may set; may read ${env:NAME} or ${file:PATH}."
                                                    ))
                                            ])),
                                        JSONMember(
                                            "sensitive",
                                            .object([
                                                JSONMember(
                                                    "description",
                                                    .string(
                                                        "A secret: shown by no output but the API documents (diffs and plans say '(sensitive value changed)')."
                                                    )),
                                                JSONMember("type", .string("boolean")),
                                            ])),
                                        JSONMember(
                                            "description",
                                            .object([
                                                JSONMember("description", .string("What the parameter is, for people.")),
                                                JSONMember("type", .string("string")),
                                            ])),
                                    ])),
                            ]),
                        ])),
                ])),
        ]
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
}

extension JSONValue {
    /// The schema's layout for a list: on one line unless it holds objects (`"enum": ["a", "b"]`,
    /// but each `anyOf` alternative on a line of its own).
    fileprivate static func list(_ elements: [JSONValue]) -> JSONValue {
        .array(elements, elements.contains { if case .object = $0 { true } else { false } } ? .block : .inline)
    }
}
