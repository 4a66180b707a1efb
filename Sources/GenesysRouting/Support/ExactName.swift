import GenesysCore

/// Exact-name look-ups on top of the server's name filter, which is a prefix / contains search
/// (ROUTING-API.md §4): the comparison is done here, case-sensitively.
enum ExactName {
    /// The one element of `candidates` named exactly `name`.
    /// - Returns: `nil` when none is.
    /// - Throws: `GenesysError.Code.conflict` when several are: a name is a sync tool's identity, so an
    ///   ambiguous one must not be resolved by picking one at random.
    static func single<T>(
        _ candidates: [T], named name: String, kind: String, property: String = "name", operation: String,
        name nameOf: (T) -> String?, id idOf: (T) -> String?
    ) throws -> T? {
        let matches = candidates.filter { nameOf($0) == name }
        guard matches.count <= 1 else {
            let ids = matches.map { idOf($0) ?? "?" }.joined(separator: ", ")
            throw GenesysError(
                code: .conflict, operation: operation,
                message: "\(matches.count) \(kind) have the \(property) \"\(name)\" exactly (ids \(ids)); use the plural look-up to choose"
            )
        }
        return matches.first
    }
}
