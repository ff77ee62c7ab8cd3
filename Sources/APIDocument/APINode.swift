import CFCDiagnostics

/// A value read from API JSON or XML, with where it was written.
///
/// JSON and XML meet here: a JSON object and an XML element with child elements are both an
/// `object`; a JSON array is an `array`, and an XML list is an `object` whose members all have
/// the item's name (readers of a list accept either). Numbers and booleans keep their text, so
/// the reader that knows the expected type parses them.
public struct APINode: Sendable, Equatable {
    /// The kinds of value.
    public enum Value: Sendable, Equatable {
        /// Named members in order (an XML element may repeat a name).
        case object([Member])
        /// A JSON array.
        case array([APINode])
        /// A JSON string, or the text of an XML element without child elements.
        case string(String)
        /// A JSON number, as written.
        case number(String)
        /// A JSON boolean.
        case boolean(Bool)
        /// A JSON null.
        case null
    }

    /// A named member of an object.
    public struct Member: Sendable, Equatable {
        /// The member's name.
        public var name: String
        /// Its value.
        public var node: APINode

        /// Creates a member.
        public init(name: String, node: APINode) {
            self.name = name
            self.node = node
        }
    }

    /// The value.
    public var value: Value
    /// Where the value (or, for XML, its element) starts.
    public var range: SourceRange?

    /// Creates a node.
    public init(_ value: Value, range: SourceRange? = nil) {
        self.value = value
        self.range = range
    }

    /// The members of an object, or empty.
    public var members: [Member] {
        if case .object(let members) = value { return members }
        return []
    }

    /// The first member called `name`, if this is an object that has one.
    public func member(_ name: String) -> APINode? {
        members.first { $0.name == name }?.node
    }

    /// The node with every object member whose value is JSON `null` left out, at any depth.
    ///
    /// SDKs that print their structures (Go's, JavaScript's) write an optional member they did
    /// not receive as `null` (`"ResponseCompletionTimeout": null`); CloudFront never sends a
    /// null, and to the API an absent member and a null one are the same: not set.
    public var withoutNullMembers: APINode {
        switch value {
        case .object(let members):
            var node = self
            node.value = .object(
                members.compactMap { member in
                    if case .null = member.node.value { return nil }
                    return Member(name: member.name, node: member.node.withoutNullMembers)
                })
            return node
        case .array(let elements):
            var node = self
            node.value = .array(elements.map(\.withoutNullMembers))
            return node
        default:
            return self
        }
    }

    /// The kind of value in words, for messages.
    public var kindName: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .boolean: "a boolean"
        case .null: "null"
        }
    }
}

/// A JSON or XML input that cannot be read.
public struct APIReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where.
    public var range: SourceRange

    /// Creates an error.
    public init(_ message: String, at range: SourceRange) {
        self.message = message
        self.range = range
    }

    public var description: String {
        "\(range.file):\(range.start.line):\(range.start.column): error: \(message)"
    }
}
