import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import DistributionLanguage
import Planning

/// What becomes of the companion resources of a set of configs, decided the same way by
/// `plan` and `apply`: a declared companion the state file does not list is created, one whose
/// document is not the one last applied is updated, and one the state lists that no config
/// declares any more is deleted, after the distributions that named it no longer do.
///
/// The state's `config-sha256` is what "last applied" means: cfc reads no live policy to plan,
/// as a distribution is planned against the state's record too when it is not refreshed.
enum CompanionPlanning {
    /// One companion's plan, with the document it sends.
    struct Item {
        var entry: Plan.CompanionEntry
        /// The companion, for a create or update.
        var companion: Companion?
        /// Its config document as JSON (nil for a delete).
        var configJSON: [UInt8]?
        /// A function's code, sent beside its config.
        var code: [UInt8]? = nil
        /// Where it is in a saved plan's plan.json.
        var place: SourceRange? = nil
    }

    /// The plan for `companions` (every one declared by the configs) against `state`.
    /// Creates and updates come by kind, in declaration order; deletes by kind, then name.
    static func plan(_ companions: [Companion], state: StateFile) -> [Item] {
        var items: [Item] = []
        for kind in CompanionKind.allCases {
            for companion in companions where companion.kind == kind {
                let json = DocumentFormat.json.print(emitCompanion(companion))
                let code = companion.code
                let digest = Self.digest(json: json, code: code)
                let record = state.companions[kind]?[companion.name]
                let action: Plan.CompanionEntry.Action = record == nil ? .create : (record?.configSHA256 == digest ? .unchanged : .update)
                var entry = Plan.CompanionEntry(
                    kind: kind, name: companion.name, action: action, id: record?.id,
                    etag: record?.etag, documentSHA256: digest)
                entry.knownAfterApply = companion.companionReferences.filter { $0.id == nil }
                if case .keyValueStore(let config) = companion { entry.comment = config.comment }
                items.append(Item(entry: entry, companion: companion, configJSON: json, code: code))
            }
        }
        let declared = Set(companions.map { "\($0.kind.key)/\($0.name)" })
        // Deleted in the reverse order of creation: a function before the store it reads.
        for kind in CompanionKind.allCases.reversed() {
            for (name, record) in (state.companions[kind] ?? [:]).sorted(by: { $0.key < $1.key })
            where !declared.contains("\(kind.key)/\(name)") {
                items.append(
                    Item(
                        entry: Plan.CompanionEntry(
                            kind: kind, name: name, action: .delete, id: record.id, etag: record.etag,
                            documentSHA256: nil),
                        companion: nil, configJSON: nil))
            }
        }
        return items
    }

    /// What "the document last applied" is for a companion: its config's JSON, and a
    /// function's code after it.
    static func digest(json: [UInt8], code: [UInt8]?) -> String {
        SHA256.hex(code.map { json + $0 } ?? json)
    }

    /// The companions' documents in every format, as `plan --output` writes them beside the
    /// distributions' (`static.cache-policy.json`).
    static func documents(_ items: [Item]) -> [EmittedDocument] {
        var documents: [EmittedDocument] = []
        for item in items {
            guard let companion = item.companion, let json = item.configJSON else { continue }
            let document = emitCompanion(companion)
            for format in DocumentFormat.all {
                documents.append(
                    EmittedDocument(
                        logicalPath: companion.kind.logicalPath(forName: companion.name, fileExtension: format.fileExtension),
                        mediaType: format.mediaType, distributionName: companion.name,
                        bytes: format == .json ? json : format.print(document)))
            }
            if let code = item.code {
                documents.append(
                    EmittedDocument(
                        logicalPath: companion.kind.codePath(forName: companion.name),
                        mediaType: "text/javascript", distributionName: companion.name, bytes: code,
                        isPrivate: true))
            }
        }
        return documents
    }
}
