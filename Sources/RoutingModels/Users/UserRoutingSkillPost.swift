/// A skill to assign to a user (`UserRoutingSkillPost`): the body of
/// `POST /api/v2/users/{userId}/routingskills` and the elements of the bulk `PUT`/`PATCH` bodies.
public struct UserRoutingSkillPost: Codable, Sendable, Hashable {
    /// The organisation skill id. Required.
    public var id: String?
    /// How adept the agent is at the skill: 0.0–5.0. Required.
    public var proficiency: Double?
    /// The URI of the organisation skill. Read-only: set by the server.
    public var skillUri: String?
    /// The assignment's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a skill assignment; every field is optional.
    public init(id: String? = nil, proficiency: Double? = nil, skillUri: String? = nil, selfUri: String? = nil) {
        self.id = id
        self.proficiency = proficiency
        self.skillUri = skillUri
        self.selfUri = selfUri
    }
}
