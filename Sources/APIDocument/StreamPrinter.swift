import CFCSupport

/// Prints an API document in one or more formats step by step, as the document is emitted: one
/// walk of the IR feeds every format's layout (`DocumentLayout`).
///
/// `DocumentFormat.print` replays a recorded `APIDocument` into one, and `cfc compile` attaches
/// one to the document it emits (`APIDocument(rootName:printingTo:)`), so that members go
/// straight to bytes without being recorded and read back (recording a step, decoding it and
/// copying its string twice cost more than printing it).
///
/// The emitter guarantees that every string is representable in XML 1.0 (see
/// `XMLText.isRepresentable`); a control character is reported at its source line before
/// printing, never written into a broken document.
// @unchecked: a printer belongs to the one document (and thread) that emits into it.
public final class StreamPrinter: @unchecked Sendable {
    /// The formats printed, in the order given.
    public let formats: [DocumentFormat]
    /// The layouts, in `formats`' order, owned here.
    private let owned: [LayoutSlot]
    /// The built-in layouts' states, reached directly: through a slot, each step was a virtual
    /// call per format that the compiler could not inline, and `compile --format both` took 4%
    /// more instructions. Any other layout is reached through `others`.
    private let json: UnsafeMutablePointer<JSONLayout>?
    private let xml: UnsafeMutablePointer<XMLLayout>?
    /// The other layouts, unretained (retaining and releasing each per step cost more than a
    /// step's bytes; `owned` keeps them alive).
    private let others: UnsafeMutableBufferPointer<Unmanaged<LayoutSlot>>

    /// Creates a printer for `formats`, with room for about `capacity` bytes of each before its
    /// buffer grows.
    public init(formats: [DocumentFormat], capacity: Int = 4096) {
        self.formats = formats
        owned = formats.map { $0.makeSlot(capacity) }
        json = owned.lazy.compactMap { ($0 as? LayoutBox<JSONLayout>)?.state }.first
        xml = owned.lazy.compactMap { ($0 as? LayoutBox<XMLLayout>)?.state }.first
        let rest = owned.filter { !($0 is LayoutBox<JSONLayout>) && !($0 is LayoutBox<XMLLayout>) }
        others = .allocate(capacity: rest.count)
        _ = others.initialize(from: rest.map { Unmanaged.passUnretained($0) })
    }

    deinit { others.deallocate() }

    /// Calls `body` with what has been printed in `format`, which must be one of `formats`.
    public func withBytes<Result, Failure: Error>(
        of format: DocumentFormat, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        guard let index = formats.firstIndex(of: format) else {
            preconditionFailure("StreamPrinter.withBytes(of: \(format)): the printer was made for \(formats)")
        }
        return try owned[index].withBytes(body)
    }

    @inline(__always)
    private func forEach(json onJSON: (inout JSONLayout) -> Void, xml onXML: (inout XMLLayout) -> Void, other: (LayoutSlot) -> Void) {
        if let json { onJSON(&json.pointee) }
        if let xml { onXML(&xml.pointee) }
        for slot in others { slot._withUnsafeGuaranteedRef(other) }
    }

    func begin(rootName: String, namespace: String) {
        forEach(
            json: { $0.begin(rootName: rootName, namespace: namespace) }, xml: { $0.begin(rootName: rootName, namespace: namespace) },
            other: { $0.begin(rootName: rootName, namespace: namespace) })
    }

    func finish(rootName: String) {
        forEach(json: { $0.finish(rootName: rootName) }, xml: { $0.finish(rootName: rootName) }, other: { $0.finish(rootName: rootName) })
    }

    @inline(__always) func beginStructure(_ name: Unmanaged<MemberName>) {
        forEach(json: { $0.beginStructure(name) }, xml: { $0.beginStructure(name) }, other: { $0.beginStructure(name) })
    }

    @inline(__always) func beginList(_ name: Unmanaged<MemberName>, itemName: Unmanaged<MemberName>) {
        forEach(
            json: { $0.beginList(name, itemName: itemName) }, xml: { $0.beginList(name, itemName: itemName) },
            other: { $0.beginList(name, itemName: itemName) })
    }

    @inline(__always) func end() {
        forEach(json: { $0.end() }, xml: { $0.end() }, other: { $0.end() })
    }

    @inline(__always) func string(_ name: Unmanaged<MemberName>, _ bytes: UnsafeBufferPointer<UInt8>) {
        forEach(json: { $0.string(name, bytes) }, xml: { $0.string(name, bytes) }, other: { $0.string(name, bytes) })
    }

    @inline(__always) func integer(_ name: Unmanaged<MemberName>, _ value: Int64) {
        forEach(json: { $0.integer(name, value) }, xml: { $0.integer(name, value) }, other: { $0.integer(name, value) })
    }

    @inline(__always) func boolean(_ name: Unmanaged<MemberName>, _ value: Bool) {
        forEach(json: { $0.boolean(name, value) }, xml: { $0.boolean(name, value) }, other: { $0.boolean(name, value) })
    }

    func decimal(_ name: Unmanaged<MemberName>, _ digits: UnsafeBufferPointer<UInt8>) {
        forEach(json: { $0.decimal(name, digits) }, xml: { $0.decimal(name, digits) }, other: { $0.decimal(name, digits) })
    }
}

/// The JSON the AWS CLI takes (`--distribution-config file://…`): PascalCase members in
/// document order, two-space indent, one trailing newline.
public struct JSONLayout: DocumentLayout, ~Copyable {
    var json: ByteWriter
    /// For each open container: `isList`, plus `hasMember` once it has one.
    private var open: [UInt8] = [0]
    private static let isList: UInt8 = 1, hasMember: UInt8 = 2

    public init(capacity: Int) {
        json = ByteWriter(capacity: capacity)
        open.reserveCapacity(16)
    }

    @inline(__always)
    public mutating func begin(rootName: String, namespace: String) {
        json.append(UInt8(ascii: "{"))
    }

    @inline(__always)
    public mutating func finish(rootName: String) {
        json.append("\n}\n")
    }

    @inline(__always)
    public mutating func beginStructure(_ name: Unmanaged<MemberName>) {
        member(name)
        json.append(UInt8(ascii: "{"))
        open.append(0)
    }

    @inline(__always)
    public mutating func beginList(_ name: Unmanaged<MemberName>, itemName: Unmanaged<MemberName>) {
        member(name)
        json.append(UInt8(ascii: "["))
        open.append(Self.isList)
    }

    @inline(__always)
    public mutating func end() {
        let closed = open.removeLast()
        if closed & Self.hasMember != 0 {
            json.append(UInt8(ascii: "\n"))
            json.appendSpaces(open.count * 2)
        }
        json.append(closed & Self.isList != 0 ? UInt8(ascii: "]") : UInt8(ascii: "}"))
    }

    @inline(__always)
    public mutating func string(_ name: Unmanaged<MemberName>, _ bytes: UnsafeBufferPointer<UInt8>) {
        member(name)
        json.appendJSONString(bytes)
    }

    @inline(__always)
    public mutating func integer(_ name: Unmanaged<MemberName>, _ value: Int64) {
        member(name)
        json.appendDecimal(value)
    }

    @inline(__always)
    public mutating func boolean(_ name: Unmanaged<MemberName>, _ value: Bool) {
        member(name)
        json.appendBoolean(value)
    }

    public mutating func decimal(_ name: Unmanaged<MemberName>, _ digits: UnsafeBufferPointer<UInt8>) {
        member(name)
        json.append(digits)
    }

    public func withBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try json.withBytes(body)
    }

    /// The separator, the line break and indent, and (outside lists) the key of a new member.
    @inline(__always)
    private mutating func member(_ name: Unmanaged<MemberName>) {
        let depth = open.count
        let state = open[depth - 1]
        if state & Self.hasMember != 0 { json.append(UInt8(ascii: ",")) }
        open[depth - 1] = state | Self.hasMember
        json.append(UInt8(ascii: "\n"))
        json.appendSpaces(depth * 2)
        if state & Self.isList == 0 {
            name._withUnsafeGuaranteedRef { json.append($0.jsonKey) }
        }
    }
}

/// The XML body of the CloudFront REST API: an XML declaration, the root element in the
/// document's namespace, list items under the model's item names, two-space indent, one
/// trailing newline. An empty structure or list is closed on its own line's end
/// (`<Items></Items>`), so that it holds no text (layout whitespace would read as content to a
/// reader that does not know the element is a container).
public struct XMLLayout: DocumentLayout, ~Copyable {
    var xml: ByteWriter
    /// Element names of the open containers, and for lists their item names.
    private var elements: [Unmanaged<MemberName>] = []
    private var itemNames: [Unmanaged<MemberName>?] = []
    /// Whether the innermost open container's line still waits for its first child.
    private var awaitingChild = false

    public init(capacity: Int) {
        // XML runs about a third longer than JSON.
        xml = ByteWriter(capacity: capacity + capacity / 3)
        elements.reserveCapacity(16)
        itemNames.reserveCapacity(16)
    }

    @inline(__always)
    public mutating func begin(rootName: String, namespace: String) {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
        var rootName = rootName
        rootName.withUTF8 { xml.append($0) }
        xml.append(" xmlns=\"")
        var namespace = namespace
        namespace.withUTF8 { xml.appendXMLEscaped($0) }
        xml.append("\">\n")
    }

    @inline(__always)
    public mutating func finish(rootName: String) {
        xml.append("</")
        var rootName = rootName
        rootName.withUTF8 { xml.append($0) }
        xml.append(">\n")
    }

    @inline(__always)
    public mutating func beginStructure(_ name: Unmanaged<MemberName>) {
        open(name, itemName: nil)
    }

    @inline(__always)
    public mutating func beginList(_ name: Unmanaged<MemberName>, itemName: Unmanaged<MemberName>) {
        open(name, itemName: itemName)
    }

    @inline(__always)
    public mutating func end() {
        let closed = elements.removeLast()
        itemNames.removeLast()
        if awaitingChild {
            awaitingChild = false
        } else {
            xml.appendSpaces((elements.count + 1) * 2)
        }
        closed._withUnsafeGuaranteedRef { xml.append($0.xmlClose) }
        xml.append(UInt8(ascii: "\n"))
    }

    @inline(__always)
    public mutating func string(_ name: Unmanaged<MemberName>, _ bytes: UnsafeBufferPointer<UInt8>) {
        let element = scalarOpen(name)
        xml.appendXMLEscaped(bytes)
        scalarClose(element)
    }

    @inline(__always)
    public mutating func integer(_ name: Unmanaged<MemberName>, _ value: Int64) {
        let element = scalarOpen(name)
        xml.appendDecimal(value)
        scalarClose(element)
    }

    @inline(__always)
    public mutating func boolean(_ name: Unmanaged<MemberName>, _ value: Bool) {
        let element = scalarOpen(name)
        xml.appendBoolean(value)
        scalarClose(element)
    }

    public mutating func decimal(_ name: Unmanaged<MemberName>, _ digits: UnsafeBufferPointer<UInt8>) {
        let element = scalarOpen(name)
        xml.append(digits)
        scalarClose(element)
    }

    public func withBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try xml.withBytes(body)
    }

    /// A member's element: inside a list, every item is named by the list's item name.
    @inline(__always)
    private mutating func element(_ name: Unmanaged<MemberName>) -> Unmanaged<MemberName> {
        if awaitingChild {
            xml.append(UInt8(ascii: "\n"))
            awaitingChild = false
        }
        return (itemNames.last ?? nil) ?? name
    }

    @inline(__always)
    private mutating func open(_ name: Unmanaged<MemberName>, itemName: Unmanaged<MemberName>?) {
        let element = element(name)
        xml.appendSpaces((elements.count + 1) * 2)
        element._withUnsafeGuaranteedRef { xml.append($0.xmlOpen) }
        awaitingChild = true
        elements.append(element)
        itemNames.append(itemName)
    }

    @inline(__always)
    private mutating func scalarOpen(_ name: Unmanaged<MemberName>) -> Unmanaged<MemberName> {
        let element = element(name)
        xml.appendSpaces((elements.count + 1) * 2)
        element._withUnsafeGuaranteedRef { xml.append($0.xmlOpen) }
        return element
    }

    @inline(__always)
    private mutating func scalarClose(_ element: Unmanaged<MemberName>) {
        element._withUnsafeGuaranteedRef { xml.append($0.xmlClose) }
        xml.append(UInt8(ascii: "\n"))
    }
}
