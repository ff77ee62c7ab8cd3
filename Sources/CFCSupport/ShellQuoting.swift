/// Writing arguments so that a POSIX shell reads them back exactly, as words and nothing else.
///
/// cfc prints `aws` commands that people paste and pipelines run, with values that come from
/// files (an ETag from `--previous`, a distribution's name) and options (`--distribution-id`).
/// Pasted unquoted, an ETag of `E1$(touch x)` ran `touch x`, and a placeholder such as
/// `<ETAG>` was a redirection. Every argument goes through `quote`.
public enum ShellQuoting {
    /// `argument` as one shell word: unchanged when it is made only of characters no POSIX shell
    /// treats specially (letters, digits and `_@%+=:,./-`), else in single quotes, inside which
    /// nothing is special (a single quote itself is written `'\''`).
    public static func quote(_ argument: String) -> String {
        if !argument.isEmpty, argument.utf8.allSatisfy(isPlain) { return argument }
        return "'" + argument.replacing("'", with: "'\\''") + "'"
    }

    /// The arguments as one command line, each quoted.
    public static func commandLine(_ arguments: [String]) -> String {
        arguments.map(quote).joined(separator: " ")
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "_"), UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: ":"),
            UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
