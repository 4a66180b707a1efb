extension Array {
    /// The array split into consecutive slices of at most `size` elements (none for an empty array).
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        precondition(size > 0, "chunk size must be positive")
        return stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }

    /// The elements with duplicate keys removed: each key keeps its first position and its last value.
    func uniqued<Key: Hashable>(by key: (Element) -> Key) -> [Element] {
        // Spelled out so that an optional `Key` stays a key (`nil` included) rather than meaning "no key".
        collapsed(by: { key($0) } as (Element) -> Key?)
    }

    /// Like ``uniqued(by:)``, except that elements whose key is `nil` are all kept, where they stand.
    private func collapsed<Key: Hashable>(by key: (Element) -> Key?) -> [Element] {
        var position: [Key: Int] = [:]
        var result: [Element] = []
        for element in self {
            guard let k = key(element) else {
                result.append(element)
                continue
            }
            if let index = position[k] {
                result[index] = element
            } else {
                position[k] = result.count
                result.append(element)
            }
        }
        return result
    }
}

extension Array where Element: Hashable {
    /// The elements in order with later duplicates removed.
    func uniqued() -> [Element] { uniqued(by: { $0 }) }
}

extension Array {
    /// Combines lists of entities reported by several responses: later values win, first positions stay;
    /// entities without an id are kept as they are.
    static func mergedByID(_ lists: [[Element]], id: (Element) -> String?) -> [Element] {
        Array(lists.joined()).collapsed(by: id)
    }
}
