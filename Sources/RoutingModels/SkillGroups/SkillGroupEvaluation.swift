/// Which agents a skill group's conditions and member divisions select: one pure evaluation, used by
/// `RoutingSync`'s routing-impact preview and by `GenesysTesting`'s in-memory org.
///
/// Genesys' API reference defines the shape (`SkillGroupCondition`: a tree whose nodes join their
/// `routingSkillConditions` and `languageSkillConditions` with `operation` And/Or/Not, each leaf naming a
/// skill or language by name with an integer `proficiency` 0–5 and a `comparator`, and optional
/// `childConditions`); the evaluation follows it:
///
/// - A node's ``SkillGroupCondition/operation`` joins the node's leaves (skill and language leaves
///   together): `And` — all are true, `Or` — at least one is true, `Not` — none is true. An unknown
///   operation is treated as `And`.
/// - A leaf is true when the agent holds that skill or language (an active assignment; names compared
///   exactly), the agent's proficiency compared with the leaf's `proficiency` by its `comparator` holds
///   (`NotEqualTo` also needs the agent to hold it), **and** every node in the leaf's
///   `childConditions` is true.
/// - The group's top-level `skillConditions` are joined with `And`.
/// - Members are only **active** users in one of the group's member divisions.
public enum SkillGroupEvaluation {
    /// An agent as the evaluation sees them: active proficiencies by skill and language **name**.
    public struct Profile: Sendable, Hashable {
        /// Proficiency (0.0–5.0) of each active skill assignment, by skill name.
        public var skills: [String: Double]
        /// Proficiency (0.0–5.0) of each active language assignment, by language name.
        public var languages: [String: Double]

        /// Creates a profile.
        public init(skills: [String: Double] = [:], languages: [String: Double] = [:]) {
            self.skills = skills
            self.languages = languages
        }
    }

    /// Whether `profile` satisfies every top-level condition (joined with `And`).
    public static func matches(_ conditions: [SkillGroupCondition], _ profile: Profile) -> Bool {
        conditions.allSatisfy { evaluate($0, profile) }
    }

    /// Whether an agent is a member: active, in one of `memberDivisionIDs`, and matching `conditions`.
    public static func isMember(
        _ profile: Profile, active: Bool, divisionID: String?, conditions: [SkillGroupCondition],
        memberDivisionIDs: Set<String>
    ) -> Bool {
        guard active, let divisionID, memberDivisionIDs.contains(divisionID) else { return false }
        return matches(conditions, profile)
    }

    /// Whether one node of the tree is true for `profile`.
    public static func evaluate(_ node: SkillGroupCondition, _ profile: Profile) -> Bool {
        var results: [Bool] = []
        for leaf in node.routingSkillConditions ?? [] {
            results.append(leafHolds(leaf.routingSkill.flatMap { profile.skills[$0] }, leaf.comparator, leaf.proficiency, leaf.childConditions, profile))
        }
        for leaf in node.languageSkillConditions ?? [] {
            results.append(leafHolds(leaf.languageSkill.flatMap { profile.languages[$0] }, leaf.comparator, leaf.proficiency, leaf.childConditions, profile))
        }
        switch node.operation {
        case .or?: return results.contains(true)
        case .not?: return !results.contains(true)
        default: return results.allSatisfy { $0 }
        }
    }

    /// Whether `held <comparator> value` holds; `false` when the agent does not hold the skill.
    public static func compare(_ held: Double?, _ comparator: ProficiencyComparator?, _ value: Int?) -> Bool {
        guard let held, let value else { return false }
        let target = Double(value)
        switch comparator {
        case .equalTo?: return held == target
        case .notEqualTo?: return held != target
        case .lessThan?: return held < target
        case .greaterThan?: return held > target
        case .greaterThanOrEqualTo?: return held >= target
        case .lessThanOrEqualTo?: return held <= target
        default: return false
        }
    }

    private static func leafHolds(
        _ held: Double?, _ comparator: ProficiencyComparator?, _ value: Int?, _ children: [SkillGroupCondition]?, _ profile: Profile
    ) -> Bool {
        compare(held, comparator, value) && (children ?? []).allSatisfy { evaluate($0, profile) }
    }
}
