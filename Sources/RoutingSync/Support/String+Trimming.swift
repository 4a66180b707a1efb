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
