import CFCSupport

/// A CloudFront API document (a `DistributionConfig`, an `InvalidationBatch`) as an ordered
/// stream of members, ready to print as JSON or XML.
///
/// The emitter walks the IR once and records what the API sees: structures, lists and scalars,
/// each under its member name, in the service model's order. The JSON and XML printers read the
/// same stream, so the two formats of one config cannot disagree. A document made with a
/// `StreamPrinter` (`init(rootName:namespace:printingTo:)`) records nothing and hands each step
/// to the printer as it comes, for `compile`, which only needs the bytes.
///
/// The stream is stored without reference counting: each step is a plain value whose member
/// name is an unretained reference to an interned, never-freed `MemberName`, and whose string
/// is a range of one byte buffer holding every string of the document. Documents are built
/// and printed on several threads at once, and retaining shared names and strings per token
/// made the threads contend on the same reference counts.
public struct APIDocument: Sendable, Equatable {
    /// The root element's name, such as `DistributionConfig`.
    public let rootName: String
    /// The XML namespace of the root element.
    public let namespace: String
    var steps: [Step] = []
    /// The UTF-8 bytes of every string value, one after another.
    var stringBytes: [UInt8] = []
    private var openContainers = 0
    /// Where a printing document sends its steps instead of recording them: kept alive by
    /// `printer`, reached through `printing` without a reference count per step (documents are
    /// emitted on several threads, and counting references to printers per step showed).
    private let printer: StreamPrinter?
    private let printing: Unmanaged<StreamPrinter>?

    public static func == (lhs: APIDocument, rhs: APIDocument) -> Bool {
        lhs.rootName == rhs.rootName && lhs.namespace == rhs.namespace && lhs.steps == rhs.steps
            && lhs.stringBytes == rhs.stringBytes && lhs.openContainers == rhs.openContainers
    }

    /// One step of the stream, as stored.
    struct Step: Equatable {
        enum Kind: UInt8 { case beginStructure, beginList, end, string, integer, boolean, decimal }
        var kind: Kind
        var name: Unmanaged<MemberName>?
        var itemName: Unmanaged<MemberName>?
        /// An integer's value, a boolean (0 or 1), or a string's offset in `stringBytes`.
        var value: Int64 = 0
        /// A string's length in bytes.
        var length: Int32 = 0

        static func == (lhs: Step, rhs: Step) -> Bool {
            lhs.kind == rhs.kind && lhs.value == rhs.value && lhs.length == rhs.length
                && lhs.name?.toOpaque() == rhs.name?.toOpaque() && lhs.itemName?.toOpaque() == rhs.itemName?.toOpaque()
        }
    }

    /// One step of the stream, for reading it (tests, diffs).
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
        /// A decimal number (the API's `double` and `float`), as canonical digits such as `12.5`.
        case decimal(String)
    }

    /// CloudFront's namespace for API version 2020-05-31.
    public static let cloudFrontNamespace = "http://cloudfront.amazonaws.com/doc/2020-05-31/"

    /// Creates an empty document.
    public init(rootName: String, namespace: String = APIDocument.cloudFrontNamespace) {
        self.rootName = rootName
        self.namespace = namespace
        printer = nil
        printing = nil
    }

    /// Creates a document that records nothing: every member goes straight to `printer`, which
    /// holds the JSON and/or XML once `finish()` is called.
    ///
    /// A copy of such a document prints into the same printer (it is a reference), and what it
    /// records (`tokens`, `==`) is empty.
    public init(rootName: String, namespace: String = APIDocument.cloudFrontNamespace, printingTo printer: StreamPrinter) {
        self.rootName = rootName
        self.namespace = namespace
        self.printer = printer
        printing = Unmanaged.passUnretained(printer)
        printer.begin(rootName: rootName, namespace: namespace)
    }

    /// Ends a printing document (its printer writes the closing lines); nothing for one that
    /// records.
    public func finish() {
        printer?.finish(rootName: rootName)
    }

    /// Prints the recorded stream into `printer`, start to finish.
    func replay(into printer: StreamPrinter) {
        printer.begin(rootName: rootName, namespace: namespace)
        stringBytes.withUnsafeBufferPointer { strings in
            steps.withUnsafeBufferPointer { steps in
                for step in steps {
                    // Recorded steps other than `end` always have a name (see the recording
                    // methods below).
                    guard step.kind != .end else {
                        printer.end()
                        continue
                    }
                    guard let name = step.name else { continue }
                    switch step.kind {
                    case .beginStructure: printer.beginStructure(name)
                    case .beginList: printer.beginList(name, itemName: step.itemName ?? name)
                    case .string:
                        printer.string(name, UnsafeBufferPointer(rebasing: strings[Int(step.value)..<Int(step.value) + Int(step.length)]))
                    case .integer: printer.integer(name, step.value)
                    case .decimal:
                        printer.decimal(name, UnsafeBufferPointer(rebasing: strings[Int(step.value)..<Int(step.value) + Int(step.length)]))
                    case .boolean: printer.boolean(name, step.value != 0)
                    case .end: break
                    }
                }
            }
        }
        printer.finish(rootName: rootName)
    }

    /// Makes room for about `steps` members and `stringBytes` bytes of strings, so that a
    /// document of known size does not grow (and copy) its storage a dozen times.
    public mutating func reserveCapacity(steps: Int, stringBytes: Int) {
        self.steps.reserveCapacity(steps)
        self.stringBytes.reserveCapacity(stringBytes)
    }

    /// Appends a string member.
    public mutating func string(_ name: MemberName, _ value: String) {
        if let printing {
            var value = value
            value.withUTF8 { bytes in printing._withUnsafeGuaranteedRef { $0.string(Unmanaged.passUnretained(name), bytes) } }
            return
        }
        let offset = stringBytes.count
        var value = value
        value.withUTF8 { stringBytes.append(contentsOf: $0) }
        steps.append(
            Step(
                kind: .string, name: Unmanaged.passUnretained(name), value: Int64(offset),
                length: Int32(truncatingIfNeeded: stringBytes.count - offset)))
    }

    /// Appends an integer member.
    public mutating func integer(_ name: MemberName, _ value: Int64) {
        if let printing { return printing._withUnsafeGuaranteedRef { $0.integer(Unmanaged.passUnretained(name), value) } }
        steps.append(Step(kind: .integer, name: Unmanaged.passUnretained(name), value: value))
    }

    /// Appends a boolean member.
    public mutating func boolean(_ name: MemberName, _ value: Bool) {
        if let printing { return printing._withUnsafeGuaranteedRef { $0.boolean(Unmanaged.passUnretained(name), value) } }
        steps.append(Step(kind: .boolean, name: Unmanaged.passUnretained(name), value: value ? 1 : 0))
    }

    /// Appends a decimal member: `value` printed as its shortest round-tripping digits (the
    /// same bytes for the same value on every platform Swift supports), `12.5`, `100.0`.
    public mutating func decimal(_ name: MemberName, _ value: Double) {
        var digits = "\(value)"
        if let printing {
            digits.withUTF8 { bytes in printing._withUnsafeGuaranteedRef { $0.decimal(Unmanaged.passUnretained(name), bytes) } }
            return
        }
        let offset = stringBytes.count
        digits.withUTF8 { stringBytes.append(contentsOf: $0) }
        steps.append(
            Step(
                kind: .decimal, name: Unmanaged.passUnretained(name), value: Int64(offset),
                length: Int32(truncatingIfNeeded: stringBytes.count - offset)))
    }

    /// Opens a structure member (or a structure list item, named by the list's item name).
    public mutating func beginStructure(_ name: MemberName) {
        openContainers += 1
        if let printing { return printing._withUnsafeGuaranteedRef { $0.beginStructure(Unmanaged.passUnretained(name)) } }
        steps.append(Step(kind: .beginStructure, name: Unmanaged.passUnretained(name)))
    }

    /// Opens a list member whose items are named `itemName` in XML.
    public mutating func beginList(_ name: MemberName, itemName: MemberName) {
        openContainers += 1
        if let printing {
            return printing._withUnsafeGuaranteedRef {
                $0.beginList(Unmanaged.passUnretained(name), itemName: Unmanaged.passUnretained(itemName))
            }
        }
        steps.append(Step(kind: .beginList, name: Unmanaged.passUnretained(name), itemName: Unmanaged.passUnretained(itemName)))
    }

    /// Closes the innermost open structure or list.
    public mutating func end() {
        openContainers -= 1
        if let printing { return printing._withUnsafeGuaranteedRef { $0.end() } }
        steps.append(Step(kind: .end))
    }

    /// The number of steps (members, list items and ends) recorded, for sizing output buffers.
    public var stepCount: Int { steps.count }

    /// Whether every structure and list opened has been closed.
    public var isComplete: Bool { openContainers == 0 }

    /// The stream, step by step.
    public var tokens: [Token] {
        steps.map { step in
            let name = step.name?.takeUnretainedValue()
            switch step.kind {
            case .beginStructure: return .beginStructure(name ?? .items)
            case .beginList: return .beginList(name ?? .items, itemName: step.itemName?.takeUnretainedValue() ?? .items)
            case .end: return .end
            case .string: return .scalar(name ?? .items, .string(string(of: step)))
            case .integer: return .scalar(name ?? .items, .integer(step.value))
            case .boolean: return .scalar(name ?? .items, .boolean(step.value != 0))
            case .decimal: return .scalar(name ?? .items, .decimal(string(of: step)))
            }
        }
    }

    /// The string a `.string` step holds.
    func string(of step: Step) -> String {
        let start = Int(step.value)
        return String(decoding: stringBytes[start..<start + Int(step.length)], as: UTF8.self)
    }

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
///
/// Names are interned and live for the whole process (`MemberName.named("X")` always returns
/// the one `X`, and there is no other way to make one), which is what lets documents refer to them without reference counting. There are a
/// few hundred of them.
// @unchecked: the spellings are immutable bytes that are never freed.
public final class MemberName: @unchecked Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The name, such as `DomainName`.
    public let name: String
    /// `"DomainName": `
    let jsonKey: UnsafeBufferPointer<UInt8>
    /// `<DomainName>`
    let xmlOpen: UnsafeBufferPointer<UInt8>
    /// `</DomainName>`
    let xmlClose: UnsafeBufferPointer<UInt8>

    private static let interned = Locked<[String: MemberName]>([:])

    /// The interned name `name`.
    public static func named(_ name: String) -> MemberName {
        interned.withLock { table in
            if let existing = table[name] { return existing }
            let created = MemberName(name)
            table[name] = created
            return created
        }
    }

    private init(_ name: String) {
        self.name = name
        jsonKey = Self.immortalBytes("\"\(name)\": ")
        xmlOpen = Self.immortalBytes("<\(name)>")
        xmlClose = Self.immortalBytes("</\(name)>")
    }

    /// Bytes that are never freed: the spellings of an interned name live as long as the process.
    private static func immortalBytes(_ text: String) -> UnsafeBufferPointer<UInt8> {
        let bytes = Array(text.utf8)
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
        return UnsafeBufferPointer(storage)
    }

    public static func == (lhs: MemberName, rhs: MemberName) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { name }

    /// `Quantity`, in every list wrapper.
    public static let quantity = MemberName.named("Quantity")
    /// `Items`, in every list wrapper.
    public static let items = MemberName.named("Items")
    /// `Enabled`, in wrappers of lists that can be switched off.
    public static let enabled = MemberName.named("Enabled")
}
