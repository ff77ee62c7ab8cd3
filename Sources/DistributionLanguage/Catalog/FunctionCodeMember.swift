import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import YAMLSyntax

/// What a CloudFront Function may be called, and where its code may come from.
public enum FunctionNames {
    /// CloudFront's limit on a function's code (`FunctionBlob`, from the service model).
    public static let maximumCodeBytes = 40_960
    /// The most cfc reads for a public key's PEM: a 4096-bit RSA key is about 800 bytes.
    public static let maximumPublicKeyBytes = 16_384

    /// Why `name` cannot name a CloudFront Function (the API's `[a-zA-Z0-9-_]{1,64}`), or nil.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.utf8.count > 64 { return "it is longer than 64 characters" }
        // CloudFront would take a leading '-' or '_'; cfc names files after it, and a name
        // that starts like an option is trouble on every command line.
        if name.hasPrefix("-") || name.hasPrefix("_") { return "it must start with a letter or digit" }
        for scalar in name.unicodeScalars
        where
            !(("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
            || scalar == "_")
        {
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
            parts[5].hasPrefix("function/")
        else { return false }
        return problem(with: String(parts[5].dropFirst("function/".count))) == nil
    }

    /// Whether `value` is a key value store's ARN as the service model's pattern has it
    /// (`arn:aws:cloudfront::[0-9]{12}:key-value-store/[0-9a-fA-F-]{36}`), in any partition.
    public static func isKeyValueStoreARN(_ value: String) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "cloudfront", parts[3].isEmpty,
            parts[4].utf8.count == 12, parts[4].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            parts[5].hasPrefix("key-value-store/")
        else { return false }
        let id = parts[5].dropFirst("key-value-store/".count)
        return id.utf8.count == 36
            && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) || $0 == 0x2D }
    }

    /// Why `path` may not name a function's code file, or nil. A config comes from a
    /// repository and its functions' code is uploaded to CloudFront, so a pull request must not
    /// be able to send any file the pipeline can read (`/proc/self/environ`, `~/.aws/…`): the
    /// code is a relative path that stays inside the config's directory.
    public static func problem(withCodePath path: String) -> String? {
        if path.isEmpty { return "it is empty" }
        if path.hasPrefix("/") { return "it is an absolute path" }
        if path.contains("\\") { return "it contains a backslash" }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0 == ".." }) {
            return "it leaves the config's directory ('..')"
        }
        // A hidden file or directory is where a pipeline keeps what is not the site's
        // (.git/config holds the checkout's token); '-' would be standard input elsewhere.
        if let hidden = components.first(where: { $0.hasPrefix(".") && $0 != "." }) {
            return "'\(hidden)' is hidden (it starts with '.'), and cfc reads no hidden file or directory here"
        }
        if path == "-" { return "it names standard input" }
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
                guard let path = StringCodec().lower(node, &context),
                    let code = readBesideConfig(
                        path, what: "function's code file", maxBytes: FunctionNames.maximumCodeBytes,
                        at: node.range, &context)
                else { return }
                root.codeFile = path
                root.code = code
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

/// Messages about files a config names.
enum FunctionMessages {
    /// `file.path`: a path cfc will not read.
    static func badPath(_ path: String, what: String, reason: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "file.path", severity: .error,
            summary: "'\(VisibleText.escaped(path))' cannot be a \(what): \(reason)",
            hint: "keep the file beside the config (or below it) and name it relative to the config, such as functions/rewrite.js",
            range: range)
    }

    /// `file.unreadable`: the file cannot be read, or is not what CloudFront takes.
    static func unreadableFile(_ path: String, what: String, reason: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "file.unreadable", severity: .error,
            summary: "the \(what) '\(VisibleText.escaped(path))' cannot be used: \(reason)",
            range: range)
    }
}

/// A list item that is either a companion's id or the name of one the file declares (a key
/// group's public keys, a behavior's trusted key groups): the id is kept, the name becomes a
/// reference, lowered to the id from the state file once the companion exists.
struct CompanionReferenceCodec: ValueCodec {
    let kind: CompanionKind

    var shape: ValueShape { .string }

    func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> String? {
        guard let text = StringCodec().lower(node, &context) else { return nil }
        if CompanionNames.looksLikeID(text, kind: kind) { return text }
        if let problem = DistributionNames.problem(with: text) {
            context.emit(LanguageMessages.badCompanionReference(text, kind: kind, reason: problem, at: node.range))
            return nil
        }
        return context.referToCompanion(kind, named: text)
    }

    func emit(_ value: String, named name: MemberName, into document: inout APIDocument) {
        StringCodec().emit(value, named: name, into: &document)
    }

    func emit(at value: borrowing InPlace<String>, named name: MemberName, into document: inout APIDocument) {
        StringCodec().emit(value.pointer.pointee, named: name, into: &document)
    }

    func read(_ node: APINode, _ context: inout ReadingContext) -> String? { StringCodec().read(node, &context) }

    func export(_ value: String, style: ExportStyle) -> YAMLValue { .string(value) }
}

extension Member where Root == PublicKeyConfig {
    /// `encoded-key-file: FILE`: the PEM read from a file beside the config, held to the same
    /// rule as a function's code (relative, inside the config's directory, no links).
    static func encodedKeyFile(_ summary: String) -> Member {
        Member(
            key: "encoded-key-file", apiName: nil, apiNamesRead: [], summary: summary, isRequired: false,
            shapeOf: { .string },
            lowerValue: { root, node, context in
                guard let path = StringCodec().lower(node, &context) else { return }
                guard
                    let bytes = readBesideConfig(
                        path, what: "public key file", maxBytes: FunctionNames.maximumPublicKeyBytes,
                        at: node.range, &context)
                else { return }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    context.emit(
                        FunctionMessages.unreadableFile(path, what: "public key file", reason: "it is not UTF-8 text", at: node.range))
                    return
                }
                root.encodedKeyFile = path
                root.encodedKey = text
            },
            emitValue: { _, _ in },
            readValue: { _, _, _ in },
            exportValue: { root, _ in root.encodedKeyFile.map { .string($0) } },
            copyValue: { root, other in
                root.encodedKeyFile = other.encodedKeyFile
                root.encodedKey = other.encodedKey
            })
    }
}

/// The bytes of `path`, a file named by a config and read from beside it, or nil after saying
/// why not. A config comes from a repository and what cfc reads this way is uploaded to
/// CloudFront, so a pull request must not be able to send any file the pipeline can read: the
/// path is relative and stays inside the config's directory, and a link is not followed.
func readBesideConfig(_ path: String, what: String, maxBytes: Int, at range: SourceRange, _ context: inout LoweringContext) -> [UInt8]? {
    if let problem = FunctionNames.problem(withCodePath: path) {
        context.emit(FunctionMessages.badPath(path, what: what, reason: problem, at: range))
        return nil
    }
    do throws(FileIOError) {
        let bytes = try FileIO.readBeneath(context.configDirectory, path, maxBytes: maxBytes)
        if bytes.isEmpty {
            context.emit(FunctionMessages.unreadableFile(path, what: what, reason: "it is empty", at: range))
            return nil
        }
        return bytes
    } catch {
        let reason =
            error.reason.hasPrefix("input is larger than") ? "it is larger than CloudFront's limit of \(maxBytes) bytes" : error.reason
        context.emit(FunctionMessages.unreadableFile(path, what: what, reason: reason, at: range))
        return nil
    }
}
