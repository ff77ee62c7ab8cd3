import APIDocument
import CFCDiagnostics
import Testing

@Suite struct PrinterTests {
    func document(_ build: (inout APIDocument) -> Void) -> APIDocument {
        var document = APIDocument(rootName: "DistributionConfig")
        build(&document)
        return document
    }

    @Test func jsonEscapesWhatJSONRequires() {
        let doc = document { $0.string(MemberName.named("Comment"), "q\" b\\ n\n t\t c\u{01} ls\u{2028} é") }
        let text = String(decoding: DocumentFormat.json.print(doc), as: UTF8.self)
        #expect(text == "{\n  \"Comment\": \"q\\\" b\\\\ n\\n t\\t c\\u0001 ls\\u2028 é\"\n}\n")
    }

    @Test func integersAndBooleans() {
        let doc = document {
            $0.integer(MemberName.named("A"), Int64.min)
            $0.integer(MemberName.named("B"), 0)
            $0.integer(MemberName.named("C"), 31_536_000)
            $0.boolean(MemberName.named("D"), false)
        }
        let text = String(decoding: DocumentFormat.json.print(doc), as: UTF8.self)
        #expect(text == "{\n  \"A\": -9223372036854775808,\n  \"B\": 0,\n  \"C\": 31536000,\n  \"D\": false\n}\n")
    }

    @Test func listsAndStructuresInBothFormats() {
        let doc = document {
            $0.beginStructure(MemberName.named("Aliases"))
            $0.integer(MemberName.named("Quantity"), 2)
            $0.beginList(MemberName.named("Items"), itemName: MemberName.named("CNAME"))
            $0.string(MemberName.named("CNAME"), "a.example.com")
            $0.string(MemberName.named("CNAME"), "b&c.example.com")
            $0.end()
            $0.end()
            $0.beginStructure(MemberName.named("Empty"))
            $0.end()
        }
        #expect(doc.isComplete)
        let json = String(decoding: DocumentFormat.json.print(doc), as: UTF8.self)
        #expect(
            json == """
                {
                  "Aliases": {
                    "Quantity": 2,
                    "Items": [
                      "a.example.com",
                      "b&c.example.com"
                    ]
                  },
                  "Empty": {}
                }

                """)
        let xml = String(decoding: DocumentFormat.xml.print(doc), as: UTF8.self)
        #expect(
            xml == """
                <?xml version="1.0" encoding="UTF-8"?>
                <DistributionConfig xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
                  <Aliases>
                    <Quantity>2</Quantity>
                    <Items>
                      <CNAME>a.example.com</CNAME>
                      <CNAME>b&amp;c.example.com</CNAME>
                    </Items>
                  </Aliases>
                  <Empty></Empty>
                </DistributionConfig>

                """)
        #expect(doc.leafPaths.map(\.path) == ["Aliases.Quantity", "Aliases.Items[0]", "Aliases.Items[1]"])
    }

    @Test func xmlEscapesMarkupAndCarriageReturns() {
        let doc = document { $0.string(MemberName.named("Comment"), "<a href=\"x\">&\r\n</a>") }
        let xml = String(decoding: DocumentFormat.xml.print(doc), as: UTF8.self)
        #expect(xml.contains("<Comment>&lt;a href=&quot;x&quot;&gt;&amp;&#13;\n&lt;/a&gt;</Comment>"))
    }
}

@Suite struct ReaderTests {
    func source(_ text: String) -> SourceFile { SourceFile(path: "in", bytes: Array(text.utf8)) }

    @Test func jsonReadsEveryKindWithPositions() throws {
        let node = try JSONReader.read(source("{\"a\": [1, -2.5e3, true, null, \"x\\u00e9\\ud83d\\ude00\"],\n \"b\": {}}"))
        let a = try #require(node.member("a"))
        guard case .array(let items) = a.value else {
            Issue.record("not an array")
            return
        }
        #expect(items.map(\.value) == [.number("1"), .number("-2.5e3"), .boolean(true), .null, .string("xé😀")])
        #expect(node.member("b")?.range?.start.line == 2)
        #expect(node.member("b")?.range?.start.column == 7)
    }

    struct BadJSON: CustomTestStringConvertible, Sendable {
        var text: String
        var message: String
        var line: Int
        var column: Int
        var testDescription: String { message }
    }

    static let badJSON: [BadJSON] = [
        BadJSON(text: "{\"a\": 1,}", message: "expected a member name in double quotes", line: 1, column: 9),
        BadJSON(text: "{\"a\" 1}", message: "expected ':' after the member name", line: 1, column: 6),
        BadJSON(text: "[01]", message: "numbers cannot have leading zeros", line: 1, column: 4),
        BadJSON(text: "\"\\ud800\"", message: "unpaired UTF-16 surrogate in \\u escape", line: 1, column: 8),
        BadJSON(text: "\"tab\there\"", message: "control characters must be escaped in JSON strings", line: 1, column: 5),
        BadJSON(text: "{}\n{}", message: "unexpected text after the JSON value", line: 2, column: 1),
        BadJSON(text: String(repeating: "[", count: 200), message: "JSON nested more than 128 levels deep", line: 1, column: 129),
    ]

    @Test(arguments: badJSON)
    func jsonErrors(_ testCase: BadJSON) {
        #expect(throws: APIReadError.self) { try JSONReader.read(source(testCase.text)) }
        do {
            _ = try JSONReader.read(source(testCase.text))
        } catch {
            #expect(error.message == testCase.message)
            #expect(error.range.start.line == testCase.line)
            #expect(error.range.start.column == testCase.column)
        }
    }

    @Test func xmlReadsElementsEntitiesAndCDATA() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <DistributionConfig xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
              <Comment>a &amp; b &#233; &#x1F600; <![CDATA[<raw>]]></Comment>
              <Aliases><Quantity>0</Quantity></Aliases>
              <Empty/>
            </DistributionConfig>
            """
        let (root, node) = try XMLReader.read(source(text))
        #expect(root == "DistributionConfig")
        #expect(node.member("Comment")?.value == .string("a & b é 😀 <raw>"))
        #expect(node.member("Aliases")?.member("Quantity")?.value == .string("0"))
        #expect(node.member("Empty")?.value == .string(""))
        #expect(node.member("Aliases")?.range?.start.line == 5)
    }

    @Test func xmlRefusesDocumentTypes() {
        let text = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>"
        #expect(throws: APIReadError.self) { try XMLReader.read(source(text)) }
    }

    @Test func xmlRejectsMismatchedTags() {
        #expect(throws: APIReadError.self) { try XMLReader.read(source("<a><b></a></b>")) }
        #expect(throws: APIReadError.self) { try XMLReader.read(source("<a>&bogus;</a>")) }
        #expect(throws: APIReadError.self) { try XMLReader.read(source(String(repeating: "<a>", count: 300))) }
    }
}
