/// What an origin's domain name says about it.
public enum OriginDomains {
    /// Whether `domain` is an S3 REST endpoint (`bucket.s3.amazonaws.com`,
    /// `bucket.s3.region.amazonaws.com`, `bucket.s3-region.amazonaws.com`), which takes an S3
    /// origin config. Website endpoints (`s3-website`) are custom origins.
    public static func isS3RESTEndpoint(_ domain: String) -> Bool {
        if hasNonASCII(domain) { return false }
        let labels = asciiLowered(domain).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 4, labels[labels.count - 2].elementsEqual("amazonaws".utf8),
              labels[labels.count - 1].elementsEqual("com".utf8) else { return false }
        let serviceLabels = labels.dropLast(2).dropFirst()
        guard let service = serviceLabels.first else { return false }
        if serviceLabels.contains(where: { $0.starts(with: "s3-website".utf8) }) { return false }
        return service.elementsEqual("s3".utf8) || service.starts(with: "s3-".utf8)
    }

    /// Whether `domain` is an S3 website endpoint (`bucket.s3-website-region.amazonaws.com` or
    /// `bucket.s3-website.region.amazonaws.com`), which speaks only HTTP.
    public static func isS3WebsiteEndpoint(_ domain: String) -> Bool {
        // Cheap rejection first: most origins do not mention s3-website at all.
        guard domain.utf8.count > 14, domain.utf8.contains(where: { $0 == UInt8(ascii: "-") }) else { return false }
        if hasNonASCII(domain) { return false }
        let lowered = asciiLowered(domain)
        return lowered.reversed().starts(with: ".amazonaws.com".utf8.reversed())
            && (contains(lowered, ".s3-website-") || contains(lowered, ".s3-website."))
    }

    /// The domain's bytes with ASCII letters lowered. Domain names are ASCII (anything else is
    /// reported by the domain-name rule), and Unicode case mapping (`lowercased()`) cost more
    /// than the rest of the origin checks together.
    private static func asciiLowered(_ domain: String) -> [UInt8] {
        domain.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
    }

    /// Whether the name has a byte outside ASCII: then it is no AWS endpoint (and the domain
    /// name rule reports it).
    private static func hasNonASCII(_ domain: String) -> Bool {
        domain.utf8.contains { $0 >= 0x80 }
    }

    private static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { needle in
            guard needle.count <= bytes.count else { return false }
            for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
                return true
            }
            return false
        }
    }
}
