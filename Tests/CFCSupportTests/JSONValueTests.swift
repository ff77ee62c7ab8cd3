import CFCSupport
import CFCTestSupport
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func layoutsAreExact() {
        let value = JSONValue.object([
            "name": .string("www"),
            "empty-list": .array([]),
            "empty-object": .object([JSONMember]()),
            "inline": .inlineObject(["a": .integer(1), "b": .inlineArray([.bool(true), .null])]),
            "block-in-inline": .inlineObject(["changes": .array([.integer(1), .integer(2)])]),
            "usd": .fixed(1500, fractionDigits: 3),
        ])
        let expected = """
            {
              "name": "www",
              "empty-list": [],
              "empty-object": {},
              "inline": {"a": 1, "b": [true, null]},
              "block-in-inline": {"changes": [
                1,
                2
              ]},
              "usd": 1.500
            }

            """
        #expect(String(decoding: value.rendered(), as: UTF8.self) == expected)
    }

    @Test(arguments: [
        (Int64(0), 3, "0.000"), (Int64(7), 3, "0.007"), (Int64(-7), 3, "-0.007"), (Int64(123_456), 2, "1234.56"),
        (Int64(42), 0, "42"), (Int64.min, 0, "-9223372036854775808"), (Int64.min, 18, "-9.223372036854775808"),
    ])
    func fixedPointNumbers(units: Int64, digits: Int, expected: String) {
        var out: [UInt8] = []
        JSONValue.fixed(units, fractionDigits: digits).write(into: &out)
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }

    /// Law: whatever strings and shapes go in, the output is one JSON document that a
    /// standard parser reads back to the same value.
    @Test func randomValuesRoundTripThroughFoundation() throws {
        let seed = SeededRandom.seed(0x4A53_4F4E)
        print("JSONValue round trip seed: \(seed)")
        var random = SeededRandom(seed: seed)
        for _ in 0..<500 {
            let value = Self.randomValue(depth: 0, using: &random)
            let bytes = value.rendered()
            let parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            #expect(Self.matches(value, parsed), "seed \(seed): \(String(decoding: bytes, as: UTF8.self))")
        }
    }

    // MARK: - Helpers

    /// Characters that break hand-made JSON: quotes, backslashes, every C0 control, DEL, C1,
    /// U+2028/U+2029, non-ASCII letters and an astral scalar.
    static let alphabet: [Unicode.Scalar] =
        ["\"", "\\", "/", "a", "Z", " ", "é", "☃", "\u{2028}", "\u{2029}", "\u{7F}", "\u{85}", "\u{1F600}"]
        + (0..<0x20).map { Unicode.Scalar(UInt8($0)) }

    static func randomString(using random: inout SeededRandom) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            text.unicodeScalars.append(alphabet.randomElement(using: &random)!)
        }
        return text
    }

    static func randomValue(depth: Int, using random: inout SeededRandom) -> JSONValue {
        let layout: JSONLayout = Bool.random(using: &random) ? .block : .inline
        switch Int.random(in: 0..<(depth < 4 ? 8 : 5), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .integer(Int64.random(in: Int64.min...Int64.max, using: &random) >> Int64.random(in: 0...63, using: &random))
        case 3:
            return .fixed(Int64.random(in: -1_000_000...1_000_000, using: &random), fractionDigits: Int.random(in: 0...6, using: &random))
        case 4: return .string(randomString(using: &random))
        case 5, 6:
            // Keys are unique: Foundation keeps one of two equal keys, so the comparison could not tell.
            var keys = Set<String>()
            var members: [JSONMember] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let key = randomString(using: &random)
                if keys.insert(key).inserted { members.append(JSONMember(key, randomValue(depth: depth + 1, using: &random))) }
            }
            return .object(members, layout)
        default:
            return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in randomValue(depth: depth + 1, using: &random) }, layout)
        }
    }

    /// Whether Foundation's reading of the output is `value`.
    static func matches(_ value: JSONValue, _ parsed: Any) -> Bool {
        switch value {
        case .null: return parsed is NSNull
        case .bool(let bool): return (parsed as? Bool) == bool
        case .integer(let integer): return (parsed as? NSNumber)?.int64Value == integer
        case .fixed(let units, let digits):
            guard let number = parsed as? NSNumber else { return false }
            let expected = Double(units) / pow(10, Double(digits))
            return abs(number.doubleValue - expected) <= abs(expected) * 1e-12
        case .string(let string): return parsed as? String == string
        case .array(let elements, _):
            guard let array = parsed as? [Any], array.count == elements.count else { return false }
            return zip(elements, array).allSatisfy { matches($0, $1) }
        case .object(let members, _):
            guard let object = parsed as? [String: Any], object.count == members.count else { return false }
            return members.allSatisfy { member in object[member.key].map { matches(member.value, $0) } ?? false }
        }
    }

}
