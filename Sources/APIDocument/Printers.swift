import CFCSupport

/// Prints an `APIDocument` as the JSON the AWS CLI takes (`--distribution-config file://…`):
/// PascalCase members in document order, two-space indent, one trailing newline. (The layout
/// is `StreamPrinter`'s.)
public enum JSONPrinter {
    /// The document's bytes.
    public static func print(_ document: APIDocument) -> [UInt8] {
        var bytes: [UInt8] = []
        print(document, into: &bytes)
        return bytes
    }

    /// Appends the document's bytes to `output`.
    public static func print(_ document: APIDocument, into output: inout [UInt8]) {
        let printer = StreamPrinter(json: true, xml: false, capacity: document.steps.count * 40 + document.stringBytes.count)
        document.replay(into: printer)
        printer.withBytes(json: true) { output.append(contentsOf: $0) }
    }
}

/// Prints an `APIDocument` as the XML body of the CloudFront REST API: an XML declaration, the
/// root element in CloudFront's namespace, list items under the model's item names, two-space
/// indent, one trailing newline. (The layout is `StreamPrinter`'s.)
public enum XMLPrinter {
    /// The document's bytes.
    public static func print(_ document: APIDocument) -> [UInt8] {
        var bytes: [UInt8] = []
        print(document, into: &bytes)
        return bytes
    }

    /// Appends the document's bytes to `output`.
    public static func print(_ document: APIDocument, into output: inout [UInt8]) {
        let printer = StreamPrinter(json: false, xml: true, capacity: document.steps.count * 40 + document.stringBytes.count)
        document.replay(into: printer)
        printer.withBytes(json: false) { output.append(contentsOf: $0) }
    }
}
