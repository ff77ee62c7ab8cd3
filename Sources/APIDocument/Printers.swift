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
        var stack: [(isList: Bool, hasMember: Bool)] = [(false, false)]
        output.append(UInt8(ascii: "{"))

        func startMember(_ name: String, _ output: inout [UInt8]) {
            let depth = stack.count
            if stack[depth - 1].hasMember { output.append(UInt8(ascii: ",")) }
            stack[depth - 1].hasMember = true
            output.append(UInt8(ascii: "\n"))
            output.appendSpaces(depth * 2)
            if !stack[depth - 1].isList {
                // Member names are the service model's identifiers: ASCII letters only, so they
                // need no escaping.
                output.append(UInt8(ascii: "\""))
                output.append(name)
                output.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")])
            }
        }

        for token in document.tokens {
            switch token {
            case .beginStructure(let name):
                startMember(name, &output)
                output.append(UInt8(ascii: "{"))
                stack.append((false, false))
            case .beginList(let name, _):
                startMember(name, &output)
                output.append(UInt8(ascii: "["))
                stack.append((true, false))
            case .end:
                let closed = stack.removeLast()
                if closed.hasMember {
                    output.append(UInt8(ascii: "\n"))
                    output.appendSpaces(stack.count * 2)
                }
                output.append(closed.isList ? UInt8(ascii: "]") : UInt8(ascii: "}"))
            case .scalar(let name, let value):
                startMember(name, &output)
                switch value {
                case .string(let text): output.appendJSONString(text)
                case .integer(let number): output.appendDecimal(number)
                case .boolean(let flag): output.append(flag ? "true" : "false")
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
        var stack: [(name: String, itemName: String?)] = []

        func elementName(_ memberName: String) -> String {
            if let itemName = stack.last?.itemName { return itemName }
            return memberName
        }

        for token in document.tokens {
            switch token {
            case .beginStructure(let name):
                let element = elementName(name)
                output.appendSpaces((stack.count + 1) * 2)
                output.append(UInt8(ascii: "<"))
                output.append(element)
                output.append(">\n")
                stack.append((element, nil))
            case .beginList(let name, let itemName):
                let element = elementName(name)
                output.appendSpaces((stack.count + 1) * 2)
                output.append(UInt8(ascii: "<"))
                output.append(element)
                output.append(">\n")
                stack.append((element, itemName))
            case .end:
                let closed = stack.removeLast()
                output.appendSpaces((stack.count + 1) * 2)
                output.append("</")
                output.append(closed.name)
                output.append(">\n")
            case .scalar(let name, let value):
                let element = elementName(name)
                output.appendSpaces((stack.count + 1) * 2)
                output.append(UInt8(ascii: "<"))
                output.append(element)
                output.append(UInt8(ascii: ">"))
                switch value {
                case .string(let text): output.appendXMLEscaped(text)
                case .integer(let number): output.appendDecimal(number)
                case .boolean(let flag): output.append(flag ? "true" : "false")
                }
                output.append("</")
                output.append(element)
                output.append(">\n")
            }
        }
        output.append("</")
        output.append(document.rootName)
        output.append(">\n")
    }
}
