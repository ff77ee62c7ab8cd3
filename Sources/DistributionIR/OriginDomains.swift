/// What an origin's domain name says about it.
public enum OriginDomains {
    /// Whether `domain` is an S3 REST endpoint (`bucket.s3.amazonaws.com`,
    /// `bucket.s3.region.amazonaws.com`, `bucket.s3-region.amazonaws.com`), which takes an S3
    /// origin config. Website endpoints (`s3-website`) are custom origins.
    public static func isS3RESTEndpoint(_ domain: String) -> Bool {
        let labels = domain.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 4, labels.suffix(2) == ["amazonaws", "com"] else { return false }
        let serviceLabels = labels.dropLast(2).dropFirst()
        guard let service = serviceLabels.first else { return false }
        if service.hasPrefix("s3-website") || serviceLabels.contains(where: { $0.hasPrefix("s3-website") }) { return false }
        return service == "s3" || service.hasPrefix("s3-") || service == "s3-accelerate"
    }

    /// Whether `domain` is an S3 website endpoint (`bucket.s3-website-region.amazonaws.com` or
    /// `bucket.s3-website.region.amazonaws.com`), which speaks only HTTP.
    public static func isS3WebsiteEndpoint(_ domain: String) -> Bool {
        // Cheap rejection first: most origins do not mention s3-website at all.
        guard domain.utf8.count > 14, domain.utf8.contains(where: { $0 == UInt8(ascii: "-") }) else { return false }
        let lowered = domain.lowercased()
        return lowered.hasSuffix(".amazonaws.com") && (lowered.contains(".s3-website-") || lowered.contains(".s3-website."))
    }
}
