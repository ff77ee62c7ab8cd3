import APIDocument
import CFCSupport
import Testing

/// A layout written only for this test: one line per step. That it needs nothing but this type
/// and a `DocumentFormat` value is the point.
struct StepListLayout: DocumentLayout, ~Copyable {
    var lines: [UInt8] = []
    var depth = 0

    init(capacity: Int) { lines.reserveCapacity(capacity) }

    mutating func line(_ text: String) {
        lines.append(String(repeating: " ", count: depth * 2) + text + "\n")
    }

    mutating func begin(rootName: String, namespace: String) { line("begin \(rootName)") }
    mutating func beginStructure(_ name: Unmanaged<MemberName>) {
        line("structure \(name.takeUnretainedValue())")
        depth += 1
    }
    mutating func beginList(_ name: Unmanaged<MemberName>, itemName: Unmanaged<MemberName>) {
        line("list \(name.takeUnretainedValue()) of \(itemName.takeUnretainedValue())")
        depth += 1
    }
    mutating func end() {
        depth -= 1
        line("end")
    }
    mutating func string(_ name: Unmanaged<MemberName>, _ bytes: UnsafeBufferPointer<UInt8>) {
        line("\(name.takeUnretainedValue()) = \(String(decoding: bytes, as: UTF8.self))")
    }
    mutating func integer(_ name: Unmanaged<MemberName>, _ value: Int64) { line("\(name.takeUnretainedValue()) = \(value)") }
    mutating func boolean(_ name: Unmanaged<MemberName>, _ value: Bool) { line("\(name.takeUnretainedValue()) = \(value)") }
    mutating func decimal(_ name: Unmanaged<MemberName>, _ digits: UnsafeBufferPointer<UInt8>) {
        line("\(name.takeUnretainedValue()) = \(String(decoding: digits, as: UTF8.self))")
    }
    mutating func finish(rootName: String) { line("finish \(rootName)") }
    func withBytes<Result, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        try lines.withUnsafeBufferPointer(body)
    }
}

extension DocumentFormat {
    static let stepList = DocumentFormat(name: "steps", mediaType: "text/plain", layout: StepListLayout.self)
}

/// Decimals (the API's `double`) print as their shortest round-tripping digits, the same
/// whether the document is recorded and replayed or printed as it is built.
@Suite struct DecimalMemberTests {
    @Test(arguments: [(12.5, "12.5"), (100, "100.0"), (0, "0.0"), (0.0001, "0.0001"), (33.3333, "33.3333")])
    func printsTheShortestDigits(_ value: Double, _ digits: String) throws {
        var recorded = APIDocument(rootName: "ServerTimingHeadersConfig")
        recorded.decimal(MemberName.named("SamplingRate"), value)
        let printer = StreamPrinter(formats: [.json, .xml])
        var streamed = APIDocument(rootName: "ServerTimingHeadersConfig", printingTo: printer)
        streamed.decimal(MemberName.named("SamplingRate"), value)
        streamed.finish()
        let json = try printer.withBytes(of: .json) { String(decoding: $0, as: UTF8.self) }
        let xml = try printer.withBytes(of: .xml) { String(decoding: $0, as: UTF8.self) }
        #expect(json.contains("\"SamplingRate\": \(digits)\n"), "\(json)")
        #expect(xml.contains("<SamplingRate>\(digits)</SamplingRate>"), "\(xml)")
        #expect(recorded.tokens == [.scalar(MemberName.named("SamplingRate"), .decimal(digits))])
        #expect(DocumentFormat.json.print(recorded) == Array(json.utf8))
    }
}

@Suite struct DocumentLayoutTests {
    static func sample(printingTo printer: StreamPrinter? = nil) -> APIDocument {
        var document =
            printer.map { APIDocument(rootName: "DistributionConfig", printingTo: $0) } ?? APIDocument(rootName: "DistributionConfig")
        document.string(MemberName.named("Comment"), "hi")
        document.beginStructure(MemberName.named("Aliases"))
        document.integer(MemberName.named("Quantity"), 1)
        document.beginList(MemberName.named("Items"), itemName: MemberName.named("CNAME"))
        document.string(MemberName.named("CNAME"), "www.example.com")
        document.end()
        document.end()
        document.boolean(MemberName.named("Enabled"), true)
        document.finish()
        return document
    }

    @Test func aNewFormatIsOneLayoutType() {
        let text = String(decoding: DocumentFormat.stepList.print(Self.sample()), as: UTF8.self)
        #expect(
            text == """
                begin DistributionConfig
                Comment = hi
                structure Aliases
                  Quantity = 1
                  list Items of CNAME
                    CNAME = www.example.com
                  end
                end
                Enabled = true
                finish DistributionConfig

                """)
    }

    /// One walk feeds every layout: a new one beside the built-ins changes none of their bytes.
    @Test func oneWalkFeedsEveryLayoutAlike() {
        let printer = StreamPrinter(formats: [.json, .stepList, .xml])
        _ = Self.sample(printingTo: printer)
        let recorded = Self.sample()
        #expect(printer.withBytes(of: .json) { Array($0) } == DocumentFormat.json.print(recorded))
        #expect(printer.withBytes(of: .xml) { Array($0) } == DocumentFormat.xml.print(recorded))
        #expect(printer.withBytes(of: .stepList) { Array($0) } == DocumentFormat.stepList.print(recorded))
    }

    @Test func formatsAreNamedOnce() {
        #expect(DocumentFormat.all.map(\.name) == ["json", "xml"])
        #expect(DocumentFormat.named("xml") == .xml)
        #expect(DocumentFormat.named("yaml") == nil)
        #expect(DocumentFormat.json.mediaType == "application/json" && DocumentFormat.xml.mediaType == "application/xml")
    }
}
