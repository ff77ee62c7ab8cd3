import CFCSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A position in a source file.
///
/// `line` and `column` count from 1, as every message shows them; `column` counts Unicode
/// scalars, which is what libyaml counts, so a tab or an `é` is one column. `offset` is the
/// UTF-8 byte offset from the start of the file, counting from 0.
public struct SourcePosition: Hashable, Sendable, Comparable, Codable {
    /// The line, from 1.
    public var line: Int
    /// The column in Unicode scalars, from 1.
    public var column: Int
    /// The UTF-8 byte offset from the start of the file, from 0.
    public var offset: Int

    /// Creates a position.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A span of a source file: from `start` (inclusive) to `end` (exclusive).
public struct SourceRange: Hashable, Sendable, Codable {
    /// The file's path as the user named it (so messages are clickable in their terminal).
    public var file: String
    /// The first character of the span.
    public var start: SourcePosition
    /// Just past the last character of the span.
    public var end: SourcePosition

    /// Creates a range.
    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A range that covers one position, for sources that only know where something starts.
    public init(file: String, at position: SourcePosition) {
        self.init(file: file, start: position, end: position)
    }
}

/// A file read by the compiler, with the table of where its lines start.
///
/// Diagnostics carry only positions; the renderer asks the `SourceFile` for the text of a line
/// to show the snippet under the message.
public final class SourceFile: Sendable {
    /// The path as the user named it, or `<stdin>`.
    public let path: String
    /// The file's bytes, unchanged.
    public let bytes: [UInt8]
    /// The line table, made on first use: a compile that reports nothing never needs it, and
    /// for a 13 MB input it cost the parsing thread 6 ms before anything else could start.
    private let table = Locked<LineTable?>(nil)

    /// Where lines start, and whether the file is ASCII.
    struct LineTable: Sendable {
        let starts: [Int]
        let isASCII: Bool
        /// Where lines start as libyaml counts them, when that differs from `starts`: YAML
        /// 1.1 (and so libyaml) also breaks lines at U+0085, U+2028 and U+2029, which editors
        /// and YAML 1.2 do not. Nil for the usual file without them.
        let parserStarts: [Int]?
        /// For a file that is not ASCII, the number of Unicode scalars before each block of
        /// `scalarBlock` bytes, so that a column (scalars from the line's start) costs at most
        /// one block's walk however long the line: walking from the line's start made every
        /// position in a one-line 870 KB JSON file cost the line so far, 47 s in all. Empty for
        /// ASCII, where columns are byte offsets.
        let scalarCheckpoints: [Int]

        static let scalarBlock = 1024

        /// The number of scalars in the bytes before `offset`.
        func scalars(before offset: Int, in bytes: [UInt8]) -> Int {
            let block = offset / Self.scalarBlock
            var count = scalarCheckpoints[block]
            var index = block * Self.scalarBlock
            while index < offset {
                if bytes[index] & 0xC0 != 0x80 { count += 1 }
                index += 1
            }
            return count
        }

        /// The byte offset of the scalar that has `target` scalars before it, not past `limit`.
        func offset(ofScalarNumber target: Int, in bytes: [UInt8], limit: Int) -> Int {
            // The last block that starts with at most `target` scalars before it.
            var low = 0
            var high = scalarCheckpoints.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if scalarCheckpoints[middle] <= target { low = middle } else { high = middle - 1 }
            }
            var offset = low * Self.scalarBlock
            var count = scalarCheckpoints[low]
            while offset < limit {
                if bytes[offset] & 0xC0 != 0x80 {
                    if count == target { return offset }
                    count += 1
                }
                offset += 1
            }
            return limit
        }
    }

    /// Keeps `bytes`; the line table is made when first asked for.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    var lines: LineTable {
        table.withLock { table in
            if let table { return table }
            let made = Self.lineTable(of: bytes)
            table = made
            return made
        }
    }

    /// The byte offset at which each line starts; `lineStarts[0] == 0`.
    public var lineStarts: [Int] { lines.starts }
    /// Whether every byte is ASCII, in which case character offsets are byte offsets.
    public var isASCII: Bool { lines.isASCII }

    private static func lineTable(of bytes: [UInt8]) -> LineTable {
        if let starts = asciiLineStarts(bytes) {
            return LineTable(starts: starts, isASCII: true, parserStarts: nil, scalarCheckpoints: [])
        }
        var starts = [0]
        var ascii = true
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var index = 0
            let count = buffer.count
            while index < count {
                // Eight bytes at a time while none ends a line or leaves ASCII.
                while index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 || Self.containsByte(word, 0x0A) || Self.containsByte(word, 0x0D) {
                        break
                    }
                    index += 8
                }
                guard index < count else { break }
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    // A lone CR ends a line too (YAML accepts CR, LF and CRLF).
                    if index + 1 < count && buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                } else if byte >= 0x80 {
                    ascii = false
                }
                index += 1
            }
        }
        return LineTable(
            starts: starts, isASCII: ascii,
            parserStarts: ascii ? nil : Self.parserLineStarts(bytes, editorLineStarts: starts),
            scalarCheckpoints: ascii ? [] : Self.scalarCheckpoints(bytes))
    }

    private static func scalarCheckpoints(_ bytes: [UInt8]) -> [Int] {
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / LineTable.scalarBlock + 1)
        var count = 0
        for index in 0...bytes.count {
            if index % LineTable.scalarBlock == 0 { checkpoints.append(count) }
            if index < bytes.count, bytes[index] & 0xC0 != 0x80 { count += 1 }
        }
        return checkpoints
    }

    /// The line starts of an ASCII file whose lines end in LF alone (nearly every input), or nil
    /// for any other: one pass rules out CR and non-ASCII bytes eight at a time, then the C
    /// library's vectorized `memchr` finds the line ends.
    private static func asciiLineStarts(_ bytes: [UInt8]) -> [Int]? {
        bytes.withUnsafeBufferPointer { buffer -> [Int]? in
            guard let base = buffer.baseAddress else { return [0] }
            let count = buffer.count
            var index = 0
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 || containsByte(word, 0x0D) { return nil }
                index += 8
            }
            while index < count {
                if buffer[index] >= 0x80 || buffer[index] == 0x0D { return nil }
                index += 1
            }
            var starts = [0]
            starts.reserveCapacity(count / 24 + 1)
            var position = 0
            while position < count, let found = memchr(base + position, 0x0A, count - position) {
                position = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
                starts.append(position)
            }
            return starts
        }
    }

    /// Whether any byte of `word` is `byte` (the classic "has zero byte" test on `word ^ byte…`).
    @inline(__always)
    private static func containsByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let spread = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (spread &- 0x0101_0101_0101_0101) & ~spread & 0x8080_8080_8080_8080 != 0
    }

    private static func parserLineStarts(_ bytes: [UInt8], editorLineStarts: [Int]) -> [Int]? {
        var extra: [Int] = []
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0xC2 && bytes[index + 1] == 0x85 {
                extra.append(index + 2)
            } else if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            {
                extra.append(index + 3)
            }
            index += 1
        }
        if extra.isEmpty { return nil }
        // libyaml takes a break followed by LF as two breaks, so the merged table keeps both.
        return (editorLineStarts + extra).sorted()
    }

    /// The position of a libyaml mark's `line` and `column` (from 1, as libyaml counts them:
    /// see `parserLineStarts`), in the file's own lines.
    public func position(parserLine line: Int, column: Int) -> SourcePosition {
        let lines = self.lines
        guard let parserLineStarts = lines.parserStarts else { return position(line: line, column: column, in: lines) }
        guard line >= 1, line <= parserLineStarts.count else {
            return SourcePosition(line: line, column: column, offset: bytes.count)
        }
        let lineStart = parserLineStarts[line - 1]
        let target = lines.scalars(before: lineStart, in: bytes) + column - 1
        return position(atByteOffset: lines.offset(ofScalarNumber: target, in: bytes, limit: bytes.count), in: lines)
    }

    /// The number of lines (a final line without a line break counts).
    public var lineCount: Int { lineStarts.count }

    /// The bytes of line `line` (from 1) without its line break, or nil past the end.
    public func byteRange(ofLine line: Int) -> Range<Int>? {
        let lineStarts = lines.starts
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The text of line `line` (from 1) without its line break, or nil past the end.
    public func text(ofLine line: Int) -> String? {
        byteRange(ofLine: line).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The byte offset of the scalar `index` (from 0) of the line spanning `line`, clamped to
    /// the line. `position`, a known position on that line, saves walking from the line's
    /// start when the scalar is near it.
    public func byteOffset(ofScalar index: Int, inLine line: Range<Int>, near position: SourcePosition) -> Int {
        if isASCII { return min(line.lowerBound + index, line.upperBound) }
        var offset = line.lowerBound
        var remaining = index
        let known = position.column - 1
        if known >= index, position.offset >= line.lowerBound, position.offset <= line.upperBound {
            // Walk back from the known position: lead bytes start scalars.
            offset = position.offset
            var back = known - index
            while back > 0, offset > line.lowerBound {
                offset -= 1
                while offset > line.lowerBound, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
                back -= 1
            }
            return offset
        }
        while remaining > 0, offset < line.upperBound {
            offset += 1
            while offset < line.upperBound, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    /// The position of the character at `line` and `column` (from 1, column in scalars),
    /// with its byte offset computed from the line table.
    public func position(line: Int, column: Int) -> SourcePosition {
        position(line: line, column: column, in: lines)
    }

    private func position(line: Int, column: Int, in lines: LineTable) -> SourcePosition {
        let lineStarts = lines.starts
        guard line >= 1, line <= lineStarts.count else {
            return SourcePosition(line: line, column: column, offset: bytes.count)
        }
        let lineStart = lineStarts[line - 1]
        if lines.isASCII {
            return SourcePosition(line: line, column: column, offset: min(lineStart + column - 1, bytes.count))
        }
        let target = lines.scalars(before: lineStart, in: bytes) + column - 1
        return SourcePosition(line: line, column: column, offset: lines.offset(ofScalarNumber: target, in: bytes, limit: bytes.count))
    }

    /// The position of byte `offset`, for errors that only know a byte offset (such as
    /// libyaml's invalid UTF-8 reports).
    public func position(atByteOffset offset: Int) -> SourcePosition {
        position(atByteOffset: offset, in: lines)
    }

    private func position(atByteOffset offset: Int, in lines: LineTable) -> SourcePosition {
        let lineStarts = lines.starts
        let clamped = max(0, min(offset, bytes.count))
        // The last line start at or before the offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let lineStart = lineStarts[low]
        // The scalars before the offset on its line, plus one.
        let column =
            lines.isASCII
            ? clamped - lineStart + 1
            : lines.scalars(before: clamped, in: bytes) - lines.scalars(before: lineStart, in: bytes) + 1
        return SourcePosition(line: low + 1, column: column, offset: clamped)
    }

    /// A range covering the whole first line, for file-level problems.
    public var startRange: SourceRange {
        SourceRange(file: path, at: SourcePosition(line: 1, column: 1, offset: 0))
    }
}
