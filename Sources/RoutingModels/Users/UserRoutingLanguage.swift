/// An organisation language assigned to a user (`UserRoutingLanguage`), from
/// `/api/v2/users/{userId}/routinglanguages`; also the body of `PATCH …/routinglanguages/{languageId}`.
///
/// ``id`` is the organisation language's id, not an assignment id.
public struct UserRoutingLanguage: Codable, Sendable, Hashable {
    /// The organisation language id. Read-only: set by the server.
    public var id: String?
    /// The language name.
    public var name: String?
    /// How fluent the agent is in the language: 0.0–5.0.
    public var proficiency: Double?
    /// Activates or deactivates the assignment without removing it.
    public var state: SkillState?
    /// The URI of the organisation language. Read-only: set by the server.
    public var languageUri: String?
    /// The assignment's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a user language; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        proficiency: Double? = nil,
        state: SkillState? = nil,
        languageUri: String? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.proficiency = proficiency
        self.state = state
        self.languageUri = languageUri
        self.selfUri = selfUri
    }
}
