import APIDocument
import CFCDiagnostics
import Testing

@Suite struct APIComparisonTests {
    func json(_ text: String) throws -> APINode {
        try JSONReader.read(SourceFile(path: "t.json", bytes: Array(text.utf8)))
    }

    func xml(_ text: String) throws -> APINode {
        try XMLReader.read(SourceFile(path: "t.xml", bytes: Array(text.utf8))).root
    }

    func describe(_ expected: APINode, _ actual: APINode) -> [String] {
        APIComparison.differences(expected: expected, actual: actual, path: "D").map(\.description)
    }

    @Test func anEmptyMemberIsNotAnAbsentOne() throws {
        let absent = try json(#"{"Cookies": {"Forward": "none"}}"#)
        let empty = try json(#"{"Cookies": {"Forward": "none", "WhitelistedNames": {"Quantity": 0}}}"#)
        #expect(describe(absent, empty) == ["D.Cookies.WhitelistedNames: in the output, not in the input"])
        #expect(describe(empty, absent) == ["D.Cookies.WhitelistedNames: in the input, not in the output"])
        #expect(describe(empty, empty).isEmpty)
    }

    @Test func membersMatchByNameAndItemsByPosition() throws {
        let left = try json(#"{"A": 1, "B": {"Items": ["x", "y"]}}"#)
        #expect(describe(left, try json(#"{"B": {"Items": ["x", "y"]}, "A": 1}"#)).isEmpty)
        #expect(
            describe(left, try json(#"{"A": 1, "B": {"Items": ["y", "x"]}}"#))
                == [#"D.B.Items[0]: "x" in the input, "y" in the output"#, #"D.B.Items[1]: "y" in the input, "x" in the output"#])
        #expect(describe(left, try json(#"{"A": 1, "B": {"Items": ["x"]}}"#)) == ["D.B.Items: 2 items in the input, 1 items in the output"])
    }

    @Test func scalarsKeepTheirTypes() throws {
        #expect(describe(try json(#"{"A": 10}"#), try json(#"{"A": 10}"#)).isEmpty)
        #expect(describe(try json(#"{"A": 10}"#), try json(#"{"A": "10"}"#)) == [#"D.A: 10 in the input, "10" in the output"#])
        #expect(describe(try json(#"{"A": true}"#), try json(#"{"A": false}"#)) == ["D.A: true in the input, false in the output"])
        #expect(describe(try json(#"{"A": ""}"#), try json(#"{"A": " "}"#)) == [#"D.A: "" in the input, " " in the output"#])
    }

    @Test func xmlListsRepeatTheItemName() throws {
        let expected = try xml("<D><Items><Method>GET</Method><Method>HEAD</Method></Items><Quantity>\n  2\n</Quantity></D>")
        #expect(
            describe(expected, try xml("<D><Quantity>2</Quantity><Items><Method>GET</Method><Method>HEAD</Method></Items></D>")).isEmpty)
        #expect(
            describe(expected, try xml("<D><Items><Method>GET</Method></Items><Quantity>2</Quantity></D>"))
                == ["D.Items.Method: 2 items in the input, 1 items in the output"])
        // Whitespace around an integer is pretty-printing; around a string it is part of it.
        #expect(
            describe(try xml("<D><Comment> x </Comment></D>"), try xml("<D><Comment>x</Comment></D>"))
                == [#"D.Comment: " x " in the input, "x" in the output"#])
    }

    @Test func emptyItemsAndNoItemsAreOneValueSpeltTwoWays() throws {
        let spelt = try json(#"{"Aliases": {"Quantity": 0, "Items": []}}"#)
        let short = try json(#"{"Aliases": {"Quantity": 0}}"#)
        let differences = APIComparison.differences(expected: spelt, actual: short, path: "D")
        #expect(differences.map(\.kind) == [.emptyItemsSpelling])
        #expect(differences.allSatisfy { !$0.isSignificant })
        #expect(APIComparison.differences(expected: short, actual: spelt).map(\.kind) == [.emptyItemsSpelling])
        let xmlSpelt = try xml("<D><Aliases><Quantity>0</Quantity><Items/></Aliases></D>")
        let xmlShort = try xml("<D><Aliases><Quantity>0</Quantity></Aliases></D>")
        #expect(APIComparison.differences(expected: xmlSpelt, actual: xmlShort).map(\.kind) == [.emptyItemsSpelling])
        // Items that hold something are a real difference.
        let full = try json(#"{"Aliases": {"Quantity": 0, "Items": ["a"]}}"#)
        #expect(APIComparison.differences(expected: full, actual: short).map(\.kind) == [.missing])
    }

    @Test func differencesPointIntoTheExpectedDocument() throws {
        let expected = try json("{\n  \"A\": {\n    \"B\": 1\n  }\n}")
        let difference = try #require(APIComparison.differences(expected: expected, actual: try json(#"{"A": {}}"#)).first)
        #expect(difference.path == "A.B")
        #expect(difference.range?.start.line == 3)
    }
}
