import APIDocument
import YAMLSyntax

/// One member of an IR structure, as the catalog describes it: its YAML key, its API member
/// name, what it means, and how its value is lowered, emitted, read and exported.
///
/// Members are built with the static factories (`value`, `optional`, `omittable`, `inlineList`,
/// `custom`), which capture a key path into the IR type and a `ValueCodec`.
///
/// A class, not a struct: codecs walk catalogs for every structure of every config, and copying
/// a dozen closures and strings out of the array per member showed up in profiles as retains.
public final class Member<Root>: Sendable {
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
    /// Whether the key may be `null`, which leaves the member unset (not sent).
    public let acceptsNull: Bool
    /// The default as a YAML value, for members whose blank value does not show it (otherwise
    /// the reference shows the structure's blank value).
    public let defaultText: String?
    /// The default in words (Markdown), for members whose default depends on other members of
    /// their structure, such as "`0` with `forwarded-values`, else unset".
    public let defaultDescription: String?
    /// Whether CloudFront keeps the value the distribution was created with, whatever an update
    /// sends (`CallerReference`): a plan never shows it as a change.
    public let isFixedAfterCreate: Bool

    let shapeOf: @Sendable () -> ValueShape
    let lowerValue: @Sendable (inout Root, YAMLNode, inout LoweringContext) -> Void
    /// Emits the member of the structure at the pointer: structures are emitted in place, since
    /// passing a cache behavior by value to each member's closure copied it every time.
    let emitValue: @Sendable (borrowing InPlace<Root>, inout APIDocument) -> Void
    let readValue: @Sendable (inout Root, APINode, inout ReadingContext) -> Void
    let exportValue: @Sendable (Root, ExportStyle) -> YAMLValue?
    let copyValue: @Sendable (inout Root, Root) -> Void
    /// Sets the member to its default that depends on other members: lowering runs it for a key
    /// that is not written, once the keys that are written are lowered. Nil for members whose
    /// default is the structure's blank value.
    let fillDefault: (@Sendable (inout Root) -> Void)?

    init(
        key: String?, apiName: String?, apiNamesRead: [String], summary: String, isRequired: Bool,
        acceptsNull: Bool = false, defaultText: String? = nil, defaultDescription: String? = nil, isFixedAfterCreate: Bool = false,
        shapeOf: @escaping @Sendable () -> ValueShape,
        lowerValue: @escaping @Sendable (inout Root, YAMLNode, inout LoweringContext) -> Void,
        emitValue: @escaping @Sendable (borrowing InPlace<Root>, inout APIDocument) -> Void,
        readValue: @escaping @Sendable (inout Root, APINode, inout ReadingContext) -> Void,
        exportValue: @escaping @Sendable (Root, ExportStyle) -> YAMLValue?,
        copyValue: @escaping @Sendable (inout Root, Root) -> Void,
        fillDefault: (@Sendable (inout Root) -> Void)? = nil
    ) {
        self.key = key
        self.apiName = apiName
        self.apiNamesRead = apiNamesRead
        self.summary = summary
        self.isRequired = isRequired
        self.acceptsNull = acceptsNull
        self.defaultText = defaultText
        self.defaultDescription = defaultDescription
        self.isFixedAfterCreate = isFixedAfterCreate
        self.shapeOf = shapeOf
        self.lowerValue = lowerValue
        self.emitValue = emitValue
        self.readValue = readValue
        self.exportValue = exportValue
        self.copyValue = copyValue
        self.fillDefault = fillDefault
    }

    /// What the value looks like in YAML.
    public func shape() -> ValueShape { shapeOf() }

    /// Lowers `node` into this member of `root`.
    public func lower(into root: inout Root, from node: YAMLNode, _ context: inout LoweringContext) {
        lowerValue(&root, node, &context)
    }

    /// Emits this member of `root`.
    public func emit(_ root: Root, into document: inout APIDocument) {
        withUnsafePointer(to: root) { emitValue(InPlace($0), &document) }
    }

    /// Emits this member of the structure `root`, read in place.
    @inline(__always)
    func emit(at root: borrowing InPlace<Root>, into document: inout APIDocument) {
        emitValue(root, &document)
    }

    /// Reads this member of `root` from the API object `parent`.
    public func read(into root: inout Root, from parent: APINode, _ context: inout ReadingContext) {
        readValue(&root, parent, &context)
    }

    /// This member of `root` as YAML, or nil when it is unset.
    public func export(_ root: Root, style: ExportStyle) -> YAMLValue? {
        exportValue(root, style)
    }

    /// Sets this member of `root` to its value in `other`.
    public func copy(into root: inout Root, from other: Root) {
        copyValue(&root, other)
    }

    /// Sets this member of `root` to what lowering gives it when its key is not written: its
    /// value in `blank`, or the default that depends on `root`'s other members.
    public func reset(_ root: inout Root, blank: Root) {
        copyValue(&root, blank)
        fillDefault?(&root)
    }
}

extension Member {
    /// A member that always has a value: absent keys keep the structure's default, and the
    /// value is always sent.
    public static func value<C: ValueCodec>(
        _ key: String?, _ keyPath: any WritableKeyPath<Root, C.Value> & Sendable, api apiName: String?, _ codec: C,
        required: Bool = false, defaultText: String? = nil, fixedAfterCreate: Bool = false, _ summary: String
    ) -> Member {
        let field = FieldAccess(keyPath)
        let member = apiName.map(MemberName.named)
        return Member(
            key: key, apiName: apiName, apiNamesRead: apiName.map { [$0] } ?? [], summary: summary,
            isRequired: required, defaultText: defaultText, isFixedAfterCreate: fixedAfterCreate, shapeOf: { codec.shape },
            lowerValue: { root, node, context in
                if let value = codec.lower(node, &context) { field.set(&root, value) }
            },
            emitValue: { root, document in
                guard let member else { return }
                codec.emit(field.get(at: root), named: member, into: &document)
            },
            readValue: { root, parent, context in
                guard let apiName, let node = parent.member(apiName) else { return }
                if let value = context.within(apiName, { codec.read(node, &$0) }) { field.set(&root, value) }
            },
            exportValue: { codec.export(field.get($0), style: $1) },
            copyValue: { root, other in field.set(&root, field.get(other)) })
    }

    /// A member that may be unset: sent only when set. A YAML null leaves it unset.
    public static func optional<C: ValueCodec>(
        _ key: String?, _ keyPath: any WritableKeyPath<Root, C.Value?> & Sendable, api apiName: String?, _ codec: C,
        required: Bool = false, _ summary: String
    ) -> Member {
        let field = FieldAccess(keyPath)
        let member = apiName.map(MemberName.named)
        return Member(
            key: key, apiName: apiName, apiNamesRead: apiName.map { [$0] } ?? [], summary: summary,
            isRequired: required, acceptsNull: true, shapeOf: { codec.shape },
            lowerValue: lowerNullable(codec, field),
            emitValue: { root, document in
                guard let member, let value = field.get(at: root) else { return }
                codec.emit(value, named: member, into: &document)
            },
            readValue: { root, parent, context in
                guard let apiName, let node = parent.member(apiName) else { return }
                if let value = context.within(apiName, { codec.read(node, &$0) }) { field.set(&root, value) }
            },
            exportValue: { root, style in field.get(root).map { codec.export($0, style: style) } },
            copyValue: { root, other in field.set(&root, field.get(other)) })
    }

    /// A member the API lets a config leave out but cfc sends by default, in the form CloudFront
    /// returns it (an empty `Aliases` wrapper, a disabled `Logging`): a key that is not written
    /// keeps the structure's default, which is sent; `null` leaves the member out. Reading an API
    /// document without the member leaves it out too, and `cfc import` writes that as `null`,
    /// so "not sent" and "sent empty" survive a round trip.
    public static func omittable<C: ValueCodec>(
        _ key: String, _ keyPath: any WritableKeyPath<Root, C.Value?> & Sendable, api apiName: String, _ codec: C,
        defaultText: String? = nil, _ summary: String
    ) -> Member {
        omittable(
            key, keyPath, api: apiName, codec, defaultText: defaultText, summary, exportUnsent: { _ in .null },
            defaultDescription: nil, fillDefault: nil)
    }

    /// `omittable`, with `exportUnsent` saying how a member that is not sent is exported.
    private static func omittable<C: ValueCodec>(
        _ key: String, _ keyPath: any WritableKeyPath<Root, C.Value?> & Sendable, api apiName: String, _ codec: C,
        defaultText: String?, _ summary: String, exportUnsent: @escaping @Sendable (Root) -> YAMLValue?,
        defaultDescription: String?, fillDefault: (@Sendable (inout Root) -> Void)?
    ) -> Member {
        let field = FieldAccess(keyPath)
        let member = MemberName.named(apiName)
        return Member(
            key: key, apiName: apiName, apiNamesRead: [apiName], summary: summary,
            isRequired: false, acceptsNull: true, defaultText: defaultText, defaultDescription: defaultDescription,
            shapeOf: { codec.shape },
            lowerValue: lowerNullable(codec, field),
            emitValue: { root, document in
                guard let value = field.get(at: root) else { return }
                codec.emit(value, named: member, into: &document)
            },
            readValue: { root, parent, context in
                guard let node = parent.member(apiName) else {
                    field.set(&root, nil)
                    return
                }
                if let value = context.within(apiName, { codec.read(node, &$0) }) { field.set(&root, value) }
            },
            exportValue: { root, style in field.get(root).map { codec.export($0, style: style) } ?? exportUnsent(root) },
            copyValue: { root, other in field.set(&root, field.get(other)) },
            fillDefault: fillDefault)
    }

    /// `omittable` for a member whose default depends on other members of its structure (the
    /// legacy TTLs beside `forwarded-values`, the certificate settings that depend on whose
    /// certificate it is): a key that is not written gets `contextualDefault(root)` once the
    /// written keys are lowered, and that value is sent. `null` still leaves the member out, and
    /// so does an API document without it: reading never fills the default in, so a live config
    /// compiles back without the member.
    public static func omittable<C: ValueCodec>(
        _ key: String, _ keyPath: any WritableKeyPath<Root, C.Value?> & Sendable, api apiName: String, _ codec: C,
        default contextualDefault: @escaping @Sendable (Root) -> C.Value?, defaultDescription: String, _ summary: String
    ) -> Member {
        let field = FieldAccess(keyPath)
        // Where the default is not to send the member either (TTLs without forwarded values), an
        // unsent member is simply unset and is exported as no key, not as `null`: plans and
        // complete exports show it as absent, as they did before the member could be omitted.
        return omittable(
            key, keyPath, api: apiName, codec, defaultText: nil, summary,
            exportUnsent: { contextualDefault($0) == nil ? nil : .null },
            defaultDescription: defaultDescription,
            fillDefault: { root in
                let value = contextualDefault(root)
                field.set(&root, value)
            })
    }

    /// A list whose `Quantity` and `Items` sit directly in the enclosing API structure, beside
    /// other members (`GeoRestriction` has `RestrictionType`, `Quantity` and `Items`).
    public static func inlineList<C: ValueCodec>(
        _ key: String, _ keyPath: any WritableKeyPath<Root, [C.Value]> & Sendable, itemName: String, _ element: C,
        _ summary: String
    ) -> Member {
        let field = FieldAccess(keyPath)
        let list = ListCodec(itemName, element)
        return Member(
            key: key, apiName: "Items", apiNamesRead: ["Quantity", "Items"], summary: summary, isRequired: false,
            shapeOf: { list.shape },
            lowerValue: { root, node, context in
                if let value = list.lower(node, &context) { field.set(&root, value) }
            },
            emitValue: { root, document in
                let value = field.get(at: root)
                document.integer(.quantity, Int64(value.count))
                if !value.isEmpty { list.emitItems(value, named: .items, into: &document) }
            },
            readValue: { root, parent, context in
                // The parent structure reports its own unknown members.
                let siblings = Set(parent.members.map(\.name))
                if let value = readWrapped(
                    parent, itemName: itemName, otherMembers: siblings, &context,
                    items: { list.readItems($0, &$1) })
                {
                    field.set(&root, value)
                }
            },
            exportValue: { list.export(field.get($0), style: $1) },
            copyValue: { root, other in field.set(&root, field.get(other)) })
    }

    /// A member whose YAML and API shapes differ in a way no codec expresses (one YAML key
    /// feeding two API members, say): a codec for the YAML side, and closures for the API side.
    /// With a key path to an optional, the member is omittable (see `omittable`): `null` leaves
    /// it unset, and an unset value is exported as `null`.
    public static func custom<C: ValueCodec>(
        _ key: String, _ keyPath: any WritableKeyPath<Root, C.Value> & Sendable, _ codec: C,
        api apiName: String?, reads apiNamesRead: [String], _ summary: String,
        emit: @escaping @Sendable (borrowing InPlace<Root>, inout APIDocument) -> Void,
        read: @escaping @Sendable (inout Root, APINode, inout ReadingContext) -> Void
    ) -> Member {
        let field = FieldAccess(keyPath)
        return Member(
            key: key, apiName: apiName, apiNamesRead: apiNamesRead, summary: summary, isRequired: false,
            shapeOf: { codec.shape },
            lowerValue: { root, node, context in
                if let value = codec.lower(node, &context) { field.set(&root, value) }
            },
            emitValue: emit, readValue: read,
            exportValue: { codec.export(field.get($0), style: $1) },
            copyValue: { root, other in field.set(&root, field.get(other)) })
    }

    /// `custom` for a member the API may leave out: the closures see the optional directly.
    public static func custom<C: ValueCodec>(
        _ key: String, _ keyPath: any WritableKeyPath<Root, C.Value?> & Sendable, _ codec: C,
        api apiName: String?, reads apiNamesRead: [String], _ summary: String,
        emit: @escaping @Sendable (borrowing InPlace<Root>, inout APIDocument) -> Void,
        read: @escaping @Sendable (inout Root, APINode, inout ReadingContext) -> Void
    ) -> Member {
        let field = FieldAccess(keyPath)
        return Member(
            key: key, apiName: apiName, apiNamesRead: apiNamesRead, summary: summary, isRequired: false, acceptsNull: true,
            shapeOf: { codec.shape },
            lowerValue: lowerNullable(codec, field),
            emitValue: emit, readValue: read,
            exportValue: { root, style in field.get(root).map { codec.export($0, style: style) } ?? .null },
            copyValue: { root, other in field.set(&root, field.get(other)) })
    }

    /// Lowering for a member that may be unset: a plain YAML `null` leaves it unset, anything
    /// else goes through the codec.
    private static func lowerNullable<C: ValueCodec>(
        _ codec: C, _ field: FieldAccess<Root, C.Value?>
    ) -> @Sendable (inout Root, YAMLNode, inout LoweringContext) -> Void {
        { root, node, context in
            if node.isNull, node.kind == .scalar {
                field.set(&root, nil)
            } else if let value = codec.lower(node, &context) {
                field.set(&root, value)
            }
        }
    }
}
