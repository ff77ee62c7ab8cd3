import CFCDiagnostics

/// A parsed YAML document: an immutable tree of scalars, sequences and mappings, in which every
/// node knows the span of source it came from.
///
/// The tree is stored as flat arrays (an arena) rather than one object per node: a large config
/// has millions of nodes, and one allocation each would cost more than parsing. Nodes are
/// addressed through lightweight `YAMLNode` handles. Aliases are resolved by sharing: an alias
/// is the anchored node itself, so a "billion laughs" document costs no memory to hold (its
/// expansion is bounded while parsing; see `YAMLParseOptions.maxAliasExpansion`). Merge keys
/// (`<<`) are already applied: a mapping's pairs are its effective pairs.
public final class YAMLDocument: Sendable {
    /// The file the document was parsed from (for a built document, the file it was built for).
    public let source: SourceFile
    /// Every file the document's nodes were written in: `source` first, then (in a document
    /// built by `YAMLTreeBuilder`) the files other nodes were copied from, such as an
    /// environment's values or an included fragment.
    public let sources: [SourceFile]
    let records: [NodeRecord]
    /// Children of collections: a sequence's items, or a mapping's keys and values alternating.
    let children: [Int32]
    /// The bytes of every scalar, one after another.
    let scalarBytes: [UInt8]
    let rootIndex: Int32?
    /// Where the source first uses an anchor, alias or merge key (which the tree has resolved, so
    /// writing the tree back would expand them), or nil when it uses none.
    public let firstAliasUse: SourceRange?
    /// The empty mappings left where values were handed off while parsing (see
    /// `YAMLParser.parse(_:options:sink:detachingValuesOf:handler:)`).
    let detached: Set<Int32>

    init(
        source: SourceFile, records: [NodeRecord], children: [Int32], scalarBytes: [UInt8], rootIndex: Int32?,
        firstAliasUse: SourceRange? = nil, detached: Set<Int32> = [], otherSources: [SourceFile] = []
    ) {
        self.source = source
        self.sources = [source] + otherSources
        self.records = records
        self.children = children
        self.scalarBytes = scalarBytes
        self.rootIndex = rootIndex
        self.firstAliasUse = firstAliasUse
        self.detached = detached
    }

    /// Whether the source uses anchors, aliases or merge keys.
    public var usesAliases: Bool { firstAliasUse != nil }

    /// About how much memory the tree holds: its nodes, child lists and scalar bytes.
    public var treeBytes: Int {
        records.count * MemoryLayout<NodeRecord>.stride + children.count * MemoryLayout<Int32>.stride + scalarBytes.count
    }

    /// Whether `node` is the placeholder of a value handed off while parsing.
    public func isDetached(_ node: YAMLNode) -> Bool {
        node.document === self && detached.contains(node.index)
    }

    /// The document's root node, or nil when the file holds no document (empty, or only
    /// comments).
    public var root: YAMLNode? {
        rootIndex.map { YAMLNode(document: self, index: $0) }
    }

    /// Whether any scalar's text contains `needle` (of two bytes or more): a quick test before
    /// walking the tree for something most documents do not hold.
    public func scalarsContain(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        return scalarBytes.withUnsafeBufferPointer { bytes in
            guard bytes.count >= needle.count else { return false }
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first, bytes[index + 1..<index + needle.count].elementsEqual(needle.dropFirst()) { return true }
                index += 1
            }
            return false
        }
    }

    /// How many nodes the document holds (aliases counted once).
    public var nodeCount: Int { records.count }
}

/// A mapping value handed off by the parser as a document of its own: `value` is its root and
/// `key` the key it was under (copied into the same document, so both outlive the parse).
public struct DetachedValue: Sendable {
    /// The key, such as a distribution's name.
    public let key: YAMLNode
    /// The value, the root of its own document.
    public let value: YAMLNode
    /// The index (`YAMLNode.index`) of the placeholder left in the parsed document.
    public let placeholder: Int32
}

/// A node's start and end as libyaml marks them (lines and columns from 0, as libyaml counts
/// them), turned into a `SourceRange` only when needed.
public struct SourceMarks: Sendable, Equatable {
    let startLine: UInt32
    let startColumn: UInt32
    let endLine: UInt32
    let endColumn: UInt32

    /// The span in `source`, the file the node was parsed from.
    public func range(in source: SourceFile) -> SourceRange {
        SourceRange(
            file: source.path,
            start: source.position(parserLine: Int(startLine) + 1, column: Int(startColumn) + 1),
            end: source.position(parserLine: Int(endLine) + 1, column: Int(endColumn) + 1))
    }
}

/// The storage of one node. 32 bytes; see `YAMLDocument` for why nodes are not objects.
struct NodeRecord {
    var kind: YAMLNode.Kind
    var style: YAMLNode.ScalarStyle
    var tag: YAMLTag
    /// The core-schema type, decided once while parsing (lowering asks for it often).
    var resolved: ResolvedType = .string
    /// Which of the document's `sources` the node was written in (0 for a parsed document).
    var source: UInt16 = 0
    /// Start and end marks as libyaml reports them, counted from 0.
    var startLine: UInt32
    var startColumn: UInt32
    var endLine: UInt32
    var endColumn: UInt32
    /// Scalars: offset into `scalarBytes`. Collections: offset into `children`.
    var payloadStart: UInt32
    /// Scalars: byte length. Sequences: item count. Mappings: pair count.
    var payloadCount: UInt32
}

/// The explicit tag on a node, among those cfc accepts. Any other tag is an error while parsing.
public enum YAMLTag: UInt8, Sendable {
    /// No tag: a plain scalar is resolved by the YAML 1.2 core schema, a quoted one is a string.
    case none
    /// The non-specific tag `!`: the scalar is a string.
    case nonSpecific
    /// `!!str`
    case string
    /// `!!int`
    case integer
    /// `!!float`
    case float
    /// `!!bool`
    case boolean
    /// `!!null`
    case null
    /// `!!seq`
    case sequence
    /// `!!map`
    case mapping

    /// The tag as written in a document, for messages.
    public var spelling: String {
        switch self {
        case .none: ""
        case .nonSpecific: "!"
        case .string: "!!str"
        case .integer: "!!int"
        case .float: "!!float"
        case .boolean: "!!bool"
        case .null: "!!null"
        case .sequence: "!!seq"
        case .mapping: "!!map"
        }
    }
}

/// A handle to one node of a `YAMLDocument`.
public struct YAMLNode: Sendable {
    /// The three kinds of YAML node.
    public enum Kind: UInt8, Sendable {
        /// A string of text: `foo`, `"foo"`, `42`, `true`.
        case scalar
        /// A list: `[a, b]` or `- a` lines.
        case sequence
        /// A set of key-value pairs: `{a: 1}` or `a: 1` lines.
        case mapping

        /// The kind in words, for messages ("expected a mapping, found a sequence").
        public var name: String {
            switch self {
            case .scalar: "scalar"
            case .sequence: "list"
            case .mapping: "mapping"
            }
        }
    }

    /// How a scalar was written, which decides how it is resolved (a quoted `"true"` is a string).
    public enum ScalarStyle: UInt8, Sendable {
        /// Not a scalar.
        case none
        /// `foo`
        case plain
        /// `'foo'`
        case singleQuoted
        /// `"foo"`
        case doubleQuoted
        /// `|` block
        case literal
        /// `>` block
        case folded
    }

    /// The document the node belongs to.
    public let document: YAMLDocument
    /// The node's index in the document's storage; stable for the document's life.
    public let index: Int32

    @inline(__always)
    var record: NodeRecord { document.records[Int(index)] }

    /// The node's kind.
    public var kind: Kind { record.kind }
    /// The node's explicit tag.
    public var tag: YAMLTag { record.tag }
    /// The scalar style, or `.none` for collections.
    public var style: ScalarStyle { record.style }

    /// The span of source the node was parsed from. For an alias, the alias itself: its
    /// children (if any) keep the spans where the anchored node wrote them.
    public var range: SourceRange { marks.range(in: sourceFile) }

    /// The file the node was written in: the document's own, or for a node a
    /// `YAMLTreeBuilder` copied from another document, that document's.
    public var sourceFile: SourceFile { document.sources[Int(record.source)] }

    /// Where the node starts and ends as libyaml marked it: `range` without computing
    /// positions, for keeping after the tree is gone.
    public var marks: SourceMarks {
        let record = self.record
        return SourceMarks(
            startLine: record.startLine, startColumn: record.startColumn, endLine: record.endLine, endColumn: record.endColumn)
    }

    /// The line (from 1) the node starts on, as libyaml counts lines (see
    /// `SourceFile.position(parserLine:column:)`); cheaper than `range` when only the line is needed.
    public var line: Int { Int(record.startLine) + 1 }

    // MARK: - Scalars

    /// The text of a scalar (escape sequences resolved, as libyaml delivers it); empty for
    /// collections.
    public var text: String {
        let record = self.record
        guard record.kind == .scalar else { return "" }
        let start = Int(record.payloadStart)
        return document.scalarBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + Int(record.payloadCount)]), as: UTF8.self)
        }
    }

    /// The length of a scalar's text in UTF-8 bytes.
    public var textByteCount: Int { record.kind == .scalar ? Int(record.payloadCount) : 0 }

    /// Whether the scalar's text is exactly `bytes`, compared without creating a `String`.
    public func textEquals(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let record = self.record
        guard record.kind == .scalar, Int(record.payloadCount) == bytes.count else { return false }
        let start = Int(record.payloadStart)
        return document.scalarBytes.withUnsafeBufferPointer { storage in
            for offset in 0..<bytes.count where storage[start + offset] != bytes[offset] { return false }
            return true
        }
    }

    /// The type the YAML 1.2 core schema gives this node, taking its tag and style into account.
    public var resolvedType: ResolvedType { record.resolved }

    /// Whether the node is a null (`~`, `null`, an empty value, or `!!null`).
    public var isNull: Bool { resolvedType == .null }

    // MARK: - Collections

    /// The number of items of a sequence or pairs of a mapping; 0 for scalars.
    public var count: Int { record.kind == .scalar ? 0 : Int(record.payloadCount) }

    /// The items of a sequence (empty for other kinds).
    public var items: Items { Items(node: self) }

    /// The key-value pairs of a mapping, merge keys applied (empty for other kinds).
    public var pairs: Pairs { Pairs(node: self) }

    /// The value for the scalar key `key` in a mapping, or nil.
    public func value(forKey key: String) -> YAMLNode? {
        pairs.first { $0.key.kind == .scalar && $0.key.text == key }?.value
    }

    /// The items of a sequence node.
    public struct Items: RandomAccessCollection, Sendable {
        let node: YAMLNode
        public var startIndex: Int { 0 }
        public var endIndex: Int { node.kind == .sequence ? node.count : 0 }
        public subscript(position: Int) -> YAMLNode {
            let child = node.document.children[Int(node.record.payloadStart) + position]
            return YAMLNode(document: node.document, index: child)
        }
    }

    /// The key-value pairs of a mapping node.
    public struct Pairs: RandomAccessCollection, Sendable {
        let node: YAMLNode
        public var startIndex: Int { 0 }
        public var endIndex: Int { node.kind == .mapping ? node.count : 0 }
        public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
            let base = Int(node.record.payloadStart) + 2 * position
            let children = node.document.children
            return (
                YAMLNode(document: node.document, index: children[base]),
                YAMLNode(document: node.document, index: children[base + 1])
            )
        }
    }
}

/// The type of a node under the YAML 1.2 core schema.
public enum ResolvedType: UInt8, Sendable, Equatable {
    /// `~`, `null`, `Null`, `NULL`, or nothing.
    case null
    /// `true`/`false` (and their `True`/`TRUE` forms).
    case boolean
    /// Decimal, `0o` octal or `0x` hex integers.
    case integer
    /// Decimals with a point or exponent, `.inf`, `.nan`.
    case float
    /// Everything else, and every quoted or block scalar.
    case string
    /// A list.
    case sequence
    /// A mapping.
    case mapping

    /// The type in words, for messages.
    public var name: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .integer: "integer"
        case .float: "number"
        case .string: "string"
        case .sequence: "list"
        case .mapping: "mapping"
        }
    }
}
