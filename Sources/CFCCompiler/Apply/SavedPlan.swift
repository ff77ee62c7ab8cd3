import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import DistributionLanguage
import Planning

/// A plan written by `cfc plan --output DIR`, read back by `cfc apply DIR` to be carried out
/// exactly as reviewed: the documents sent are the files in the directory, byte for byte, and
/// nothing is sent unless everything the plan was made against is still so.
///
/// `plan.json` records, per distribution, the id the state file gave it, the SHA-256 of the live
/// config (`NAME.planned-against.json` holds that config, so a refusal can name what changed),
/// the ETag for `--if-match`, and the SHA-256 of each document; at its top, the state file,
/// relative to the directory. A plan is refused when any of them no longer holds: the state
/// file names another id (or one where it named none), the live config or ETag moved, or a
/// document was edited after the plan was written.
struct SavedPlan {
    /// One distribution of the plan.
    struct Item {
        /// The entry, as `plan` made it (its changes recomputed from the saved documents).
        var entry: Plan.Entry
        /// `NAME.distribution.json`, the bytes to send.
        var configJSON: [UInt8]
        /// `NAME.invalidation.json`, the bytes to send after the deployment, if any.
        var batchJSON: [UInt8]?
        /// The live config the plan was made against, if any.
        var plannedAgainst: Distribution?
        /// Where the entry is in `plan.json`.
        var place: SourceRange?
    }

    /// The plan's directory, as given.
    var directory: String
    /// The state file the plan names (or `--state`).
    var statePath: String
    /// The distributions, in plan order.
    var items: [Item]
    /// The companion resources, in plan order, each create and update with its document.
    var companions: [CompanionPlanning.Item] = []
    /// The files read, for rendering diagnostics.
    var sources: [SourceFile]

    /// Whether `path` looks like a plan directory (a directory with `plan.json`), which
    /// `cfc apply` then applies instead of compiling configs.
    static func isPlanDirectory(_ path: String) -> Bool {
        FileIO.isDirectory(path) && FileIO.exists(path + "/plan.json")
    }

    /// Reads the plan in `directory`, checking each document against the digest the plan
    /// recorded; nil (with every problem reported) when it cannot be applied as written.
    static func read(_ directory: String, statePath explicitState: String?, options: CompileOptions, sink: any DiagnosticSink) -> SavedPlan?
    {
        let planPath = directory + "/plan.json"
        guard let source = SourceInput.read(planPath, options: options, sink: sink) else { return nil }
        var sources = [source]
        let root: APINode
        do {
            root = try JSONReader.read(source)
        } catch {
            sink.emit(SavedPlanMessages.invalid("plan.json is not valid JSON: \(error.message)", at: error.range))
            return nil
        }
        let errorsBefore = sink.errorCount
        func invalid(_ text: String, _ node: APINode) { sink.emit(SavedPlanMessages.invalid(text, at: node.range)) }
        func string(_ node: APINode?, _ key: String, required: Bool = true) -> String? {
            switch node?.member(key)?.value {
            case .string(let text)?: return text
            case .null?: if required { invalid("'\(key)' must be a string, found null", node!) }
            case nil: if required, let node { invalid("'\(key)' is missing", node) }
            default: invalid("'\(key)' must be a string", node!.member(key)!)
            }
            return nil
        }

        guard case .number(let version)? = root.member("version")?.value, Int(version) == Plan.formatVersion else {
            invalid(
                "plan.json is not a plan this cfc applies (it writes and reads version \(Plan.formatVersion))",
                root.member("version") ?? root)
            return nil
        }
        var statePath = explicitState
        if statePath == nil {
            guard let relative = string(root, "state-file") else { return nil }
            statePath = relative.hasPrefix("/") ? relative : directory + "/" + relative
        }
        guard case .array(let list)? = root.member("distributions")?.value else {
            invalid("plan.json has no list of distributions", root)
            return nil
        }

        var items: [Item] = []
        for node in list {
            guard let name = string(node, "name"), DistributionNames.problem(with: name) == nil,
                let actionText = string(node, "action")
            else {
                if sink.errorCount == errorsBefore { invalid("a distribution of the plan has no valid name", node) }
                continue
            }
            guard let action = Plan.Entry.Action(rawValue: actionText) else {
                invalid(
                    "'\(VisibleText.escaped(actionText))' is not an action cfc plans (create, update, unchanged)", node.member("action")!)
                continue
            }
            let id = string(node, "distribution-id", required: false)
            if let id, !CloudFrontIdentifier.isDistributionID(id) { invalid("'\(VisibleText.escaped(id))' is not a distribution id", node) }
            if action != .create, id == nil { invalid("an \(action.rawValue) needs the distribution's id, and the plan has none", node) }
            let etag = string(node, "etag", required: false)
            if let etag, !CloudFrontIdentifier.isETag(etag) { invalid("'\(VisibleText.escaped(etag))' is not an ETag", node) }
            let against = node.member("planned-against")
            let stateID = string(against, "state-id", required: false)
            let liveDigest = string(against, "config-sha256", required: false)
            if action != .create, liveDigest == nil {
                invalid("the plan does not say what live config it was made against", against ?? node)
            }

            // The documents, each as the plan recorded it.
            func document(_ file: String, digest: String?) -> SourceFile? {
                guard let digest else { return nil }
                let path = directory + "/" + file
                guard let read = SourceInput.read(path, options: options, sink: sink) else { return nil }
                sources.append(read)
                guard SHA256.hex(read.bytes) == digest else {
                    sink.emit(SavedPlanMessages.edited(file, plan: planPath, at: node.range))
                    return nil
                }
                return read
            }
            guard let configDigest = string(node, "document-sha256"),
                let configSource = document("\(name).distribution.json", digest: configDigest),
                let config = ConfigInput.read(source: configSource, name: name, options: CompileOptions(), sink: sink)?
                    .distributions.first
            else { continue }
            let configJSON = configSource.bytes
            var plannedAgainst: Distribution? = nil
            if action != .create {
                let file = "\(name).planned-against.json"
                guard let source = SourceInput.read(directory + "/" + file, options: options, sink: sink) else { continue }
                sources.append(source)
                guard let read = ConfigInput.read(source: source, name: name, options: CompileOptions(), sink: sink)?.distributions.first
                else { continue }
                guard StateFile.digest(of: read.config) == liveDigest else {
                    sink.emit(SavedPlanMessages.edited(file, plan: planPath, at: node.range))
                    continue
                }
                plannedAgainst = read
            }

            // The invalidation, as reviewed.
            var invalidation = InvalidationPlan(entries: [], widenings: [])
            var reference = ""
            var batchJSON: [UInt8]? = nil
            if let planned = node.member("invalidation"), case .array(let paths)? = planned.member("paths")?.value, !paths.isEmpty {
                reference = string(planned, "caller-reference") ?? ""
                for path in paths {
                    guard let text = string(path, "path") else { continue }
                    var reasons: [String] = []
                    if case .array(let list)? = path.member("reasons")?.value {
                        for reason in list { if case .string(let line) = reason.value { reasons.append(line) } }
                    }
                    invalidation.entries.append(InvalidationPlan.Entry(path: text, reasons: reasons))
                }
                guard let bytes = document("\(name).invalidation.json", digest: string(planned, "batch-sha256"))?.bytes else { continue }
                batchJSON = bytes
            }

            // The companions whose ids the document holds placeholders for, filled in by apply.
            var waiting: [CompanionReference] = []
            if case .array(let list)? = node.member("known-after-apply")?.value {
                for reference in list {
                    guard let kindText = string(reference, "kind"), let kind = CompanionKind(rawValue: kindText),
                        let companion = string(reference, "name"), DistributionNames.problem(with: companion) == nil
                    else {
                        invalid("a companion the distribution waits for is not a kind and name cfc writes", reference)
                        continue
                    }
                    waiting.append(CompanionReference(kind: kind, name: companion, path: .distribution(name), id: nil))
                }
            }
            var distribution = config
            distribution.companionReferences = waiting
            let changes = plannedAgainst.map { SemanticDiff.compare(old: $0.config, new: config.config) } ?? []
            var entry = Plan.Entry(
                distribution: distribution, action: action, etag: etag, changes: changes,
                invalidation: invalidation, invalidationCallerReference: reference)
            entry.distributionID = id
            entry.stateID = stateID
            entry.liveConfigSHA256 = liveDigest
            entry.documentSHA256 = configDigest
            items.append(
                Item(entry: entry, configJSON: configJSON, batchJSON: batchJSON, plannedAgainst: plannedAgainst, place: node.range))
        }
        var companions: [CompanionPlanning.Item] = []
        if case .array(let list)? = root.member("companions")?.value {
            for node in list {
                guard let kindText = string(node, "kind"), let kind = CompanionKind(rawValue: kindText),
                    let name = string(node, "name"),
                    (kind.isKnownByName ? FunctionNames.problem(with: name) : DistributionNames.problem(with: name)) == nil,
                    let actionText = string(node, "action"), let action = Plan.CompanionEntry.Action(rawValue: actionText)
                else {
                    if sink.errorCount == errorsBefore { invalid("a companion of the plan has no valid kind, name or action", node) }
                    continue
                }
                let id = string(node, "id", required: false)
                if let id, StateFile.problem(with: id, for: kind.idKey) != nil {
                    invalid("'\(VisibleText.escaped(id))' is not a \(kind.noun) id", node)
                }
                if action != .create, id == nil { invalid("a \(action.rawValue) needs the \(kind.noun)'s id, and the plan has none", node) }
                let etag = string(node, "etag", required: false)
                if let etag, !CloudFrontIdentifier.isETag(etag) { invalid("'\(VisibleText.escaped(etag))' is not an ETag", node) }
                var configJSON: [UInt8]? = nil
                var code: [UInt8]? = nil
                let digest = string(node, "document-sha256", required: action != .delete)
                if action != .delete, let digest {
                    let file = kind.logicalPath(forName: name, fileExtension: "json")
                    guard let read = SourceInput.read(directory + "/" + file, options: options, sink: sink) else { continue }
                    sources.append(read)
                    if kind == .function {
                        // The code is not a config: read as bytes, never shown.
                        do throws(FileIOError) {
                            code = try FileIO.read(directory + "/" + kind.codePath(forName: name), maxBytes: FunctionNames.maximumCodeBytes)
                        } catch {
                            sink.emit(SavedPlanMessages.edited(kind.codePath(forName: name), plan: planPath, at: node.range))
                            continue
                        }
                    }
                    guard CompanionPlanning.digest(json: read.bytes, code: code) == digest else {
                        let shown = kind == .function ? "\(file) or \(kind.codePath(forName: name))" : file
                        sink.emit(SavedPlanMessages.edited(shown, plan: planPath, at: node.range))
                        continue
                    }
                    configJSON = read.bytes
                }
                var entry = Plan.CompanionEntry(kind: kind, name: name, action: action, id: id, etag: etag, documentSHA256: digest)
                if case .array(let list)? = node.member("known-after-apply")?.value {
                    for reference in list {
                        guard let kindText = string(reference, "kind"), let named = CompanionKind(rawValue: kindText),
                            let companion = string(reference, "name"),
                            (named.isKnownByName ? FunctionNames.problem(with: companion) : DistributionNames.problem(with: companion))
                                == nil
                        else {
                            invalid("a companion the \(kind.noun) waits for is not a kind and name cfc writes", reference)
                            continue
                        }
                        entry.knownAfterApply.append(
                            CompanionReference(kind: named, name: companion, path: ConfigPath([.key(kind.key), .key(name)]), id: nil))
                    }
                }
                if kind == .keyValueStore, let configJSON, let document = try? JSONReader.read(SourceFile(path: name, bytes: configJSON)),
                    case .string(let comment)? = document.member("Comment")?.value
                {
                    entry.comment = comment
                }
                companions.append(
                    CompanionPlanning.Item(entry: entry, companion: nil, configJSON: configJSON, code: code, place: node.range))
            }
        }
        guard sink.errorCount == errorsBefore, let statePath else { return nil }
        return SavedPlan(directory: directory, statePath: statePath, items: items, companions: companions, sources: sources)
    }
}

/// What `cfc apply PLAN-DIR` says of a plan it will not apply.
enum SavedPlanMessages {
    static func invalid(_ text: String, at range: SourceRange?) -> Diagnostic {
        Diagnostic(
            id: "apply.plan_invalid", severity: .error, summary: text,
            hint: "apply a directory written by cfc plan --output, as it wrote it", range: range)
    }

    static func edited(_ file: String, plan: String, at range: SourceRange?) -> Diagnostic {
        Diagnostic(
            id: "apply.plan_invalid", severity: .error,
            summary: "\(file) is not the document this plan was made with (its SHA-256 differs from plan.json's); nothing was applied",
            hint: "a reviewed plan is applied as written: plan again rather than editing its files", range: range)
    }

    static func stale(_ name: String, _ what: String, notes: [DiagnosticNote] = [], at range: SourceRange?) -> Diagnostic {
        Diagnostic(
            id: "apply.plan_stale", severity: .error,
            summary: "the plan for \(name) was made against something that has changed since: \(what); nothing was applied",
            hint: "plan again (cfc plan --refresh --output DIR), review, and apply the new plan", range: range, notes: notes)
    }
}
