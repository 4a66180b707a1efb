/// The body of `POST /api/v2/routing/skills` (`CreateRoutingSkill`).
public struct CreateRoutingSkill: Codable, Sendable, Hashable {
    /// The skill name. Required.
    public var name: String?
    /// The id of the division the skill will belong to.
    public var divisionId: String?

    /// Creates a create-skill request.
    public init(name: String? = nil, divisionId: String? = nil) {
        self.name = name
        self.divisionId = divisionId
    }
}
