public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Lists the organisation's routing languages.
    ///
    /// `GET /api/v2/routing/languages` (paging style A). Languages in state `deleted` are left out of the
    /// items. Lazy: nothing is sent until iteration starts.
    /// - Parameters:
    ///   - name: The server's `name` filter (a search, not an exact match); see
    ///     ``findLanguage(named:logger:)``.
    ///   - ids: Only these languages (`id`, repeated); more than 100 are fetched in chunks. An empty array
    ///     matches nothing.
    ///   - pageSize: Languages per page; 100 by default.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listLanguages(
        name: String? = nil, ids: [String]? = nil, pageSize: Int = 100, logger: Logger? = nil
    ) -> PageSequence<LanguageEntityListing, Language> {
        var query: Query = []
        query.append("name", name)
        return pagedByNumber(
            operation: Self.operation(), path: "/api/v2/routing/languages", query: query, pageSize: pageSize,
            ids: ids, logger: logger,
            item: { (language: Language) in language.state == .deleted ? nil : language }
        )
    }

    /// Finds the language named exactly `name` (case-sensitive), ignoring languages in state `deleted`.
    ///
    /// `GET /api/v2/routing/languages?name=…` followed by an exact comparison on the client.
    /// - Returns: The language, or `nil`.
    /// - Throws: `GenesysError.Code.conflict` when several have exactly this name (see
    ///   ``findLanguages(named:logger:)``).
    public func findLanguage(named name: String, logger: Logger? = nil) async throws -> Language? {
        let operation = Self.operation()
        try Validate.name(name, "name", operation)
        return try ExactName.single(
            try await findLanguages(named: name, logger: logger), named: name, kind: "languages", operation: operation, id: \.id
        )
    }

    /// Every non-deleted language named exactly `name` (case-sensitive).
    ///
    /// `GET /api/v2/routing/languages?name=…` followed by an exact comparison on the client.
    public func findLanguages(named name: String, logger: Logger? = nil) async throws -> [Language] {
        try await ExactName.all(in: listLanguages(name: name, logger: logger), named: name, operation: Self.operation(), name: \.name)
    }

    /// Reads one language.
    ///
    /// `GET /api/v2/routing/languages/{languageId}`.
    public func getLanguage(id: String, logger: Logger? = nil) async throws -> Language {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        return try await call(.get, "/api/v2/routing/languages/\(Self.segment(id))", operation: operation, as: Language.self, logger: logger)
    }

    /// Creates a language. There is no update call for languages.
    ///
    /// `POST /api/v2/routing/languages` (`postRoutingLanguages`) with a `Language` body of which only `name`
    /// (required, not blank) is sent. Like skills, a new language can be missing from searches for a short
    /// while; wait with ``waitForValue(timeout:initialDelay:maxDelay:_:logger:)``.
    public func createLanguage(_ language: Language, logger: Logger? = nil) async throws -> Language {
        let operation = Self.operation()
        try Validate.name(language.name, "name", operation)
        return try await call(
            .post, "/api/v2/routing/languages", json: Language(name: language.name), operation: operation, as: Language.self,
            logger: logger)
    }

    /// Deletes a language.
    ///
    /// `DELETE /api/v2/routing/languages/{languageId}` (any 2xx).
    public func deleteLanguage(id: String, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        try await callIgnoringBody(.delete, "/api/v2/routing/languages/\(Self.segment(id))", operation: operation, logger: logger)
    }
}
