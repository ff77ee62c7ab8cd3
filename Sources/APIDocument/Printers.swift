import CFCSupport

/// Prints an `APIDocument` as the JSON the AWS CLI takes (`--distribution-config file://…`):
/// PascalCase members in document order, two-space indent, one trailing newline.
public enum JSONPrinter {
    /// The document's bytes.
    public static func print(_ document: APIDocument) -> [UInt8] {
        var writer = ByteWriter(capacity: document.steps.count * 40 + document.stringBytes.count)
        write(document, to: &writer)
        return writer.bytes()
    }

    /// Appends the document's bytes to `output`.
    public static func print(_ document: APIDocument, into output: inout [UInt8]) {
        var writer = ByteWriter(capacity: document.steps.count * 40 + document.stringBytes.count)
        write(document, to: &writer)
        writer.copy(to: &output)
    }

    /// Writes the document's bytes.
    public static func write(_ document: APIDocument, to output: inout ByteWriter) {
        // One byte per open container: `isList`, plus `hasMember` once it has one.
        let isList: UInt8 = 1, hasMember: UInt8 = 2
        var open: [UInt8] = [0]
        open.reserveCapacity(16)
        output.append(UInt8(ascii: "{"))

        document.stringBytes.withUnsafeBufferPointer { strings in
            document.steps.withUnsafeBufferPointer { steps in
                for step in steps {
                    if step.kind == .end {
                        let closed = open.removeLast()
                        if closed & hasMember != 0 {
                            output.append(UInt8(ascii: "\n"))
                            output.appendSpaces(open.count * 2)
                        }
                        output.append(closed & isList != 0 ? UInt8(ascii: "]") : UInt8(ascii: "}"))
                        continue
                    }
                    let depth = open.count
                    let state = open[depth - 1]
                    if state & hasMember != 0 { output.append(UInt8(ascii: ",")) }
                    open[depth - 1] = state | hasMember
                    output.append(UInt8(ascii: "\n"))
                    output.appendSpaces(depth * 2)
                    if state & isList == 0, let name = step.name {
                        name._withUnsafeGuaranteedRef { output.append($0.jsonKey) }
                    }
                    switch step.kind {
                    case .beginStructure:
                        output.append(UInt8(ascii: "{"))
                        open.append(0)
                    case .beginList:
                        output.append(UInt8(ascii: "["))
                        open.append(isList)
                    case .string:
                        output.appendJSONString(UnsafeBufferPointer(rebasing: strings[Int(step.value)..<Int(step.value) + Int(step.length)]))
                    case .integer:
                        output.appendDecimal(step.value)
                    case .boolean:
                        output.appendBoolean(step.value != 0)
                    case .end:
                        break
                    }
                }
            }
        }
        output.append("\n}\n")
    }
}

/// Prints an `APIDocument` as the XML body of the CloudFront REST API: an XML declaration, the
/// root element in CloudFront's namespace, list items under the model's item names, two-space
/// indent, one trailing newline.
///
/// The emitter guarantees that every string is representable in XML 1.0 (see
/// `XMLText.isRepresentable`); a control character is reported at its source line before
/// printing, never written into a broken document.
public enum XMLPrinter {
    /// The document's bytes.
    public static func print(_ document: APIDocument) -> [UInt8] {
        var writer = ByteWriter(capacity: document.steps.count * 50 + document.stringBytes.count)
        write(document, to: &writer)
        return writer.bytes()
    }

    /// Appends the document's bytes to `output`.
    public static func print(_ document: APIDocument, into output: inout [UInt8]) {
        var writer = ByteWriter(capacity: document.steps.count * 50 + document.stringBytes.count)
        write(document, to: &writer)
        writer.copy(to: &output)
    }

    /// Writes the document's bytes.
    public static func write(_ document: APIDocument, to output: inout ByteWriter) {
        output.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
        var rootName = document.rootName
        rootName.withUTF8 { output.append($0) }
        output.append(" xmlns=\"")
        var namespace = document.namespace
        namespace.withUTF8 { output.appendXMLEscaped($0) }
        output.append("\">\n")
        // Element names of the open containers, and for lists their item names.
        var elements: [Unmanaged<MemberName>] = []
        var itemNames: [Unmanaged<MemberName>?] = []
        elements.reserveCapacity(16)
        itemNames.reserveCapacity(16)
        // Whether the innermost open container's line still waits for its first child: an empty
        // structure or list is closed on the same line, `<Items></Items>`, like an empty string,
        // so that it holds no text (layout whitespace would read as content to a reader that
        // does not know the element is a container).
        var awaitingChild = false

        document.stringBytes.withUnsafeBufferPointer { strings in
            document.steps.withUnsafeBufferPointer { steps in
                for step in steps {
                    if awaitingChild, step.kind != .end {
                        output.append(UInt8(ascii: "\n"))
                        awaitingChild = false
                    }
                    // Inside a list, every item is named by the list's item name.
                    let element = (itemNames.last ?? nil) ?? step.name
                    switch step.kind {
                    case .beginStructure, .beginList:
                        guard let element else { continue }
                        output.appendSpaces((elements.count + 1) * 2)
                        element._withUnsafeGuaranteedRef { output.append($0.xmlOpen) }
                        awaitingChild = true
                        elements.append(element)
                        itemNames.append(step.kind == .beginList ? step.itemName : nil)
                    case .end:
                        let closed = elements.removeLast()
                        itemNames.removeLast()
                        if awaitingChild {
                            awaitingChild = false
                        } else {
                            output.appendSpaces((elements.count + 1) * 2)
                        }
                        closed._withUnsafeGuaranteedRef { output.append($0.xmlClose) }
                        output.append(UInt8(ascii: "\n"))
                    case .string, .integer, .boolean:
                        guard let element else { continue }
                        output.appendSpaces((elements.count + 1) * 2)
                        element._withUnsafeGuaranteedRef { output.append($0.xmlOpen) }
                        switch step.kind {
                        case .string:
                            output.appendXMLEscaped(UnsafeBufferPointer(
                                rebasing: strings[Int(step.value)..<Int(step.value) + Int(step.length)]))
                        case .integer: output.appendDecimal(step.value)
                        default: output.appendBoolean(step.value != 0)
                        }
                        element._withUnsafeGuaranteedRef { output.append($0.xmlClose) }
                        output.append(UInt8(ascii: "\n"))
                    }
                }
            }
        }
        output.append("</")
        rootName.withUTF8 { output.append($0) }
        output.append(">\n")
    }
}
