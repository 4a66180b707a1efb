import GenesysCore

/// Exact-name look-ups on top of the server's name filter, which is a prefix / contains search (the `name`
/// parameter of `getRoutingSkills`, `getRoutingQueues`, `getRoutingSkillgroups`, …): the comparison is done
/// here, case-sensitively.
enum ExactName {
    /// Every item of `listing` (a listing filtered by the server on `name`) named exactly `name`.
    /// - Throws: `GenesysError.Code.invalidRequest` for a blank `name` (before anything is sent); `GenesysError`.
    static func all<Page, T>(
        in listing: PageSequence<Page, T>, named name: String, operation: String, name nameOf: (T) -> String?
    ) async throws -> [T] {
        try Validate.name(name, "name", operation)
        return try await listing.collectItems().filter { nameOf($0) == name }
    }

    /// The one element of `matches`, the elements that have the `property` `name` exactly.
    /// - Returns: `nil` when there is none.
    /// - Throws: `GenesysError.Code.conflict` when there are several: a name is a sync tool's identity, so an
    ///   ambiguous one must not be resolved by picking one at random.
    static func single<T>(
        _ matches: [T], named name: String, kind: String, property: String = "name", operation: String,
        id idOf: (T) -> String?
    ) throws -> T? {
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
