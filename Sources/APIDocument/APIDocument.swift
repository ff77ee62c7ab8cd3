/// A CloudFront API document (a `DistributionConfig`, an `InvalidationBatch`) as an ordered
/// stream of members, ready to print as JSON or XML.
///
/// The emitter walks the IR once and records what the API sees: structures, lists and scalars,
/// each under its member name, in the service model's order. The JSON and XML printers read the
/// same stream, so the two formats of one config cannot disagree. A flat token array is used
/// instead of a tree because it costs one growing allocation per document, not one per node.
public struct APIDocument: Sendable, Equatable {
    /// The root element's name, such as `DistributionConfig`.
    public let rootName: String
    /// The XML namespace of the root element.
    public let namespace: String
    /// The members, in order.
    public private(set) var tokens: [Token] = []
    private var openContainers: [Bool] = []

    /// One step of the stream.
    public enum Token: Sendable, Equatable {
        /// A structure begins: `"Name": {` or `<Name>`.
        case beginStructure(MemberName)
        /// A list begins: `"Name": [` or `<Name>`; each item is written as `<itemName>` in XML.
        case beginList(MemberName, itemName: MemberName)
        /// The innermost structure or list ends.
        case end
        /// A scalar member (or list item, under the item's name).
        case scalar(MemberName, Scalar)
    }

    /// A leaf value.
    public enum Scalar: Sendable, Equatable, Hashable {
        /// A string.
        case string(String)
        /// An integer (the API's `integer` and `long`).
        case integer(Int64)
        /// A boolean.
        case boolean(Bool)
    }

    /// CloudFront's namespace for API version 2020-05-31.
    public static let cloudFrontNamespace = "http://cloudfront.amazonaws.com/doc/2020-05-31/"

    /// Creates an empty document.
    public init(rootName: String, namespace: String = APIDocument.cloudFrontNamespace) {
        self.rootName = rootName
        self.namespace = namespace
    }

    /// Appends a string member.
    public mutating func string(_ name: MemberName, _ value: String) {
        tokens.append(.scalar(name, .string(value)))
    }

    /// Appends an integer member.
    public mutating func integer(_ name: MemberName, _ value: Int64) {
        tokens.append(.scalar(name, .integer(value)))
    }

    /// Appends a boolean member.
    public mutating func boolean(_ name: MemberName, _ value: Bool) {
        tokens.append(.scalar(name, .boolean(value)))
    }

    /// Opens a structure member (or a structure list item, named by the list's item name).
    public mutating func beginStructure(_ name: MemberName) {
        tokens.append(.beginStructure(name))
        openContainers.append(true)
    }

    /// Opens a list member whose items are named `itemName` in XML.
    public mutating func beginList(_ name: MemberName, itemName: MemberName) {
        tokens.append(.beginList(name, itemName: itemName))
        openContainers.append(true)
    }

    /// Closes the innermost open structure or list.
    public mutating func end() {
        tokens.append(.end)
        openContainers.removeLast()
    }

    /// Whether every structure and list opened has been closed.
    public var isComplete: Bool { openContainers.isEmpty }

    /// Every scalar with its member path (`Origins.Items[0].DomainName`), for tests and diffs.
    public var leafPaths: [(path: String, value: Scalar)] {
        var result: [(String, Scalar)] = []
        var stack: [(name: String, isList: Bool, count: Int)] = []
        func prefix() -> String {
            stack.map { $0.name }.joined(separator: ".")
        }
        func childName(_ name: String) -> String {
            guard let top = stack.last else { return name }
            if top.isList {
                stack[stack.count - 1].count += 1
                return "[\(top.count)]"
            }
            return name
        }
        for token in tokens {
            switch token {
            case .beginStructure(let name):
                let child = childName(name.name)
                stack.append((child, false, 0))
            case .beginList(let name, _):
                let child = childName(name.name)
                stack.append((child, true, 0))
            case .end:
                stack.removeLast()
            case .scalar(let name, let value):
                let child = childName(name.name)
                let base = prefix()
                let path = base.isEmpty ? child : (child.hasPrefix("[") ? base + child : base + "." + child)
                result.append((path.replacingOccurrences(of: ".[", with: "["), value))
            }
        }
        return result
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

/// An API member name with its JSON and XML spellings prepared once, so printing a member is
/// copying bytes. Names come from the service model: ASCII identifiers that need no escaping.
public final class MemberName: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The name, such as `DomainName`.
    public let name: String
    /// `"DomainName": `
    let jsonKey: [UInt8]
    /// `<DomainName>`
    let xmlOpen: [UInt8]
    /// `</DomainName>`
    let xmlClose: [UInt8]

    /// Prepares `name`; create each name once (the catalog does) and reuse it.
    public init(_ name: String) {
        self.name = name
        jsonKey = Array("\"\(name)\": ".utf8)
        xmlOpen = Array("<\(name)>".utf8)
        xmlClose = Array("</\(name)>".utf8)
    }

    public static func == (lhs: MemberName, rhs: MemberName) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { name }

    /// `Quantity`, in every list wrapper.
    public static let quantity = MemberName("Quantity")
    /// `Items`, in every list wrapper.
    public static let items = MemberName("Items")
    /// `Enabled`, in wrappers of lists that can be switched off.
    public static let enabled = MemberName("Enabled")
}
