import CFCDiagnostics

/// Builds a new `YAMLDocument` out of nodes of parsed ones and new scalars, for the stages that
/// rewrite a tree before it is lowered (parameters substituted, fragments merged in).
///
/// Every node keeps the span and the file it was written in, so a diagnostic about a value
/// that came from another file (an environment's values, a fragment) points into that file. A
/// new node takes the span of the node it stands in for (a `${name}` scalar replaced by the
/// parameter's value keeps the span of `${name}`).
///
/// Copies are shared: copying the same node twice gives the same built node, so an alias stays
/// one node and a value used in many places costs its size once.
public struct YAMLTreeBuilder {
    /// A node of the document being built.
    public struct Node: Hashable, Sendable {
        let index: Int32
    }

    private let source: SourceFile
    private var otherSources: [SourceFile] = []
    private var sourceIndexByPath: [String: UInt16] = [:]
    private var records: [NodeRecord] = []
    private var children: [Int32] = []
    private var scalarBytes: [UInt8] = []
    private var copies: [CopyKey: Int32] = [:]

    private struct CopyKey: Hashable {
        let document: ObjectIdentifier
        let index: Int32
    }

    /// Starts a document for `source`, the file the result is reported as (the config file).
    public init(source: SourceFile) {
        self.source = source
        sourceIndexByPath[source.path] = 0
    }

    /// How many nodes have been built: the work a rewrite did, for bounding it.
    public var nodeCount: Int { records.count }

    /// Copies `node` and everything under it, keeping their spans and file.
    public mutating func copy(_ node: YAMLNode) -> Node {
        let key = CopyKey(document: ObjectIdentifier(node.document), index: node.index)
        if let built = copies[key] { return Node(index: built) }
        var record = node.record
        record.source = sourceIndex(of: node.document.sources[Int(node.record.source)])
        let built: Int32
        switch node.kind {
        case .scalar:
            built = appendScalar(record, bytes: Array(node.text.utf8))
        case .sequence:
            built = appendCollection(record, children: node.items.map { copy($0).index })
        case .mapping:
            var items: [Int32] = []
            items.reserveCapacity(node.count * 2)
            for (key, value) in node.pairs {
                items.append(copy(key).index)
                items.append(copy(value).index)
            }
            built = appendCollection(record, children: items)
        }
        copies[key] = built
        return Node(index: built)
    }

    /// A new scalar with `text`, of core-schema type `type`, written where `node` is. A string
    /// keeps the style `node` was written in; any other type is plain.
    public mutating func scalar(_ text: String, type: ResolvedType, at node: YAMLNode) -> Node {
        var record = node.record
        record.kind = .scalar
        record.tag = .none
        record.resolved = type
        if type != .string || record.style == .none { record.style = .plain }
        record.source = sourceIndex(of: node.sourceFile)
        return Node(index: appendScalar(record, bytes: Array(text.utf8)))
    }

    /// A new sequence of `items`, written where `node` is.
    public mutating func sequence(_ items: [Node], at node: YAMLNode) -> Node {
        var record = node.record
        record.kind = .sequence
        record.style = .none
        record.tag = .none
        record.resolved = .sequence
        record.source = sourceIndex(of: node.sourceFile)
        return Node(index: appendCollection(record, children: items.map(\.index)))
    }

    /// A new mapping of `pairs`, written where `node` is.
    public mutating func mapping(_ pairs: [(key: Node, value: Node)], at node: YAMLNode) -> Node {
        var record = node.record
        record.kind = .mapping
        record.style = .none
        record.tag = .none
        record.resolved = .mapping
        record.source = sourceIndex(of: node.sourceFile)
        return Node(index: appendCollection(record, children: pairs.flatMap { [$0.key.index, $0.value.index] }))
    }

    /// The document, with `root` as its root. `firstAliasUse` says where the original used an
    /// anchor (see `YAMLDocument.firstAliasUse`).
    public func finish(root: Node?, firstAliasUse: SourceRange?) -> YAMLDocument {
        YAMLDocument(
            source: source, records: records, children: children, scalarBytes: scalarBytes, rootIndex: root?.index,
            firstAliasUse: firstAliasUse, otherSources: otherSources)
    }

    /// The handle of `node` in `document`, a document this builder finished.
    public static func handle(_ node: Node, in document: YAMLDocument) -> YAMLNode {
        YAMLNode(document: document, index: node.index)
    }

    /// Adds `file` to the document's sources though no node is copied from it (a file whose
    /// values were substituted), so that diagnostics pointing into it show its text.
    public mutating func addSource(_ file: SourceFile) {
        _ = sourceIndex(of: file)
    }

    private mutating func sourceIndex(of file: SourceFile) -> UInt16 {
        if let index = sourceIndexByPath[file.path] { return index }
        otherSources.append(file)
        let index = UInt16(truncatingIfNeeded: otherSources.count)
        sourceIndexByPath[file.path] = index
        return index
    }

    private mutating func appendScalar(_ record: NodeRecord, bytes: [UInt8]) -> Int32 {
        var record = record
        record.payloadStart = UInt32(truncatingIfNeeded: scalarBytes.count)
        record.payloadCount = UInt32(truncatingIfNeeded: bytes.count)
        scalarBytes.append(contentsOf: bytes)
        records.append(record)
        return Int32(truncatingIfNeeded: records.count - 1)
    }

    private mutating func appendCollection(_ record: NodeRecord, children items: [Int32]) -> Int32 {
        var record = record
        record.payloadStart = UInt32(truncatingIfNeeded: children.count)
        record.payloadCount = UInt32(truncatingIfNeeded: record.kind == .mapping ? items.count / 2 : items.count)
        children.append(contentsOf: items)
        records.append(record)
        return Int32(truncatingIfNeeded: records.count - 1)
    }
}
