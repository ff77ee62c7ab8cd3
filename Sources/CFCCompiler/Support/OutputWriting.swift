import CFCDiagnostics
import CFCSupport

/// Writing emitted documents: all of them, or none.
public enum OutputWriting {
    /// For each file name that appears again, the position of its first appearance and of the
    /// repeat, in order of the repeats. Names that differ only in ASCII case count as the same:
    /// they are one file on macOS's and Windows' default file systems, where the outputs would
    /// otherwise overwrite each other (and, since unchanged files are left alone, could even
    /// alternate from run to run).
    public static func conflictingPositions(inLogicalPaths paths: [String]) -> [(first: Int, second: Int)] {
        var firstPosition: [String: Int] = [:]
        var conflicts: [(first: Int, second: Int)] = []
        for (position, path) in paths.enumerated() {
            let key = caseFolded(path)
            if let first = firstPosition[key] {
                conflicts.append((first, position))
            } else {
                firstPosition[key] = position
            }
        }
        return conflicts
    }

    private static func caseFolded(_ path: String) -> String {
        String(decoding: path.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Writes every document into `directory` (created if needed), atomically as a set: each file
    /// is staged beside its destination first, and only when all are staged are they renamed
    /// into place. On failure nothing is left behind.
    /// - Throws: `FileIOError` for the first file that cannot be written.
    public static func write(_ documents: [EmittedDocument], to directory: String) throws(FileIOError) {
        let created = try FileIO.makeDirectories(directory)
        var transaction = FileTransaction()
        do {
            for document in documents {
                try transaction.stage(document.bytes, at: directory + "/" + document.logicalPath, isPrivate: document.isPrivate)
            }
            try transaction.commit()
        } catch {
            // Directories made for this write go again when nothing was put in them.
            FileIO.removeDirectories(created)
            throw error
        }
    }

    /// A diagnostic for a file that could not be written.
    public static func writeFailure(_ error: FileIOError) -> Diagnostic {
        Diagnostic(id: "io.write", severity: .error, summary: "cannot write the file: \(error.reason)", file: error.path)
    }

    /// A diagnostic for two distributions that would write the same file: at the name of the
    /// second (`at`), with a note at the first (`first`), when their places are known.
    public static func conflict(_ logicalPath: String, at range: SourceRange? = nil, first: SourceRange? = nil) -> Diagnostic {
        Diagnostic(
            id: "io.conflict", severity: .error,
            summary: "two distributions write '\(logicalPath)' (names that differ only in case are one file on macOS and Windows)",
            hint: "distribution names must be unique, ignoring case, across the files compiled together",
            range: range, file: range?.file,
            notes: first.map { [DiagnosticNote("the other distribution that writes it", at: $0)] } ?? [])
    }
}
