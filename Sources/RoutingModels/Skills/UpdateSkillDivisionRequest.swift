/// The body of `PATCH /api/v2/routing/skills/{skillId}` (`UpdateSkillDivisionRequest`): moves a
/// skill to another division, the only change a skill allows.
public struct UpdateSkillDivisionRequest: Codable, Sendable, Hashable {
    /// The id of the division the skill will belong to.
    public var divisionId: String?

    /// Creates a division-change request.
    public init(divisionId: String? = nil) {
        self.divisionId = divisionId
    }
}
