import APIDocument
import YAMLSyntax

/// How one kind of value is written in cfc's YAML and in the CloudFront API.
///
/// A codec knows one direction per method: YAML → IR (`lower`), IR → API document (`emit`),
/// API JSON/XML → IR (`read`). The catalog pairs each IR member with a codec, so that the three
/// directions (and the reference docs) come from one table and cannot drift apart.
public protocol ValueCodec<Value>: Sendable {
    /// The IR type of the value.
    associatedtype Value: Hashable

    /// Lowers a YAML node. Returns nil after reporting why the node is not a valid value.
    func lower(_ node: YAMLNode, _ context: inout LoweringContext) -> Value?

    /// Appends the value to `document` as member `name` (or as a list item named `name`).
    func emit(_ value: Value, named name: MemberName, into document: inout APIDocument)

    /// The same for a value addressed where it lies (a list's items): a structure is emitted
    /// from there, not from a copy.
    func emit(at value: borrowing InPlace<Value>, named name: MemberName, into document: inout APIDocument)

    /// Reads the value from API JSON or XML. Returns nil after reporting why it cannot.
    func read(_ node: APINode, _ context: inout ReadingContext) -> Value?

    /// Writes the value as cfc YAML: `idiomatic` leaves out what equals the defaults (for
    /// `cfc import`), `complete` writes every member (for diffs).
    func export(_ value: Value, style: ExportStyle) -> YAMLValue

    /// What the value looks like in YAML, for the reference and the JSON Schema.
    var shape: ValueShape { get }
}

/// How much of a value `export` writes.
public struct ExportStyle: Sendable, Equatable {
    /// Whether members equal to cfc's defaults are left out.
    public var leavesOutDefaults: Bool
    /// Whether only what a deployed distribution can differ in is written: cfc's own keys
    /// (`Member.apiName` nil: never sent) and members CloudFront fixes when it creates the
    /// distribution (`Member.isFixedAfterCreate`) are left out, at every level.
    public var deployedOnly = false
    /// Whether values the service model marks sensitive (an origin's custom header values, such
    /// as a shared secret the origin checks) are written as `ExportStyle.sensitiveMarker`: for
    /// what people read (diffs, plans, drift), never for what is sent or written back.
    public var redactsSensitive = false

    /// What a redacted value reads as.
    public static let sensitiveMarker = "(sensitive value)"

    /// Only what differs from cfc's defaults, as a person would write it.
    public static let idiomatic = ExportStyle(leavesOutDefaults: true)
    /// Every member, defaults included.
    public static let complete = ExportStyle(leavesOutDefaults: false)

    /// This style, with sensitive values redacted.
    public var redacted: ExportStyle {
        var style = self
        style.redactsSensitive = true
        return style
    }

    /// This style, writing only what a deployed distribution can differ in.
    public var deployed: ExportStyle {
        var style = self
        style.deployedOnly = true
        return style
    }
}

extension ValueCodec {
    public func emit(at value: borrowing InPlace<Value>, named name: MemberName, into document: inout APIDocument) {
        emit(value.value, named: name, into: &document)
    }
}
