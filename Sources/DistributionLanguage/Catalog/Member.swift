import APIDocument
import YAMLSyntax

/// One member of an IR structure, as the catalog describes it: its YAML key, its API member
/// name, what it means, and how its value is lowered, emitted and read.
///
/// Members are built with the static factories (`value`, `optional`, `custom`), which capture
/// a key path into the IR type and a `ValueCodec`.
public struct Member<Root>: Sendable {
    /// The YAML key, or nil when the member is not written as a key (an origin's `Id` is its
    /// key in the `origins:` mapping).
    public let key: String?
    /// The API member name, or nil when the member is cfc's own and never sent.
    public let apiName: String?
    /// The API member names this member reads from an API object (usually just `apiName`).
    public let apiNamesRead: [String]
    /// What the member means, in one or two sentences, for the docs and the schema.
    public let summary: String
    /// Whether the key must be written.
    public let isRequired: Bool
    /// The value's type, for the docs.
    public let typeDescription: String

    let lowerValue: @Sendable (inout Root, YAMLNode, inout LoweringContext) -> Void
    let emitValue: @Sendable (Root, inout APIDocument) -> Void
    let readValue: @Sendable (inout Root, APINode, inout ReadingContext) -> Void
    let copyValue: @Sendable (inout Root, Root) -> Void
    let valuesEqual: @Sendable (Root, Root) -> Bool

    /// Lowers `node` into this member of `root`.
    public func lower(into root: inout Root, from node: YAMLNode, _ context: inout LoweringContext) {
        lowerValue(&root, node, &context)
    }

    /// Emits this member of `root`.
    public func emit(_ root: Root, into document: inout APIDocument) {
        emitValue(root, &document)
    }

    /// Reads this member of `root` from the API object `parent`.
    public func read(into root: inout Root, from parent: APINode, _ context: inout ReadingContext) {
        readValue(&root, parent, &context)
    }

    /// Sets this member of `root` to its value in `other`.
    public func copy(into root: inout Root, from other: Root) {
        copyValue(&root, other)
    }

    /// Whether `a` and `b` agree on this member.
    public func isEqual(_ a: Root, _ b: Root) -> Bool {
        valuesEqual(a, b)
    }
}

extension Member {
    /// A member that always has a value: absent keys keep the structure's default, and the
    /// value is always sent.
    public static func value<C: ValueCodec>(
        _ key: String?, _ keyPath: any WritableKeyPath<Root, C.Value> & Sendable, api apiName: String?, _ codec: C,
        required: Bool = false, _ summary: String
    ) -> Member {
        Member(
            key: key, apiName: apiName, apiNamesRead: apiName.map { [$0] } ?? [], summary: summary,
            isRequired: required, typeDescription: codec.typeDescription,
            lowerValue: { root, node, context in
                if let value = codec.lower(node, &context) { root[keyPath: keyPath] = value }
            },
            emitValue: { root, document in
                guard let apiName else { return }
                codec.emit(root[keyPath: keyPath], named: apiName, into: &document)
            },
            readValue: { root, parent, context in
                guard let apiName, let node = parent.member(apiName) else { return }
                if let value = context.within(apiName, { codec.read(node, &$0) }) { root[keyPath: keyPath] = value }
            },
            copyValue: { root, other in root[keyPath: keyPath] = other[keyPath: keyPath] },
            valuesEqual: { $0[keyPath: keyPath] == $1[keyPath: keyPath] })
    }

    /// A member that may be unset: sent only when set. A YAML null leaves it unset.
    public static func optional<C: ValueCodec>(
        _ key: String?, _ keyPath: any WritableKeyPath<Root, C.Value?> & Sendable, api apiName: String?, _ codec: C,
        required: Bool = false, _ summary: String
    ) -> Member {
        Member(
            key: key, apiName: apiName, apiNamesRead: apiName.map { [$0] } ?? [], summary: summary,
            isRequired: required, typeDescription: codec.typeDescription,
            lowerValue: { root, node, context in
                if node.isNull, node.kind == .scalar {
                    root[keyPath: keyPath] = nil
                } else if let value = codec.lower(node, &context) {
                    root[keyPath: keyPath] = value
                }
            },
            emitValue: { root, document in
                guard let apiName, let value = root[keyPath: keyPath] else { return }
                codec.emit(value, named: apiName, into: &document)
            },
            readValue: { root, parent, context in
                guard let apiName, let node = parent.member(apiName) else { return }
                if let value = context.within(apiName, { codec.read(node, &$0) }) { root[keyPath: keyPath] = value }
            },
            copyValue: { root, other in root[keyPath: keyPath] = other[keyPath: keyPath] },
            valuesEqual: { $0[keyPath: keyPath] == $1[keyPath: keyPath] })
    }

    /// A member whose YAML and API shapes differ in a way no codec expresses (one YAML key
    /// feeding two API members, say). Each direction is given as a closure.
    public static func custom(
        _ key: String?, api apiName: String?, reads apiNamesRead: [String], typeDescription: String,
        required: Bool = false, _ summary: String,
        lower: @escaping @Sendable (inout Root, YAMLNode, inout LoweringContext) -> Void,
        emit: @escaping @Sendable (Root, inout APIDocument) -> Void,
        read: @escaping @Sendable (inout Root, APINode, inout ReadingContext) -> Void,
        copy: @escaping @Sendable (inout Root, Root) -> Void,
        equal: @escaping @Sendable (Root, Root) -> Bool
    ) -> Member {
        Member(
            key: key, apiName: apiName, apiNamesRead: apiNamesRead, summary: summary, isRequired: required,
            typeDescription: typeDescription, lowerValue: lower, emitValue: emit, readValue: read,
            copyValue: copy, valuesEqual: equal)
    }
}

extension Member {
    /// A list whose `Quantity` and `Items` sit directly in the enclosing API structure, beside
    /// other members (`GeoRestriction` has `RestrictionType`, `Quantity` and `Items`).
    public static func inlineList<C: ValueCodec>(
        _ key: String, _ keyPath: any WritableKeyPath<Root, [C.Value]> & Sendable, itemName: String, _ element: C,
        _ summary: String
    ) -> Member {
        let list = ListCodec(itemName, element)
        return custom(
            key, api: "Items", reads: ["Quantity", "Items"], typeDescription: list.typeDescription, summary,
            lower: { root, node, context in
                if let value = list.lower(node, &context) { root[keyPath: keyPath] = value }
            },
            emit: { root, document in
                let value = root[keyPath: keyPath]
                document.integer("Quantity", Int64(value.count))
                if !value.isEmpty { list.emitItems(value, named: "Items", into: &document) }
            },
            read: { root, parent, context in
                // The parent structure reports its own unknown members.
                let siblings = Set(parent.members.map(\.name))
                if let value = readWrapped(parent, itemName: itemName, otherMembers: siblings, &context,
                                           items: { list.readItems($0, &$1) }) {
                    root[keyPath: keyPath] = value
                }
            },
            copy: { root, other in root[keyPath: keyPath] = other[keyPath: keyPath] },
            equal: { $0[keyPath: keyPath] == $1[keyPath: keyPath] })
    }
}
