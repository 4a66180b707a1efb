/// A skill group leaf condition on a language skill (`SkillGroupLanguageCondition`).
///
/// The language is named, not referenced by id, and the proficiency is an integer 0–5.
public struct SkillGroupLanguageCondition: Codable, Sendable, Hashable {
    /// The language's **name**. Required on write.
    public var languageSkill: String?
    /// How the agent's proficiency is compared with ``proficiency``. Required on write.
    public var comparator: ProficiencyComparator?
    /// The proficiency to compare with: integer 0–5. Required on write.
    public var proficiency: Int?
    /// Nested conditions applied to this condition.
    public var childConditions: [SkillGroupCondition]?

    /// Creates a language skill condition; every field is optional.
    public init(
        languageSkill: String? = nil,
        comparator: ProficiencyComparator? = nil,
        proficiency: Int? = nil,
        childConditions: [SkillGroupCondition]? = nil
    ) {
        self.languageSkill = languageSkill
        self.comparator = comparator
        self.proficiency = proficiency
        self.childConditions = childConditions
    }
}
