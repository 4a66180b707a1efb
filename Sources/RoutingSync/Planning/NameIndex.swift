/// Existing objects by exact name and by folded name (trimmed, lower-cased), for identity checks.
struct NameIndex<Item> {
    private var exact: [String: [Item]] = [:]
    private var folded: [String: [(name: String, item: Item)]] = [:]

    init<S: Sequence>(_ items: S, name: (Item) -> String?) where S.Element == Item {
        for item in items {
            guard let itemName = name(item) else { continue }
            exact[itemName, default: []].append(item)
            folded[Self.fold(itemName), default: []].append((itemName, item))
        }
    }

    static func fold(_ name: String) -> String {
        let padded = name.first?.isWhitespace == true || name.last?.isWhitespace == true
        return (padded ? name.trimmed : name).lowercased()
    }

    /// Objects named exactly `name`.
    func exactMatches(_ name: String) -> [Item] { exact[name] ?? [] }

    /// Objects whose name differs from `name` only in case or surrounding whitespace (not exact matches).
    func nearMatches(_ name: String) -> [(name: String, item: Item)] {
        (folded[Self.fold(name)] ?? []).filter { $0.name != name }
    }
}
