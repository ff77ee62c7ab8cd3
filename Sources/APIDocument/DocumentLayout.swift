import CFCSupport

/// One way of writing an API document as bytes: the JSON the AWS CLI takes (`JSONLayout`), the
/// REST API's XML (`XMLLayout`). A layout receives the document's steps in order and appends
/// to its own buffer; it never sees the IR.
///
/// A new document format is one conforming type and one `DocumentFormat` value that names it
/// (its file extension and media type), listed in `DocumentFormat.all`, plus its golden tests:
/// `compile --format NAME`, the streamed and the in-memory compile, `plan`'s files and the
/// printers all reach it through `DocumentFormat`.
///
/// Member names arrive as unretained references to interned, never-freed `MemberName`s
/// (documents are printed on several threads, and retaining shared names per step made the
/// threads contend on their reference counts).
public protocol DocumentLayout: ~Copyable {
    /// A layout with room for about `capacity` bytes before its buffer grows.
    init(capacity: Int)
    /// Starts the document.
    mutating func begin(rootName: String, namespace: String)
    /// Opens a structure member (or a structure list item, named by the list's item name).
    mutating func beginStructure(_ name: Unmanaged<MemberName>)
    /// Opens a list member whose items are named `itemName`.
    mutating func beginList(_ name: Unmanaged<MemberName>, itemName: Unmanaged<MemberName>)
    /// Closes the innermost open structure or list.
    mutating func end()
    /// A string member, as UTF-8 (representable in XML 1.0: the emitter checked).
    mutating func string(_ name: Unmanaged<MemberName>, _ bytes: UnsafeBufferPointer<UInt8>)
    /// An integer member.
    mutating func integer(_ name: Unmanaged<MemberName>, _ value: Int64)
    /// A boolean member.
    mutating func boolean(_ name: Unmanaged<MemberName>, _ value: Bool)
    /// A decimal number member (the API's `double` and `float`), as its canonical digits.
    mutating func decimal(_ name: Unmanaged<MemberName>, _ digits: UnsafeBufferPointer<UInt8>)
    /// Ends the document.
    mutating func finish(rootName: String)
    /// Calls `body` with the bytes written so far.
    func withBytes<Result, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result
}

/// A document format cfc writes: a name (what `--format` takes), a file extension, a media
/// type, and the layout that writes it.
public struct DocumentFormat: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The name, such as `json`; also the file extension.
    public let name: String
    /// The media type of a document in this format.
    public let mediaType: String
    /// Makes an empty printing slot for this format's layout.
    let makeSlot: @Sendable (_ capacity: Int) -> LayoutSlot

    /// A format written by `Layout`.
    public init<Layout: DocumentLayout & ~Copyable>(name: String, mediaType: String, layout: Layout.Type) {
        self.name = name
        self.mediaType = mediaType
        makeSlot = { capacity in LayoutBox<Layout>(capacity: capacity) }
    }

    /// What `aws cloudfront create-distribution --distribution-config file://…` takes.
    public static let json = DocumentFormat(name: "json", mediaType: "application/json", layout: JSONLayout.self)
    /// The REST API's XML body.
    public static let xml = DocumentFormat(name: "xml", mediaType: "application/xml", layout: XMLLayout.self)

    /// Every format, in the order documents of several formats are listed.
    public static let all: [DocumentFormat] = [.json, .xml]

    /// The format called `name`, if there is one.
    public static func named(_ name: String) -> DocumentFormat? { all.first { $0.name == name } }

    /// The file extension.
    public var fileExtension: String { name }

    /// `document`'s bytes in this format.
    public func print(_ document: APIDocument) -> [UInt8] {
        let printer = StreamPrinter(formats: [self], capacity: document.stepCount * 40 + document.stringBytes.count)
        document.replay(into: printer)
        return printer.withBytes(of: self) { Array($0) }
    }

    public var description: String { name }
    public static func == (lhs: DocumentFormat, rhs: DocumentFormat) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public static func < (lhs: DocumentFormat, rhs: DocumentFormat) -> Bool { lhs.name < rhs.name }
}

/// A layout behind a class, so that a printer can hold several of any types: the base class's
/// methods are overridden by `LayoutBox<Layout>`, whose state sits behind a pointer (a class's
/// stored properties are checked for exclusive access on every use, which for a layout writing
/// a few bytes per call cost more than the writing).
class LayoutSlot {
    func begin(rootName: String, namespace: String) { fatalError("LayoutSlot is abstract") }
    func beginStructure(_ name: Unmanaged<MemberName>) { fatalError("LayoutSlot is abstract") }
    func beginList(_ name: Unmanaged<MemberName>, itemName: Unmanaged<MemberName>) { fatalError("LayoutSlot is abstract") }
    func end() { fatalError("LayoutSlot is abstract") }
    func string(_ name: Unmanaged<MemberName>, _ bytes: UnsafeBufferPointer<UInt8>) { fatalError("LayoutSlot is abstract") }
    func integer(_ name: Unmanaged<MemberName>, _ value: Int64) { fatalError("LayoutSlot is abstract") }
    func boolean(_ name: Unmanaged<MemberName>, _ value: Bool) { fatalError("LayoutSlot is abstract") }
    func decimal(_ name: Unmanaged<MemberName>, _ digits: UnsafeBufferPointer<UInt8>) { fatalError("LayoutSlot is abstract") }
    func finish(rootName: String) { fatalError("LayoutSlot is abstract") }
    func withBytes<Result, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        fatalError("LayoutSlot is abstract")
    }
}

final class LayoutBox<Layout: DocumentLayout & ~Copyable>: LayoutSlot {
    let state: UnsafeMutablePointer<Layout>

    init(capacity: Int) {
        state = .allocate(capacity: 1)
        state.initialize(to: Layout(capacity: capacity))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    override func begin(rootName: String, namespace: String) { state.pointee.begin(rootName: rootName, namespace: namespace) }
    override func beginStructure(_ name: Unmanaged<MemberName>) { state.pointee.beginStructure(name) }
    override func beginList(_ name: Unmanaged<MemberName>, itemName: Unmanaged<MemberName>) {
        state.pointee.beginList(name, itemName: itemName)
    }
    override func end() { state.pointee.end() }
    override func string(_ name: Unmanaged<MemberName>, _ bytes: UnsafeBufferPointer<UInt8>) { state.pointee.string(name, bytes) }
    override func integer(_ name: Unmanaged<MemberName>, _ value: Int64) { state.pointee.integer(name, value) }
    override func boolean(_ name: Unmanaged<MemberName>, _ value: Bool) { state.pointee.boolean(name, value) }
    override func decimal(_ name: Unmanaged<MemberName>, _ digits: UnsafeBufferPointer<UInt8>) { state.pointee.decimal(name, digits) }
    override func finish(rootName: String) { state.pointee.finish(rootName: rootName) }
    override func withBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try state.pointee.withBytes(body)
    }
}
