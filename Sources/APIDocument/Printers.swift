import CFCSupport

/// Prints an `APIDocument` as the JSON the AWS CLI takes (`--distribution-config file://…`):
/// PascalCase members in document order, two-space indent, one trailing newline.
public enum JSONPrinter {
    /// The document's bytes.
    public static func print(_ document: APIDocument) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(document.steps.count * 40 + document.stringBytes.count)
        print(document, into: &output)
        return output
    }

    /// Appends the document's bytes to `output`.
    public static func print(_ document: APIDocument, into output: inout [UInt8]) {
        // For each open container: whether it is a list, and whether it has a member yet.
        var isList: [Bool] = [false]
        var hasMember: [Bool] = [false]
        isList.reserveCapacity(16)
        hasMember.reserveCapacity(16)
        output.append(UInt8(ascii: "{"))

        @inline(__always)
        func startMember(_ name: Unmanaged<MemberName>?, _ output: inout [UInt8]) {
            let depth = isList.count
            if hasMember[depth - 1] { output.append(UInt8(ascii: ",")) }
            hasMember[depth - 1] = true
            output.append(UInt8(ascii: "\n"))
            output.appendSpaces(depth * 2)
            if !isList[depth - 1], let name {
                name._withUnsafeGuaranteedRef { output.append(contentsOf: $0.jsonKey) }
            }
        }

        document.stringBytes.withUnsafeBufferPointer { strings in
            document.steps.withUnsafeBufferPointer { steps in
                for step in steps {
                    switch step.kind {
                    case .beginStructure:
                        startMember(step.name, &output)
                        output.append(UInt8(ascii: "{"))
                        isList.append(false)
                        hasMember.append(false)
                    case .beginList:
                        startMember(step.name, &output)
                        output.append(UInt8(ascii: "["))
                        isList.append(true)
                        hasMember.append(false)
                    case .end:
                        let closedList = isList.removeLast()
                        if hasMember.removeLast() {
                            output.append(UInt8(ascii: "\n"))
                            output.appendSpaces(isList.count * 2)
                        }
                        output.append(closedList ? UInt8(ascii: "]") : UInt8(ascii: "}"))
                    case .string:
                        startMember(step.name, &output)
                        output.appendJSONString(bytes: UnsafeBufferPointer(rebasing: strings[Int(step.value)..<Int(step.value) + Int(step.length)]))
                    case .integer:
                        startMember(step.name, &output)
                        output.appendDecimal(step.value)
                    case .boolean:
                        startMember(step.name, &output)
                        output.appendBoolean(step.value != 0)
                    }
                }
            }
        }
        output.append(UInt8(ascii: "\n"))
        output.append(UInt8(ascii: "}"))
        output.append(UInt8(ascii: "\n"))
    }
}

extension Array where Element == UInt8 {
    /// Appends `true` or `false`.
    mutating func appendBoolean(_ flag: Bool) {
        if flag {
            append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
        } else {
            append(contentsOf: [UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")])
        }
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
        var output: [UInt8] = []
        output.reserveCapacity(document.steps.count * 50 + document.stringBytes.count)
        print(document, into: &output)
        return output
    }

    /// Appends the document's bytes to `output`.
    public static func print(_ document: APIDocument, into output: inout [UInt8]) {
        output.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
        output.append(document.rootName)
        output.append(" xmlns=\"")
        output.appendXMLEscaped(document.namespace)
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
                        element._withUnsafeGuaranteedRef { output.append(contentsOf: $0.xmlOpen) }
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
                        closed._withUnsafeGuaranteedRef { output.append(contentsOf: $0.xmlClose) }
                        output.append(UInt8(ascii: "\n"))
                    case .string, .integer, .boolean:
                        guard let element else { continue }
                        output.appendSpaces((elements.count + 1) * 2)
                        element._withUnsafeGuaranteedRef { output.append(contentsOf: $0.xmlOpen) }
                        switch step.kind {
                        case .string:
                            output.appendXMLEscaped(bytes: UnsafeBufferPointer(
                                rebasing: strings[Int(step.value)..<Int(step.value) + Int(step.length)]))
                        case .integer: output.appendDecimal(step.value)
                        default: output.appendBoolean(step.value != 0)
                        }
                        element._withUnsafeGuaranteedRef { output.append(contentsOf: $0.xmlClose) }
                        output.append(UInt8(ascii: "\n"))
                    }
                }
            }
        }
        output.append("</")
        output.append(document.rootName)
        output.append(">\n")
    }
}
