/// What an origin's domain name says about it.
public enum OriginDomains {
    /// Whether `domain` is an S3 REST endpoint, which takes an S3 origin config: a bucket name
    /// (any name S3 allows, dots included: `www.example.com.s3.eu-central-1.amazonaws.com`)
    /// followed by one of S3's virtual-hosted endpoints:
    ///
    /// - `s3.amazonaws.com`, the legacy global endpoint;
    /// - `s3.REGION.amazonaws.com`, the Regional one CloudFront recommends;
    /// - `s3-REGION.amazonaws.com` (and `s3-external-1`), the legacy dash form;
    /// - `s3.dualstack.REGION.amazonaws.com`, dual-stack;
    /// - any of these under `amazonaws.com.cn`, the China partition.
    ///
    /// Website endpoints (`s3-website`) are custom origins, and the Transfer Acceleration
    /// endpoint (`s3-accelerate`) is one CloudFront says not to use. AWS publishes no list of the
    /// names CloudFront takes as S3; these are S3's documented endpoint forms.
    /// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistS3AndCustomOrigins.html
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/dual-stack-endpoints.html
    public static func isS3RESTEndpoint(_ domain: String) -> Bool {
        s3RESTBucketLabelCount(domain) != nil
    }

    /// How many labels of `domain` name the bucket when it is an S3 REST endpoint (see
    /// `isS3RESTEndpoint(_:)`), or nil.
    public static func s3RESTBucketLabelCount(_ domain: String) -> Int? {
        if hasNonASCII(domain) { return nil }
        var labels = asciiLowered(domain).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { Array($0) }
        if labels.last.map({ $0.elementsEqual("cn".utf8) }) == true { labels.removeLast() }
        guard labels.count >= 3, labels[labels.count - 1].elementsEqual("com".utf8),
            labels[labels.count - 2].elementsEqual("amazonaws".utf8)
        else { return nil }
        labels.removeLast(2)
        // From the right: the endpoint's labels, then at least one label of bucket name.
        let endpointLabels: Int
        let last = labels[labels.count - 1]
        if last.elementsEqual("s3".utf8) {
            endpointLabels = 1
        } else if last.starts(with: "s3-".utf8) {
            guard !last.starts(with: "s3-website".utf8), !last.starts(with: "s3-accelerate".utf8),
                isRegion(last.dropFirst(3)) || last.elementsEqual("s3-external-1".utf8)
            else { return nil }
            endpointLabels = 1
        } else if isRegion(last[...]), labels.count >= 2, labels[labels.count - 2].elementsEqual("s3".utf8) {
            endpointLabels = 2
        } else if isRegion(last[...]), labels.count >= 3, labels[labels.count - 2].elementsEqual("dualstack".utf8),
            labels[labels.count - 3].elementsEqual("s3".utf8)
        {
            endpointLabels = 3
        } else {
            return nil
        }
        let bucketLabels = labels.count - endpointLabels
        guard bucketLabels >= 1, labels[..<bucketLabels].allSatisfy({ !$0.isEmpty }) else { return nil }
        return bucketLabels
    }

    /// Whether `label` has the shape of an AWS Region code: `eu-central-1`, `us-gov-west-1`,
    /// `cn-north-1` (letters, dashes, and a number at the end).
    private static func isRegion(_ label: ArraySlice<UInt8>) -> Bool {
        let parts = label.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count >= 3, let number = parts.last, !number.isEmpty,
            number.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return false }
        return parts.dropLast().allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        }
    }

    /// Whether `domain` is an S3 website endpoint (`bucket.s3-website-region.amazonaws.com` or
    /// `bucket.s3-website.region.amazonaws.com`), which speaks only HTTP.
    public static func isS3WebsiteEndpoint(_ domain: String) -> Bool {
        // Cheap rejection first: most origins do not mention s3-website at all.
        guard domain.utf8.count > 14, domain.utf8.contains(where: { $0 == UInt8(ascii: "-") }) else { return false }
        if hasNonASCII(domain) { return false }
        let lowered = asciiLowered(domain)
        return
            (lowered.reversed().starts(with: ".amazonaws.com".utf8.reversed())
            || lowered.reversed().starts(with: ".amazonaws.com.cn".utf8.reversed()))
            && (contains(lowered, ".s3-website-") || contains(lowered, ".s3-website."))
    }

    /// The AWS service behind `domain` when it is one AWS documents as expecting its own domain
    /// name in the `Host` header (so the viewer's `Host`, forwarded by a policy, can keep it from
    /// working): "Amazon API Gateway" (`ID.execute-api.REGION.amazonaws.com`) or "a Lambda
    /// function URL" (`ID.lambda-url.REGION.on.aws`). Nil for anything else, custom domains in
    /// front of these included: cfc cannot see behind them.
    /// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
    public static func hostRoutedService(_ domain: String) -> String? {
        if hasNonASCII(domain) { return nil }
        let labels = asciiLowered(domain).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { Array($0) }
        func label(_ fromEnd: Int) -> ArraySlice<UInt8>? { labels.count > fromEnd ? labels[labels.count - 1 - fromEnd][...] : nil }
        func equals(_ slice: ArraySlice<UInt8>?, _ text: String) -> Bool { slice.map { $0.elementsEqual(text.utf8) } ?? false }
        if labels.count == 5, equals(label(0), "com"), equals(label(1), "amazonaws"), label(2).map(isRegion) == true,
            equals(label(3), "execute-api"), label(4)?.isEmpty == false
        {
            return "Amazon API Gateway"
        }
        if labels.count == 5, equals(label(0), "aws"), equals(label(1), "on"), label(2).map(isRegion) == true,
            equals(label(3), "lambda-url"), label(4)?.isEmpty == false
        {
            return "a Lambda function URL"
        }
        return nil
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
