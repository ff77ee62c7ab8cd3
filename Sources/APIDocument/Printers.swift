import CFCSupport

/// Prints an `APIDocument` as the JSON the AWS CLI takes (`--distribution-config file://…`):
/// PascalCase members in document order, two-space indent, one trailing newline.
public enum JSONPrinter {
    /// The document's bytes.
    public static func print(_ document: APIDocument) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(document.tokens.count * 40)
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
        func startMember(_ name: MemberName, _ output: inout [UInt8]) {
            let depth = isList.count
            if hasMember[depth - 1] { output.append(UInt8(ascii: ",")) }
            hasMember[depth - 1] = true
            output.append(UInt8(ascii: "\n"))
            output.appendSpaces(depth * 2)
            if !isList[depth - 1] { output.append(contentsOf: name.jsonKey) }
        }

        for token in document.tokens {
            switch token {
            case .beginStructure(let name):
                startMember(name, &output)
                output.append(UInt8(ascii: "{"))
                isList.append(false)
                hasMember.append(false)
            case .beginList(let name, _):
                startMember(name, &output)
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
            case .scalar(let name, let value):
                startMember(name, &output)
                switch value {
                case .string(let text): output.appendJSONString(text)
                case .integer(let number): output.appendDecimal(number)
                case .boolean(let flag): output.append(contentsOf: flag ? trueBytes : falseBytes)
                }
            }
        }
        output.append(contentsOf: [UInt8(ascii: "\n"), UInt8(ascii: "}"), UInt8(ascii: "\n")])
    }
}

private let trueBytes = Array("true".utf8)
private let falseBytes = Array("false".utf8)

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
        output.reserveCapacity(document.tokens.count * 50)
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
        var elements: [MemberName] = []
        var itemNames: [MemberName?] = []
        elements.reserveCapacity(16)
        itemNames.reserveCapacity(16)
        // Whether the innermost open container's line still waits for its first child: an empty
        // structure or list is closed on the same line, `<Items></Items>`, like an empty string,
        // so that it holds no text (layout whitespace would read as content to a reader that
        // does not know the element is a container).
        var awaitingChild = false

        for token in document.tokens {
            if awaitingChild, token != .end {
                output.append(UInt8(ascii: "\n"))
                awaitingChild = false
            }
            switch token {
            case .beginStructure(let name):
                let element = (itemNames.last ?? nil) ?? name
                output.appendSpaces((elements.count + 1) * 2)
                output.append(contentsOf: element.xmlOpen)
                awaitingChild = true
                elements.append(element)
                itemNames.append(nil)
            case .beginList(let name, let itemName):
                let element = (itemNames.last ?? nil) ?? name
                output.appendSpaces((elements.count + 1) * 2)
                output.append(contentsOf: element.xmlOpen)
                awaitingChild = true
                elements.append(element)
                itemNames.append(itemName)
            case .end:
                let closed = elements.removeLast()
                itemNames.removeLast()
                if awaitingChild {
                    awaitingChild = false
                } else {
                    output.appendSpaces((elements.count + 1) * 2)
                }
                output.append(contentsOf: closed.xmlClose)
                output.append(UInt8(ascii: "\n"))
            case .scalar(let name, let value):
                let element = (itemNames.last ?? nil) ?? name
                output.appendSpaces((elements.count + 1) * 2)
                output.append(contentsOf: element.xmlOpen)
                switch value {
                case .string(let text): output.appendXMLEscaped(text)
                case .integer(let number): output.appendDecimal(number)
                case .boolean(let flag): output.append(contentsOf: flag ? trueBytes : falseBytes)
                }
                output.append(contentsOf: element.xmlClose)
                output.append(UInt8(ascii: "\n"))
            }
        }
        output.append("</")
        output.append(document.rootName)
        output.append(">\n")
    }
}
