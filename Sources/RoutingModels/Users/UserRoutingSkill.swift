/// An organisation skill assigned to a user (`UserRoutingSkill`), from
/// `/api/v2/users/{userId}/routingskills`; also the body of `PUT …/routingskills/{skillId}`.
///
/// ``id`` is the organisation skill's id, not an assignment id.
public struct UserRoutingSkill: Codable, Sendable, Hashable {
    /// The organisation skill id. Read-only: set by the server.
    public var id: String?
    /// The skill name.
    public var name: String?
    /// How adept the agent is at the skill: 0.0–5.0.
    public var proficiency: Double?
    /// Activates or deactivates the assignment without removing it.
    public var state: SkillState?
    /// The URI of the organisation skill. Read-only: set by the server.
    public var skillUri: String?
    /// The assignment's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a user skill; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        proficiency: Double? = nil,
        state: SkillState? = nil,
        skillUri: String? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.proficiency = proficiency
        self.state = state
        self.skillUri = skillUri
        self.selfUri = selfUri
    }
}
