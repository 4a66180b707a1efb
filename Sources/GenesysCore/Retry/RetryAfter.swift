#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Parsing of the `Retry-After` header.
public enum RetryAfter {
    /// Parses `Retry-After` in either form RFC 9110 allows: delta-seconds (`"7"`) or an HTTP-date
    /// (`"Wed, 21 Oct 2026 07:28:00 GMT"`), the latter relative to `now`. Past dates give zero; anything
    /// unparsable gives `nil`.
    public static func parse(_ value: String, now: Date) -> Duration? {
        let trimmed = String(value.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        if let seconds = Int(trimmed) { return seconds >= 0 ? .seconds(seconds) : nil }
        if let seconds = Double(trimmed), seconds.isFinite, seconds >= 0 { return milliseconds(rounding: seconds) }
        guard let date = parseHTTPDate(trimmed) else { return nil }
        let delta = date.timeIntervalSince(now)
        return delta > 0 ? milliseconds(rounding: delta) : .zero
    }

    /// `seconds` rounded up to whole milliseconds. Values too large for `Int` milliseconds (an absurd
    /// header such as `99999999999999999999`) saturate instead of trapping: any policy treats them as
    /// "too long to wait".
    private static func milliseconds(rounding seconds: Double) -> Duration {
        let milliseconds = (seconds * 1000).rounded(.up)
        guard milliseconds < Double(Int.max) else { return .seconds(Int.max) }
        return .milliseconds(Int(milliseconds))
    }

    /// IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT` (the only date form servers may send).
    static func parseHTTPDate(_ text: String) -> Date? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = text.split(separator: " ")
        // IMF-fixdate has a 2-digit day and a 4-digit year; insisting on that also keeps the day
        // arithmetic below far from overflow on hostile input.
        guard parts.count == 6, parts[5] == "GMT", parts[1].count == 2, parts[3].count == 4,
              parts[1].allSatisfy(\.isASCIIDigit), parts[3].allSatisfy(\.isASCIIDigit),
              let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
              let year = Int(parts[3]) else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        // Days since 1970-01-01 (civil-from-days inverse, proleptic Gregorian).
        let m = monthIndex + 1
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
