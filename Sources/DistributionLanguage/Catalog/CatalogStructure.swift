import APIDocument
import YAMLSyntax

/// An IR structure the catalog describes: its members in the service model's order, the value
/// lowering starts from, and the defaults that depend on other members.
public protocol CatalogStructure: Hashable, Sendable {
    /// Where lowering starts: every member at cfc's default, required ones at a placeholder.
    static var blank: Self { get }
    /// The members, in the API's order (which is also the language reference's order).
    static var catalog: Catalog<Self> { get }
    /// Fills in defaults that depend on other members (a caller reference from the name, TTLs
    /// for legacy forwarded values). Must be idempotent; runs after lowering and after reading
    /// API input.
    static func applyContextualDefaults(_ value: inout Self)
    /// Reports problems that involve several members of one value, after its members are
    /// lowered (an origin with two origin types). `node` is the value's mapping.
    static func validate(_ value: Self, node: YAMLNode, _ context: inout LoweringContext)
}

extension CatalogStructure {
    public static func applyContextualDefaults(_ value: inout Self) {}
    public static func validate(_ value: Self, node: YAMLNode, _ context: inout LoweringContext) {}
}

/// The members of one IR structure, with a key index for lowering.
public struct Catalog<Root>: Sendable {
    /// What the structure is called in messages ("origin", "cache behavior").
    public let noun: String
    /// The members, in order.
    public let members: [Member<Root>]
    /// The position of each YAML key in `members`.
    let indexByKey: [String: Int]
    /// Every API member name some member reads.
    let apiNames: Set<String>
    /// Each key's UTF-8 bytes with its position in `members`, for matching a YAML key without
    /// making a `String` of it (lowering looks up every key of every behavior).
    let keyBytes: [(bytes: [UInt8], position: Int)]

    /// Creates a catalog.
    public init(_ noun: String, _ members: [Member<Root>]) {
        self.noun = noun
        self.members = members
        var index: [String: Int] = [:]
        for (position, member) in members.enumerated() {
            if let key = member.key { index[key] = position }
        }
        self.indexByKey = index
        self.apiNames = Set(members.flatMap(\.apiNamesRead))
        self.keyBytes = members.enumerated().compactMap { position, member in member.key.map { (Array($0.utf8), position) } }
    }

    /// The position in `members` of the member whose YAML key is the scalar `key`.
    func position(ofKey key: YAMLNode) -> Int? {
        let length = key.textByteCount
        for entry in keyBytes where entry.bytes.count == length {
            if entry.bytes.withUnsafeBufferPointer({ key.textEquals($0) }) { return entry.position }
        }
        return nil
    }

    /// The YAML keys, in order.
    public var keys: [String] { members.compactMap(\.key) }

    /// The member with YAML key `key`.
    public func member(forKey key: String) -> Member<Root>? {
        indexByKey[key].map { members[$0] }
    }
}
