import RoutingModels
import Testing

/// The skill-group semantics Genesys' API reference states for `SkillGroupCondition`: nodes join their
/// routing-skill and language leaves with `operation` (And, Or, Not); leaves name a skill or language,
/// compare the agent's proficiency with an integer 0–5 by one of six comparators, and may carry
/// `childConditions`; members are active users in the group's member divisions.
@Suite("Skill-group evaluation")
struct SkillGroupEvaluationTests {
    typealias Profile = SkillGroupEvaluation.Profile

    static func skill(_ name: String, _ comparator: ProficiencyComparator, _ value: Int, children: [SkillGroupCondition]? = nil) -> SkillGroupRoutingCondition {
        SkillGroupRoutingCondition(routingSkill: name, comparator: comparator, proficiency: value, childConditions: children)
    }

    static func language(_ name: String, _ comparator: ProficiencyComparator, _ value: Int) -> SkillGroupLanguageCondition {
        SkillGroupLanguageCondition(languageSkill: name, comparator: comparator, proficiency: value)
    }

    static func node(
        _ operation: ConditionOperation, skills: [SkillGroupRoutingCondition] = [], languages: [SkillGroupLanguageCondition] = []
    ) -> SkillGroupCondition {
        SkillGroupCondition(routingSkillConditions: skills, languageSkillConditions: languages, operation: operation)
    }

    @Test("the six comparators compare the agent's proficiency with the condition's", arguments: [
        (ProficiencyComparator.equalTo, [false, true, false]),
        (.notEqualTo, [true, false, true]),
        (.lessThan, [true, false, false]),
        (.greaterThan, [false, false, true]),
        (.greaterThanOrEqualTo, [false, true, true]),
        (.lessThanOrEqualTo, [true, true, false]),
    ])
    func comparators(comparator: ProficiencyComparator, expected: [Bool]) {
        let results = [2.0, 3.0, 4.0].map { level in
            SkillGroupEvaluation.matches([Self.node(.and, skills: [Self.skill("Billing", comparator, 3)])], Profile(skills: ["Billing": level]))
        }
        #expect(results == expected)
    }

    @Test("a leaf on a skill the agent does not hold is false, even for NotEqualTo and LessThan")
    func notHeld() {
        for comparator in ProficiencyComparator.knownCases {
            #expect(!SkillGroupEvaluation.matches([Self.node(.and, skills: [Self.skill("Billing", comparator, 3)])], Profile()))
        }
    }

    @Test("And needs every leaf, Or one, Not none; skill and language leaves are joined together")
    func operations() {
        let leaves = (skills: [Self.skill("Billing", .greaterThanOrEqualTo, 3)], languages: [Self.language("French", .greaterThanOrEqualTo, 2)])
        let both = Profile(skills: ["Billing": 4], languages: ["French": 2])
        let skillOnly = Profile(skills: ["Billing": 4])
        let neither = Profile(skills: ["Billing": 1], languages: ["French": 1])
        func holds(_ operation: ConditionOperation, _ profile: Profile) -> Bool {
            SkillGroupEvaluation.matches([Self.node(operation, skills: leaves.skills, languages: leaves.languages)], profile)
        }
        #expect([both, skillOnly, neither].map { holds(.and, $0) } == [true, false, false])
        #expect([both, skillOnly, neither].map { holds(.or, $0) } == [true, true, false])
        #expect([both, skillOnly, neither].map { holds(.not, $0) } == [false, false, true])
    }

    @Test("language conditions compare language proficiencies, not skills of the same name")
    func languages() {
        let condition = [Self.node(.and, languages: [Self.language("Spanish", .greaterThan, 2)])]
        #expect(SkillGroupEvaluation.matches(condition, Profile(languages: ["Spanish": 3])))
        #expect(!SkillGroupEvaluation.matches(condition, Profile(skills: ["Spanish": 5])))
    }

    @Test("a leaf's child conditions must also hold; top-level conditions are joined with And")
    func childConditions() {
        let child = Self.node(.not, languages: [Self.language("German", .greaterThanOrEqualTo, 1)])
        let tree = [Self.node(.and, skills: [Self.skill("Billing", .greaterThan, 2, children: [child])])]
        #expect(SkillGroupEvaluation.matches(tree, Profile(skills: ["Billing": 3])))
        #expect(!SkillGroupEvaluation.matches(tree, Profile(skills: ["Billing": 3], languages: ["German": 4])))
        let twoTop = tree + [Self.node(.and, skills: [Self.skill("Sales", .equalTo, 1)])]
        #expect(!SkillGroupEvaluation.matches(twoTop, Profile(skills: ["Billing": 3])))
        #expect(SkillGroupEvaluation.matches(twoTop, Profile(skills: ["Billing": 3, "Sales": 1])))
    }

    @Test("only active users in a member division are members")
    func membership() {
        let conditions = [Self.node(.and, skills: [Self.skill("Billing", .greaterThanOrEqualTo, 0)])]
        let profile = Profile(skills: ["Billing": 0])
        func member(active: Bool, division: String?) -> Bool {
            SkillGroupEvaluation.isMember(profile, active: active, divisionID: division, conditions: conditions, memberDivisionIDs: ["home"])
        }
        #expect(member(active: true, division: "home"))
        #expect(!member(active: false, division: "home"))
        #expect(!member(active: true, division: "sales"))
        #expect(!member(active: true, division: nil))
    }
}
