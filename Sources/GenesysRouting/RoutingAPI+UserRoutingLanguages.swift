public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Lists the routing languages assigned to a user.
    ///
    /// `GET /api/v2/users/{userId}/routinglanguages` (paging style A). Each entity's `id` is the
    /// organisation language's id. Lazy.
    public func listUserRoutingLanguages(
        userID: String, pageSize: Int = 100, logger: Logger? = nil
    ) -> PageSequence<UserLanguageEntityListing, UserRoutingLanguage> {
        let operation = Self.operation()
        return pagedByNumber(
            operation: operation, path: "/api/v2/users/\(Self.segment(userID))/routinglanguages", pageSize: pageSize,
            validate: { try Validate.id(userID, "userID", operation) }, logger: logger,
            item: { (language: UserRoutingLanguage) in language }
        )
    }

    /// Assigns one language to a user.
    ///
    /// `POST /api/v2/users/{userId}/routinglanguages` with `UserRoutingLanguagePost` `{id, proficiency}`.
    /// - Parameters:
    ///   - userID: The user's id.
    ///   - languageID: The organisation language's id.
    ///   - proficiency: 0.0–5.0 (checked before sending).
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func addUserRoutingLanguage(
        userID: String, languageID: String, proficiency: Double, logger: Logger? = nil
    ) async throws -> UserRoutingLanguage {
        let operation = Self.operation()
        try Validate.id(userID, "userID", operation)
        try Validate.id(languageID, "languageID", operation)
        try Validate.proficiency(proficiency, "proficiency", operation)
        return try await call(
            .post, "/api/v2/users/\(Self.segment(userID))/routinglanguages",
            json: UserRoutingLanguagePost(id: languageID, proficiency: proficiency), operation: operation,
            as: UserRoutingLanguage.self, logger: logger)
    }

    /// Changes the proficiency (and optionally the state) of one of a user's languages.
    ///
    /// `PATCH /api/v2/users/{userId}/routinglanguages/{languageId}` with `UserRoutingLanguage`
    /// `{proficiency, state}` (languages use PATCH where skills use PUT). Retried on a user-version conflict.
    public func updateUserRoutingLanguage(
        userID: String, languageID: String, proficiency: Double, state: SkillState? = nil, logger: Logger? = nil
    ) async throws -> UserRoutingLanguage {
        let operation = Self.operation()
        try Validate.id(userID, "userID", operation)
        try Validate.id(languageID, "languageID", operation)
        try Validate.proficiency(proficiency, "proficiency", operation)
        return try await retryingVersionConflicts(operation: operation, logger: logger) {
            try await call(
                .patch, "/api/v2/users/\(Self.segment(userID))/routinglanguages/\(Self.segment(languageID))",
                json: UserRoutingLanguage(proficiency: proficiency, state: state), operation: operation, isIdempotent: true,
                as: UserRoutingLanguage.self, logger: logger)
        }
    }

    /// Removes one language from a user.
    ///
    /// `DELETE /api/v2/users/{userId}/routinglanguages/{languageId}` (any 2xx).
    public func removeUserRoutingLanguage(userID: String, languageID: String, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(userID, "userID", operation)
        try Validate.id(languageID, "languageID", operation)
        try await callIgnoringBody(
            .delete, "/api/v2/users/\(Self.segment(userID))/routinglanguages/\(Self.segment(languageID))",
            operation: operation, logger: logger)
    }

    /// Adds or updates several of a user's languages, keeping the others.
    ///
    /// `PATCH /api/v2/users/{userId}/routinglanguages/bulk`, in chunks of at most 50 (the API's limit).
    /// Every element is checked first (id present, proficiency 0.0–5.0); duplicates keep the last value;
    /// nothing is sent for an empty list. Each chunk is retried on a user-version conflict.
    /// - Returns: The languages as the server reported them (all responses combined, later wins).
    @discardableResult
    public func addOrUpdateUserRoutingLanguages(
        userID: String, _ languages: [UserRoutingLanguagePost], logger: Logger? = nil
    ) async throws -> [UserRoutingLanguage] {
        let operation = Self.operation()
        let languages = try Self.checkedLanguagePosts(userID: userID, languages, operation: operation)
        return try await patchUserLanguages(userID: userID, languages, operation: operation, logger: logger)
    }

    /// Makes a user's languages exactly `languages`.
    ///
    /// The API has no replace-all call for languages, so this lists the current ones
    /// (`GET /api/v2/users/{userId}/routinglanguages`), adds or updates the wanted ones
    /// (`PATCH /api/v2/users/{userId}/routinglanguages/bulk`, chunks of 50), then removes the others
    /// (`DELETE /api/v2/users/{userId}/routinglanguages/{languageId}`, one per language). Adding before
    /// removing means the user never has fewer languages than needed in between. Not atomic.
    /// - Returns: The user's languages after the change, as the server reported them.
    @discardableResult
    public func replaceUserRoutingLanguages(
        userID: String, _ languages: [UserRoutingLanguagePost], logger: Logger? = nil
    ) async throws -> [UserRoutingLanguage] {
        let operation = Self.operation()
        let languages = try Self.checkedLanguagePosts(userID: userID, languages, operation: operation)
        let current = try await listUserRoutingLanguages(userID: userID, logger: logger).collectItems()
        let patched = try await patchUserLanguages(userID: userID, languages, operation: operation, logger: logger)
        let wanted = Set(languages.compactMap(\.id))
        let extras = current.compactMap(\.id).filter { !wanted.contains($0) }.uniqued()
        for languageID in extras {
            try await removeUserRoutingLanguage(userID: userID, languageID: languageID, logger: logger)
        }
        let removed = Set(extras)
        return Array.mergedByID([current, patched], id: \.id).filter { !removed.contains($0.id ?? "") }
    }

    private func patchUserLanguages(
        userID: String, _ languages: [UserRoutingLanguagePost], operation: String, logger: Logger?
    ) async throws -> [UserRoutingLanguage] {
        try await writeUserBulk(
            languages, path: "/api/v2/users/\(Self.segment(userID))/routinglanguages/bulk", id: \UserRoutingLanguage.id,
            operation: operation, logger: logger)
    }

    /// Checks every element and returns the list with duplicates removed (last wins), with only the
    /// writable fields.
    static func checkedLanguagePosts(
        userID: String, _ languages: [UserRoutingLanguagePost], operation: String
    ) throws -> [UserRoutingLanguagePost] {
        try checkedUserBulkPosts(
            userID: userID, languages, field: "languages", operation: operation, id: \.id, proficiency: \.proficiency,
            writable: { UserRoutingLanguagePost(id: $0, proficiency: $1) })
    }
}
