import Foundation

/// A small, fast, seedable generator (SplitMix64), so property tests draw the same cases on
/// every machine and run. `SystemRandomNumberGenerator` cannot be seeded, which made a failure
/// impossible to reproduce. One generator for every test target.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    /// The seed for a property test: `CFC_TEST_SEED` from the environment when set (to replay a
    /// reported failure or explore new cases), else `fallback`. The test prints it.
    public static func seed(_ fallback: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["CFC_TEST_SEED"].flatMap { UInt64($0) } ?? fallback
    }

    /// A seed of 64 bits from `text` (FNV-1a), stable across runs and platforms, unlike
    /// `Hasher`.
    public static func seed(of text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
