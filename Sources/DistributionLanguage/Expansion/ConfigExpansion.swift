import CFCDiagnostics
import CFCSupport
import YAMLSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an expansion is asked for.
public struct ExpansionOptions: Sendable {
    /// What to do where a `${env:NAME}` names a variable that is not set.
    public enum UnsetVariables: Sendable {
        /// An error: the commands that write or send documents.
        case error
        /// A note, and a placeholder in the value: `check` and `route`, which a pull request
        /// runs without the deploy job's secrets.
        case placeholder
    }

    /// The environment whose values to use (`--env`); nil when none was chosen.
    public var environment: String? = nil
    /// Where files the config names are read from; nil: the config's own directory.
    public var configDirectory: String? = nil
    /// The largest file read (an environment's values, a `${file:…}`).
    public var maxInputBytes = 64 << 20
    /// The parser's limits, for an environment's file.
    public var parseOptions = YAMLParseOptions()
    /// What an unset `${env:NAME}` is.
    public var unsetVariables = UnsetVariables.error
    /// Reads the process environment; tests give their own.
    public var environmentVariable: @Sendable (String) -> String? = { name in getenv(name).map { String(cString: $0) } }

    /// The defaults: no environment, unset variables are errors.
    public init() {}
}

/// A config with its parameters substituted: the document to lower, and what a diagnostic or
/// an output needs to know about the values that were substituted.
public struct ExpandedConfig: Sendable {
    /// The document to lower: the config without `parameters:` and `environments:`, every
    /// `${…}` replaced. The same document as was given when the file uses neither.
    public var document: YAMLDocument
    /// The environment the values are for.
    public var environment: String?
    /// Every value that must not be shown: those of parameters declared `sensitive`.
    public var sensitiveValues: [String]
    /// For each substituted node, keyed by where it is, where its value came from.
    var origins: [PlaceKey: ValueOrigin] = [:]
    /// Places that use a parameter whose value was refused (reported once, at the value):
    /// diagnostics at them would repeat that error.
    var refusedUses: Set<PlaceKey> = []

    /// Every file the config's values were read from, for rendering diagnostics.
    public var sources: [SourceFile] { document.sources }

    /// `diagnostics` as the user should see them: a finding at a substituted value gets a note
    /// at the value's definition, a finding at a use of a refused value is dropped (its error
    /// is already reported), and no sensitive value is shown in any message.
    public func annotate(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !origins.isEmpty || !refusedUses.isEmpty || !sensitiveValues.isEmpty else { return diagnostics }
        let redactor = SecretRedactor(sensitiveValues)
        return diagnostics.compactMap { diagnostic in
            var diagnostic = diagnostic
            if let range = diagnostic.range {
                let key = PlaceKey(range)
                if refusedUses.contains(key), !diagnostic.id.rawValue.hasPrefix("parameters.") { return nil }
                if let origin = origins[key] {
                    if !diagnostic.notes.contains(origin.note) { diagnostic.notes.append(origin.note) }
                    // An edit there would replace the `${name}`, not the value.
                    diagnostic.fixIts.removeAll { PlaceKey($0.range) == key }
                }
            }
            return redactor.redact(diagnostic)
        }
    }
}

/// A place in a file, as a diagnostic's range starts.
struct PlaceKey: Hashable, Sendable {
    var file: String
    var offset: Int

    init(_ range: SourceRange) {
        file = range.file
        offset = range.start.offset
    }
}

/// Parameters, environments and `${…}` references: the stage between parsing and lowering.
///
/// ```yaml
/// parameters:
///   domain: {type: string}
///   price-class: {type: string, default: PriceClass_100}
///   origin-secret: {type: string, sensitive: true, value: "${env:ORIGIN_SECRET}"}
/// environments:
///   staging: {domain: staging.example.com}
///   prod: environments/prod.yaml        # the values in a file of their own
/// ```
///
/// A scalar that is exactly one reference takes the parameter's type (`${ttl}` is an integer,
/// `${domains}` a list); a reference inside longer text is spliced in as text. `$${` writes a
/// literal `${`. Every node keeps the span it was written at (a substituted value the span of
/// its `${…}`), and `ExpandedConfig.annotate` adds a note at where the value was set, so a
/// finding about a value points at both places.
public enum ConfigExpansion {
    /// Whether a file's bytes may use parameters (they mention `${`, `parameters` or
    /// `environments`): a quick test that lets a file without any be read as it streams.
    public static func mayUseParameters(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            contains(buffer, "${") || contains(buffer, "parameters") || contains(buffer, "environments")
        }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        guard bytes.count >= needle.count else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0], UnsafeBufferPointer(rebasing: bytes[index..<index + needle.count]).elementsEqual(needle) {
                return true
            }
            index += 1
        }
        return false
    }

    /// The environments `document` declares, in file order (empty when it declares none).
    public static func declaredEnvironments(_ document: YAMLDocument) -> [String] {
        guard let node = document.root?.value(forKey: "environments"), node.kind == .mapping else { return [] }
        return node.pairs.compactMap { $0.key.kind == .scalar ? $0.key.text : nil }
    }

    /// Substitutes the parameters of `document` for `options.environment`. Problems go to
    /// `sink`; the result is still returned (with refused values left out) so that lowering
    /// reports everything else in the same run.
    public static func expand(_ document: YAMLDocument, options: ExpansionOptions, sink: any DiagnosticSink) -> ExpandedConfig {
        var expander = Expander(document: document, options: options, sink: sink)
        return expander.run()
    }
}

/// The work of one expansion.
private struct Expander {
    let document: YAMLDocument
    let options: ExpansionOptions
    let sink: any DiagnosticSink

    var declarations: [String: ParameterDeclaration] = [:]
    var declarationOrder: [String] = []
    var parametersKey: YAMLNode?
    var values: [String: ParameterValue] = [:]
    /// Parameters whose value was refused: their uses are left as written.
    var refused: Set<String> = []
    var uses: [String: [SourceRange]] = [:]
    var pendingValueErrors: [(parameter: String, diagnostic: Diagnostic)] = []
    var builder: YAMLTreeBuilder
    var rewritten: [Int32: YAMLTreeBuilder.Node] = [:]
    var result: ExpandedConfig
    var reportedVariables: Set<String> = []
    /// Bytes of values substituted so far, against `byteBudget`.
    var substitutedBytes = 0
    var budgetReported = false
    /// The file declares environments and none was chosen (reported once): a parameter without
    /// a default has no value, and saying so for each would repeat that error.
    var environmentUnchosen = false

    init(document: YAMLDocument, options: ExpansionOptions, sink: any DiagnosticSink) {
        self.document = document
        self.options = options
        self.sink = sink
        self.builder = YAMLTreeBuilder(source: document.source)
        self.result = ExpandedConfig(document: document, environment: options.environment, sensitiveValues: [])
    }

    /// Substitution may make a config at most this much larger than the largest input: a short
    /// file that uses a long value many times cannot buy unbounded memory.
    var byteBudget: Int { max(1 << 20, options.maxInputBytes) * 4 }

    var configDirectory: String {
        options.configDirectory
            ?? FileIO.directoryName(document.source.path == "<stdin>" ? FileIO.standardInputPath : document.source.path)
    }

    mutating func run() -> ExpandedConfig {
        guard let root = document.root, root.kind == .mapping else { return result }
        var parametersNode: YAMLNode?
        var environmentsNode: YAMLNode?
        var environmentsKey: YAMLNode?
        for (key, value) in root.pairs where key.kind == .scalar {
            if key.text == "parameters" {
                parametersKey = key
                parametersNode = value
            } else if key.text == "environments" {
                environmentsKey = key
                environmentsNode = value
            }
        }
        let mayReference = document.scalarsContain(Array("${".utf8))
        if parametersNode == nil, environmentsNode == nil, !mayReference {
            if let environment = options.environment {
                sink.emit(ExpansionMessages.noEnvironments(environment, file: document.source))
            }
            return result
        }
        if let parametersNode { declare(parametersNode) }
        let selected = selectEnvironment(environmentsNode, key: environmentsKey)
        resolveValues(selected)
        var pairs: [(key: YAMLTreeBuilder.Node, value: YAMLTreeBuilder.Node)] = []
        for (key, value) in root.pairs {
            if key.kind == .scalar, key.text == "parameters" || key.text == "environments" { continue }
            pairs.append((builder.copy(key), rewrite(value)))
        }
        let built = builder.mapping(pairs, at: root)
        result.document = builder.finish(root: built, firstAliasUse: document.firstAliasUse)
        reportValueErrors()
        reportUnused()
        result.sensitiveValues = values.values.filter(\.isSensitive).flatMap(\.texts).filter { !$0.isEmpty }.sorted()
        return result
    }

    // MARK: - Declarations

    mutating func declare(_ node: YAMLNode) {
        if node.kind == .scalar && node.isNull { return }
        guard node.kind == .mapping else {
            sink.emit(ExpansionMessages.notMapping("parameters", expected: "a mapping from name to declaration", node))
            return
        }
        for (key, value) in node.pairs {
            guard key.kind == .scalar else { continue }
            let name = key.text
            if let problem = ParameterNames.problem(with: name) {
                sink.emit(ExpansionMessages.badName(name, noun: "parameter", reason: problem, at: key))
                continue
            }
            var declaration = ParameterDeclaration(name: name, key: key)
            if value.kind == .scalar, !value.isNull {
                // `domain: string`, the short form of `domain: {type: string}`.
                guard let type = ParameterType(rawValue: value.text) else {
                    sink.emit(ExpansionMessages.badType(value.text, at: value))
                    continue
                }
                declaration.type = type
            } else if value.kind == .mapping {
                guard fillDeclaration(&declaration, from: value) else { continue }
            } else if !(value.kind == .scalar && value.isNull) {
                sink.emit(ExpansionMessages.notMapping(name, expected: "a declaration such as {type: string}", value))
                continue
            }
            declarations[name] = declaration
            declarationOrder.append(name)
        }
    }

    /// Reads `{type:, default:, value:, sensitive:, description:}`; false when the declaration
    /// is unusable.
    func fillDeclaration(_ declaration: inout ParameterDeclaration, from node: YAMLNode) -> Bool {
        var usable = true
        for (key, value) in node.pairs where key.kind == .scalar {
            switch key.text {
            case "type":
                guard let type = ParameterType(rawValue: value.text), value.kind == .scalar else {
                    sink.emit(ExpansionMessages.badType(value.text, at: value))
                    usable = false
                    continue
                }
                declaration.type = type
            case "default": declaration.defaultValue = value
            case "value": declaration.fixedValue = value
            case "sensitive":
                guard value.resolvedType == .boolean, let flag = CoreSchema.parseBoolean(value.text) else {
                    sink.emit(ExpansionMessages.notBoolean("sensitive", value))
                    continue
                }
                declaration.isSensitive = flag
            case "description":
                declaration.description = value.text
            default:
                sink.emit(ExpansionMessages.unknownDeclarationKey(key.text, at: key))
            }
        }
        if let defaultValue = declaration.defaultValue, let fixedValue = declaration.fixedValue {
            sink.emit(ExpansionMessages.defaultAndValue(declaration.name, defaultValue: defaultValue, fixedValue: fixedValue))
            usable = false
        }
        return usable
    }

    // MARK: - Environments

    /// The chosen environment's values (a mapping node) and the node its name is at; nil when
    /// there is no usable one.
    mutating func selectEnvironment(_ node: YAMLNode?, key: YAMLNode?) -> (name: String, values: YAMLNode, at: YAMLNode)? {
        guard let node, let key, !(node.kind == .scalar && node.isNull) else {
            if let environment = options.environment {
                sink.emit(ExpansionMessages.noEnvironments(environment, file: document.source))
            }
            return nil
        }
        guard node.kind == .mapping else {
            sink.emit(ExpansionMessages.notMapping("environments", expected: "a mapping from name to values", node))
            return nil
        }
        var names: [String] = []
        for (nameNode, _) in node.pairs where nameNode.kind == .scalar {
            if let problem = ParameterNames.problem(with: nameNode.text) {
                sink.emit(ExpansionMessages.badName(nameNode.text, noun: "environment", reason: problem, at: nameNode))
            }
            names.append(nameNode.text)
        }
        guard let wanted = options.environment else {
            if !names.isEmpty {
                sink.emit(ExpansionMessages.environmentRequired(names, at: key))
                environmentUnchosen = true
            }
            return nil
        }
        guard let pair = node.pairs.first(where: { $0.key.kind == .scalar && $0.key.text == wanted }) else {
            sink.emit(ExpansionMessages.unknownEnvironment(wanted, declared: names, at: key))
            return nil
        }
        var values = pair.value
        if values.kind == .scalar, !values.isNull, values.resolvedType == .string {
            guard let read = readEnvironmentFile(values) else { return nil }
            values = read
        }
        if values.kind == .scalar && values.isNull { return (wanted, values, pair.key) }
        guard values.kind == .mapping else {
            sink.emit(
                ExpansionMessages.notMapping(
                    wanted, expected: "a mapping from parameter to value, or the path of a file that holds one", values))
            return nil
        }
        return (wanted, values, pair.key)
    }

    /// Parses the file an environment names (relative to the config, never through a link).
    mutating func readEnvironmentFile(_ pathNode: YAMLNode) -> YAMLNode? {
        let relative = pathNode.text
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readBeneath(configDirectory, relative, maxBytes: options.maxInputBytes)
        } catch {
            sink.emit(ExpansionMessages.unreadableFile(relative, reason: error.reason, at: pathNode))
            return nil
        }
        let path = configDirectory == "." ? relative : "\(configDirectory)/\(relative)"
        let file = SourceFile(path: path, bytes: bytes)
        builder.addSource(file)
        guard let parsed = YAMLParser.parse(file, options: options.parseOptions, sink: sink) else { return nil }
        guard let root = parsed.root else {
            return nil
        }
        return root
    }

    // MARK: - Values

    mutating func resolveValues(_ environment: (name: String, values: YAMLNode, at: YAMLNode)?) {
        var given: [String: YAMLNode] = [:]
        if let environment, environment.values.kind == .mapping {
            for (key, value) in environment.values.pairs where key.kind == .scalar {
                guard let declaration = declarations[key.text] else {
                    sink.emit(
                        ExpansionMessages.unknownParameter(
                            key.text, declared: declarationOrder, at: key.range, parametersKey: parametersKey, inEnvironment: true))
                    continue
                }
                if let fixed = declaration.fixedValue {
                    sink.emit(ExpansionMessages.setsFixedValue(key.text, environment: environment.name, at: key, fixed: fixed))
                    continue
                }
                given[key.text] = value
            }
        }
        for name in declarationOrder {
            guard let declaration = declarations[name] else { continue }
            if let node = given[name] {
                resolve(node, for: declaration, environment: environment?.name)
            } else if let node = declaration.fixedValue ?? declaration.defaultValue {
                resolve(node, for: declaration, environment: nil)
            } else if environmentUnchosen {
                refused.insert(name)
            } else {
                refused.insert(name)
                pendingValueErrors.append(
                    (
                        name,
                        ExpansionMessages.missingValue(
                            name, environment: environment.map { ($0.name, $0.at) }, declaration: declaration.key)
                    )
                )
            }
        }
    }

    /// Resolves the value `node` gives `declaration`, or records why it cannot.
    mutating func resolve(_ node: YAMLNode, for declaration: ParameterDeclaration, environment: String?) {
        func refuse(_ diagnostic: Diagnostic) {
            refused.insert(declaration.name)
            pendingValueErrors.append((declaration.name, diagnostic))
        }
        if declaration.type == .list {
            guard node.kind == .sequence else {
                return refuse(ExpansionMessages.wrongValueType(declaration, environment: environment, found: node))
            }
            var items: [(text: String, type: ResolvedType, definition: YAMLNode)] = []
            for item in node.items {
                guard item.kind == .scalar, !item.isNull else {
                    return refuse(ExpansionMessages.listItemNotScalar(declaration, environment: environment, item: item))
                }
                guard let interpolated = interpolateValue(item, declaration: declaration) else {
                    refused.insert(declaration.name)
                    return
                }
                items.append((interpolated.text, interpolated.fromReference ? .string : item.resolvedType, item))
            }
            values[declaration.name] = ParameterValue(
                content: .list(items), definition: node, environment: environment, isSensitive: declaration.isSensitive)
            return
        }
        guard node.kind == .scalar, !node.isNull else {
            return refuse(ExpansionMessages.wrongValueType(declaration, environment: environment, found: node))
        }
        guard let (text, fromReference) = interpolateValue(node, declaration: declaration) else {
            refused.insert(declaration.name)
            return
        }
        let content: ParameterValue.Content
        switch declaration.type {
        case .string:
            guard fromReference || node.resolvedType == .string else {
                return refuse(ExpansionMessages.wrongValueType(declaration, environment: environment, found: node))
            }
            content = .scalar(text: text, type: .string)
        case .integer:
            guard fromReference || node.resolvedType == .integer, let number = CoreSchema.parseInteger(text) else {
                return refuse(ExpansionMessages.wrongValueType(declaration, environment: environment, found: node, text: text))
            }
            content = .scalar(text: String(number), type: .integer)
        case .boolean:
            guard fromReference || node.resolvedType == .boolean, let flag = CoreSchema.parseBoolean(text) else {
                return refuse(ExpansionMessages.wrongValueType(declaration, environment: environment, found: node, text: text))
            }
            content = .scalar(text: flag ? "true" : "false", type: .boolean)
        case .list:
            return
        }
        values[declaration.name] = ParameterValue(
            content: content, definition: node, environment: environment, isSensitive: declaration.isSensitive)
    }

    /// A value's text with its `${env:…}` and `${file:…}` read, and whether it had any; nil
    /// after reporting a problem.
    mutating func interpolateValue(_ node: YAMLNode, declaration: ParameterDeclaration) -> (text: String, fromReference: Bool)? {
        let text = node.text
        guard Interpolation.mayInterpolate(text) else { return (text, false) }
        switch Interpolation.segments(text) {
        case .failure(let problem):
            sink.emit(ExpansionMessages.badReference(problem, at: node))
            return nil
        case .success(let segments):
            var out = ""
            var fromReference = false
            for segment in segments {
                switch segment {
                case .literal(let literal): out += literal
                case .reference(.parameter(let name)):
                    sink.emit(
                        ExpansionMessages.parameterInValue(name, of: declaration.name, at: referenceRange(.parameter(name), in: node)))
                    return nil
                case .reference(let reference):
                    fromReference = true
                    guard let value = external(reference, at: node, type: declaration.type) else { return nil }
                    out += value
                }
            }
            return (out, fromReference)
        }
    }

    /// The value of `${env:…}` or `${file:…}`, or nil after reporting why there is none.
    mutating func external(_ reference: Reference, at node: YAMLNode, type: ParameterType) -> String? {
        switch reference {
        case .environmentVariable(let name):
            if let value = options.environmentVariable(name) { return value }
            let range = referenceRange(reference, in: node)
            switch options.unsetVariables {
            case .error:
                sink.emit(ExpansionMessages.unsetVariable(name, at: range, severity: .error))
                return nil
            case .placeholder:
                if reportedVariables.insert(name).inserted {
                    sink.emit(ExpansionMessages.unsetVariable(name, at: range, severity: .note))
                }
                switch type {
                case .integer: return "0"
                case .boolean: return "false"
                case .string, .list: return "unset-\(name)"
                }
            }
        case .file(let path):
            do {
                let bytes = try FileIO.readBeneath(configDirectory, path, maxBytes: options.maxInputBytes)
                guard var text = String(validating: bytes, as: UTF8.self) else {
                    sink.emit(ExpansionMessages.unreadableFile(path, reason: "is not UTF-8 text", at: node))
                    return nil
                }
                // A file written by an editor or `echo` ends in a line break that is not part
                // of the secret.
                if text.hasSuffix("\r\n") {
                    text.removeLast(2)
                } else if text.hasSuffix("\n") {
                    text.removeLast()
                }
                return text
            } catch {
                sink.emit(ExpansionMessages.unreadableFile(path, reason: error.reason, at: node))
                return nil
            }
        case .parameter:
            return nil
        }
    }

    /// Where `reference` is written inside `node`: found in the node's source text when it is
    /// there as written (a plain or quoted scalar without escapes), else the whole node.
    func referenceRange(_ reference: Reference, in node: YAMLNode) -> SourceRange {
        let range = node.range
        let source = node.sourceFile
        let wanted = Array(reference.spelling.utf8)
        let bytes = source.bytes
        let end = min(range.end.offset, bytes.count)
        var offset = range.start.offset
        while offset + wanted.count <= end {
            if bytes[offset] == wanted[0], Array(bytes[offset..<offset + wanted.count]) == wanted {
                return SourceRange(
                    file: range.file, start: source.position(atByteOffset: offset),
                    end: source.position(atByteOffset: offset + wanted.count))
            }
            offset += 1
        }
        return range
    }

    // MARK: - Substitution

    /// `node` with every reference in its scalars replaced (mapping keys are left as written).
    mutating func rewrite(_ node: YAMLNode) -> YAMLTreeBuilder.Node {
        if let done = rewritten[node.index] { return done }
        let built: YAMLTreeBuilder.Node
        switch node.kind {
        case .scalar:
            built = Interpolation.mayInterpolate(node.text) ? substitute(node) : builder.copy(node)
        case .sequence:
            built = builder.sequence(node.items.map { rewrite($0) }, at: node)
        case .mapping:
            built = builder.mapping(node.pairs.map { (builder.copy($0.key), rewrite($0.value)) }, at: node)
        }
        rewritten[node.index] = built
        return built
    }

    /// A scalar with references, substituted.
    mutating func substitute(_ node: YAMLNode) -> YAMLTreeBuilder.Node {
        let segments: [InterpolationSegment]
        switch Interpolation.segments(node.text) {
        case .failure(let problem):
            sink.emit(ExpansionMessages.badReference(problem, at: node))
            return builder.copy(node)
        case .success(let cut):
            segments = cut
        }
        // Exactly one parameter: the value keeps its type.
        if segments.count == 1, case .reference(.parameter(let name)) = segments[0] {
            guard let value = use(name, at: node) else { return builder.copy(node) }
            record(node.range, name, value, value.definition)
            switch value.content {
            case .scalar(let text, let type):
                charge(text.utf8.count)
                return builder.scalar(text, type: type, at: node)
            case .list(let items):
                charge(items.reduce(0) { $0 + $1.text.utf8.count })
                let built = items.map { builder.scalar($0.text, type: $0.type, at: node) }
                return builder.sequence(built, at: node)
            }
        }
        var text = ""
        for segment in segments {
            switch segment {
            case .literal(let literal): text += literal
            case .reference(.parameter(let name)):
                guard let value = use(name, at: node) else { return builder.copy(node) }
                guard let piece = value.text else {
                    sink.emit(ExpansionMessages.listInText(name, at: referenceRange(.parameter(name), in: node)))
                    return builder.copy(node)
                }
                record(node.range, name, value, value.definition)
                text += piece
            case .reference(let reference):
                guard let piece = external(reference, at: node, type: .string) else { return builder.copy(node) }
                text += piece
            }
        }
        charge(text.utf8.count)
        return builder.scalar(text, type: .string, at: node)
    }

    /// The value of parameter `name` used at `node`, or nil (reported) when it has none.
    mutating func use(_ name: String, at node: YAMLNode) -> ParameterValue? {
        let range = referenceRange(.parameter(name), in: node)
        guard declarations[name] != nil else {
            sink.emit(
                ExpansionMessages.unknownParameter(
                    name, declared: declarationOrder, at: range, parametersKey: parametersKey, inEnvironment: false))
            result.refusedUses.insert(PlaceKey(node.range))
            return nil
        }
        uses[name, default: []].append(range)
        guard let value = values[name], !refused.contains(name) else {
            result.refusedUses.insert(PlaceKey(node.range))
            return nil
        }
        return value
    }

    mutating func record(_ use: SourceRange, _ name: String, _ value: ParameterValue, _ definition: YAMLNode) {
        result.origins[PlaceKey(use)] = ValueOrigin(parameter: name, environment: value.environment, definition: definition.range)
    }

    mutating func charge(_ bytes: Int) {
        substitutedBytes += bytes
        if substitutedBytes > byteBudget, !budgetReported {
            budgetReported = true
            sink.emit(ExpansionMessages.tooLarge(limit: byteBudget, file: document.source))
        }
    }

    // MARK: - Reporting

    /// The errors about values, each with notes at (the first few of) the places that use it.
    func reportValueErrors() {
        for (parameter, diagnostic) in pendingValueErrors {
            var diagnostic = diagnostic
            for use in (uses[parameter] ?? []).prefix(3) {
                diagnostic.notes.append(DiagnosticNote("'${\(parameter)}' is used here", at: use))
            }
            sink.emit(diagnostic)
        }
    }

    func reportUnused() {
        for name in declarationOrder where uses[name] == nil {
            guard let declaration = declarations[name] else { continue }
            sink.emit(ExpansionMessages.unused(name, at: declaration.key))
        }
    }
}
