#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// JSON coders configured for the Genesys Cloud wire format.
///
/// Dates are ISO-8601 strings in UTC, `yyyy-MM-ddTHH:mm:ss[.mmm]Z` (the date format of Genesys' API reference). The
/// decoder accepts them with or without fractional seconds (any number of digits) and with a `Z`
/// or numeric offset; the encoder always writes milliseconds. Each call returns a new coder; no
/// state is shared.
public enum GenesysJSON {
    /// Returns a decoder that reads Genesys dates with or without fractional seconds.
    ///
    /// Unknown JSON fields are ignored by the models' `Codable` conformances.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let string = try container.decode(String.self)
            guard let date = parseDate(string) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "Expected an ISO-8601 date such as 2024-01-31T12:00:00.000Z, got \"\(string)\""
                )
            }
            return date
        }
        return decoder
    }

    /// Returns an encoder that writes dates as `yyyy-MM-ddTHH:mm:ss.SSSZ` and leaves `/` unescaped.
    ///
    /// - Parameters:
    ///   - prettyPrinted: Indent the output (for logs and fixtures). Off by default.
    ///   - sortedKeys: Sort object keys (for stable output). Off by default.
    public static func makeEncoder(prettyPrinted: Bool = false, sortedKeys: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        var formatting: JSONEncoder.OutputFormatting = [.withoutEscapingSlashes]
        if prettyPrinted { formatting.insert(.prettyPrinted) }
        if sortedKeys { formatting.insert(.sortedKeys) }
        encoder.outputFormatting = formatting
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatDate(date))
        }
        return encoder
    }

    /// Parses a Genesys date string: `yyyy-MM-ddTHH:mm:ss` followed by optional fractional
    /// seconds of any precision and a `Z` or `±hh:mm` offset. Returns `nil` if it does not parse.
    public static func parseDate(_ string: String) -> Date? {
        var withoutFraction = Substring(string)
        var fraction = 0.0
        if let timeStart = string.firstIndex(of: "T"),
            let dot = string[timeStart...].firstIndex(of: ".")
        {
            let digitsStart = string.index(after: dot)
            let digitsEnd = string[digitsStart...].firstIndex { !("0"..."9").contains($0) } ?? string.endIndex
            let digits = string[digitsStart..<digitsEnd]
            guard !digits.isEmpty, let value = Double("0." + digits) else { return nil }
            fraction = value
            withoutFraction = string[..<dot] + string[digitsEnd...]
        }
        guard let whole = try? wholeSecondsStyle.parse(String(withoutFraction)) else { return nil }
        return whole.addingTimeInterval(fraction)
    }

    /// Formats a date as `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC, rounded to the nearest millisecond.
    public static func formatDate(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.isFinite, abs(milliseconds) < 1e15 else {
            return date.formatted(wholeSecondsStyle)
        }
        let total = Int64(milliseconds)
        let (quotient, remainder) = total.quotientAndRemainder(dividingBy: 1000)
        let seconds = remainder < 0 ? quotient - 1 : quotient
        let millis = remainder < 0 ? remainder + 1000 : remainder
        let base = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(wholeSecondsStyle)
        guard base.hasSuffix("Z") else { return base }
        let digits = String(millis)
        return base.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` in UTC; the fraction is handled by hand so any precision parses
    /// and formatting rounds instead of truncating.
    private static let wholeSecondsStyle = Date.ISO8601FormatStyle()
}
