/// The forms of the identifiers CloudFront hands out, so that a value from a file or an option
/// that cannot be one is refused where it enters, not pasted into an `aws` command.
public enum CloudFrontIdentifier {
    /// Whether `value` can be a distribution id: capital letters and digits, such as
    /// `EDFDVBD6EXAMPLE` (the API reference's example; CloudFront's ids are 13 or 14 of them).
    public static func isDistributionID(_ value: String) -> Bool {
        (1...64).contains(value.utf8.count) && value.utf8.allSatisfy(isCapitalOrDigit)
    }

    /// Whether `value` can be an `ETag` CloudFront returns with a config: letters and digits,
    /// such as `E2QWRUHAPOMQZL`.
    public static func isETag(_ value: String) -> Bool {
        (1...128).contains(value.utf8.count)
            && value.utf8.allSatisfy { isCapitalOrDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }

    private static func isCapitalOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
