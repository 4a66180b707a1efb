import Foundation
import RoutingModels
import Testing

@Suite("GenesysJSON coders")
struct GenesysJSONTests {
    private struct Stamped: Codable, Equatable {
        var at: Date?
    }

    @Test(
        "dates decode with and without fractional seconds, in any precision",
        arguments: [
            ("2024-03-05T10:11:12Z", 0),
            ("2024-03-05T10:11:12.000Z", 0),
            ("2024-03-05T10:11:12.123Z", 123),
            ("2024-03-05T10:11:12.1Z", 100),
            ("2024-03-05T10:11:12.12Z", 120),
            ("2024-03-05T10:11:12.123456Z", 123),
            ("2024-03-05T10:11:12.123456789Z", 123),
            ("2024-03-05T10:11:12.999Z", 999),
        ]
    )
    func decodesDates(_ string: String, milliseconds: Int) throws {
        let stamped = try decode(#"{"at":"\#(string)"}"#, as: Stamped.self)
        let date = try #require(stamped.at)
        let expected = utcDate(2024, 3, 5, 10, 11, 12, milliseconds: milliseconds)
        #expect(abs(date.timeIntervalSince(expected)) < 0.001)
    }

    @Test("sub-millisecond digits are kept when decoding")
    func keepsSubMilliseconds() throws {
        let date = try #require(GenesysJSON.parseDate("2024-03-05T10:11:12.123456Z"))
        let expected = utcDate(2024, 3, 5, 10, 11, 12).addingTimeInterval(0.123456)
        #expect(abs(date.timeIntervalSince(expected)) < 0.000_01)
    }

    @Test("numeric UTC offsets are converted to UTC")
    func decodesOffsets() throws {
        let date = try #require(GenesysJSON.parseDate("2024-03-05T12:11:12.500+02:00"))
        #expect(sameMillisecond(date, utcDate(2024, 3, 5, 10, 11, 12, milliseconds: 500)))
    }

    @Test(
        "malformed dates are rejected",
        arguments: ["", "yesterday", "2024-03-05", "2024-03-05T10:11:12.Z", "2024-13-45T10:11:12Z"]
    )
    func rejectsMalformedDates(_ string: String) {
        #expect(GenesysJSON.parseDate(string) == nil)
        #expect(throws: DecodingError.self) {
            try decode(#"{"at":"\#(string)"}"#, as: Stamped.self)
        }
    }

    @Test("dates encode as yyyy-MM-ddTHH:mm:ss.SSSZ in UTC")
    func encodesDates() throws {
        let date = utcDate(2024, 2, 29, 23, 59, 59, milliseconds: 7)
        #expect(GenesysJSON.formatDate(date) == "2024-02-29T23:59:59.007Z")
        #expect(GenesysJSON.formatDate(utcDate(2024, 1, 1)) == "2024-01-01T00:00:00.000Z")
        #expect(try encodeToString(Stamped(at: date)) == #"{"at":"2024-02-29T23:59:59.007Z"}"#)
    }

    @Test("formatting rounds to the nearest millisecond instead of truncating")
    func roundsMilliseconds() {
        #expect(GenesysJSON.formatDate(utcDate(2024, 1, 1).addingTimeInterval(0.9996)) == "2024-01-01T00:00:01.000Z")
        #expect(GenesysJSON.formatDate(utcDate(2024, 1, 1).addingTimeInterval(0.0014)) == "2024-01-01T00:00:00.001Z")
    }

    @Test("every millisecond value survives parse → format unchanged")
    func millisecondRoundTrip() throws {
        for millisecond in 0..<1000 {
            let digits = String(millisecond)
            let string = "2024-03-05T10:11:12." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
            let date = try #require(GenesysJSON.parseDate(string))
            #expect(GenesysJSON.formatDate(date) == string)
        }
    }

    @Test("dates before 1970 format correctly")
    func datesBefore1970() throws {
        let string = "1969-12-31T23:59:59.250Z"
        let date = try #require(GenesysJSON.parseDate(string))
        #expect(GenesysJSON.formatDate(date) == string)
    }

    @Test("the encoder leaves slashes unescaped and sorts keys only when asked")
    func encoderOptions() throws {
        let skill = RoutingSkill(name: "B", selfUri: "/api/v2/routing/skills/1")
        let plain = String(decoding: try GenesysJSON.makeEncoder().encode(skill), as: UTF8.self)
        #expect(plain.contains(#""/api/v2/routing/skills/1""#))
        #expect(!plain.contains("\n"))

        let sorted = String(decoding: try GenesysJSON.makeEncoder(sortedKeys: true).encode(skill), as: UTF8.self)
        #expect(sorted == #"{"name":"B","selfUri":"/api/v2/routing/skills/1"}"#)

        let pretty = String(decoding: try GenesysJSON.makeEncoder(prettyPrinted: true).encode(skill), as: UTF8.self)
        #expect(pretty.contains("\n"))
    }
}
