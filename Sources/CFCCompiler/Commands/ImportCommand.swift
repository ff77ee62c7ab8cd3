import APIDocument
import CFCDiagnostics
import CFCSupport
import Checks
import DistributionIR
import DistributionLanguage
import YAMLSyntax

/// What `cfc import` does: read a live config (API JSON or XML) and write the idiomatic cfc
/// YAML for it, with every finding of the checks recorded as a baseline `ignore:` entry.
public enum ImportCommand {
    /// The outcome of an import.
    public struct Outcome: Sendable {
        /// The YAML, when the import succeeded.
        public var yaml: [UInt8]?
        /// The findings recorded as the baseline (reported on standard error too).
        public var baseline: [Diagnostic]
        /// Problems that stopped the import.
        public var diagnostics: [Diagnostic]
        /// The file read.
        public var sources: [SourceFile]
        /// The distribution's name and what the state file should record of it, when the
        /// input (or `--id`) says which CloudFront distribution it is.
        public var stateRecord: (name: String, record: StateFile.Record)? = nil
    }

    /// Imports the config in `path` and writes the YAML to the file `output` (atomically) or,
    /// without one, to standard output; the baseline is listed on standard error.
    ///
    /// When the input says which distribution it is (the `Id` of get-, create- or
    /// update-distribution output) or `id` says so, the state file records it: `statePath`, or
    /// `cfc-state.json` beside the output (with no output file, only an explicit `statePath`).
    public static func execute(
        _ path: String, name: String?, output: String?, id: String? = nil, statePath: String? = nil, options: CompileOptions
    ) -> CommandResult {
        let outcome = run(path, name: name, id: id, options: options)
        var result = CommandResult(diagnostics: outcome.diagnostics, sources: outcome.sources, exitStatus: .failure)
        guard let yaml = outcome.yaml else { return result }
        // The state is checked before anything is written, so a refusal leaves both files as
        // they were.
        var state: (path: String, file: StateFile)? = nil
        if let (recordName, record) = outcome.stateRecord, output != nil || statePath != nil {
            let path = StateFile.path(forConfigs: output.map { [$0] } ?? [], explicit: statePath)
            let sink = DiagnosticCollector()
            guard var file = StateFile.read(path, options: options, sink: sink) else {
                result.diagnostics += sink.diagnostics
                return result
            }
            if let known = file.distributions[recordName], known.id != record.id {
                result.diagnostics.append(ImportMessages.stateConflict(recordName, known: known.id, imported: record.id, state: path))
                return result
            }
            file.distributions[recordName] = record
            state = (path, file)
        }
        if !outcome.baseline.isEmpty {
            var text =
                "cfc import: recorded \(outcome.baseline.count) finding\(outcome.baseline.count == 1 ? "" : "s") as a baseline (ignore: entries):\n"
            for finding in outcome.baseline {
                text += "  \(finding.severity.rawValue): \(finding.summary) [\(finding.id.rawValue)] at \(finding.configPath ?? "")\n"
            }
            // An entry quiets check, never compile: say so now rather than at the first compile.
            let rejected = outcome.baseline.filter {
                $0.severity == .error && RuleRegistry.description(of: $0.id.rawValue)?.rejectedByAPI == true
            }
            if !rejected.isEmpty {
                text +=
                    "cfc import: \(rejected.count) of them CloudFront's API would reject; cfc compile and plan refuse the file until they are fixed\n"
            }
            result.standardError = Array(VisibleText.escapedLines(text).utf8)
        }
        if let output {
            do {
                try FileIO.writeAtomically(yaml, to: output)
                if let state { try state.file.write(to: state.path) }
            } catch {
                result.diagnostics.append(OutputWriting.writeFailure(error))
                return result
            }
        } else {
            result.standardOutput = yaml
        }
        result.exitStatus = .success
        return result
    }

    /// Imports the config in `path` as distribution `name` (by default, from the file name);
    /// `id` names the CloudFront distribution it belongs to, when the input does not.
    public static func run(_ path: String, name: String?, id: String? = nil, options: CompileOptions = CompileOptions()) -> Outcome {
        let sink = DiagnosticCollector()
        let distributionName = name ?? safeName(ConfigInput.stem(of: path))
        if let problem = DistributionNames.problem(with: distributionName) {
            sink.emit(ImportMessages.badName(distributionName, problem: problem))
            return Outcome(yaml: nil, baseline: [], diagnostics: sink.diagnostics, sources: [])
        }
        guard let input = ConfigInput.read(path, name: distributionName, options: options, sink: sink) else {
            return Outcome(yaml: nil, baseline: [], diagnostics: sink.diagnostics, sources: [])
        }
        guard input.kind != .yaml, let distribution = input.distributions.first else {
            sink.emit(ImportMessages.alreadyYAML(file: input.source.path))
            return Outcome(yaml: nil, baseline: [], diagnostics: sink.diagnostics, sources: [input.source])
        }
        let findings = Checker.check(distribution, locator: nil).filter { $0.severity != .note && !$0.isSuppressed }
        let yaml = render(distribution, findings: findings, source: path, etag: input.etags[distributionName])
        guard let original = input.apiConfig else {
            fatalError("ConfigInput read API \(input.kind) without keeping its DistributionConfig node")
        }
        let differences = verifyRoundTrip(
            yaml, original: original, kind: input.kind,
            options: options, sink: sink)
        let significant = differences.filter(\.isSignificant)
        guard significant.isEmpty else {
            sink.emit(ImportMessages.roundTripFailed(significant, file: path))
            return Outcome(yaml: nil, baseline: findings, diagnostics: sink.diagnostics, sources: [input.source])
        }
        let respelt = differences.filter { !$0.isSignificant }
        if !respelt.isEmpty { sink.emit(ImportMessages.emptyItemsRespelt(respelt, file: path)) }
        var outcome = Outcome(yaml: yaml, baseline: findings, diagnostics: sink.diagnostics, sources: [input.source])
        let identity = input.identities[distributionName] ?? DistributionIdentity()
        if let id, let carried = identity.id, carried != id {
            outcome.yaml = nil
            outcome.diagnostics.append(ImportMessages.idMismatch(given: id, carried: carried, file: path))
            return outcome
        }
        if let recordedID = id ?? identity.id {
            outcome.stateRecord = (
                distributionName,
                StateFile.Record(
                    id: recordedID, arn: identity.arn, domainName: identity.domainName,
                    callerReference: distribution.config.callerReference, etag: input.etags[distributionName],
                    configSHA256: StateFile.digest(of: distribution.config))
            )
        }
        return outcome
    }

    /// Checks the law compile(import(d)) == d on this import: compiles `yaml` into the input's
    /// format and compares the document with the input as written, member for member. Comparing
    /// with the input itself, not with cfc's own reading of it, is what makes the check worth
    /// having: a member the reader dropped or filled in, or one the emitter forces, shows up.
    ///
    /// - Returns: the differences, or one covering the whole document when the YAML does not
    ///   compile (its errors go to `sink`).
    static func verifyRoundTrip(
        _ yaml: [UInt8], original: APINode, kind: ConfigInput.Kind, options: CompileOptions, sink: any DiagnosticSink
    ) -> [APIDifference] {
        var compileOptions = options
        // Compiled into the input's own format, and read back by that format's reader.
        let format: OutputFormat = kind == .xml ? .xml : .json
        compileOptions.formats = [format]
        // The law holds for what was imported, even where the API would refuse it (a test
        // fixture, a hand-written file): its findings are the baseline the YAML records, and
        // `cfc compile` of the YAML still refuses such a document.
        compileOptions.baselinesAPIRejections = true
        let compiled = Pipeline().compile(source: SourceFile(path: "imported.yaml", bytes: yaml), options: compileOptions)
        let output = SourceFile(path: "imported.\(format.fileExtension)", bytes: compiled.documents.first?.bytes ?? [])
        let node: APINode?
        switch kind {
        case .json, .yaml: node = try? JSONReader.read(output)
        case .xml: node = (try? XMLReader.read(output))?.root
        }
        guard !compiled.hasErrors, let node else {
            for diagnostic in compiled.diagnostics where diagnostic.isError { sink.emit(diagnostic) }
            return [APIDifference(path: "DistributionConfig", kind: .missing, range: original.range)]
        }
        return APIComparison.differences(expected: original, actual: node, path: "DistributionConfig")
    }

    /// The YAML text: header comments, then the distribution with defaults left out and a
    /// baseline `ignore:` entry (with a comment naming the finding) for each finding.
    static func render(_ distribution: Distribution, findings: [Diagnostic], source: String, etag: String?) -> [UInt8] {
        var exported = StructureCodec<Distribution>().export(distribution, style: .idiomatic)
        var behaviorFindings: [Int: [Diagnostic]] = [:]
        var defaultFindings: [Diagnostic] = []
        var distributionFindings: [Diagnostic] = []
        let behaviorsPrefix = distribution.path.appending("cache-behaviors").description + "["
        let defaultPrefix = distribution.path.appending("default-cache-behavior").description
        for finding in findings {
            let path = finding.configPath ?? ""
            if path.hasPrefix(behaviorsPrefix), let end = path.dropFirst(behaviorsPrefix.count).firstIndex(of: "]"),
                let index = Int(path[path.index(path.startIndex, offsetBy: behaviorsPrefix.count)..<end])
            {
                behaviorFindings[index, default: []].append(finding)
            } else if path.hasPrefix(defaultPrefix) {
                defaultFindings.append(finding)
            } else {
                distributionFindings.append(finding)
            }
        }
        /// Adds an `ignore:` entry per rule, each after comments naming its findings.
        func withBaseline(_ value: YAMLValue, _ findings: [Diagnostic]) -> YAMLValue {
            guard !findings.isEmpty, case .mapping(var pairs) = value else { return value }
            var items: [YAMLValue] = []
            if let existing = pairs.first(where: { $0.key == "ignore" }), case .sequence(let old) = existing.value { items = old }
            var ids: [String] = []
            for finding in findings where !ids.contains(finding.id.rawValue) { ids.append(finding.id.rawValue) }
            for id in ids {
                for finding in findings where finding.id.rawValue == id { items.append(.comment("baseline: \(finding.summary)")) }
                if !items.contains(.string(id)) { items.append(.string(id)) }
            }
            pairs.removeAll { $0.key == "ignore" }
            pairs.append(YAMLPair("ignore", .sequence(items)))
            return .mapping(pairs)
        }
        if case .mapping(var pairs) = exported {
            for (index, pair) in pairs.enumerated() {
                if pair.key == "cache-behaviors", case .sequence(let behaviors) = pair.value {
                    pairs[index].value = .sequence(
                        behaviors.enumerated().map { withBaseline($0.element, behaviorFindings[$0.offset] ?? []) })
                } else if pair.key == "default-cache-behavior" {
                    pairs[index].value = withBaseline(pair.value, defaultFindings)
                }
            }
            exported = withBaseline(.mapping(pairs), distributionFindings)
        }
        let document = YAMLValue.mapping([
            YAMLPair("version", .integer(1)),
            YAMLPair("distributions", .mapping([YAMLPair(distribution.name, exported)])),
        ])
        var header = [
            "yaml-language-server: $schema=cfc.schema.json", "",
            "Imported by cfc import from \(source)" + (etag.map { " (ETag \($0))" } ?? "") + ".",
        ]
        if !findings.isEmpty {
            header.append("The live config breaks \(findings.count) cfc rule\(findings.count == 1 ? "" : "s"); each is recorded as an")
            header.append("ignore: entry (a baseline). Remove an entry to see its finding again.")
        }
        // A value without any key cannot fail to write; an emitter failure here is a bug.
        return (try? YAMLWriter.write(document, headerComments: header)) ?? []
    }

    /// `name` made into a valid distribution name (invalid characters become `-`).
    static func safeName(_ name: String) -> String {
        var result = String(
            name.unicodeScalars.map { scalar -> Character in
                let allowed =
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_" || scalar == "."
                return allowed ? Character(scalar) : "-"
            })
        if let first = result.unicodeScalars.first,
            !(("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first))
        {
            result = "d" + result
        }
        return result.isEmpty ? "imported" : String(result.prefix(128))
    }
}

/// Messages of `cfc import`, in alphabetical order.
enum ImportMessages {
    /// `import.state`: the state file already maps the name to another distribution.
    static func stateConflict(_ name: String, known: String, imported: String, state: String) -> Diagnostic {
        Diagnostic(
            id: "import.state", severity: .error,
            summary: "the state file already maps '\(name)' to distribution \(known), not \(imported); nothing was written",
            hint: "import under another --name, or remove '\(name)' from the state file if \(known) is gone", file: state)
    }

    /// `import.id`: `--id` names another distribution than the input carries.
    static func idMismatch(given: String, carried: String, file: String) -> Diagnostic {
        Diagnostic(
            id: "import.id", severity: .error,
            summary: "--id \(given) does not match the distribution id \(carried) in the input; nothing was written",
            hint: "leave out --id: the input says which distribution it is", file: file)
    }

    /// `import.kind`: the input is cfc YAML already.
    static func alreadyYAML(file: String) -> Diagnostic {
        Diagnostic(
            id: "import.kind", severity: .error, summary: "the file is already cfc YAML",
            hint: "import reads API JSON or XML; cfc fmt formats cfc YAML", file: file)
    }

    /// `import.name`: a name that cannot name a distribution.
    static func badName(_ name: String, problem: String) -> Diagnostic {
        Diagnostic(
            id: "import.name", severity: .error, summary: "'\(name)' cannot name a distribution: \(problem)",
            hint: "give a name with --name")
    }

    /// `import.empty_items`: empty lists whose `Items` the output spells differently from the
    /// input (an empty list against none), which CloudFront reads the same way.
    static func emptyItemsRespelt(_ differences: [APIDifference], file: String) -> Diagnostic {
        Diagnostic(
            id: "import.empty_items", severity: .warning,
            summary:
                "the imported YAML spells \(differences.count) empty list\(differences.count == 1 ? "" : "s") differently from the input (an empty 'Items' against no 'Items')",
            hint: "cfc sends an empty list as the API returns it; CloudFront reads an empty Items and no Items alike",
            file: file, notes: differences.map { DiagnosticNote($0.description, at: $0.range) })
    }

    /// `import.round_trip`: the imported YAML would compile to another DistributionConfig.
    static func roundTripFailed(_ differences: [APIDifference], file: String) -> Diagnostic {
        let shown = 20
        var notes = differences.prefix(shown).map { DiagnosticNote($0.description, at: $0.range) }
        if differences.count > shown { notes.append(DiagnosticNote("and \(differences.count - shown) more")) }
        return Diagnostic(
            id: "import.round_trip", severity: .error,
            summary: "the imported YAML would not compile back to the same DistributionConfig, so nothing was written",
            hint: "cfc cannot yet express these members as the input writes them; please report it with the input file",
            file: file, notes: notes)
    }
}
