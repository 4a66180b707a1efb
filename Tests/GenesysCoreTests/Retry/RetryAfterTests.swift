import Foundation
import GenesysCore
import Testing

@Suite("RetryAfter.parse")
struct RetryAfterTests {
    @Test("reads delta seconds", arguments: [
        ("7", Duration.seconds(7)), ("0", .zero), (" 12 ", .seconds(12)), ("600", .seconds(600)), ("1.5", .milliseconds(1_500)),
    ])
    func deltaSeconds(text: String, expected: Duration) {
        #expect(RetryAfter.parse(text, now: fixedNow) == expected)
    }

    @Test("reads an IMF-fixdate relative to the injected now", arguments: [
        ("Sun, 06 Nov 1994 08:50:07 GMT", 784_111_777.0, Duration.seconds(30)),
        ("Sun, 06 Nov 1994 09:49:37 GMT", 784_111_777.0, .seconds(3_600)),
        ("Wed, 21 Oct 2026 07:28:00 GMT", 1_792_567_680.0 - 90, .seconds(90)),
        ("Thu, 29 Feb 2024 12:00:05 GMT", 1_709_208_000.0, .seconds(5)),
        ("Mon, 01 Jan 2024 00:00:00 GMT", 1_704_067_199.5, .milliseconds(500)),
    ])
    func httpDate(text: String, now: Double, expected: Duration) {
        #expect(RetryAfter.parse(text, now: Date(timeIntervalSince1970: now)) == expected)
    }

    @Test("a date in the past means retry now")
    func pastDate() {
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:49:36 GMT", now: fixedNow) == .zero)
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: fixedNow) == .zero)
        #expect(RetryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT", now: fixedNow) == .zero)
    }

    @Test("garbage is nil", arguments: [
        "", "soon", "-5", "1e", "inf", "nan", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT",
        "Sun, 06 Nov 99999999999999 08:49:37 GMT", "Sun, 06 Nov -99999999999999 08:49:37 GMT",
    ])
    func garbage(text: String) {
        #expect(RetryAfter.parse(text, now: fixedNow) == nil)
    }

    @Test("an absurdly large delta does not crash and is longer than any sane wait", arguments: [
        "99999999999999999999999", "9223372036854775807", "1e300", "99999999999999999.5",
    ])
    func hugeDelta(text: String) {
        let parsed = RetryAfter.parse(text, now: fixedNow)
        #expect(parsed.map { $0 > .seconds(86_400 * 365) } ?? true)
    }
}
