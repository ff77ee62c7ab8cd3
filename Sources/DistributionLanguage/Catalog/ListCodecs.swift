import APIDocument
import CFCSupport
import DistributionIR
import YAMLSyntax

/// How the API wraps a list.
public enum ListWrapper: Sendable {
    /// `{"Quantity": n, "Items": [...]}`; `Items` is left out when empty unless `itemsRequired`.
    case quantityItems(itemsRequired: Bool)
    /// `{"Enabled": n > 0, "Quantity": n, "Items": [...]}` (trusted signers, trusted key groups):
    /// an empty list means disabled.
    case enabledQuantityItems
    /// The list itself, with no wrapper.
    case bare
}

/// A list: a YAML sequence, an API list in its wrapper.
public struct ListCodec<Element: ValueCodec>: ValueCodec {
    /// The element's XML name (`CNAME`, `Method`, `Origin`).
    public let itemName: String
    let itemMember: MemberName
    /// The elements' codec.
    public let element: Element
    /// The API's wrapper.
    public let wrapper: ListWrapper

    /// Creates a list codec.
    public init(_ itemName: String, _ element: Element, wrapper: ListWrapper = .quantityItems(itemsRequired: false)) {
        self.itemName = itemName
        self.itemMember = MemberName.named(itemName)
        self.element = element
        self.wrapper = wrapper
    }

    public var shape: ValueShape { .list(element.shape) }

    public func export(_ value: [Element.Value], style: ExportStyle) -> YAMLValue {
        .sequence(value.map { element.export($0, style: style) })
    }

    public func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> [Element.Value]? {
        guard node.kind == .sequence else {
            context.emit(LanguageMessages.wrongType(expected: "a list", found: node, context))
            return nil
        }
        var values: [Element.Value] = []
        values.reserveCapacity(node.count)
        for (index, item) in node.items.enumerated() {
            if let value = context.within(.index(index), { element.lower(item, &$0) }) { values.append(value) }
        }
        return values
    }

    public func emit(_ value: [Element.Value], named name: MemberName, into document: inout APIDocument) {
        switch wrapper {
        case .bare:
            emitItems(value, named: name, into: &document)
        case .quantityItems(let itemsRequired):
            document.beginStructure(name)
            document.integer(.quantity, Int64(value.count))
            if itemsRequired || !value.isEmpty { emitItems(value, named: .items, into: &document) }
            document.end()
        case .enabledQuantityItems:
            document.beginStructure(name)
            document.boolean(.enabled, !value.isEmpty)
            document.integer(.quantity, Int64(value.count))
            if !value.isEmpty { emitItems(value, named: .items, into: &document) }
            document.end()
        }
    }

    func emitItems(_ value: [Element.Value], named name: MemberName, into document: inout APIDocument) {
        document.beginList(name, itemName: itemMember)
        // Items are emitted where they lie: `for item in value` copies each one (a cache
        // behavior is some forty reference counts to take and drop).
        value.withUnsafeBufferPointer { items in
            guard let first = items.baseAddress else { return }
            for index in items.indices { element.emit(at: InPlace(first + index), named: itemMember, into: &document) }
        }
        document.end()
    }

    public func read(_ node: APINode, _ context: inout ReadingContext) -> [Element.Value]? {
        switch wrapper {
        case .bare:
            return readItems(node, &context)
        case .quantityItems, .enabledQuantityItems:
            return readWrapped(node, itemName: itemName, &context) { items, context in readItems(items, &context) }
        }
    }

    func readItems(_ node: APINode, _ context: inout ReadingContext) -> [Element.Value]? {
        guard let items = APIListItems.items(of: node, itemName: itemName, &context) else { return nil }
        var values: [Element.Value] = []
        for (index, item) in items.enumerated() {
            if let value = context.within("[\(index)]", { element.read(item, &$0) }) { values.append(value) }
        }
        return values
    }
}

/// Reading the API's list encodings.
enum APIListItems {
    /// The items of a list node: a JSON array, an XML element whose children are all named
    /// `itemName`, or an empty XML element.
    static func items(of node: APINode, itemName: String, _ context: inout ReadingContext) -> [APINode]? {
        switch node.value {
        case .array(let items):
            return items
        case .object(let members):
            var items: [APINode] = []
            for member in members {
                if member.name == itemName {
                    items.append(member.node)
                } else {
                    context.emit(
                        LanguageMessages.apiUnknownMember(
                            member.name, in: "list of \(itemName)",
                            candidates: [itemName], member.node, context))
                }
            }
            return items
        case .string(let text) where text.trimmingXMLWhitespace().isEmpty:
            return []
        default:
            context.emit(LanguageMessages.apiWrongType(expected: "a list", node, context))
            return nil
        }
    }
}

/// Reads a `{Quantity, Items}` (or `{Enabled, Quantity, Items}`) wrapper, checking that
/// `Quantity` agrees with the number of items.
///
/// With `otherMembers`, those members may sit beside the wrapper's own (they are read by
/// someone else: `RestrictionType` beside a geo restriction's list, `CachedMethods` beside
/// the allowed methods).
func readWrapped<T>(
    _ node: APINode, itemName: String, otherMembers: Set<String> = [], _ context: inout ReadingContext,
    items readItems: (APINode, inout ReadingContext) -> [T]?
) -> [T]? {
    guard case .object = node.value else {
        if case .string(let text) = node.value, text.trimmingXMLWhitespace().isEmpty { return [] }
        context.emit(LanguageMessages.apiWrongType(expected: "an object with Quantity and Items", node, context))
        return nil
    }
    for member in node.members where !["Quantity", "Items", "Enabled"].contains(member.name) && !otherMembers.contains(member.name) {
        context.emit(
            LanguageMessages.apiUnknownMember(
                member.name, in: "list wrapper",
                candidates: ["Quantity", "Items"], member.node, context))
    }
    var values: [T] = []
    if let itemsNode = node.member("Items") {
        guard let read = context.within("Items", { readItems(itemsNode, &$0) }) else { return nil }
        values = read
    }
    if let quantityNode = node.member("Quantity") {
        let quantity = context.within("Quantity", { IntegerCodec<Int>().read(quantityNode, &$0) })
        if let quantity, quantity != values.count {
            context.emit(LanguageMessages.apiQuantityMismatch(quantity: quantity, items: values.count, quantityNode, context))
        }
    } else {
        context.emit(LanguageMessages.apiMissingMember("Quantity", node, context))
    }
    return values
}

/// A list written in YAML as a mapping from each element's id to the element, such as
/// `origins:` (id → origin) or `custom-headers:` (header name → value).
public struct KeyedListCodec<Element: CatalogStructure>: ValueCodec {
    /// How the value under each key becomes an element.
    public enum Entry: Sendable {
        /// The value is a mapping of the element's other members.
        case structure
        /// The value is one string member of the element.
        case scalar(any WritableKeyPath<Element, String> & Sendable)
        /// The value is one string member of the element that the service model marks
        /// sensitive: redacted where the export style asks (`ExportStyle.redactsSensitive`).
        case sensitiveScalar(any WritableKeyPath<Element, String> & Sendable)
    }

    /// The element's XML name.
    public let itemName: String
    /// The member that holds the key.
    public let keyPath: any WritableKeyPath<Element, String> & Sendable
    /// What the YAML values are.
    public let entry: Entry
    /// What a key names, for the docs ("origin id").
    public let keyDescription: String
    /// Whether the API wants `Items` even when the list is empty.
    public let itemsRequired: Bool

    /// Creates a keyed list codec.
    public init(
        _ itemName: String, key keyPath: any WritableKeyPath<Element, String> & Sendable, keyDescription: String,
        entry: Entry = .structure, itemsRequired: Bool = false
    ) {
        self.itemName = itemName
        self.keyPath = keyPath
        self.entry = entry
        self.keyDescription = keyDescription
        self.itemsRequired = itemsRequired
    }

    private var list: ListCodec<StructureCodec<Element>> {
        ListCodec(itemName, StructureCodec<Element>(), wrapper: .quantityItems(itemsRequired: itemsRequired))
    }

    public var shape: ValueShape {
        switch entry {
        case .structure: .keyedMap(keyDescription: keyDescription, value: StructureCodec<Element>().shape)
        case .scalar, .sensitiveScalar: .keyedMap(keyDescription: keyDescription, value: .string)
        }
    }

    public func export(_ value: [Element], style: ExportStyle) -> YAMLValue {
        .mapping(
            value.map { element in
                switch entry {
                case .structure: YAMLPair(element[keyPath: keyPath], StructureCodec<Element>().export(element, style: style))
                case .scalar(let valuePath): YAMLPair(element[keyPath: keyPath], .string(element[keyPath: valuePath]))
                case .sensitiveScalar(let valuePath):
                    YAMLPair(
                        element[keyPath: keyPath],
                        .string(style.redactsSensitive ? ExportStyle.sensitiveMarker : element[keyPath: valuePath]))
                }
            })
    }

    public func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> [Element]? {
        guard node.kind == .mapping else {
            context.emit(
                LanguageMessages.wrongType(
                    expected: "a mapping from \(keyDescription) to \(Element.catalog.noun)",
                    found: node, context))
            return nil
        }
        var values: [Element] = []
        values.reserveCapacity(node.count)
        for (key, valueNode) in node.pairs {
            guard key.kind == .scalar else {
                context.emit(LanguageMessages.nonScalarKey(key, context))
                continue
            }
            let id = key.text
            if let bad = XMLText.firstUnrepresentableScalar(in: id) {
                context.emit(LanguageMessages.unrepresentableCharacter(bad.scalar, at: key, context))
                continue
            }
            let lowered: Element? = context.within(.key(id), key: key) { context in
                switch entry {
                case .structure:
                    return StructureCodec<Element>().lower(valueNode, &context)
                case .scalar(let valuePath), .sensitiveScalar(let valuePath):
                    guard let text = StringCodec().lower(valueNode, &context) else { return nil }
                    var element = Element.blank
                    element[keyPath: valuePath] = text
                    return element
                }
            }
            guard var element = lowered else { continue }
            element[keyPath: keyPath] = id
            values.append(element)
        }
        return values
    }

    public func emit(_ value: [Element], named name: MemberName, into document: inout APIDocument) {
        list.emit(value, named: name, into: &document)
    }

    public func read(_ node: APINode, _ context: inout ReadingContext) -> [Element]? {
        list.read(node, &context)
    }
}

/// A string that the API wraps in a one-member structure, such as an origin group member
/// (`{"OriginId": "primary"}`), written in YAML as the bare string.
public struct WrappedStringCodec: ValueCodec {
    /// The structure's only member.
    public let memberName: String
    let member: MemberName

    /// Creates the codec.
    public init(memberName: String) {
        self.memberName = memberName
        self.member = MemberName.named(memberName)
    }

    public var shape: ValueShape { .string }

    public func export(_ value: String, style: ExportStyle) -> YAMLValue { .string(value) }

    public func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> String? {
        StringCodec().lower(node, &context)
    }

    public func emit(_ value: String, named name: MemberName, into document: inout APIDocument) {
        document.beginStructure(name)
        document.string(member, value)
        document.end()
    }

    public func read(_ node: APINode, _ context: inout ReadingContext) -> String? {
        guard let member = node.member(memberName) else {
            context.emit(LanguageMessages.apiMissingMember(memberName, node, context))
            return nil
        }
        return context.within(memberName) { StringCodec().read(member, &$0) }
    }
}
