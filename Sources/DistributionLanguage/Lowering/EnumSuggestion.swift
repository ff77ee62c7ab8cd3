import CFCSupport

/// The allowed value a mistyped enumeration value most likely meant.
///
/// Spelling alone misleads on these values: `sni` is five edits from `sni-only` (too many to
/// count as a typo), and `TLSv1.2` is two edits from `TLSv1`, a weaker security policy. So the
/// suggestion goes by meaning first (the value is the leading or trailing words of one allowed
/// value: `sni` → `sni-only`, `HTTPS` → `https-only`, `all` → `allow-all`), and for security
/// policies and protocols it never names one weaker than the version the value mentions.
enum EnumSuggestion {
    static func suggestion(for value: String, in allowed: [String]) -> String? {
        let lowered = value.lowercased()
        let written = securityRank(lowered)
        // A candidate weaker than the version written is never suggested.
        let candidates = allowed.filter { candidate in
            guard let written, let rank = securityRank(candidate.lowercased()) else { return true }
            return rank.version >= written.version
        }
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        let valueWords = words(lowered)
        guard !valueWords.isEmpty else { return nil }
        let leading = candidates.filter { words($0.lowercased()).starts(with: valueWords) }
        if leading.count == 1 { return leading[0] }
        if leading.count > 1 { return strongest(leading) }
        let trailing = candidates.filter { words($0.lowercased()).reversed().starts(with: valueWords.reversed()) }
        if trailing.count == 1 { return trailing[0] }
        if let close = Suggestions.closest(to: value, in: candidates) { return close }
        // A version written another way (TLS1.2, tls 1.2): the newest policy of that version.
        if let written {
            let same = candidates.filter { securityRank($0.lowercased())?.version == written.version }
            if !same.isEmpty { return strongest(same) }
        }
        return nil
    }

    /// The words of a value: split at `-`, `_`, `.` and spaces.
    private static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " })
    }

    /// The protocol version a security policy or protocol names (SSLv3 is 0, TLSv1 10,
    /// TLSv1.1 11, TLSv1.2 12, TLSv1.3 13) and its year, or nil for other values.
    static func securityRank(_ lowered: String) -> (version: Int, year: Int)? {
        if lowered.hasPrefix("sslv3") { return (0, 0) }
        guard let tls = lowered.firstRange(of: "tls") else { return nil }
        var rest = lowered[tls.upperBound...].drop { $0 == "v" || $0 == " " }
        guard rest.first == "1" else { return nil }
        rest = rest.dropFirst()
        var version = 10
        if rest.first == ".", let minor = rest.dropFirst().first, let digit = minor.wholeNumberValue {
            version = 10 + digit
            rest = rest.dropFirst(2)
        }
        let year = rest.first == "_" ? Int(rest.dropFirst().prefix(4)) ?? 0 : 0
        return (version, year)
    }

    /// The security policy cfc recommends wherever it advises one (certificates.weak_minimum_protocol).
    static let recommended = "TLSv1.2_2021"

    /// Of several values of one meaning: the recommended policy when it is among them, else the
    /// strongest security value (highest version, then newest year), else the last declared.
    private static func strongest(_ values: [String]) -> String {
        if values.contains(recommended) { return recommended }
        return values.max { left, right in
            let (l, r) = (securityRank(left.lowercased()), securityRank(right.lowercased()))
            guard let l, let r else { return false }
            return (l.version, l.year) < (r.version, r.year)
        } ?? values[values.count - 1]
    }
}
