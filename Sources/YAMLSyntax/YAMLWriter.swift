internal import CLibYAML

/// Writes `YAMLValue`s as YAML text with libyaml's emitter, so quoting and escaping are libyaml's
/// (right for every value) rather than string concatenation.
///
/// Layout: block mappings with two-space indent; lists of scalars in flow style when they fit
/// on a line (`[GET, HEAD]`), otherwise block; strings plain when the core schema reads them
/// back as the same string, double-quoted otherwise; no line wrapping.
///
/// libyaml's emitter has no comment events. Comments are written as marker keys (or list
/// items) that libyaml places and indents like any other line, and the markers are then
/// replaced by `# …` lines at that indentation.
public enum YAMLWriter {
    /// A failure of libyaml's emitter.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// libyaml's message.
        public var message: String
        public var description: String { "cannot write YAML: \(message)" }
    }

    /// `value` as a YAML document, after `headerComments` (each a `# ` line).
    public static func write(_ value: YAMLValue, headerComments: [String] = []) throws(WriteError) -> [UInt8] {
        let emitter = Emitter()
        var comments: [String] = []
        try emitter.emit { event in yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING) }
        try emitter.emit { event in yaml_document_start_event_initialize(&event, nil, nil, nil, 1) }
        try emit(value, emitter, &comments)
        try emitter.emit { event in yaml_document_end_event_initialize(&event, 1) }
        try emitter.emit { event in yaml_stream_end_event_initialize(&event) }
        var text = String(decoding: emitter.output, as: UTF8.self)
        text = replaceMarkers(text, comments)
        let header = headerComments.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map {
            $0.isEmpty ? "#" : "# " + $0
        }
        let result = (header.isEmpty ? "" : header.joined(separator: "\n") + "\n") + text
        return Array(result.utf8)
    }

    static func marker(_ index: Int) -> String { "__cfc_comment_\(index)__" }

    static func emit(_ value: YAMLValue, _ emitter: Emitter, _ comments: inout [String]) throws(WriteError) {
        switch value {
        case .string(let text):
            try scalar(text, YAMLScalarStyle.needsQuotes(text) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE, emitter)
        case .integer(let number):
            try scalar(String(number), YAML_PLAIN_SCALAR_STYLE, emitter)
        case .boolean(let flag):
            try scalar(flag ? "true" : "false", YAML_PLAIN_SCALAR_STYLE, emitter)
        case .verbatim(let text):
            try scalar(text, YAML_PLAIN_SCALAR_STYLE, emitter)
        case .comment(let text):
            comments.append(text)
            try scalar(marker(comments.count - 1), YAML_PLAIN_SCALAR_STYLE, emitter)
        case .sequence(let items):
            let scalarsOnly = items.allSatisfy {
                switch $0 {
                case .string, .integer, .boolean, .verbatim: true
                default: false
                }
            }
            let flow = items.isEmpty || (scalarsOnly && value.flowText.count <= 72)
            try emitter.emit { event in
                yaml_sequence_start_event_initialize(&event, nil, nil, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)
            }
            for item in items { try emit(item, emitter, &comments) }
            try emitter.emit { event in yaml_sequence_end_event_initialize(&event) }
        case .mapping(let pairs):
            try emitter.emit { event in yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE) }
            for pair in pairs {
                if let comment = pair.comment {
                    comments.append(comment)
                    try scalar(marker(comments.count - 1), YAML_PLAIN_SCALAR_STYLE, emitter)
                    try scalar("", YAML_PLAIN_SCALAR_STYLE, emitter)
                }
                try emit(.string(pair.key), emitter, &comments)
                try emit(pair.value, emitter, &comments)
            }
            try emitter.emit { event in yaml_mapping_end_event_initialize(&event) }
        }
    }

    static func scalar(_ text: String, _ style: yaml_scalar_style_t, _ emitter: Emitter) throws(WriteError) {
        // A terminating NUL, not passed as part of the value, so that even an empty string has a
        // buffer to point at (an empty array has no base address).
        var bytes = Array(text.utf8) + [0]
        let count = bytes.count - 1
        try emitter.emit { event in
            bytes.withUnsafeMutableBufferPointer { buffer in
                guard let value = buffer.baseAddress else { return 0 }
                // libyaml copies the value; the pointer is only used during this call.
                return yaml_scalar_event_initialize(&event, nil, nil, value, Int32(truncatingIfNeeded: count), 1, 1, style)
            }
        }
    }

    /// Replaces each marker line by `# comment` lines at its indentation. A marker that is the
    /// first key of a mapping in a list item (`- __cfc_comment_0__: ''`) hands its `- ` to the
    /// first real key after it.
    static func replaceMarkers(_ text: String, _ comments: [String]) -> String {
        guard !comments.isEmpty else { return text }
        var output: [String] = []
        var pendingDash: (indent: Int, active: Bool) = (0, false)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var content = Substring(line)
            let indent = content.prefix { $0 == " " }.count
            content = content.dropFirst(indent)
            var dash = false
            if content.hasPrefix("- ") {
                dash = true
                content = content.dropFirst(2)
            }
            if content.hasPrefix("__cfc_comment_"), let end = content.firstRange(of: "__", in: 14),
                let index = Int(content[content.index(content.startIndex, offsetBy: 14)..<end.lowerBound]), index < comments.count
            {
                let commentIndent = dash ? indent : (pendingDash.active && indent == pendingDash.indent + 2 ? pendingDash.indent : indent)
                for commentLine in comments[index].split(separator: "\n", omittingEmptySubsequences: false) {
                    output.append(String(repeating: " ", count: commentIndent) + (commentLine.isEmpty ? "#" : "# " + commentLine))
                }
                // Only a marker that stands for a mapping key passes its dash on; a marker that is
                // a list item (a comment among list items) takes its dash with it.
                let isKey = content.contains(":")
                if dash && isKey { pendingDash = (indent, true) }
                continue
            }
            if pendingDash.active && !dash && indent == pendingDash.indent + 2 {
                output.append(String(repeating: " ", count: pendingDash.indent) + "- " + content)
                pendingDash.active = false
                continue
            }
            pendingDash.active = false
            output.append(String(line))
        }
        return output.joined(separator: "\n")
    }

    /// libyaml's emitter, owned, writing into a byte buffer.
    final class Emitter {
        var raw = yaml_emitter_t()
        var output: [UInt8] = []

        init() {
            yaml_emitter_initialize(&raw)
            yaml_emitter_set_unicode(&raw, 1)
            yaml_emitter_set_indent(&raw, 2)
            yaml_emitter_set_width(&raw, -1)
            yaml_emitter_set_break(&raw, YAML_LN_BREAK)
            yaml_emitter_set_output(
                &raw,
                { context, buffer, size in
                    guard let context, let buffer else { return 0 }
                    let emitter = Unmanaged<Emitter>.fromOpaque(context).takeUnretainedValue()
                    emitter.output.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                    return 1
                }, Unmanaged.passUnretained(self).toOpaque())
        }

        deinit { yaml_emitter_delete(&raw) }

        /// Initializes one event with `make` and emits it (libyaml takes the event's memory).
        func emit(_ make: (inout yaml_event_t) -> Int32) throws(WriteError) {
            var event = yaml_event_t()
            guard make(&event) == 1 else { throw WriteError(message: "cannot create an event") }
            guard yaml_emitter_emit(&raw, &event) == 1 else {
                throw WriteError(message: raw.problem.map { String(cString: $0) } ?? "emitter error")
            }
        }
    }
}

extension Substring {
    fileprivate func firstRange(of text: String, in startOffset: Int) -> Range<Index>? {
        guard count > startOffset else { return nil }
        return self[index(startIndex, offsetBy: startOffset)...].firstRange(of: text)
    }
}
