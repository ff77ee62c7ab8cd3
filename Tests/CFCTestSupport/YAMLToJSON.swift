import CFCDiagnostics
import CFCSupport
import YAMLSyntax

/// Converts cfc YAML to JSON with YAML 1.2 core-schema typing (as cfc reads it, not as
/// PyYAML's YAML 1.1 would: `NO` stays a string), for validating files against the JSON Schema.
public enum YAMLToJSON {
    /// The JSON text of `yaml`, or nil when it does not parse.
    public static func convert(_ yaml: [UInt8], path: String = "input.yaml") -> String? {
        let sink = DiagnosticCollector()
        guard let document = YAMLParser.parse(SourceFile(path: path, bytes: yaml), sink: sink), let root = document.root else { return nil }
        var text = ""
        write(root, into: &text)
        return text
    }

    static func write(_ node: YAMLNode, into text: inout String) {
        switch node.kind {
        case .mapping:
            text += "{"
            for (index, pair) in node.pairs.enumerated() {
                if index > 0 { text += ", " }
                text += quoted(pair.key.text) + ": "
                write(pair.value, into: &text)
            }
            text += "}"
        case .sequence:
            text += "["
            for (index, item) in node.items.enumerated() {
                if index > 0 { text += ", " }
                write(item, into: &text)
            }
            text += "]"
        case .scalar:
            switch node.resolvedType {
            case .null: text += "null"
            case .boolean: text += CoreSchema.parseBoolean(node.text) == true ? "true" : "false"
            case .integer: text += CoreSchema.parseInteger(node.text).map(String.init) ?? quoted(node.text)
            // A finite decimal as JSON's number (`.inf` and `.nan` have no JSON form).
            case .float: text += Double(node.text).flatMap { $0.isFinite ? "\($0)" : nil } ?? quoted(node.text)
            default: text += quoted(node.text)
            }
        }
    }

    static func quoted(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.appendJSONString(value)
        return String(decoding: bytes, as: UTF8.self)
    }
}
