import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import DistributionLanguage
import Planning

/// Where the distributions of a set of configs live in CloudFront: `cfc-state.json`, committed
/// beside the configs.
///
/// It maps each distribution's name to its CloudFront id, ARN and domain name, and the ETag and
/// config digest last applied (or imported), so that `plan` and `apply` know create from update
/// without relying on file names, and `drift` knows what to read. It never holds a secret: only
/// identifiers CloudFront hands out and a SHA-256 of the config document sent.
///
/// ```json
/// {
///   "version": 1,
///   "distributions": {
///     "www": {
///       "id": "EDFDVBD6EXAMPLE",
///       "arn": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE",
///       "domain-name": "d111111abcdef8.cloudfront.net",
///       "caller-reference": "cfc-www",
///       "etag": "E2QWRUHEXAMPLE",
///       "config-sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
///       "pending-invalidation": {"caller-reference": "cfc-4d1c…", "paths": ["/blog/*"]}
///     }
///   },
///   "cache-policies": {
///     "static-assets": {"id": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", "etag": "E23ZP02F085DFQ", "config-sha256": "…"}
///   }
/// }
/// ```
///
/// Companion resources (issue: the whole site as code) are kept by kind, under the same keys
/// that declare them in a config (`cache-policies`, `origin-access-controls`, …); a kind with
/// none is left out, so a file without companions is what it was before they existed.
///
/// The file is written whole and atomically, keys in a fixed order and distributions sorted by
/// name, so that the same state is the same bytes and a review diff shows only what changed.
/// The format is described by `schema/cfc-state.schema.json`.
public struct StateFile: Sendable, Equatable {
    /// The file name looked for beside the configs.
    public static let defaultFileName = "cfc-state.json"
    /// The format's version.
    public static let formatVersion = 1

    /// An invalidation an apply owes a distribution: recorded before the update it follows is
    /// sent, removed once CloudFront has it. A run stopped in between (killed, timed out, or
    /// `--no-wait`) leaves it here, and the next `plan` or `apply` carries it into its plan, so
    /// the caches are still cleared once the new config is deployed. The caller reference is
    /// kept, so a second request for an invalidation CloudFront already made makes no new one.
    public struct PendingInvalidation: Sendable, Equatable {
        /// The invalidation batch's caller reference.
        public var callerReference: String
        /// The paths.
        public var paths: [String]

        /// Creates a pending invalidation.
        public init(callerReference: String, paths: [String]) {
            self.callerReference = callerReference
            self.paths = paths
        }
    }

    /// What is known of one distribution.
    public struct Record: Sendable, Equatable {
        /// The CloudFront id (`EDFDVBD6EXAMPLE`).
        public var id: String
        /// The ARN, when known.
        public var arn: String?
        /// The CloudFront domain name (`d111111abcdef8.cloudfront.net`), when known.
        public var domainName: String?
        /// The caller reference the distribution was created with, when known.
        public var callerReference: String?
        /// The ETag of the config last applied or read, when known.
        public var etag: String?
        /// The SHA-256 (hex) of the live config as cfc last saw it, right after applying or
        /// importing it, in normal form (`StateFile.digest(of:)`), when known: a live config whose
        /// digest differs was changed outside cfc since.
        public var configSHA256: String?
        /// The invalidation owed since an apply stopped before making it, if any.
        public var pendingInvalidation: PendingInvalidation?

        /// Creates a record for `id`.
        public init(
            id: String, arn: String? = nil, domainName: String? = nil, callerReference: String? = nil,
            etag: String? = nil, configSHA256: String? = nil, pendingInvalidation: PendingInvalidation? = nil
        ) {
            self.id = id
            self.arn = arn
            self.domainName = domainName
            self.callerReference = callerReference
            self.etag = etag
            self.configSHA256 = configSHA256
            self.pendingInvalidation = pendingInvalidation
        }

        /// The record without the optional values that are not of the form CloudFront gives
        /// them (an emulator's ARN, say), so that what cfc writes it can always read back.
        public var withMalformedValuesDropped: Record {
            func kept(_ value: String?, _ key: String) -> String? {
                value.flatMap { StateFile.problem(with: $0, for: key) == nil ? $0 : nil }
            }
            return Record(
                id: id, arn: kept(arn, "arn"), domainName: kept(domainName, "domain-name"),
                callerReference: kept(callerReference, "caller-reference"), etag: kept(etag, "etag"),
                configSHA256: kept(configSHA256, "config-sha256"), pendingInvalidation: pendingInvalidation)
        }
    }

    /// What is known of one companion resource (a policy, an origin access control).
    public struct CompanionRecord: Sendable, Equatable {
        /// The CloudFront id: a UUID for a policy, capital letters and digits for an origin
        /// access control.
        public var id: String
        /// The ETag of the config last applied or read, when known.
        public var etag: String?
        /// The SHA-256 (hex) of the config document last applied, when known.
        public var configSHA256: String?

        /// Creates a record for `id`.
        public init(id: String, etag: String? = nil, configSHA256: String? = nil) {
            self.id = id
            self.etag = etag
            self.configSHA256 = configSHA256
        }
    }

    /// The distributions, by name.
    public var distributions: [String: Record]
    /// The companion resources, by kind and name.
    public var companions: [CompanionKind: [String: CompanionRecord]]

    /// An empty state.
    public init(distributions: [String: Record] = [:], companions: [CompanionKind: [String: CompanionRecord]] = [:]) {
        self.distributions = distributions
        self.companions = companions.filter { !$0.value.isEmpty }
    }

    /// The ids of the companions recorded, for lowering references to them by name.
    public var companionIDs: CompanionIDs {
        CompanionIDs(companions.mapValues { records in records.mapValues(\.id) })
    }

    /// Records `record` for the companion of `kind` named `name`.
    public mutating func setCompanion(_ kind: CompanionKind, _ name: String, _ record: CompanionRecord?) {
        companions[kind, default: [:]][name] = record
        if companions[kind]?.isEmpty == true { companions[kind] = nil }
    }

    /// The state file for configs at `configPaths`: `explicit` when given, else
    /// `cfc-state.json` in the directory of the first config (the working directory for
    /// standard input).
    public static func path(forConfigs configPaths: [String], explicit: String?, environment: String? = nil) -> String {
        if let explicit { return explicit }
        // Each environment's distributions are others in CloudFront: a state of their own,
        // as Terraform keeps one per workspace.
        let name = fileName(environment: environment)
        guard let first = configPaths.first, first != "-", let slash = first.lastIndex(of: "/") else { return name }
        let directory = first[..<slash]
        return (directory.isEmpty ? "/" : String(directory) + "/") + name
    }

    /// `cfc-state.json`, or `cfc-state.prod.json` for environment `prod`.
    public static func fileName(environment: String?) -> String {
        environment.map { "cfc-state.\($0).json" } ?? defaultFileName
    }

    // MARK: - Writing

    /// The file's bytes: pretty JSON, keys in a fixed order, distributions by name, a newline
    /// at the end.
    public func rendered() -> [UInt8] {
        var entries: [JSONMember] = []
        for name in distributions.keys.sorted() {
            guard let record = distributions[name]?.withMalformedValuesDropped else { continue }
            var members = [JSONMember("id", .string(record.id))]
            if let arn = record.arn { members.append(JSONMember("arn", .string(arn))) }
            if let domain = record.domainName { members.append(JSONMember("domain-name", .string(domain))) }
            if let reference = record.callerReference { members.append(JSONMember("caller-reference", .string(reference))) }
            if let etag = record.etag { members.append(JSONMember("etag", .string(etag))) }
            if let digest = record.configSHA256 { members.append(JSONMember("config-sha256", .string(digest))) }
            if let pending = record.pendingInvalidation {
                members.append(
                    JSONMember(
                        "pending-invalidation",
                        .object([
                            JSONMember("caller-reference", .string(pending.callerReference)),
                            JSONMember("paths", .array(pending.paths.map { .string($0) })),
                        ])))
            }
            entries.append(JSONMember(name, .object(members)))
        }
        var top = [
            JSONMember("version", .integer(Int64(Self.formatVersion))),
            JSONMember("distributions", .object(entries)),
        ]
        for kind in CompanionKind.allCases {
            guard let records = companions[kind], !records.isEmpty else { continue }
            let members = records.keys.sorted().compactMap { name -> JSONMember? in
                guard let record = records[name], Self.problem(with: record.id, for: kind.idKey) == nil else { return nil }
                var fields = [JSONMember("id", .string(record.id))]
                if let etag = record.etag, Self.problem(with: etag, for: "etag") == nil { fields.append(JSONMember("etag", .string(etag))) }
                if let digest = record.configSHA256, Self.problem(with: digest, for: "config-sha256") == nil {
                    fields.append(JSONMember("config-sha256", .string(digest)))
                }
                return JSONMember(name, .object(fields))
            }
            top.append(JSONMember(kind.key, .object(members)))
        }
        return JSONValue.object(top).rendered()
    }

    /// Writes the file atomically: a reader sees the old state or the new, never a mix.
    /// - Throws: `FileIOError` when it cannot be written.
    public func write(to path: String) throws(FileIOError) {
        try FileIO.writeAtomically(rendered(), to: path)
    }

    /// The digest recorded for a config: SHA-256, in hex, of the JSON of its normal form (the
    /// form `plan` and `diff` compare, `APINormalization`), so that two reads of an unchanged
    /// distribution agree however CloudFront spells what it fills in.
    public static func digest(of config: DistributionConfig) -> String {
        let normal = Distribution(name: "", config: APINormalization.normalize(config))
        return SHA256.hex(String(decoding: DocumentFormat.json.print(emitDistributionConfig(normal)), as: UTF8.self))
    }

    // MARK: - Reading

    /// Reads the state file at `path`.
    ///
    /// - Returns: the state; an empty state when the file does not exist and `mustExist` is
    ///   false; nil when it cannot be read or is not a state file (every problem reported to
    ///   `sink` at its line and column, so a file edited by hand into nonsense says where).
    public static func read(_ path: String, mustExist: Bool = false, options: CompileOptions, sink: any DiagnosticSink) -> StateFile? {
        if !mustExist, !FileIO.exists(path) { return StateFile() }
        guard let source = SourceInput.read(path, options: options, sink: sink) else { return nil }
        let node: APINode
        do {
            node = try JSONReader.read(source)
        } catch {
            sink.emit(StateMessages.syntax(error.message, at: error.range))
            return nil
        }
        let errorsBefore = sink.errorCount
        let state = parse(node, file: source.path, sink: sink)
        return sink.errorCount == errorsBefore ? state : nil
    }

    private static let recordKeys = ["id", "arn", "domain-name", "caller-reference", "etag", "config-sha256", "pending-invalidation"]

    private static func parse(_ node: APINode, file: String, sink: any DiagnosticSink) -> StateFile {
        guard case .object(let members) = node.value else {
            sink.emit(StateMessages.wrongType("the state file", expected: "an object", node, file: file))
            return StateFile()
        }
        let topKeys = ["version", "distributions"] + CompanionKind.allCases.map(\.key)
        for member in members where !topKeys.contains(member.name) {
            sink.emit(StateMessages.unknownMember(member.name, in: "the state file", candidates: topKeys, member.node, file: file))
        }
        var companions: [CompanionKind: [String: CompanionRecord]] = [:]
        for kind in CompanionKind.allCases {
            guard let list = node.member(kind.key) else { continue }
            companions[kind] = parseCompanions(list, kind: kind, file: file, sink: sink)
        }
        switch node.member("version")?.value {
        case .number(let text)? where Int(text) == formatVersion: break
        case nil: sink.emit(StateMessages.missing("version", in: "the state file", node, file: file))
        default:
            sink.emit(
                StateMessages.badValue(
                    "version", "must be \(formatVersion) (this cfc reads state format \(formatVersion))",
                    node.member("version") ?? node, file: file))
        }
        guard let list = node.member("distributions") else {
            sink.emit(StateMessages.missing("distributions", in: "the state file", node, file: file))
            return StateFile()
        }
        guard case .object(let entries) = list.value else {
            sink.emit(StateMessages.wrongType("distributions", expected: "an object from name to distribution", list, file: file))
            return StateFile()
        }
        var state = StateFile(companions: companions)
        for entry in entries {
            if let problem = DistributionNames.problem(with: entry.name) {
                sink.emit(StateMessages.badValue("distribution name '\(VisibleText.escaped(entry.name))'", problem, entry.node, file: file))
                continue
            }
            if state.distributions[entry.name] != nil {
                sink.emit(StateMessages.badValue("distribution '\(entry.name)'", "is listed twice", entry.node, file: file))
                continue
            }
            if let record = parseRecord(entry.node, name: entry.name, file: file, sink: sink) {
                state.distributions[entry.name] = record
            }
        }
        return state
    }

    private static let companionKeys = ["id", "etag", "config-sha256"]

    private static func parseCompanions(_ list: APINode, kind: CompanionKind, file: String, sink: any DiagnosticSink) -> [String:
        CompanionRecord]
    {
        guard case .object(let entries) = list.value else {
            sink.emit(StateMessages.wrongType(kind.key, expected: "an object from name to \(kind.noun)", list, file: file))
            return [:]
        }
        var records: [String: CompanionRecord] = [:]
        for entry in entries {
            let noun = "\(kind.noun) '\(VisibleText.escaped(entry.name))'"
            if let problem = kind.isKnownByName ? FunctionNames.problem(with: entry.name) : DistributionNames.problem(with: entry.name) {
                sink.emit(StateMessages.badValue("\(kind.noun) name '\(VisibleText.escaped(entry.name))'", problem, entry.node, file: file))
                continue
            }
            if records[entry.name] != nil {
                sink.emit(StateMessages.badValue(noun, "is listed twice", entry.node, file: file))
                continue
            }
            guard case .object(let members) = entry.node.value else {
                sink.emit(StateMessages.wrongType(noun, expected: "an object", entry.node, file: file))
                continue
            }
            var values: [String: String] = [:]
            for member in members {
                guard companionKeys.contains(member.name) else {
                    sink.emit(StateMessages.unknownMember(member.name, in: noun, candidates: companionKeys, member.node, file: file))
                    continue
                }
                guard case .string(let text) = member.node.value else {
                    sink.emit(StateMessages.wrongType("\(member.name) of \(noun)", expected: "a string", member.node, file: file))
                    continue
                }
                if let problem = problem(with: text, for: member.name == "id" ? kind.idKey : member.name) {
                    sink.emit(StateMessages.badValue("\(member.name) of \(noun)", problem, member.node, file: file))
                    continue
                }
                values[member.name] = text
            }
            guard let id = values["id"] else {
                if entry.node.member("id") == nil { sink.emit(StateMessages.missing("id", in: noun, entry.node, file: file)) }
                continue
            }
            // CloudFront knows a function by name: an ARN of another name is another function.
            if kind == .function, !id.hasSuffix(":function/" + entry.name) {
                sink.emit(
                    StateMessages.badValue(
                        "id of \(noun)", "is the ARN of another function", entry.node.member("id") ?? entry.node, file: file))
                continue
            }
            // One id is one resource: two names for it would have cfc update it for one and
            // delete it for the other.
            if let other = records.first(where: { $0.value.id == id })?.key {
                sink.emit(
                    StateMessages.badValue(
                        "id of \(noun)", "is also the id of \(kind.noun) '\(VisibleText.escaped(other))'",
                        entry.node.member("id") ?? entry.node, file: file))
                continue
            }
            records[entry.name] = CompanionRecord(id: id, etag: values["etag"], configSHA256: values["config-sha256"])
        }
        return records
    }

    private static func parseRecord(_ node: APINode, name: String, file: String, sink: any DiagnosticSink) -> Record? {
        let noun = "distribution '\(name)'"
        guard case .object(let members) = node.value else {
            sink.emit(StateMessages.wrongType(noun, expected: "an object", node, file: file))
            return nil
        }
        var values: [String: String] = [:]
        var pending: PendingInvalidation? = nil
        for member in members {
            guard recordKeys.contains(member.name) else {
                sink.emit(StateMessages.unknownMember(member.name, in: noun, candidates: recordKeys, member.node, file: file))
                continue
            }
            if member.name == "pending-invalidation" {
                pending = parsePending(member.node, of: noun, file: file, sink: sink)
                continue
            }
            guard case .string(let text) = member.node.value else {
                sink.emit(StateMessages.wrongType("\(member.name) of \(noun)", expected: "a string", member.node, file: file))
                continue
            }
            if let problem = problem(with: text, for: member.name) {
                sink.emit(StateMessages.badValue("\(member.name) of \(noun)", problem, member.node, file: file))
                continue
            }
            values[member.name] = text
        }
        guard let id = values["id"] else {
            if node.member("id") == nil { sink.emit(StateMessages.missing("id", in: noun, node, file: file)) }
            return nil
        }
        return Record(
            id: id, arn: values["arn"], domainName: values["domain-name"], callerReference: values["caller-reference"],
            etag: values["etag"], configSHA256: values["config-sha256"], pendingInvalidation: pending)
    }

    private static func parsePending(_ node: APINode, of noun: String, file: String, sink: any DiagnosticSink) -> PendingInvalidation? {
        let what = "pending-invalidation of \(noun)"
        guard case .object(let members) = node.value else {
            sink.emit(StateMessages.wrongType(what, expected: "an object", node, file: file))
            return nil
        }
        let keys = ["caller-reference", "paths"]
        for member in members where !keys.contains(member.name) {
            sink.emit(StateMessages.unknownMember(member.name, in: what, candidates: keys, member.node, file: file))
        }
        var reference: String? = nil
        switch node.member("caller-reference")?.value {
        case .string(let text)?:
            if let problem = problem(with: text, for: "caller-reference") {
                sink.emit(StateMessages.badValue("caller-reference of \(what)", problem, node.member("caller-reference")!, file: file))
            } else {
                reference = text
            }
        case nil: sink.emit(StateMessages.missing("caller-reference", in: what, node, file: file))
        default:
            sink.emit(
                StateMessages.wrongType("caller-reference of \(what)", expected: "a string", node.member("caller-reference")!, file: file))
        }
        var paths: [String] = []
        guard let list = node.member("paths") else {
            sink.emit(StateMessages.missing("paths", in: what, node, file: file))
            return nil
        }
        guard case .array(let items) = list.value, (1...maxPendingPaths).contains(items.count) else {
            sink.emit(StateMessages.wrongType("paths of \(what)", expected: "a list of 1 to \(maxPendingPaths) paths", list, file: file))
            return nil
        }
        for item in items {
            guard case .string(let path) = item.value, problem(with: path, for: "path") == nil else {
                sink.emit(
                    StateMessages.badValue(
                        "a path of \(what)", "is not an invalidation path (printable, starting with /)", item, file: file))
                continue
            }
            paths.append(path)
        }
        guard let reference, paths.count == items.count else { return nil }
        return PendingInvalidation(callerReference: reference, paths: paths)
    }

    /// CloudFront's limit on the paths of one invalidation batch.
    static let maxPendingPaths = 3000

    /// Why `value` cannot be the member `key` of a record, or nil. Everything in the file ends
    /// up in an `aws` command line or a comparison, so each value is held to the form
    /// CloudFront gives it.
    static func problem(with value: String, for key: String) -> String? {
        switch key {
        case "id":
            return CloudFrontIdentifier.isDistributionID(value)
                ? nil : "is not a CloudFront distribution id (capital letters and digits, such as EDFDVBD6EXAMPLE)"
        case "policy-id":
            return ManagedPolicies.isWellFormedID(value)
                ? nil : "is not a CloudFront policy id (a UUID, such as 658327ea-f89d-4fab-a63d-7e88639e58f6)"
        case "continuous-deployment-policy-id":
            let valid =
                (1...128).contains(value.utf8.count)
                && value.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D }
            return valid ? nil : "is not a CloudFront continuous deployment policy id (letters, digits and '-')"
        case "public-key-id":
            return CloudFrontIdentifier.isDistributionID(value)
                ? nil : "is not a CloudFront public key id (capital letters and digits, such as K2JCJMDEHXQW5F)"
        case "key-group-id":
            return ManagedPolicies.isWellFormedID(value) ? nil : "is not a CloudFront key group id (a UUID)"
        case "origin-access-control-id":
            return CloudFrontIdentifier.isDistributionID(value)
                ? nil : "is not a CloudFront origin access control id (capital letters and digits, such as E2QWRUHEXAMPLE)"
        case "key-value-store-arn":
            return FunctionNames.isKeyValueStoreARN(value)
                ? nil
                : "is not a CloudFront key value store ARN (arn:aws:cloudfront::ACCOUNT:key-value-store/ID)"
        case "function-arn":
            return FunctionNames.isFunctionARN(value)
                ? nil
                : "is not a CloudFront Function ARN (arn:aws:cloudfront::ACCOUNT:function/NAME)"
        case "etag":
            return CloudFrontIdentifier.isETag(value) ? nil : "is not an ETag CloudFront returns (letters and digits)"
        case "arn":
            let valid =
                (value.hasPrefix("arn:aws:cloudfront::") || value.hasPrefix("arn:aws-cn:cloudfront::"))
                && value.contains(":distribution/") && value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
            return valid ? nil : "is not a CloudFront distribution ARN (arn:aws:cloudfront::ACCOUNT:distribution/ID)"
        case "domain-name":
            let valid =
                (value.hasSuffix(".cloudfront.net") || value.hasSuffix(".cloudfront.cn"))
                && value.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }
            return valid ? nil : "is not a CloudFront domain name (such as d111111abcdef8.cloudfront.net)"
        case "config-sha256":
            let valid = value.utf8.count == 64 && value.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
            return valid ? nil : "is not a SHA-256 in lower-case hexadecimal (64 digits)"
        case "path":
            return value.hasPrefix("/") && value.utf8.count <= 4096 && value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
                ? nil : "is not an invalidation path (printable, starting with /)"
        case "caller-reference":
            return (1...128).contains(value.utf8.count) && value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
                ? nil
                : "is not a caller reference (1 to 128 printable ASCII characters)"
        default:
            return nil
        }
    }
}

extension CompanionKind {
    /// The form its ids are checked against (`StateFile.problem(with:for:)`).
    /// A function's is its ARN: CloudFront knows a function by name, and distributions name it
    /// by ARN.
    var idKey: String {
        switch self {
        case .cachePolicy, .originRequestPolicy, .responseHeadersPolicy: "policy-id"
        case .originAccessControl: "origin-access-control-id"
        case .publicKey: "public-key-id"
        case .keyGroup: "key-group-id"
        case .keyValueStore: "key-value-store-arn"
        case .function: "function-arn"
        case .continuousDeploymentPolicy: "continuous-deployment-policy-id"
        }
    }
}

/// The state file's messages, in one place.
enum StateMessages {
    static func syntax(_ message: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: "state.syntax", severity: .error, summary: "the state file is not valid JSON: \(message)",
            hint: "restore it from version control; cfc writes it whole, so a broken one was edited by hand", range: range)
    }

    static func wrongType(_ what: String, expected: String, _ node: APINode, file: String) -> Diagnostic {
        Diagnostic(
            id: "state.invalid", severity: .error, summary: "\(what) must be \(expected), found \(node.kindName)",
            hint: hint, range: node.range, file: file)
    }

    static func unknownMember(_ name: String, in what: String, candidates: [String], _ node: APINode, file: String) -> Diagnostic {
        let suggestion = Suggestions.closest(to: name, in: candidates)
        return Diagnostic(
            id: "state.invalid", severity: .error, summary: "unknown member '\(VisibleText.escaped(name))' in \(what)",
            hint: suggestion.map { "did you mean '\($0)'?" } ?? hint, range: node.range, file: file)
    }

    static func missing(_ name: String, in what: String, _ node: APINode, file: String) -> Diagnostic {
        Diagnostic(id: "state.invalid", severity: .error, summary: "\(what) has no '\(name)'", hint: hint, range: node.range, file: file)
    }

    static func badValue(_ what: String, _ problem: String, _ node: APINode, file: String) -> Diagnostic {
        Diagnostic(id: "state.invalid", severity: .error, summary: "\(what) \(problem)", hint: hint, range: node.range, file: file)
    }

    static let hint = "the state file is written by cfc apply and cfc import; restore it from version control rather than editing it"
}
