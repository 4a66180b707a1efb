/// A language to assign to a user (`UserRoutingLanguagePost`): the body of
/// `POST /api/v2/users/{userId}/routinglanguages` and the elements of the bulk `PATCH` body
/// (at most 50 per request).
public struct UserRoutingLanguagePost: Codable, Sendable, Hashable {
    /// The organisation language id. Required.
    public var id: String?
    /// How fluent the agent is in the language: 0.0–5.0. Required.
    public var proficiency: Double?
    /// The URI of the organisation language. Read-only: set by the server.
    public var languageUri: String?
    /// The assignment's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a language assignment; every field is optional.
    public init(id: String? = nil, proficiency: Double? = nil, languageUri: String? = nil, selfUri: String? = nil) {
        self.id = id
        self.proficiency = proficiency
        self.languageUri = languageUri
        self.selfUri = selfUri
    }
}
