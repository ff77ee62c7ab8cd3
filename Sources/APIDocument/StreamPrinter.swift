import CFCSupport

/// Prints an API document's JSON and/or XML step by step, as the document is emitted.
///
/// The one implementation of both layouts: `JSONPrinter` and `XMLPrinter` replay a recorded
/// `APIDocument` into it, and `cfc compile` attaches one to the document it emits
/// (`APIDocument(rootName:printingTo:)`), so that members go straight to bytes without being
/// recorded and read back (recording a step, decoding it and copying its string twice cost
/// more than printing it).
///
/// JSON: PascalCase members in document order, two-space indent, one trailing newline. XML: an
/// XML declaration, the root element in the document's namespace, list items under the
/// model's item names, two-space indent, one trailing newline; an empty structure or list is
/// closed on its own line's end (`<Items></Items>`), so that it holds no text (layout
/// whitespace would read as content to a reader that does not know the element is a
/// container).
///
/// The emitter guarantees that every string is representable in XML 1.0 (see
/// `XMLText.isRepresentable`); a control character is reported at its source line before
/// printing, never written into a broken document.
// @unchecked: a printer belongs to the one document (and thread) that emits into it.
public final class StreamPrinter: @unchecked Sendable {
    /// Held through a pointer: a class's stored properties are checked for exclusive access
    /// at run time on every use, which for a printer writing a few bytes per call cost more
    /// than the writing.
    let state: UnsafeMutablePointer<StreamPrinterState>

    /// Creates a printer for the formats asked for, with room for about `capacity` bytes of
    /// each before its buffer grows.
    public init(json: Bool, xml: Bool, capacity: Int = 4096) {
        state = .allocate(capacity: 1)
        state.initialize(to: StreamPrinterState(json: json, xml: xml, capacity: capacity))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Calls `body` with the JSON (or, for `json: false`, the XML) printed so far.
    public func withBytes<Result, Failure: Error>(
        json: Bool, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        json ? try state.pointee.json.withBytes(body) : try state.pointee.xml.withBytes(body)
    }
}

/// What a `StreamPrinter` has printed and which containers are open.
struct StreamPrinterState: ~Copyable {
    var json: ByteWriter
    var xml: ByteWriter
    let printsJSON: Bool
    let printsXML: Bool

    /// For each open JSON container: `isList`, plus `hasMember` once it has one.
    private var open: [UInt8] = [0]
    private static let isList: UInt8 = 1, hasMember: UInt8 = 2
    /// Element names of the open XML containers, and for lists their item names.
    private var elements: [Unmanaged<MemberName>] = []
    private var itemNames: [Unmanaged<MemberName>?] = []
    /// Whether the innermost open XML container's line still waits for its first child.
    private var awaitingChild = false

    init(json printsJSON: Bool, xml printsXML: Bool, capacity: Int) {
        self.printsJSON = printsJSON
        self.printsXML = printsXML
        json = ByteWriter(capacity: printsJSON ? capacity : 64)
        xml = ByteWriter(capacity: printsXML ? capacity + capacity / 3 : 64)
        open.reserveCapacity(16)
        elements.reserveCapacity(16)
        itemNames.reserveCapacity(16)
    }

    /// Starts the document: `{`, or the XML declaration and the root element.
    @inline(__always)
    mutating func begin(rootName: String, namespace: String) {
        if printsJSON { json.append(UInt8(ascii: "{")) }
        if printsXML {
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
            var rootName = rootName
            rootName.withUTF8 { xml.append($0) }
            xml.append(" xmlns=\"")
            var namespace = namespace
            namespace.withUTF8 { xml.appendXMLEscaped($0) }
            xml.append("\">\n")
        }
    }

    /// Ends the document.
    @inline(__always)
    mutating func finish(rootName: String) {
        if printsJSON { json.append("\n}\n") }
        if printsXML {
            xml.append("</")
            var rootName = rootName
            rootName.withUTF8 { xml.append($0) }
            xml.append(">\n")
        }
    }

    @inline(__always)
    mutating func beginStructure(_ name: Unmanaged<MemberName>) {
        if printsJSON {
            jsonMember(name)
            json.append(UInt8(ascii: "{"))
            open.append(0)
        }
        if printsXML { xmlOpen(name, itemName: nil) }
    }

    @inline(__always)
    mutating func beginList(_ name: Unmanaged<MemberName>, itemName: Unmanaged<MemberName>) {
        if printsJSON {
            jsonMember(name)
            json.append(UInt8(ascii: "["))
            open.append(Self.isList)
        }
        if printsXML { xmlOpen(name, itemName: itemName) }
    }

    @inline(__always)
    mutating func end() {
        if printsJSON {
            let closed = open.removeLast()
            if closed & Self.hasMember != 0 {
                json.append(UInt8(ascii: "\n"))
                json.appendSpaces(open.count * 2)
            }
            json.append(closed & Self.isList != 0 ? UInt8(ascii: "]") : UInt8(ascii: "}"))
        }
        if printsXML {
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
    }

    @inline(__always)
    mutating func string(_ name: Unmanaged<MemberName>, _ bytes: UnsafeBufferPointer<UInt8>) {
        if printsJSON {
            jsonMember(name)
            json.appendJSONString(bytes)
        }
        if printsXML {
            let element = xmlScalarOpen(name)
            xml.appendXMLEscaped(bytes)
            xmlScalarClose(element)
        }
    }

    @inline(__always)
    mutating func integer(_ name: Unmanaged<MemberName>, _ value: Int64) {
        if printsJSON {
            jsonMember(name)
            json.appendDecimal(value)
        }
        if printsXML {
            let element = xmlScalarOpen(name)
            xml.appendDecimal(value)
            xmlScalarClose(element)
        }
    }

    @inline(__always)
    mutating func boolean(_ name: Unmanaged<MemberName>, _ value: Bool) {
        if printsJSON {
            jsonMember(name)
            json.appendBoolean(value)
        }
        if printsXML {
            let element = xmlScalarOpen(name)
            xml.appendBoolean(value)
            xmlScalarClose(element)
        }
    }

    // MARK: - JSON

    /// The separator, the line break and indent, and (outside lists) the key of a new member.
    @inline(__always)
    private mutating func jsonMember(_ name: Unmanaged<MemberName>) {
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

    // MARK: - XML

    /// A member's element: inside a list, every item is named by the list's item name.
    @inline(__always)
    private mutating func xmlElement(_ name: Unmanaged<MemberName>) -> Unmanaged<MemberName> {
        if awaitingChild {
            xml.append(UInt8(ascii: "\n"))
            awaitingChild = false
        }
        return (itemNames.last ?? nil) ?? name
    }

    @inline(__always)
    private mutating func xmlOpen(_ name: Unmanaged<MemberName>, itemName: Unmanaged<MemberName>?) {
        let element = xmlElement(name)
        xml.appendSpaces((elements.count + 1) * 2)
        element._withUnsafeGuaranteedRef { xml.append($0.xmlOpen) }
        awaitingChild = true
        elements.append(element)
        itemNames.append(itemName)
    }

    @inline(__always)
    private mutating func xmlScalarOpen(_ name: Unmanaged<MemberName>) -> Unmanaged<MemberName> {
        let element = xmlElement(name)
        xml.appendSpaces((elements.count + 1) * 2)
        element._withUnsafeGuaranteedRef { xml.append($0.xmlOpen) }
        return element
    }

    @inline(__always)
    private mutating func xmlScalarClose(_ element: Unmanaged<MemberName>) {
        element._withUnsafeGuaranteedRef { xml.append($0.xmlClose) }
        xml.append(UInt8(ascii: "\n"))
    }
}
