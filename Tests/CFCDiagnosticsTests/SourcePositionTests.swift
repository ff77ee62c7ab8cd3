import CFCDiagnostics
import CFCTestSupport
import Testing

/// Positions from byte offsets, and byte offsets from lines and columns, agree with a plain
/// walk of the text, for any mix of ASCII, multi-byte scalars, long lines and line breaks;
/// and cost the same however long the line (the line table keeps scalar counts per block).
@Suite struct SourcePositionTests {
    /// Every scalar's offset with its position, found the obvious way: one walk counting line
    /// breaks (LF, CRLF, a lone CR) and scalars.
    static func reference(_ text: String) -> [(offset: Int, line: Int, column: Int)] {
        var result: [(offset: Int, line: Int, column: Int)] = []
        var line = 1
        var column = 1
        var offset = 0
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            result.append((offset, line, column))
            offset += String(scalar).utf8.count
            let breaksLine = scalar == "\n" || (scalar == "\r" && (index + 1 == scalars.count || scalars[index + 1] != "\n"))
            if breaksLine {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return result
    }

    static let pieces: [String] = [
        "a", "bc", "é", "€", "😀", "\n", "\r\n", "\u{85}", "\u{2028}", " ", "key: ", String(repeating: "x", count: 1500),
    ]

    @Test(arguments: 0..<40)
    func offsetsAndColumnsAgreeWithAWalk(_ seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &* 7919 &+ 1)
        var text = ""
        for _ in 0..<(20 + Int(random.next() % 100)) { text += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
        let bytes = Array(text.utf8)
        let source = SourceFile(path: "t.yaml", bytes: bytes)
        for expected in Self.reference(text) {
            let position = source.position(atByteOffset: expected.offset)
            #expect(position.line == expected.line && position.column == expected.column, "offset \(expected.offset)")
            let back = source.position(line: expected.line, column: expected.column)
            #expect(back.offset == expected.offset, "line \(expected.line) column \(expected.column)")
        }
    }
}
