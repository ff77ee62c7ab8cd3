import APIDocument
import CFCSupport
import DistributionIR
import YAMLSyntax

/// A structure: a YAML mapping whose keys are its catalog's keys, an API structure whose
/// members are its catalog's API names.
public struct StructureCodec<Structure: CatalogStructure>: ValueCodec {
    /// Keys this use of the structure does not take (the default cache behavior has no
    /// `path-pattern`).
    public let excludedKeys: Set<String>

    /// Creates a codec that accepts every key of the structure's catalog but `excludedKeys`.
    public init(excluding excludedKeys: Set<String> = []) {
        self.excludedKeys = excludedKeys
    }

    public var shape: ValueShape { .structure(Structure.describe(excluding: excludedKeys)) }

    /// The structure's keys that differ from what lowering would assume without them: a
    /// member is left out when resetting it to its default (and re-applying the defaults that
    /// depend on other members) gives the same value. Required keys are always written.
    public func export(_ value: Structure, style: ExportStyle) -> YAMLValue {
        var pairs: [YAMLPair] = []
        for member in Structure.catalog.members {
            guard let key = member.key, !excludedKeys.contains(key) else { continue }
            if style.deployedOnly && (member.apiName == nil || member.isFixedAfterCreate) { continue }
            if style.leavesOutDefaults && !member.isRequired {
                var reset = value
                member.reset(&reset, blank: Structure.blank)
                Structure.applyContextualDefaults(&reset)
                if reset == value { continue }
            }
            if let exported = member.export(value, style: style) { pairs.append(YAMLPair(key, exported)) }
        }
        return .mapping(pairs)
    }

    public func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> Structure? {
        let catalog = Structure.catalog
        guard node.kind == .mapping else {
            context.emit(LanguageMessages.wrongType(expected: "a mapping (\(catalog.noun))", found: node, context))
            return nil
        }
        var value = Structure.blank
        var seen = [Bool](repeating: false, count: catalog.members.count)
        var unknownKeys: [String] = []
        for (key, valueNode) in node.pairs {
            guard key.kind == .scalar else {
                context.emit(LanguageMessages.nonScalarKey(key, context))
                continue
            }
            // The key is matched on its bytes, and the path takes the catalog's own string: no
            // `String` is made of a key that is known.
            guard let index = catalog.position(ofKey: key), let keyText = catalog.members[index].key,
                excludedKeys.isEmpty || !excludedKeys.contains(keyText)
            else {
                let keyText = key.text
                unknownKeys.append(keyText)
                let candidates = context.suggestions.spend() ? catalog.keys.filter { !excludedKeys.contains($0) } : []
                context.emit(
                    LanguageMessages.unknownKey(
                        keyText, in: catalog.noun, candidates: candidates,
                        excluded: excludedKeys.contains(keyText), at: key, context))
                continue
            }
            seen[index] = true
            context.within(.key(keyText), key: key) { catalog.members[index].lower(into: &value, from: valueNode, &$0) }
        }
        // Defaults that depend on other members go only to keys that are not written: a key
        // written `null` leaves its member out.
        for (index, member) in catalog.members.enumerated() where !seen[index] {
            member.fillDefault?(&value)
        }
        for (index, member) in catalog.members.enumerated() where member.isRequired && !seen[index] {
            guard let key = member.key, !excludedKeys.contains(key) else { continue }
            // One typo, one error: a misspelt required key is reported as unknown (with "did you
            // mean"), not also as missing.
            if unknownKeys.contains(where: { Suggestions.closest(to: $0, in: [key]) != nil }) { continue }
            context.emit(LanguageMessages.missingKey(key, in: catalog.noun, at: context.keyNode ?? node, context))
        }
        Structure.validate(value, node: node, &context)
        Structure.applyContextualDefaults(&value)
        return value
    }

    public func emit(_ value: Structure, named name: MemberName, into document: inout APIDocument) {
        document.beginStructure(name)
        emitMembers(value, into: &document)
        document.end()
    }

    public func emit(at value: borrowing InPlace<Structure>, named name: MemberName, into document: inout APIDocument) {
        document.beginStructure(name)
        emitMembers(at: value, into: &document)
        document.end()
    }

    /// Emits the members without the enclosing structure (for a document's root).
    public func emitMembers(_ value: Structure, into document: inout APIDocument) {
        // The structure is addressed once, and every member reads its field from there.
        withUnsafePointer(to: value) { emitMembers(at: InPlace($0), into: &document) }
    }

    func emitMembers(at root: borrowing InPlace<Structure>, into document: inout APIDocument) {
        // Members are used in place, not copied: copying one retains its six closures, and
        // every emitting thread would contend on those same reference counts.
        let excluded = excludedKeys
        Structure.catalog.members.withUnsafeBufferPointer { members in
            guard let first = members.baseAddress else { return }
            for index in members.indices {
                // `pointee` is addressed, not returned: the member is borrowed where it lies.
                let member = first + index
                if !excluded.isEmpty, let key = member.pointee.key, excluded.contains(key) { continue }
                member.pointee.emit(at: root, into: &document)
            }
        }
    }

    public func read(_ node: APINode, _ context: inout ReadingContext) -> Structure? {
        let catalog = Structure.catalog
        var node = node
        if case .string(let text) = node.value, text.trimmingXMLWhitespace().isEmpty {
            // An empty XML element: a structure with no members, read like `{}` so that members
            // cfc sends by default are read as not sent.
            node = APINode(.object([]), range: node.range)
        }
        guard case .object(let members) = node.value else {
            context.emit(LanguageMessages.apiWrongType(expected: "an object (\(catalog.noun))", node, context))
            return nil
        }
        for member in members where !catalog.apiNames.contains(member.name) {
            context.emit(
                LanguageMessages.apiUnknownMember(
                    member.name, in: catalog.noun,
                    candidates: catalog.apiNames.sorted(), member.node, context))
        }
        var value = Structure.blank
        for member in catalog.members {
            member.read(into: &value, from: node, &context)
        }
        Structure.applyContextualDefaults(&value)
        return value
    }
}

extension CatalogStructure {
    /// The structure's keys as the reference and the schema show them.
    public static func describe(excluding excludedKeys: Set<String> = []) -> StructureShape {
        let blankValue = blank
        return StructureShape(
            typeName: String(describing: Self.self), noun: catalog.noun,
            members: catalog.members.compactMap { member in
                guard let key = member.key, !excludedKeys.contains(key) else { return nil }
                return MemberShape(
                    key: key, apiName: member.apiName, summary: member.summary, isRequired: member.isRequired,
                    acceptsNull: member.acceptsNull, shape: member.shape(),
                    defaultValue: member.isRequired || member.defaultDescription != nil
                        ? nil : member.defaultText ?? member.export(blankValue, style: .idiomatic)?.flowText,
                    defaultDescription: member.isRequired ? nil : member.defaultDescription)
            })
    }
}
