import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR

private let pathsName = MemberName.named("Paths")
private let pathName = MemberName.named("Path")
private let callerReferenceName = MemberName.named("CallerReference")

/// What applying a config would do, per distribution: create, update or nothing, the changes,
/// and the invalidation that should follow. The plan is data; `renderText` and `renderJSON`
/// present it.
public struct Plan: Sendable {
    /// One distribution's plan.
    public struct Entry: Sendable {
        /// What happens to the distribution.
        public enum Action: String, Sendable {
            /// It does not exist yet.
            case create
            /// It exists and differs.
            case update
            /// It exists and does not differ.
            case unchanged
        }

        /// The distribution, as it will be sent (its caller reference kept from the live one).
        public var distribution: Distribution
        /// What happens to it.
        public var action: Action
        /// The `ETag` to pass as `--if-match`, when the previous side was `get-distribution-config`
        /// output.
        public var etag: String?
        /// The changes, for review.
        public var changes: [ConfigChange]
        /// The paths to invalidate after the update is deployed.
        public var invalidation: InvalidationPlan
        /// The invalidation batch's caller reference: a hash of the distribution, the paths and
        /// the new config, so a retried pipeline step never issues a second invalidation.
        public var invalidationCallerReference: String
        /// The CloudFront id, when known (from `--distribution-id`, the previous config's own
        /// `Id`, or the state file).
        public var distributionID: String? = nil
        /// What the plan was made against, so that `cfc apply PLAN-DIR` can refuse a plan whose
        /// ground moved: the id the state file gave the distribution (nil: it listed none)...
        public var stateID: String? = nil
        /// ...and the SHA-256 of the live config's normal form (nil: there was none, a create).
        public var liveConfigSHA256: String? = nil
        /// The SHA-256 of the config document written (`NAME.distribution.json`), so that an
        /// edited document is refused rather than applied unreviewed.
        public var documentSHA256: String? = nil
        /// The SHA-256 of the invalidation batch written (`NAME.invalidation.json`).
        public var invalidationBatchSHA256: String? = nil

        /// Creates an entry.
        public init(
            distribution: Distribution, action: Action, etag: String?, changes: [ConfigChange], invalidation: InvalidationPlan,
            invalidationCallerReference: String
        ) {
            self.distribution = distribution
            self.action = action
            self.etag = etag
            self.changes = changes
            self.invalidation = invalidation
            self.invalidationCallerReference = invalidationCallerReference
        }
    }

    /// One companion resource's plan (a policy, an origin access control).
    public struct CompanionEntry: Sendable, Equatable {
        /// What happens to it.
        public enum Action: String, Sendable {
            /// It is declared and the state file lists no id for it.
            case create
            /// Its document is not the one last applied.
            case update
            /// Its document is the one last applied.
            case unchanged
            /// The state file lists it and no config declares it any more: deleted after the
            /// distributions no longer name it.
            case delete
        }

        /// Its kind.
        public var kind: CompanionKind
        /// Its name.
        public var name: String
        /// What happens to it.
        public var action: Action
        /// Its CloudFront id, when it exists.
        public var id: String?
        /// The ETag last recorded, for `--if-match` in the printed commands.
        public var etag: String?
        /// The SHA-256 of the document written (`NAME.cache-policy.json`); nil for a delete.
        public var documentSHA256: String?
        /// A key value store's comment, which its update command sends.
        public var comment: String? = nil
        /// The companions its document names that do not exist yet: their ids (ARNs) are filled
        /// in by apply once they are made, as a distribution's are.
        public var knownAfterApply: [CompanionReference] = []

        /// Creates an entry.
        public init(kind: CompanionKind, name: String, action: Action, id: String?, etag: String?, documentSHA256: String?) {
            self.kind = kind
            self.name = name
            self.action = action
            self.id = id
            self.etag = etag
            self.documentSHA256 = documentSHA256
        }
    }

    /// The distributions, in the new config's order.
    public var entries: [Entry]
    /// The companion resources, by kind then name: created and updated before the
    /// distributions, deleted after them.
    public var companions: [CompanionEntry] = []
    /// The budget the invalidation plans were fitted to.
    public var budget: InvalidationBudget
    /// The distribution id to put in the commands, if known.
    public var distributionID: String?
    /// The directory the plan's documents are written to (absolute), when they are: the
    /// commands name the documents there, so they work from any directory.
    public var documentDirectory: String? = nil
    /// The state file the plan was made against, relative to `documentDirectory`, for
    /// `cfc apply PLAN-DIR`.
    public var stateFile: String? = nil

    /// The version of `plan.json`'s format, which `cfc apply PLAN-DIR` checks.
    public static let formatVersion = 1

    /// Whether applying the plan would change anything.
    public var hasChanges: Bool {
        entries.contains { $0.action != .unchanged || !$0.invalidation.isEmpty } || companions.contains { $0.action != .unchanged }
    }

    /// Creates a plan.
    public init(entries: [Entry], budget: InvalidationBudget, distributionID: String?) {
        self.entries = entries
        self.budget = budget
        self.distributionID = distributionID
    }

    /// The invalidation batch document for an entry (`Paths` and `CallerReference`).
    public static func invalidationBatch(_ entry: Entry) -> APIDocument {
        var document = APIDocument(rootName: "InvalidationBatch")
        document.beginStructure(pathsName)
        document.integer(.quantity, Int64(entry.invalidation.paths.count))
        if !entry.invalidation.paths.isEmpty {
            document.beginList(.items, itemName: pathName)
            for path in entry.invalidation.paths { document.string(pathName, path) }
            document.end()
        }
        document.end()
        document.string(callerReferenceName, entry.invalidationCallerReference)
        return document
    }

    /// The caller reference for an invalidation of `paths` after deploying `configJSON`.
    public static func invalidationCallerReference(name: String, paths: [String], configJSON: [UInt8]) -> String {
        var hash = SHA256()
        hash.update(name)
        hash.update([0])
        for path in paths {
            hash.update(path)
            hash.update([0])
        }
        hash.update(configJSON)
        let digits = Array("0123456789abcdef".utf8)
        let hex = hash.finalize().prefix(16).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }
        return "cfc-" + String(decoding: hex, as: UTF8.self)
    }

    /// The `aws` commands that apply an entry, in order: create or update, wait for the
    /// deployment, then invalidate. Each is an argument list; `ShellQuoting` writes it for a shell.
    public func commands(for entry: Entry) -> [[String]] {
        let name = entry.distribution.name
        let id = entry.distributionID ?? distributionID ?? "<DISTRIBUTION_ID>"
        let directory = documentDirectory.map { $0 == "/" ? "/" : $0 + "/" } ?? ""
        var commands: [[String]] = []
        switch entry.action {
        case .create:
            commands.append([
                "aws", "cloudfront", "create-distribution", "--distribution-config", "file://\(directory)\(name).distribution.json",
            ])
        case .update:
            commands.append([
                "aws", "cloudfront", "update-distribution", "--id", id, "--if-match", entry.etag ?? "<ETAG>",
                "--distribution-config", "file://\(directory)\(name).distribution.json",
            ])
        case .unchanged:
            break
        }
        if !entry.invalidation.isEmpty {
            if entry.action != .unchanged { commands.append(["aws", "cloudfront", "wait", "distribution-deployed", "--id", id]) }
            commands.append([
                "aws", "cloudfront", "create-invalidation", "--distribution-id", id,
                "--invalidation-batch", "file://\(directory)\(name).invalidation.json",
            ])
        }
        return commands
    }

    /// The `aws` command that applies a companion entry, if any.
    public func commands(for companion: CompanionEntry) -> [[String]] {
        let directory = documentDirectory.map { $0 == "/" ? "/" : $0 + "/" } ?? ""
        let resource = companion.kind.fileWord
        let document = "file://\(directory)\(companion.kind.logicalPath(forName: companion.name, fileExtension: "json"))"
        let id = companion.id ?? "<ID>"
        if companion.kind == .function {
            // CloudFront knows a function by its name, and a distribution runs only its
            // published (LIVE) stage: every create and update is followed by a publish, with
            // the ETag the create or update answered with.
            let name = companion.name
            let body = ["--function-config", document, "--function-code", "fileb://\(directory)\(companion.kind.codePath(forName: name))"]
            let publish = ["aws", "cloudfront", "publish-function", "--name", name, "--if-match", "<ETAG>"]
            switch companion.action {
            case .create:
                return [["aws", "cloudfront", "create-function", "--name", name] + body, publish]
            case .update:
                return [
                    ["aws", "cloudfront", "update-function", "--name", name, "--if-match", companion.etag ?? "<ETAG>"] + body, publish,
                ]
            case .delete:
                return [["aws", "cloudfront", "delete-function", "--name", name, "--if-match", companion.etag ?? "<ETAG>"]]
            case .unchanged:
                return []
            }
        }
        if companion.kind == .keyValueStore {
            // The store's document is the create request itself; an update changes only the
            // comment, the one thing UpdateKeyValueStore takes.
            let name = companion.name
            switch companion.action {
            case .create:
                return [["aws", "cloudfront", "create-key-value-store", "--cli-input-json", document]]
            case .update:
                return [
                    [
                        "aws", "cloudfront", "update-key-value-store", "--name", name, "--comment", companion.comment ?? "",
                        "--if-match", companion.etag ?? "<ETAG>",
                    ]
                ]
            case .delete:
                return [["aws", "cloudfront", "delete-key-value-store", "--name", name, "--if-match", companion.etag ?? "<ETAG>"]]
            case .unchanged:
                return []
            }
        }
        switch companion.action {
        case .create:
            return [["aws", "cloudfront", "create-\(resource)", "--\(resource)-config", document]]
        case .update:
            return [
                [
                    "aws", "cloudfront", "update-\(resource)", "--id", id, "--if-match", companion.etag ?? "<ETAG>", "--\(resource)-config",
                    document,
                ]
            ]
        case .delete:
            return [["aws", "cloudfront", "delete-\(resource)", "--id", id, "--if-match", companion.etag ?? "<ETAG>"]]
        case .unchanged:
            return []
        }
    }

    /// What the invalidation costs: paths (a wildcard counts as one), billable paths, USD.
    public func cost(of entry: Entry) -> (paths: Int, billable: Int, usd: Double) {
        let count = entry.invalidation.paths.count
        let cost = budget.cost(of: count)
        return (count, cost.billable, cost.usd)
    }

    /// The plan for people.
    public func renderText(includeCommands: Bool = true) -> [UInt8] {
        var text = ""
        func companionLines(_ companion: CompanionEntry) {
            text += "\(companion.kind.noun) \(companion.name): \(companion.action.rawValue)"
            if let id = companion.id, companion.action != .create { text += " (\(id))" }
            if companion.action == .create {
                text += companion.kind.isKnownByName ? " (its ARN is known after apply)" : " (its id is known after apply)"
            }
            if companion.action == .delete { text += "; in the state file, in no config: cfc apply deletes it only with --allow-delete" }
            text += "\n"
            if !companion.knownAfterApply.isEmpty {
                text +=
                    "  names \(companion.knownAfterApply.map { "\($0.kind.noun) '\($0.name)'" }.joined(separator: ", ")), known after apply: "
                    + "cfc apply fills in the \(companion.knownAfterApply.allSatisfy { $0.kind.isKnownByName } ? "ARN" : "id")"
                    + "\(companion.knownAfterApply.count == 1 ? "" : "s") once \(companion.knownAfterApply.count == 1 ? "it exists" : "they exist")\n"
            }
            let commands = includeCommands ? self.commands(for: companion) : []
            if !commands.isEmpty {
                text += "  apply:\n" + commands.map { "    \(ShellQuoting.commandLine($0))\n" }.joined()
            }
        }
        // In the order apply carries them out: companions a distribution will name first.
        for companion in companions where companion.action != .delete { companionLines(companion) }
        for entry in entries {
            text += "distribution \(entry.distribution.name): \(entry.action.rawValue)"
            if let etag = entry.etag, entry.action == .update { text += " (if-match \(etag))" }
            text += "\n"
            let waiting = entry.distribution.companionReferences.filter { $0.id == nil }
            if !waiting.isEmpty {
                text +=
                    "  names \(waiting.map { "\($0.kind.noun) '\($0.name)'" }.joined(separator: ", ")), known after apply: "
                    + "cfc apply fills in the id\(waiting.count == 1 ? "" : "s") (the document holds a placeholder until then)\n"
            }
            for change in entry.changes { text += "  \(symbol(change)) \(change.text)\n" }
            if entry.invalidation.isEmpty {
                if entry.action == .update { text += "  no invalidation needed\n" }
            } else {
                let cost = self.cost(of: entry)
                text +=
                    "  invalidate \(cost.paths) path\(cost.paths == 1 ? "" : "s") (\(cost.billable) billable, USD \(formatUSD(cost.usd)); \(budget.freePathsLeft) free paths left this month):\n"
                let width = entry.invalidation.paths.map(\.count).max() ?? 0
                for item in entry.invalidation.entries {
                    let padding = String(repeating: " ", count: max(0, width - item.path.count))
                    text += "    \(item.path)\(padding)  \(item.reasons.first ?? "")\n"
                    for reason in item.reasons.dropFirst() { text += "    \(String(repeating: " ", count: width))  \(reason)\n" }
                }
                for widening in entry.invalidation.widenings {
                    text +=
                        "  widened \(widening.replaced.joined(separator: ", ")) to \(widening.by) to stay within \(budget.maxPaths) paths, at most \(budget.maxWildcardPaths) of them wildcards\n"
                }
            }
            let commands = includeCommands ? self.commands(for: entry) : []
            if !commands.isEmpty {
                text += "  apply:\n" + commands.map { "    \(ShellQuoting.commandLine($0))\n" }.joined()
            }
        }
        for companion in companions where companion.action == .delete { companionLines(companion) }
        // Names, ids and values come from the files: nothing in them may drive the terminal.
        return Array(VisibleText.escapedLines(text).utf8)
    }

    private func symbol(_ change: ConfigChange) -> String {
        switch change.kind {
        case .modified: "~"
        case .added: "+"
        case .removed: "-"
        case .moved: "↕"
        }
    }

    /// The plan for machines (`plan.json`): keys in a fixed order, lists in plan order.
    public func renderJSON() -> [UInt8] {
        var members = [JSONMember("version", .integer(Int64(Self.formatVersion)))]
        if let stateFile { members.append(JSONMember("state-file", .string(stateFile))) }
        members.append(JSONMember("distributions", .array(entries.map(json(for:)))))
        if !companions.isEmpty { members.append(JSONMember("companions", .array(companions.map(json(for:))))) }
        return JSONValue.object(members).rendered()
    }

    private func json(for companion: CompanionEntry) -> JSONValue {
        let commands = self.commands(for: companion)
        return .object([
            "kind": .string(companion.kind.key),
            "name": .string(companion.name),
            "action": .string(companion.action.rawValue),
            "id": .string(companion.id),
            "etag": .string(companion.etag),
            "document-sha256": .string(companion.documentSHA256),
            "known-after-apply": .inlineArray(
                companion.knownAfterApply.map {
                    .inlineObject(["kind": .string($0.kind.key), "name": .string($0.name), "path": .string($0.path.description)])
                }),
            "commands": .array(commands.map { .string(ShellQuoting.commandLine($0)) }),
            "command-arguments": .array(commands.map { .inlineArray($0.map { .string($0) }) }),
        ])
    }

    private func json(for entry: Entry) -> JSONValue {
        let cost = self.cost(of: entry)
        let commands = self.commands(for: entry)
        let invalidation = JSONValue.object([
            "caller-reference": .string(entry.invalidationCallerReference),
            "batch-sha256": .string(entry.invalidationBatchSHA256),
            "paths": .array(
                entry.invalidation.entries.map { item in
                    .inlineObject(["path": .string(item.path), "reasons": .inlineArray(item.reasons.map { .string($0) })])
                }),
            "widened": .inlineArray(
                entry.invalidation.widenings.map { widening in
                    .inlineObject(["by": .string(widening.by), "replaced": .inlineArray(widening.replaced.map { .string($0) })])
                }),
            "cost": .inlineObject([
                "paths": .integer(cost.paths), "free-paths-left": .integer(budget.freePathsLeft),
                "billable-paths": .integer(cost.billable), "usd": .fixed(Self.thousandths(cost.usd), fractionDigits: 3),
            ]),
        ])
        return .object([
            "name": .string(entry.distribution.name),
            "action": .string(entry.action.rawValue),
            "distribution-id": .string(entry.distributionID ?? distributionID),
            "etag": .string(entry.etag),
            "planned-against": .inlineObject([
                "state-id": .string(entry.stateID), "config-sha256": .string(entry.liveConfigSHA256),
            ]),
            "document-sha256": .string(entry.documentSHA256),
            "known-after-apply": .inlineArray(
                entry.distribution.companionReferences.filter { $0.id == nil }.map {
                    .inlineObject(["kind": .string($0.kind.key), "name": .string($0.name), "path": .string($0.path.description)])
                }),
            "changes": .array(entry.changes.map(\.json)),
            "invalidation": invalidation,
            // As shell lines to paste, and as argument lists for tools that run them without a shell.
            "commands": .array(commands.map { .string(ShellQuoting.commandLine($0)) }),
            "command-arguments": .array(commands.map { .inlineArray($0.map { .string($0) }) }),
        ])
    }

    private static func thousandths(_ value: Double) -> Int64 { Int64((value * 1000).rounded()) }

    /// USD with three decimals, without Foundation's locale-dependent formatting.
    public func formatUSD(_ value: Double) -> String {
        var text: [UInt8] = []
        JSONValue.fixed(Self.thousandths(value), fractionDigits: 3).write(into: &text)
        return String(decoding: text, as: UTF8.self)
    }
}

extension ConfigChange {
    /// The change as one line of JSON: `path`, `kind`, then `old`/`new` or `from`/`to`; a
    /// change of a sensitive value has `"sensitive": true` and no values.
    public var json: JSONValue {
        if isSensitiveChange {
            return .inlineObject(["path": .string(path), "kind": .string("modified"), "sensitive": .bool(true)])
        }
        return switch kind {
        case .modified(let old, let new):
            .inlineObject(["path": .string(path), "kind": .string("modified"), "old": .string(old), "new": .string(new)])
        case .added(let value):
            .inlineObject(["path": .string(path), "kind": .string("added"), "new": .string(value)])
        case .removed(let value):
            .inlineObject(["path": .string(path), "kind": .string("removed"), "old": .string(value)])
        case .moved(let from, let to):
            .inlineObject(["path": .string(path), "kind": .string("moved"), "from": .integer(from), "to": .integer(to)])
        }
    }
}
