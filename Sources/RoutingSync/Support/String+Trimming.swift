extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines (no Foundation needed).
    var trimmed: String {
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }
}

extension StringProtocol {
    /// The number of characters, counting no further than `limit` (so a huge string costs `limit` steps).
    func count(limit: Int) -> Int {
        var count = 0
        for _ in self {
            count += 1
            if count >= limit { break }
        }
        return count
    }
}

extension StringProtocol {
    /// The text with control characters (C0, DEL, C1, line and paragraph separators) written as `\u{1B}`, so
    /// text from a file or an org cannot move the cursor, colour the terminal or forge a line.
    var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isControlCharacter) else { return String(self) }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar.isControlCharacter {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    /// C0 controls, DEL, C1 controls, U+2028 and U+2029.
    var isControlCharacter: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }
}
