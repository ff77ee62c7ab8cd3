import CFCDiagnostics
import CFCSupport
internal import CLibYAML

/// Bounds on what a document may make the parser do. Files come from pull requests: each
/// bound turns a resource attack into a clear error.
public struct YAMLParseOptions: Sendable {
    /// The deepest nesting of collections accepted. cfc's language nests 8 levels at most.
    public var maxDepth: Int = 128
    /// The most nodes that aliases may add to the document, counting an alias of a collection
    /// as every node inside it. A "billion laughs" file reaches this after a few thousand
    /// events and stops. A quarter of a million is far more than anchored distributions need,
    /// and keeps a 30 kB file from making the compiler do seconds of work.
    public var maxAliasExpansion: Int = 250_000
    /// The longest scalar accepted, in UTF-8 bytes. CloudFront's longest strings are
    /// a few kilobytes.
    public var maxScalarBytes: Int = 1 << 20

    /// The default bounds.
    public init() {}
}

/// Turns a source file into a `YAMLDocument` with libyaml's event parser.
///
/// Problems are reported into the sink with the `yaml.*` ids; the parse stops at the first
/// syntax error (libyaml cannot recover), but problems found while building the tree, such as
/// duplicate keys, are all reported.
public enum YAMLParser {
    /// Runs libyaml's event parser over `bytes` and counts the events, building nothing: the
    /// physical floor the benchmark compares cfc's stages with.
    /// - Returns: the number of events, or nil on a syntax error.
    public static func countEvents(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { input in
            let parser = LibYAMLParser(input: input)
            var count = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser.raw, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                count += 1
                if event.type == YAML_STREAM_END_EVENT { return count }
            }
        }
    }

    /// Parses `source`.
    ///
    /// - Parameters:
    ///   - source: the file to parse.
    ///   - options: resource bounds.
    ///   - sink: receives every problem.
    /// - Returns: the document, or nil if a problem stopped the parse. A file with no document
    ///   (empty, or comments only) gives a document whose `root` is nil.
    public static func parse(
        _ source: SourceFile, options: YAMLParseOptions = YAMLParseOptions(), sink: any DiagnosticSink
    ) -> YAMLDocument? {
        parse(source, options: options, sink: sink, detaching: nil)
    }

    /// Parses `source`, handing each mapping value of the top-level key `rootKey` to `handler`
    /// as a document of its own as soon as its last event is read, so that work on it can start
    /// while the rest of the file is parsed, and so that the whole tree is never held at once.
    ///
    /// In the returned document each value handed off is an empty mapping, marked so that
    /// `YAMLDocument.isDetached` recognizes it. A value is handed off only while the file so far
    /// has no anchors: an alias must be able to reach its anchor in one document. Values that
    /// are not mappings stay in the returned document too, so their errors are reported as
    /// usual. Diagnostics from parsing (duplicate keys inside a handed-off value included) go to
    /// `sink`, as in `parse(_:options:sink:)`.
    ///
    /// `handler` runs on the parsing thread; it should hand the work on and return.
    public static func parse(
        _ source: SourceFile, options: YAMLParseOptions = YAMLParseOptions(), sink: any DiagnosticSink,
        detachingValuesOf rootKey: String, handler: @escaping (DetachedValue) -> Void
    ) -> YAMLDocument? {
        parse(source, options: options, sink: sink, detaching: (Array(rootKey.utf8), handler))
    }

    private static func parse(
        _ source: SourceFile, options: YAMLParseOptions, sink: any DiagnosticSink,
        detaching: (key: [UInt8], handler: (DetachedValue) -> Void)?
    ) -> YAMLDocument? {
        var builder = TreeBuilder(source: source, options: options, sink: sink)
        builder.detaching = detaching
        let completed = source.bytes.withUnsafeBufferPointer { input in
            // libyaml keeps a pointer into `input`; this closure is the whole life of the parser.
            builder.run(input)
        }
        // What lowering will walk: the nodes built, and what aliases stand for.
        WorkMeter.add(.yamlNodes, builder.nodesBuilt + builder.aliasExpansion)
        guard completed else { return nil }
        return builder.finish()
    }
}

/// The parser state around libyaml's parser object.
private final class LibYAMLParser {
    var raw = yaml_parser_t()

    init(input: UnsafeBufferPointer<UInt8>) {
        yaml_parser_initialize(&raw)
        if let base = input.baseAddress {
            yaml_parser_set_input_string(&raw, base, input.count)
        } else {
            // An empty file: libyaml wants a valid pointer even for zero bytes.
            yaml_parser_set_input_string(&raw, [UInt8(0)], 0)
        }
    }

    deinit { yaml_parser_delete(&raw) }
}

/// Builds the arena tree from the event stream.
private struct TreeBuilder {
    let source: SourceFile
    let options: YAMLParseOptions
    let sink: any DiagnosticSink

    var records: [NodeRecord] = []
    /// Every node appended, those later handed off in a detached value included (for `WorkMeter`).
    var nodesBuilt = 0
    var children: [Int32] = []
    var scalarBytes: [UInt8] = []
    /// For each node, how many nodes it stands for when aliases are expanded (saturating);
    /// 0 while a collection is still open, which is how a recursive alias is recognized.
    var weights: [UInt32] = []
    var anchors: [String: Int32] = [:]
    var aliasExpansion = 0

    struct OpenCollection {
        var index: Int32
        var firstPending: Int
        /// `children.count` and `scalarBytes.count` when it opened: its subtree's storage is
        /// everything after, once it closes.
        var childrenMark: Int
        var bytesMark: Int
        var anchor: String?
    }
    var open: [OpenCollection] = []
    /// Children of the open collections, innermost last.
    var pending: [Int32] = []
    var root: Int32?
    var documentCount = 0
    /// Where the first anchor (or merge key) is, once one has been seen.
    var firstAliasUse: SourceRange?
    var usesAliases: Bool { firstAliasUse != nil }

    mutating func noteAliasUse(_ range: SourceRange) {
        if firstAliasUse == nil { firstAliasUse = range }
    }

    init(source: SourceFile, options: YAMLParseOptions, sink: any DiagnosticSink) {
        self.source = source
        self.options = options
        self.sink = sink
        // A rough guess that avoids most regrowth: one node per 12 bytes of input.
        let estimate = source.bytes.count / 12 + 16
        records.reserveCapacity(estimate)
        weights.reserveCapacity(estimate)
        children.reserveCapacity(estimate)
        scalarBytes.reserveCapacity(source.bytes.count / 2)
    }

    /// The key whose mapping's values are handed off, and where to (see `YAMLParser.parse`).
    var detaching: (key: [UInt8], handler: (DetachedValue) -> Void)?
    /// The mapping whose values are handed off, once it is open.
    var detachingParent: Int32?
    /// The placeholders left where values were handed off.
    var detached = Set<Int32>()

    func finish() -> YAMLDocument {
        YAMLDocument(
            source: source, records: records, children: children, scalarBytes: scalarBytes, rootIndex: root,
            firstAliasUse: firstAliasUse, detached: detached)
    }

    /// Runs the event loop; returns false when a problem stopped it.
    mutating func run(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let parser = LibYAMLParser(input: input)
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser.raw, &event) == 1 else {
                reportLibYAMLError(parser.raw)
                return false
            }
            // The event owns memory (its value, anchor and tag); it is deleted at the end of this
            // iteration on every path, including the early returns below.
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_START_EVENT:
                let encoding = event.data.stream_start.encoding
                if encoding != YAML_UTF8_ENCODING && encoding != YAML_ANY_ENCODING {
                    emit(YAMLMessages.notUTF8(at: range(event.start_mark, event.end_mark)))
                    return false
                }
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                documentCount += 1
                if documentCount > 1 {
                    emit(YAMLMessages.severalDocuments(at: range(event.start_mark, event.end_mark)))
                    return false
                }
            case YAML_DOCUMENT_END_EVENT:
                break
            case YAML_SCALAR_EVENT:
                guard addScalar(event) else { return false }
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                guard let tag = resolveTag(data.tag, kind: .sequence, event) else { return false }
                guard openCollection(.sequence, tag: tag, anchor: data.anchor, event) else { return false }
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                guard let tag = resolveTag(data.tag, kind: .mapping, event) else { return false }
                guard openCollection(.mapping, tag: tag, anchor: data.anchor, event) else { return false }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard closeCollection(event) else { return false }
            case YAML_ALIAS_EVENT:
                guard addAlias(event) else { return false }
            default:
                break
            }
        }
    }

    // MARK: - Nodes

    mutating func addScalar(_ event: yaml_event_t) -> Bool {
        let data = event.data.scalar
        if data.length > options.maxScalarBytes {
            emit(
                YAMLMessages.scalarTooLong(
                    data.length, limit: options.maxScalarBytes,
                    at: range(event.start_mark, event.start_mark)))
            return false
        }
        let style: YAMLNode.ScalarStyle
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        guard let tag = resolveTag(data.tag, kind: .scalar, event) else { return false }
        let start = scalarBytes.count
        var resolved = ResolvedType.string
        if data.length > 0, let value = data.value {
            let bytes = UnsafeBufferPointer(start: value, count: data.length)
            scalarBytes.append(contentsOf: bytes)
            resolved = Self.resolve(tag: tag, style: style, bytes)
        } else {
            resolved = Self.resolve(tag: tag, style: style, UnsafeBufferPointer(start: nil, count: 0))
        }
        let index = appendRecord(
            NodeRecord(
                kind: .scalar, style: style, tag: tag, resolved: resolved,
                startLine: clamp(event.start_mark.line), startColumn: clamp(event.start_mark.column),
                endLine: clamp(event.end_mark.line), endColumn: clamp(event.end_mark.column),
                payloadStart: UInt32(truncatingIfNeeded: start), payloadCount: UInt32(truncatingIfNeeded: data.length)),
            weight: 1)
        if let anchor = data.anchor {
            anchors[String(cString: anchor)] = index
            noteAliasUse(rangeOf(index))
        }
        return attach(index)
    }

    /// The core-schema type of a scalar with this tag, style and text.
    static func resolve(tag: YAMLTag, style: YAMLNode.ScalarStyle, _ bytes: UnsafeBufferPointer<UInt8>) -> ResolvedType {
        switch tag {
        case .string, .nonSpecific, .sequence, .mapping: return .string
        case .integer: return .integer
        case .float: return .float
        case .boolean: return .boolean
        case .null: return .null
        case .none: break
        }
        guard style == .plain else { return .string }
        return CoreSchema.resolvePlain(bytes)
    }

    mutating func openCollection(
        _ kind: YAMLNode.Kind, tag: YAMLTag, anchor: UnsafeMutablePointer<yaml_char_t>?, _ event: yaml_event_t
    ) -> Bool {
        if open.count >= options.maxDepth {
            emit(YAMLMessages.tooDeep(limit: options.maxDepth, at: range(event.start_mark, event.end_mark)))
            return false
        }
        let index = appendRecord(
            NodeRecord(
                kind: kind, style: .none, tag: tag, resolved: kind == .mapping ? .mapping : .sequence,
                startLine: clamp(event.start_mark.line), startColumn: clamp(event.start_mark.column),
                endLine: 0, endColumn: 0, payloadStart: 0, payloadCount: 0),
            weight: 0)
        let anchorName = anchor.map { String(cString: $0) }
        if let anchorName {
            noteAliasUse(range(event.start_mark, event.end_mark))
            // Registered now so that an alias inside the collection finds it, and is recognized
            // as recursive because the collection's weight is still 0.
            anchors[anchorName] = index
        }
        if let detaching, open.count == 1, kind == .mapping, isValuePosition(in: open[0]),
            let key = pending.last, scalarEquals(key, detaching.key)
        {
            detachingParent = index
        }
        open.append(
            OpenCollection(
                index: index, firstPending: pending.count, childrenMark: children.count,
                bytesMark: scalarBytes.count, anchor: anchorName))
        return true
    }

    mutating func closeCollection(_ event: yaml_event_t) -> Bool {
        guard let collection = open.popLast() else { return true }
        var record = records[Int(collection.index)]
        let childStart = children.count
        if record.kind == .mapping && hasMergeKey(pending[collection.firstPending...]) {
            let items = Array(pending[collection.firstPending...])
            guard let effective = applyMergeKeys(items, mapping: collection.index) else { return false }
            children.append(contentsOf: effective)
        } else {
            children.append(contentsOf: pending[collection.firstPending...])
        }
        pending.removeSubrange(collection.firstPending...)
        let count = children.count - childStart
        if record.kind == .mapping { checkDuplicateKeys(childStart, count) }
        var weight: UInt32 = 1
        for child in children[childStart...] { weight = weight.addingSaturating(weights[Int(child)]) }
        weights[Int(collection.index)] = weight
        record.payloadStart = UInt32(truncatingIfNeeded: childStart)
        record.payloadCount = UInt32(truncatingIfNeeded: record.kind == .mapping ? count / 2 : count)
        record.endLine = clamp(event.end_mark.line)
        record.endColumn = clamp(event.end_mark.column)
        records[Int(collection.index)] = record
        if let parent = open.last, parent.index == detachingParent, record.kind == .mapping, !usesAliases,
            isValuePosition(in: parent), let key = pending.last, records[Int(key)].kind == .scalar
        {
            detach(collection, key: key)
        }
        return attach(collection.index)
    }

    /// Whether the next node attached to mapping `collection` is a value (not a key).
    func isValuePosition(in collection: OpenCollection) -> Bool {
        records[Int(collection.index)].kind == .mapping && (pending.count - collection.firstPending) % 2 == 1
    }

    /// Whether node `index` is a scalar whose bytes are `bytes`.
    func scalarEquals(_ index: Int32, _ bytes: [UInt8]) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .scalar, Int(record.payloadCount) == bytes.count else { return false }
        let start = Int(record.payloadStart)
        return scalarBytes[start..<start + bytes.count].elementsEqual(bytes)
    }

    /// Moves the just-closed `collection` (with its key) into a document of its own, hands
    /// that to the handler, and leaves an empty, marked mapping in its place.
    ///
    /// The subtree's records, child lists and scalar bytes are the tails of the three arrays
    /// (nothing else was added while it was open), so moving it is copying three tails with
    /// their offsets rebased, then truncating.
    mutating func detach(_ collection: OpenCollection, key: Int32) {
        guard let handler = detaching?.handler else { return }
        let first = Int(collection.index)
        var subRecords = Array(records[first...])
        for position in subRecords.indices {
            if subRecords[position].kind == .scalar {
                subRecords[position].payloadStart -= UInt32(truncatingIfNeeded: collection.bytesMark)
            } else {
                subRecords[position].payloadStart -= UInt32(truncatingIfNeeded: collection.childrenMark)
            }
        }
        let offset = collection.index
        let subChildren = children[collection.childrenMark...].map { $0 - offset }
        var subBytes = Array(scalarBytes[collection.bytesMark...])
        var keyRecord = records[Int(key)]
        let keyStart = Int(keyRecord.payloadStart)
        keyRecord.payloadStart = UInt32(truncatingIfNeeded: subBytes.count)
        subBytes.append(contentsOf: scalarBytes[keyStart..<keyStart + Int(keyRecord.payloadCount)])
        subRecords.append(keyRecord)
        let document = YAMLDocument(
            source: source, records: subRecords, children: subChildren, scalarBytes: subBytes,
            rootIndex: 0)
        records.removeSubrange((first + 1)...)
        weights.removeSubrange((first + 1)...)
        children.removeSubrange(collection.childrenMark...)
        scalarBytes.removeSubrange(collection.bytesMark...)
        records[first].payloadStart = UInt32(truncatingIfNeeded: collection.childrenMark)
        records[first].payloadCount = 0
        detached.insert(collection.index)
        handler(
            DetachedValue(
                key: YAMLNode(document: document, index: Int32(truncatingIfNeeded: subRecords.count - 1)),
                value: YAMLNode(document: document, index: 0), placeholder: collection.index))
    }

    mutating func addAlias(_ event: yaml_event_t) -> Bool {
        let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
        let aliasRange = range(event.start_mark, event.end_mark)
        guard let target = anchors[name] else {
            emit(YAMLMessages.undefinedAlias(name, at: aliasRange))
            return false
        }
        let weight = weights[Int(target)]
        if weight == 0 {
            emit(YAMLMessages.recursiveAlias(name, at: aliasRange, anchor: rangeOf(target)))
            return false
        }
        aliasExpansion += Int(weight)
        if aliasExpansion > options.maxAliasExpansion {
            emit(YAMLMessages.aliasExpansionTooLarge(limit: options.maxAliasExpansion, at: aliasRange))
            return false
        }
        // The alias becomes a node of its own that shares the anchored node's content but
        // carries the alias's position, so a problem with it (a duplicate key, a wrong type)
        // points at the alias, not at the anchor it repeats.
        var copy = records[Int(target)]
        copy.startLine = clamp(event.start_mark.line)
        copy.startColumn = clamp(event.start_mark.column)
        copy.endLine = clamp(event.end_mark.line)
        copy.endColumn = clamp(event.end_mark.column)
        return attach(appendRecord(copy, weight: weight))
    }

    mutating func appendRecord(_ record: NodeRecord, weight: UInt32) -> Int32 {
        nodesBuilt += 1
        records.append(record)
        weights.append(weight)
        return Int32(truncatingIfNeeded: records.count - 1)
    }

    mutating func attach(_ index: Int32) -> Bool {
        if open.isEmpty {
            root = index
        } else {
            pending.append(index)
        }
        return true
    }

    /// The source span of node `index`, while the tree is still being built.
    func rangeOf(_ index: Int32) -> SourceRange {
        let record = records[Int(index)]
        return SourceRange(
            file: source.path,
            start: source.position(parserLine: Int(record.startLine) + 1, column: Int(record.startColumn) + 1),
            end: source.position(parserLine: Int(record.endLine) + 1, column: Int(record.endColumn) + 1))
    }

    // MARK: - Mappings

    /// Replaces each `<<` pair by the pairs it merges in: a merged key is taken only where the
    /// mapping does not set it itself, and among several merged mappings the first one wins
    /// (YAML's merge-key rules).
    func hasMergeKey(_ items: ArraySlice<Int32>) -> Bool {
        var index = items.startIndex
        while index < items.endIndex {
            if isMergeKey(items[index]) { return true }
            index += 2
        }
        return false
    }

    mutating func applyMergeKeys(_ items: [Int32], mapping: Int32) -> [Int32]? {
        if let mergeKey = stride(from: 0, to: items.count, by: 2).first(where: { isMergeKey(items[$0]) }) {
            noteAliasUse(rangeOf(items[mergeKey]))
        }

        var explicitKeys = Set<String>()
        for pairStart in stride(from: 0, to: items.count, by: 2) where !isMergeKey(items[pairStart]) {
            if let key = scalarText(items[pairStart]) { explicitKeys.insert(key) }
        }
        var merged = Set<String>()
        var result: [Int32] = []
        for pairStart in stride(from: 0, to: items.count, by: 2) {
            let key = items[pairStart]
            let value = items[pairStart + 1]
            guard isMergeKey(key) else {
                result.append(key)
                result.append(value)
                continue
            }
            var sources: [Int32] = []
            let valueRecord = records[Int(value)]
            if valueRecord.kind == .mapping {
                sources = [value]
            } else if valueRecord.kind == .sequence {
                let start = Int(valueRecord.payloadStart)
                sources = Array(children[start..<start + Int(valueRecord.payloadCount)])
            }
            if sources.isEmpty || sources.contains(where: { records[Int($0)].kind != .mapping }) {
                emit(YAMLMessages.badMergeValue(at: rangeOf(value)))
                return nil
            }
            for source in sources {
                let sourceRecord = records[Int(source)]
                let start = Int(sourceRecord.payloadStart)
                for offset in 0..<Int(sourceRecord.payloadCount) {
                    let mergedKey = children[start + 2 * offset]
                    let mergedValue = children[start + 2 * offset + 1]
                    if let text = scalarText(mergedKey) {
                        if explicitKeys.contains(text) || !merged.insert(text).inserted { continue }
                    }
                    result.append(mergedKey)
                    result.append(mergedValue)
                }
            }
        }
        return result
    }

    func isMergeKey(_ index: Int32) -> Bool {
        let record = records[Int(index)]
        return record.kind == .scalar && record.style == .plain && record.tag == .none
            && record.payloadCount == 2 && scalarBytes[Int(record.payloadStart)] == UInt8(ascii: "<")
            && scalarBytes[Int(record.payloadStart) + 1] == UInt8(ascii: "<")
    }

    func scalarText(_ index: Int32) -> String? {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return nil }
        let start = Int(record.payloadStart)
        return String(decoding: scalarBytes[start..<start + Int(record.payloadCount)], as: UTF8.self)
    }

    /// Reports every key that appears twice, at the second occurrence with a note at the first.
    ///
    /// Keys are compared as bytes: small mappings pair by pair, large ones through a hash of
    /// the bytes, so no `String` is built unless a duplicate is found.
    func checkDuplicateKeys(_ start: Int, _ count: Int) {
        let pairs = count / 2
        guard pairs > 1 else { return }
        if pairs <= 16 {
            for second in 1..<pairs {
                let key = children[start + 2 * second]
                for first in 0..<second where sameScalar(children[start + 2 * first], key) {
                    reportDuplicate(key, first: children[start + 2 * first])
                    break
                }
            }
            return
        }
        var buckets: [Int: [Int32]] = [:]
        buckets.reserveCapacity(pairs)
        for pair in 0..<pairs {
            let key = children[start + 2 * pair]
            guard let hash = scalarHash(key) else { continue }
            if let first = buckets[hash]?.first(where: { sameScalar($0, key) }) {
                reportDuplicate(key, first: first)
            } else {
                buckets[hash, default: []].append(key)
            }
        }
    }

    func reportDuplicate(_ key: Int32, first: Int32) {
        emit(YAMLMessages.duplicateKey(scalarText(key) ?? "", at: rangeOf(key), first: rangeOf(first)))
    }

    /// Whether two nodes are scalars with the same bytes.
    func sameScalar(_ a: Int32, _ b: Int32) -> Bool {
        let left = records[Int(a)]
        let right = records[Int(b)]
        guard left.kind == .scalar, right.kind == .scalar, left.payloadCount == right.payloadCount else { return false }
        let count = Int(left.payloadCount)
        let leftStart = Int(left.payloadStart)
        let rightStart = Int(right.payloadStart)
        return scalarBytes.withUnsafeBufferPointer { bytes in
            for offset in 0..<count where bytes[leftStart + offset] != bytes[rightStart + offset] { return false }
            return true
        }
    }

    /// FNV-1a over a scalar's bytes, or nil for collections.
    func scalarHash(_ index: Int32) -> Int? {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let start = Int(record.payloadStart)
        scalarBytes.withUnsafeBufferPointer { bytes in
            for offset in 0..<Int(record.payloadCount) {
                hash = (hash ^ UInt64(bytes[start + offset])) &* 0x100_0000_01b3
            }
        }
        return Int(truncatingIfNeeded: hash)
    }

    // MARK: - Tags

    func resolveTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, kind: YAMLNode.Kind, _ event: yaml_event_t) -> YAMLTag? {
        guard let tag else { return YAMLTag.none }
        let name = String(cString: tag)
        let resolved: YAMLTag?
        switch name {
        case "!": resolved = .nonSpecific
        case "tag:yaml.org,2002:str": resolved = .string
        case "tag:yaml.org,2002:int": resolved = .integer
        case "tag:yaml.org,2002:float": resolved = .float
        case "tag:yaml.org,2002:bool": resolved = .boolean
        case "tag:yaml.org,2002:null": resolved = .null
        case "tag:yaml.org,2002:seq": resolved = .sequence
        case "tag:yaml.org,2002:map": resolved = .mapping
        default: resolved = nil
        }
        let where_ = range(event.start_mark, event.end_mark)
        guard let resolved else {
            emit(YAMLMessages.unknownTag(name, at: where_))
            return nil
        }
        let fits: Bool
        switch resolved {
        case .sequence: fits = kind == .sequence
        case .mapping: fits = kind == .mapping
        case .nonSpecific, .none: fits = true
        default: fits = kind == .scalar
        }
        if !fits {
            emit(YAMLMessages.tagDoesNotFit(resolved.spelling, kind: kind, at: where_))
            return nil
        }
        if kind == .scalar, resolved != .string, resolved != .nonSpecific, !tagMatchesScalar(resolved, event) {
            emit(YAMLMessages.tagDoesNotFitValue(resolved.spelling, at: where_))
            return nil
        }
        return resolved
    }

    /// Whether a scalar's text is a valid value of its explicit core-schema tag.
    func tagMatchesScalar(_ tag: YAMLTag, _ event: yaml_event_t) -> Bool {
        let data = event.data.scalar
        let text =
            data.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
            } ?? ""
        switch tag {
        case .integer: return CoreSchema.isIntegerSyntax(text)
        case .boolean: return CoreSchema.parseBoolean(text) != nil
        case .null: return CoreSchema.resolvePlain(text) == .null
        case .float: return [.float, .integer].contains(CoreSchema.resolvePlain(text))
        default: return true
        }
    }

    // MARK: - Errors

    func emit(_ diagnostic: Diagnostic) {
        sink.emit(diagnostic)
    }

    func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceRange {
        SourceRange(file: source.path, start: position(start), end: position(end))
    }

    /// The one place a libyaml mark (0-based line and column, counted in characters) becomes a
    /// `SourcePosition` (1-based, with a UTF-8 byte offset).
    func position(_ mark: yaml_mark_t) -> SourcePosition {
        source.position(parserLine: mark.line + 1, column: mark.column + 1)
    }

    func reportLibYAMLError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            emit(YAMLMessages.outOfMemory(file: source.path))
        case YAML_READER_ERROR:
            // Reader errors (bad encoding, forbidden characters) carry a byte offset, not a mark.
            let at = source.position(atByteOffset: parser.problem_offset)
            emit(
                YAMLMessages.readerError(
                    problem, value: parser.problem_value,
                    at: SourceRange(file: source.path, at: at)))
        default:
            let context = parser.context.map { String(cString: $0) }
            let contextRange = context == nil ? nil : range(parser.context_mark, parser.context_mark)
            let problemRange = range(parser.problem_mark, parser.problem_mark)
            emit(
                YAMLMessages.syntaxError(
                    problem, at: problemRange, context: context, contextRange: contextRange,
                    offendingByte: byte(at: problemRange.start.offset)))
        }
    }

    func byte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < source.bytes.count ? source.bytes[offset] : nil
    }

    func clamp(_ value: Int) -> UInt32 { UInt32(clamping: value) }
}

extension UInt32 {
    fileprivate func addingSaturating(_ other: UInt32) -> UInt32 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
