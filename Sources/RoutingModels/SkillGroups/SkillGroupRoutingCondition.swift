/// A skill group leaf condition on a routing skill (`SkillGroupRoutingCondition`).
///
/// The skill is named, not referenced by id, and the proficiency is an integer 0–5 (unlike user
/// assignments, which use 0.0–5.0).
public struct SkillGroupRoutingCondition: Codable, Sendable, Hashable {
    /// The routing skill's **name**. Required on write.
    public var routingSkill: String?
    /// How the agent's proficiency is compared with ``proficiency``. Required on write.
    public var comparator: ProficiencyComparator?
    /// The proficiency to compare with: integer 0–5. Required on write.
    public var proficiency: Int?
    /// Nested conditions applied to this condition.
    public var childConditions: [SkillGroupCondition]?

    /// Creates a routing skill condition; every field is optional.
    public init(
        routingSkill: String? = nil,
        comparator: ProficiencyComparator? = nil,
        proficiency: Int? = nil,
        childConditions: [SkillGroupCondition]? = nil
    ) {
        self.routingSkill = routingSkill
        self.comparator = comparator
        self.proficiency = proficiency
        self.childConditions = childConditions
    }
}
