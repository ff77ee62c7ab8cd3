import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import DistributionLanguage
import Planning

extension CompanionKind {
    /// The API structure the create and update calls answer with (`CachePolicy`).
    var apiStructure: String {
        switch self {
        case .keyValueStore: "KeyValueStore"
        default: String(apiRoot.dropLast("Config".count))
        }
    }

    /// The aws CLI's arguments that name the companion `name` recorded with `id`: CloudFront
    /// addresses functions and key value stores by name, the others by the id it gave them.
    func selector(name: String, id: String?) -> [String] {
        isKnownByName ? ["--name", name] : ["--id", id ?? ""]
    }

    /// The call that reads one with its ETag: get-X rather than get-X-config (both answer with
    /// the ETag, and moto knows only get-origin-access-control, so the end-to-end test can run
    /// this very call); for those known by name, describe-X (describe-function leaves the code
    /// out).
    func readArguments(name: String, id: String?) -> [String] {
        ["cloudfront", isKnownByName ? "describe-\(fileWord)" : "get-\(fileWord)"] + selector(name: name, id: id)
    }

    /// The error code CloudFront answers with when it has no such companion.
    var noSuchError: String {
        switch self {
        case .function: "NoSuchFunctionExists"
        case .keyValueStore: "EntityNotFound"
        case .keyGroup: "NoSuchResource"
        default: "NoSuch\(apiStructure)"
        }
    }

    /// The ARN in the answer to a create, update or describe of one known by name.
    func arn(in answer: APINode) -> String? {
        switch self {
        case .function: ApplyCommand.Run.string(answer.member("FunctionSummary")?.member("FunctionMetadata")?.member("FunctionARN"))
        case .keyValueStore: ApplyCommand.Run.string(answer.member("KeyValueStore")?.member("ARN"))
        default: nil
        }
    }
}

extension ApplyCommand.Run {
    /// Creates or updates one companion and records its id, ETag and document digest in the
    /// state file at once, so that the distributions applied next can name it.
    ///
    /// A create first looks for one of the same name (CloudFront's names are unique per kind
    /// and account): one an earlier run made and was stopped before it recorded it is adopted
    /// and brought to the config, never made twice.
    mutating func applyCompanion(_ item: CompanionPlanning.Item) throws {
        guard var json = item.configJSON else { return }
        var item = item
        let kind = item.entry.kind
        // What it names that did not exist when it was planned exists now (made earlier in this
        // run, in dependency order): its placeholders become the ids, byte for byte, and what
        // is recorded is the digest of what is sent, which is what the next plan computes.
        for reference in item.entry.knownAfterApply {
            guard let id = work.state.companions[reference.kind]?[reference.name]?.id else {
                throw ApplyCommand.ApplyStop.companionMissing("\(reference.kind.noun) '\(reference.name)'")
            }
            json = Self.replacing(Array("\"\(reference.placeholder)\"".utf8), with: Array("\"\(id)\"".utf8), in: json)
        }
        if !item.entry.knownAfterApply.isEmpty { item.entry.documentSHA256 = CompanionPlanning.digest(json: json, code: item.code) }
        let name = item.entry.name
        let word = kind.fileWord
        let label = "\(kind.noun) \(name)"
        var id = work.state.companions[kind]?[name]?.id
        // What the aws CLI answers is held to the form the state file takes before it is kept.
        if id == nil, let found = try findCompanion(kind, named: name, json: json), StateFile.problem(with: found, for: kind.idKey) == nil {
            console.say("\(label): found \(found), made by an earlier run with this name; recording it\n")
            try saveCompanion(kind, name, StateFile.CompanionRecord(id: found))
            id = found
        }
        if kind == .function {
            return try applyFunction(item, json: json, exists: id != nil)
        }
        if kind == .keyValueStore {
            return try applyKeyValueStore(item, json: json, exists: id != nil)
        }
        let document = try temporaryDocument(json, name: "\(name).\(word)")
        defer { TemporaryFiles.remove(document) }
        let response: APINode
        if let id {
            console.say("\(label): updating \(id)…\n")
            let live = try aws.callJSON(kind.readArguments(name: name, id: id))
            response = try aws.callJSON([
                "cloudfront", "update-\(word)", "--id", id, "--if-match", Self.etag(of: live) ?? "",
                "--\(word)-config", "file://" + document,
            ])
        } else {
            console.say("\(label): creating…\n")
            response = try aws.callJSON(["cloudfront", "create-\(word)", "--\(word)-config", "file://" + document])
        }
        guard case .string(let newID)? = response.member(kind.apiStructure)?.member("Id")?.value,
            StateFile.problem(with: newID, for: kind.idKey) == nil
        else {
            throw AWSCLI.Failure.unreadableOutput("the aws CLI's answer for \(label) has no \(kind.noun) id")
        }
        try saveCompanion(
            kind, name, StateFile.CompanionRecord(id: newID, etag: Self.etag(of: response), configSHA256: item.entry.documentSHA256))
        console.say("\(label): \(id == nil ? "created" : "updated") \(newID); recorded in \(work.statePath)\n")
        done.append("\(label): \(id == nil ? "create" : "update")")
    }

    /// A CloudFront Function: created or updated (its config and code), then published, since
    /// a distribution can only run a function's LIVE stage. It is recorded by its ARN as soon as
    /// CloudFront has it, but with its digest only once published: a run stopped in between
    /// leaves it planned as an update, which publishes it.
    private mutating func applyFunction(_ item: CompanionPlanning.Item, json: [UInt8], exists: Bool) throws {
        let name = item.entry.name
        let label = "function \(name)"
        guard let code = item.code else { throw AWSCLI.Failure.unreadableOutput("\(label): the plan has no code for it") }
        let document = try temporaryDocument(json, name: "\(name).function")
        defer { TemporaryFiles.remove(document) }
        let codeFile = try temporaryDocument(code, name: "\(name).function-code", suffix: ".apply.js")
        defer { TemporaryFiles.remove(codeFile) }
        let body = ["--function-config", "file://" + document, "--function-code", "fileb://" + codeFile]
        let response: APINode
        if exists {
            console.say("\(label): updating…\n")
            let live = try aws.callJSON(CompanionKind.function.readArguments(name: name, id: nil))
            response = try aws.callJSON(["cloudfront", "update-function", "--name", name, "--if-match", Self.etag(of: live) ?? ""] + body)
        } else {
            console.say("\(label): creating…\n")
            response = try aws.callJSON(["cloudfront", "create-function", "--name", name] + body)
        }
        guard let arn = CompanionKind.function.arn(in: response),
            StateFile.problem(with: arn, for: CompanionKind.function.idKey) == nil
        else {
            throw AWSCLI.Failure.unreadableOutput("the aws CLI's answer for \(label) has no function ARN")
        }
        try saveCompanion(.function, name, StateFile.CompanionRecord(id: arn, etag: Self.etag(of: response), configSHA256: nil))
        console.say("\(label): publishing…\n")
        _ = try aws.callJSON(["cloudfront", "publish-function", "--name", name, "--if-match", Self.etag(of: response) ?? ""])
        let published = try aws.callJSON(CompanionKind.function.readArguments(name: name, id: nil))
        try saveCompanion(
            .function, name, StateFile.CompanionRecord(id: arn, etag: Self.etag(of: published), configSHA256: item.entry.documentSHA256))
        console.say("\(label): \(exists ? "updated" : "created") and published \(arn); recorded in \(work.statePath)\n")
        done.append("\(label): \(exists ? "update" : "create")")
    }

    /// A key value store: created with its document as the create request (`--cli-input-json`),
    /// its import source read by CloudFront then and only then; an update can change only its
    /// comment, which is all the API's UpdateKeyValueStore takes. A new store is waited for
    /// until READY, since a function cannot be associated with one still provisioning.
    private mutating func applyKeyValueStore(_ item: CompanionPlanning.Item, json: [UInt8], exists: Bool) throws {
        let name = item.entry.name
        let label = "key value store \(name)"
        let response: APINode
        if exists {
            console.say("\(label): updating its comment…\n")
            let live = try aws.callJSON(CompanionKind.keyValueStore.readArguments(name: name, id: nil))
            let document = try? JSONReader.read(SourceFile(path: "\(name).key-value-store.json", bytes: json))
            let comment = Self.string(document?.member("Comment")) ?? ""
            response = try aws.callJSON([
                "cloudfront", "update-key-value-store", "--name", name, "--comment", comment,
                "--if-match", Self.etag(of: live) ?? "",
            ])
        } else {
            let document = try temporaryDocument(json, name: "\(name).key-value-store")
            defer { TemporaryFiles.remove(document) }
            console.say("\(label): creating…\n")
            response = try aws.callJSON(["cloudfront", "create-key-value-store", "--cli-input-json", "file://" + document])
        }
        guard let arn = CompanionKind.keyValueStore.arn(in: response),
            StateFile.problem(with: arn, for: CompanionKind.keyValueStore.idKey) == nil
        else {
            throw AWSCLI.Failure.unreadableOutput("the aws CLI's answer for \(label) has no key value store ARN")
        }
        try saveCompanion(.keyValueStore, name, StateFile.CompanionRecord(id: arn, etag: Self.etag(of: response), configSHA256: nil))
        var etag = Self.etag(of: response)
        if !exists {
            etag = try waitUntilReady(name, label: label) ?? etag
        }
        try saveCompanion(.keyValueStore, name, StateFile.CompanionRecord(id: arn, etag: etag, configSHA256: item.entry.documentSHA256))
        console.say("\(label): \(exists ? "updated" : "created") \(arn); recorded in \(work.statePath)\n")
        done.append("\(label): \(exists ? "update" : "create")")
    }

    /// Polls a new key value store until CloudFront says READY, and returns its ETag then.
    private func waitUntilReady(_ name: String, label: String) throws -> String? {
        var etag: String? = nil
        try waitUntil(name: label, what: "is", finished: "ready", doneStatus: "READY") {
            let answer = try aws.callJSON(CompanionKind.keyValueStore.readArguments(name: name, id: nil))
            let status = Self.string(answer.member("KeyValueStore")?.member("Status")) ?? ""
            if status.contains("FAILED") {
                throw AWSCLI.Failure.unreadableOutput(
                    "\(label): CloudFront could not provision it (status \(status)); its import source may be unreadable")
            }
            etag = Self.etag(of: answer)
            return status
        }
        return etag
    }

    /// Deletes a companion no config declares any more, once the distributions that named it
    /// have been updated. CloudFront refuses to delete one a distribution still uses (one cfc
    /// does not manage, say); that stops the run with CloudFront's words.
    mutating func deleteCompanion(_ entry: Plan.CompanionEntry) throws {
        guard let id = work.state.companions[entry.kind]?[entry.name]?.id else { return }
        let word = entry.kind.fileWord
        let label = "\(entry.kind.noun) \(entry.name)"
        console.line("\(label): deleting \(id)…\n", .danger)
        do {
            let live = try aws.callJSON(entry.kind.readArguments(name: entry.name, id: id))
            _ = try aws.call(
                ["cloudfront", "delete-\(word)"] + entry.kind.selector(name: entry.name, id: id)
                    + ["--if-match", Self.etag(of: live) ?? ""])
        } catch {
            guard error.message.contains(entry.kind.noSuchError) else { throw error }
            console.say("\(label): \(id) no longer exists in CloudFront\n")
        }
        try saveCompanion(entry.kind, entry.name, nil)
        console.line("\(label): deleted \(id); removed from \(work.statePath)\n", .danger)
        done.append("\(label): delete")
    }

    /// The id of the companion of `kind` named `name` in the account, if there is one.
    func findCompanion(_ kind: CompanionKind, named name: String, json: [UInt8]) throws -> String? {
        if kind == .continuousDeploymentPolicy { return try findContinuousDeploymentPolicy(json) }
        if kind.isKnownByName {
            do {
                return kind.arn(in: try aws.callJSON(kind.readArguments(name: name, id: nil)))
            } catch {
                guard error.message.contains(kind.noSuchError) else { throw error }
                return nil
            }
        }
        if kind == .originAccessControl || kind == .publicKey {
            // The CLI follows these lists' pages itself; their items are summaries with Id and Name.
            let answer = try aws.callJSON(["cloudfront", "list-\(kind.key)"])
            guard case .array(let items)? = answer.member("\(kind.apiStructure)List")?.member("Items")?.value else { return nil }
            return items.first { Self.string($0.member("Name")) == name }.flatMap { Self.string($0.member("Id")) }
        }
        let list = "list-\(kind.key)"
        let structure = kind.apiStructure
        var marker: String? = nil
        // CloudFront's quotas keep an account's custom policies to a few pages; the bound
        // keeps a misbehaving endpoint from looping.
        for _ in 0..<100 {
            // Key groups are all the account's own; policies are listed without AWS's managed ones.
            var arguments = ["cloudfront", list] + (kind == .keyGroup ? [] : ["--type", "custom"])
            if let marker { arguments += ["--marker", marker] }
            let answer = try aws.callJSON(arguments)
            let page = answer.member("\(structure)List")
            if case .array(let items)? = page?.member("Items")?.value {
                for item in items {
                    let policy = item.member(structure)
                    if Self.string(policy?.member(kind.apiRoot)?.member("Name")) == name { return Self.string(policy?.member("Id")) }
                }
            }
            guard let next = Self.string(page?.member("NextMarker")), !next.isEmpty, next != marker else { return nil }
            marker = next
        }
        return nil
    }

    /// A continuous deployment policy has no name in CloudFront; one an earlier run made for
    /// these staging distributions (a staging distribution belongs to one policy) is it.
    func findContinuousDeploymentPolicy(_ json: [UInt8]) throws -> String? {
        guard let desired = try? JSONReader.read(SourceFile(path: "policy.json", bytes: json)),
            case .array(let wanted)? = desired.member("StagingDistributionDnsNames")?.member("Items")?.value
        else { return nil }
        let names = Set(wanted.compactMap { Self.string($0) })
        let recorded = Set((work.state.companions[.continuousDeploymentPolicy] ?? [:]).values.map(\.id))
        var marker: String? = nil
        for _ in 0..<100 {
            var arguments = ["cloudfront", "list-continuous-deployment-policies"]
            if let marker { arguments += ["--marker", marker] }
            let page = try aws.callJSON(arguments).member("ContinuousDeploymentPolicyList")
            if case .array(let items)? = page?.member("Items")?.value {
                for item in items {
                    let policy = item.member("ContinuousDeploymentPolicy")
                    guard
                        case .array(let staging)? = policy?.member("ContinuousDeploymentPolicyConfig")?
                            .member("StagingDistributionDnsNames")?.member("Items")?.value
                    else { continue }
                    // One recorded under another name is that name's (a rename must not take it).
                    guard let id = Self.string(policy?.member("Id")), !recorded.contains(id) else { continue }
                    if !names.isDisjoint(with: staging.compactMap { Self.string($0) }) { return id }
                }
            }
            guard let next = Self.string(page?.member("NextMarker")), !next.isEmpty, next != marker else { return nil }
            marker = next
        }
        return nil
    }

    /// Records (or, with nil, forgets) a companion and writes the state file at once.
    mutating func saveCompanion(_ kind: CompanionKind, _ name: String, _ record: StateFile.CompanionRecord?) throws {
        work.state.setCompanion(kind, name, record)
        try writeState()
    }

    /// The distribution as it is sent, every companion it names resolved to the id recorded.
    func resolved(_ step: ApplyCommand.Step) throws -> ApplyCommand.Step {
        let distribution = step.entry.distribution
        let ids = work.state.companionIDs
        guard distribution.companionReferences.contains(where: { $0.id != ids.id(of: $0.kind, named: $0.name) }) else { return step }
        if let missing = distribution.unresolvedCompanions(ids).first {
            throw ApplyCommand.ApplyStop.companionMissing("\(missing.kind.noun) '\(missing.name)'")
        }
        var step = step
        step.entry.distribution = distribution.resolvingCompanions(ids)
        if step.reviewed {
            // A reviewed document is sent as written: only its placeholders (JSON strings of
            // words no id can be, names being plain) become the ids.
            for reference in distribution.companionReferences where reference.id == nil {
                guard let id = ids.id(of: reference.kind, named: reference.name) else { continue }
                step.configJSON = Self.replacing(
                    Array("\"\(reference.placeholder)\"".utf8), with: Array("\"\(id)\"".utf8), in: step.configJSON)
            }
        } else {
            step.configJSON = DocumentFormat.json.print(emitDistributionConfig(step.entry.distribution))
        }
        return step
    }

    /// `bytes` with every occurrence of `target` replaced by `replacement`.
    static func replacing(_ target: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !target.isEmpty else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == target[0], index + target.count <= bytes.count, Array(bytes[index..<(index + target.count)]) == target {
                result += replacement
                index += target.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    static func etag(of answer: APINode) -> String? {
        string(answer.member("ETag")).flatMap { CloudFrontIdentifier.isETag($0) ? $0 : nil }
    }

    static func string(_ node: APINode?) -> String? {
        if case .string(let text)? = node?.value { return text }
        return nil
    }
}

extension ApplyCommand {
    /// Reads the ETag of every recorded companion the configs still declare, before anything
    /// is changed: one changed outside cfc since cfc applied it (its ETag is not the one
    /// recorded) is refused, as a drifted distribution is, unless `--overwrite-drift` (then it
    /// is updated back to the config); one deleted outside cfc is created again.
    ///
    /// - Returns: false when the run must not go on (the reasons reported to `sink`).
    static func refreshCompanions(
        _ work: inout Work, request: Request, aws: AWSCLI, places: [String: SourceRange], sink: DiagnosticCollector
    ) -> Bool {
        var fine = true
        for index in work.companions.indices {
            let entry = work.companions[index].entry
            guard entry.action != .create, entry.action != .delete,
                let record = work.state.companions[entry.kind]?[entry.name]
            else { continue }
            let place = places[entry.kind.key + "/" + entry.name]
            let live: APINode
            do {
                live = try aws.callJSON(entry.kind.readArguments(name: entry.name, id: record.id))
            } catch {
                if error.message.contains(entry.kind.noSuchError) {
                    // Deleted outside cfc: made again.
                    work.companions[index].entry.action = .create
                    work.companions[index].entry.id = nil
                    work.state.setCompanion(entry.kind, entry.name, nil)
                } else {
                    sink.emit(DriftMessages.awsFailed("\(entry.kind.noun) \(entry.name)", id: record.id, error, at: place))
                    fine = false
                }
                continue
            }
            let etag = Run.etag(of: live)
            work.companions[index].entry.etag = etag ?? record.etag
            guard let recorded = record.etag, let etag, recorded != etag else { continue }
            if request.overwriteDrift {
                work.companions[index].entry.action = .update
            } else {
                sink.emit(
                    Diagnostic(
                        id: "apply.drift", severity: .error,
                        summary:
                            "\(entry.kind.noun) \(entry.name) (\(record.id)) was changed outside cfc since cfc last applied it (ETag \(etag), not \(recorded)); nothing was applied",
                        hint: "bring the change into the config, or run cfc apply --overwrite-drift to replace it with the config",
                        range: place))
                fine = false
            }
        }
        return fine
    }
}
