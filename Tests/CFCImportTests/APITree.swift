import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An API document as Foundation's own JSON and XML parsers read it: the oracle of the
/// member-for-member tests. It shares no code with cfc's readers, printers or `APIComparison`,
/// so a member that cfc's reader drops or its emitter forces cannot hide on both sides.
indirect enum APITree: Equatable, CustomStringConvertible {
    /// Named members, in document order (XML lists repeat the item's name).
    case object([Member])
    /// A JSON array.
    case array([APITree])
    /// A JSON string, or the text of an XML element without child elements.
    case string(String)
    /// A JSON integer.
    case integer(Int64)
    /// A JSON number that is not an integer.
    case double(Double)
    /// A JSON boolean.
    case boolean(Bool)
    /// A JSON null.
    case null

    /// One named member.
    struct Member: Equatable {
        var name: String
        var value: APITree
    }

    // MARK: - Parsing

    /// Parses JSON with `JSONDecoder`.
    static func json(_ data: Data) throws -> APITree {
        try JSONDecoder().decode(JSONNode.self, from: data).tree
    }

    /// Parses XML with `XMLDocument`, returning the root element's content.
    static func xml(_ data: Data) throws -> APITree {
        let document = try XMLDocument(data: data)
        guard let root = document.rootElement() else { throw OracleError.noRootElement }
        return element(root)
    }

    private static func element(_ element: XMLElement) -> APITree {
        let children = (element.children ?? []).compactMap { $0 as? XMLElement }
        // An element with child elements is a structure or a list; whitespace between children
        // is layout. One without them holds text, whitespace included.
        if children.isEmpty { return .string(element.stringValue ?? "") }
        return .object(children.map { Member(name: $0.localName ?? $0.name ?? "", value: Self.element($0)) })
    }

    /// What JSONDecoder makes of one JSON value (it rejects a number as a boolean and the
    /// other way round, so the order of attempts below is safe).
    private struct JSONNode: Decodable {
        var tree: APITree

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                tree = .null
            } else if let value = try? container.decode(Bool.self) {
                tree = .boolean(value)
            } else if let value = try? container.decode(Int64.self) {
                tree = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                tree = .double(value)
            } else if let value = try? container.decode(String.self) {
                tree = .string(value)
            } else if let value = try? container.decode([JSONNode].self) {
                tree = .array(value.map(\.tree))
            } else {
                let members = try container.decode([String: JSONNode].self)
                tree = .object(members.keys.sorted().map { Member(name: $0, value: members[$0]!.tree) })
            }
        }
    }

    enum OracleError: Error {
        case noRootElement
    }

    // MARK: - Reading and editing

    /// The first member called `name`.
    subscript(name: String) -> APITree? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.name == name }?.value
    }

    /// A path step: a member name, or `[n]` for the n-th item of an array.
    private static func index(_ step: String) -> Int? {
        guard step.hasPrefix("["), step.hasSuffix("]") else { return nil }
        return Int(step.dropFirst().dropLast())
    }

    /// The tree with the value at `path` replaced by `value`, or removed when `value` is nil.
    func replacing(_ path: [String], with value: APITree?) -> APITree {
        guard let step = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch self {
        case .array(var items):
            guard let index = Self.index(step), items.indices.contains(index) else { return self }
            items[index] = items[index].replacing(rest, with: value)
            return .array(items)
        case .object(var members):
            if let position = members.firstIndex(where: { $0.name == step }) {
                if rest.isEmpty, value == nil {
                    members.remove(at: position)
                } else {
                    members[position].value = members[position].value.replacing(rest, with: value)
                }
            } else if rest.isEmpty, let value {
                members.append(Member(name: step, value: value))
            }
            return .object(members)
        default:
            return self
        }
    }

    /// The tree as JSON text (members in their order).
    var jsonText: String {
        switch self {
        case .object(let members):
            "{" + members.map { "\(APITree.string($0.name).jsonText): \($0.value.jsonText)" }.joined(separator: ", ") + "}"
        case .array(let items): "[" + items.map(\.jsonText).joined(separator: ", ") + "]"
        case .string(let text):
            String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
        case .integer(let value): String(value)
        case .double(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        case .null: "null"
        }
    }

    var description: String {
        switch self {
        case .object(let members): members.isEmpty ? "{}" : "an object"
        case .array(let items): "an array of \(items.count)"
        case .string(let text): "\"\(text)\""
        case .integer(let value): String(value)
        case .double(let value): String(value)
        case .boolean(let value): String(value)
        case .null: "null"
        }
    }

    // MARK: - Comparing

    /// Every member path where `actual` differs from `expected`: members only one side has
    /// (even empty ones), values that differ, lists of different lengths. Members of different
    /// names may come in any order; items of a list (and XML elements of one name) are
    /// compared in order. Nothing is normalized.
    static func differences(expected: APITree, actual: APITree, path: String = "") -> [String] {
        switch (expected, actual) {
        case (.object(let left), .object(let right)):
            var result: [String] = []
            var names: [String] = []
            for member in left + right where !names.contains(member.name) { names.append(member.name) }
            for name in names {
                let memberPath = path.isEmpty ? name : "\(path).\(name)"
                let expectedValues = left.filter { $0.name == name }.map(\.value)
                let actualValues = right.filter { $0.name == name }.map(\.value)
                if expectedValues.isEmpty {
                    result.append("\(memberPath): not in the input, \(actualValues[0]) in the output")
                } else if actualValues.isEmpty {
                    result.append("\(memberPath): \(expectedValues[0]) in the input, not in the output")
                } else if expectedValues.count != actualValues.count {
                    result.append("\(memberPath): \(expectedValues.count) elements in the input, \(actualValues.count) in the output")
                } else if expectedValues.count == 1 {
                    result += differences(expected: expectedValues[0], actual: actualValues[0], path: memberPath)
                } else {
                    for (index, pair) in zip(expectedValues, actualValues).enumerated() {
                        result += differences(expected: pair.0, actual: pair.1, path: "\(memberPath)[\(index)]")
                    }
                }
            }
            return result
        case (.array(let left), .array(let right)):
            guard left.count == right.count else {
                return ["\(path): \(left.count) items in the input, \(right.count) in the output"]
            }
            return zip(left, right).enumerated().flatMap {
                differences(expected: $0.element.0, actual: $0.element.1, path: "\(path)[\($0.offset)]")
            }
        default:
            return expected == actual ? [] : ["\(path): \(expected) in the input, \(actual) in the output"]
        }
    }
}
