import CFCDiagnostics

/// One place where two API documents differ, at a member path such as
/// `DefaultCacheBehavior.ForwardedValues.Cookies.WhitelistedNames`.
public struct APIDifference: Sendable, Equatable, CustomStringConvertible {
    /// How the documents differ there.
    public enum Kind: Sendable, Equatable {
        /// The member is in the expected document only.
        case missing
        /// The member is in the actual document only.
        case unexpected
        /// Both have the member, with different values (shown as text).
        case changed(expected: String, actual: String)
        /// One document has an empty `Items` list and the other no `Items`: the API's two
        /// spellings of "no items", which every reader (botocore's included) takes the same way.
        case emptyItemsSpelling
    }

    /// The member path, from the document's root.
    public var path: String
    /// What differs.
    public var kind: Kind
    /// Where in the expected document: the member, or the object that lacks it.
    public var range: SourceRange?

    /// Creates a difference.
    public init(path: String, kind: Kind, range: SourceRange? = nil) {
        self.path = path
        self.kind = kind
        self.range = range
    }

    /// Whether the difference changes what the document says (every kind but
    /// `emptyItemsSpelling`).
    public var isSignificant: Bool { kind != .emptyItemsSpelling }

    public var description: String {
        switch kind {
        case .missing: "\(path): in the input, not in the output"
        case .unexpected: "\(path): in the output, not in the input"
        case .changed(let expected, let actual): "\(path): \(expected) in the input, \(actual) in the output"
        case .emptyItemsSpelling: "\(path): an empty list on one side, no Items on the other"
        }
    }
}

/// Compares two API documents member for member, as they were written: a member that one has
/// and the other lacks is a difference even when its value is empty or a default, so the
/// comparison cannot hide a member that a reader filled in or an emitter forced.
///
/// The documents must be in the same format (both JSON or both XML). Object members are matched
/// by name whatever their order (the API does not order them); repeated names (XML list items)
/// and arrays are compared in order. Scalars are compared by their text, except that numbers
/// compare by value and the text of XML elements that hold an integer or a boolean may carry
/// the whitespace of pretty-printing.
public enum APIComparison {
    /// The differences between `expected` and `actual`, in document order.
    /// - Parameters:
    ///   - expected: the document that should be matched (an import's input).
    ///   - actual: the document to check (what the imported YAML compiles to).
    ///   - path: the path of the two nodes, prefixed to every difference's path.
    public static func differences(expected: APINode, actual: APINode, path: String = "") -> [APIDifference] {
        var differences: [APIDifference] = []
        compare(expected, actual, path: path, into: &differences)
        return differences
    }

    static func compare(_ expected: APINode, _ actual: APINode, path: String, into differences: inout [APIDifference]) {
        switch (expected.value, actual.value) {
        case (.object(let expectedMembers), .object(let actualMembers)):
            compareMembers(expectedMembers, actualMembers, path: path, parent: expected.range, into: &differences)
        case (.array(let expectedItems), .array(let actualItems)):
            for (index, (left, right)) in zip(expectedItems, actualItems).enumerated() {
                compare(left, right, path: "\(path)[\(index)]", into: &differences)
            }
            if expectedItems.count != actualItems.count {
                differences.append(
                    APIDifference(
                        path: path,
                        kind: .changed(
                            expected: "\(expectedItems.count) items", actual: "\(actualItems.count) items"), range: expected.range))
            }
        case (.string, .string):
            if !sameScalar(expected.value, actual.value) {
                differences.append(
                    APIDifference(
                        path: path, kind: .changed(expected: text(expected), actual: text(actual)),
                        range: expected.range))
            }
        default:
            // An empty list: `[]` in JSON, an element with no children (or `{}`) on either side.
            if isEmptyList(expected) && isEmptyList(actual) { return }
            if !sameScalar(expected.value, actual.value) {
                differences.append(
                    APIDifference(
                        path: path, kind: .changed(expected: text(expected), actual: text(actual)),
                        range: expected.range))
            }
        }
    }

    static func compareMembers(
        _ expected: [APINode.Member], _ actual: [APINode.Member], path: String, parent: SourceRange?,
        into differences: inout [APIDifference]
    ) {
        var names: [String] = []
        var expectedByName: [String: [APINode]] = [:]
        var actualByName: [String: [APINode]] = [:]
        for member in expected {
            if expectedByName[member.name] == nil { names.append(member.name) }
            expectedByName[member.name, default: []].append(member.node)
        }
        for member in actual {
            if expectedByName[member.name] == nil && actualByName[member.name] == nil { names.append(member.name) }
            actualByName[member.name, default: []].append(member.node)
        }
        for name in names {
            let memberPath = path.isEmpty ? name : "\(path).\(name)"
            let left = expectedByName[name] ?? []
            let right = actualByName[name] ?? []
            switch (left.count, right.count) {
            case (_, 0):
                differences.append(
                    APIDifference(
                        path: memberPath, kind: emptyItems(name, left) ? .emptyItemsSpelling : .missing,
                        range: left[0].range))
            case (0, _):
                differences.append(
                    APIDifference(
                        path: memberPath, kind: emptyItems(name, right) ? .emptyItemsSpelling : .unexpected,
                        range: parent))
            case (1, 1):
                compare(left[0], right[0], path: memberPath, into: &differences)
            default:
                for (index, (l, r)) in zip(left, right).enumerated() {
                    compare(l, r, path: "\(memberPath)[\(index)]", into: &differences)
                }
                if left.count != right.count {
                    differences.append(
                        APIDifference(
                            path: memberPath,
                            kind: .changed(
                                expected: "\(left.count) items", actual: "\(right.count) items"), range: left.first?.range))
                }
            }
        }
    }

    /// Whether `nodes` is a single `Items` member holding no items.
    static func emptyItems(_ name: String, _ nodes: [APINode]) -> Bool {
        name == "Items" && nodes.count == 1 && isEmptyList(nodes[0])
    }

    /// An empty JSON array, or an XML element with neither children nor text.
    static func isEmptyList(_ node: APINode) -> Bool {
        switch node.value {
        case .array(let items): items.isEmpty
        case .object(let members): members.isEmpty
        case .string(let text): text.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        default: false
        }
    }

    static func sameScalar(_ expected: APINode.Value, _ actual: APINode.Value) -> Bool {
        switch (expected, actual) {
        case (.string(let left), .string(let right)):
            if left == right { return true }
            // XML: an integer or boolean element may be pretty-printed around its text.
            let trimmedLeft = trimmed(left)
            return trimmedLeft == trimmed(right) && (Int64(trimmedLeft) != nil || trimmedLeft == "true" || trimmedLeft == "false")
        case (.number(let left), .number(let right)):
            if left == right { return true }
            if let l = Int64(left), let r = Int64(right) { return l == r }
            if let l = Double(left), let r = Double(right) { return l == r }
            return false
        case (.boolean(let left), .boolean(let right)):
            return left == right
        case (.null, .null):
            return true
        default:
            return false
        }
    }

    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    static func text(_ node: APINode) -> String {
        switch node.value {
        case .string(let text): "\"\(text)\""
        case .number(let number): number
        case .boolean(let value): value ? "true" : "false"
        case .null: "null"
        case .object: "an object"
        case .array(let items): "an array of \(items.count)"
        }
    }
}
