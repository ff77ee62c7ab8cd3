import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import YAMLSyntax

/// What a CloudFront Function may be called, and where its code may come from.
public enum FunctionNames {
    /// CloudFront's limit on a function's code (`FunctionBlob`, from the service model).
    public static let maximumCodeBytes = 40_960

    /// Why `name` cannot name a CloudFront Function (the API's `[a-zA-Z0-9-_]{1,64}`), or nil.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.utf8.count > 64 { return "it is longer than 64 characters" }
        // CloudFront would take a leading '-' or '_'; cfc names files after it, and a name
        // that starts like an option is trouble on every command line.
        if name.hasPrefix("-") || name.hasPrefix("_") { return "it must start with a letter or digit" }
        for scalar in name.unicodeScalars
        where !(("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_") {
            return "CloudFront allows only letters, digits, '-' and '_', not '\(scalar.escaped(asASCII: true))'"
        }
        return nil
    }

    /// Whether `value` is a CloudFront Function's ARN as the service model's pattern has it
    /// (`arn:aws:cloudfront::[0-9]{12}:function/[a-zA-Z0-9-_]{1,64}`), in any partition.
    public static func isFunctionARN(_ value: String) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "cloudfront", parts[3].isEmpty,
              parts[4].utf8.count == 12, parts[4].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              parts[5].hasPrefix("function/") else { return false }
        return problem(with: String(parts[5].dropFirst("function/".count))) == nil
    }

    /// Whether `value` is a key value store's ARN as the service model's pattern has it
    /// (`arn:aws:cloudfront::[0-9]{12}:key-value-store/[0-9a-fA-F-]{36}`), in any partition.
    public static func isKeyValueStoreARN(_ value: String) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "cloudfront", parts[3].isEmpty,
              parts[4].utf8.count == 12, parts[4].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              parts[5].hasPrefix("key-value-store/") else { return false }
        let id = parts[5].dropFirst("key-value-store/".count)
        return id.utf8.count == 36 && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) || $0 == 0x2D }
    }

    /// Why `path` may not name a function's code file, or nil. A config comes from a
    /// repository and its functions' code is uploaded to CloudFront, so a pull request must not
    /// be able to send any file the pipeline can read (`/proc/self/environ`, `~/.aws/…`): the
    /// code is a relative path that stays inside the config's directory.
    public static func problem(withCodePath path: String) -> String? {
        if path.isEmpty { return "it is empty" }
        if path.hasPrefix("/") { return "it is an absolute path" }
        if path.contains("\\") { return "it contains a backslash" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." }) {
            return "it leaves the config's directory ('..')"
        }
        return nil
    }
}

extension Member where Root == FunctionConfig {
    /// `code: FILE`: the function's code, read when the config is lowered, so that everything
    /// after (checks, emission, the plan's digest) sees the bytes that will be sent. The path is
    /// kept as written; the bytes are never shown (the service model marks them sensitive).
    static func functionCode(_ summary: String) -> Member {
        Member(
            key: "code", apiName: nil, apiNamesRead: [], summary: summary, isRequired: true,
            shapeOf: { .string },
            lowerValue: { root, node, context in
                guard let path = StringCodec().lower(node, &context) else { return }
                if let problem = FunctionNames.problem(withCodePath: path) {
                    context.emit(FunctionMessages.badCodePath(path, reason: problem, at: node.range))
                    return
                }
                let full = context.configDirectory == "." ? path : context.configDirectory + "/" + path
                do throws(FileIOError) {
                    let code = try FileIO.read(full, maxBytes: FunctionNames.maximumCodeBytes)
                    if code.isEmpty {
                        context.emit(FunctionMessages.unreadableCode(path, reason: "it is empty; CloudFront needs at least one byte", at: node.range))
                        return
                    }
                    root.codeFile = path
                    root.code = code
                } catch {
                    let reason = error.reason.hasPrefix("input is larger than")
                        ? "it is larger than CloudFront's limit of \(FunctionNames.maximumCodeBytes) bytes" : error.reason
                    context.emit(FunctionMessages.unreadableCode(path, reason: reason, at: node.range))
                }
            },
            emitValue: { _, _ in },
            readValue: { _, _, _ in },
            exportValue: { root, _ in root.codeFile.isEmpty ? nil : .string(root.codeFile) },
            copyValue: { root, other in
                root.codeFile = other.codeFile
                root.code = other.code
            })
    }
}

/// Messages about functions' code.
enum FunctionMessages {
    /// `function.code_path`: a code path cfc will not read.
    static func badCodePath(_ path: String, reason: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "function.code_path", severity: .error,
            summary: "'\(VisibleText.escaped(path))' cannot be a function's code file: \(reason)",
            hint: "keep the code beside the config (or below it) and name it relative to the config, such as functions/rewrite.js",
            range: range)
    }

    /// `function.code_unreadable`: the code file cannot be read, or is not code CloudFront takes.
    static func unreadableCode(_ path: String, reason: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "function.code_unreadable", severity: .error,
            summary: "the function's code file '\(VisibleText.escaped(path))' cannot be used: \(reason)",
            hint: "CloudFront takes a function's code as one file of at most \(FunctionNames.maximumCodeBytes) bytes",
            range: range)
    }
}
