import RoutingModels

/// Decides which users a skill group's conditions select.
///
/// Genesys does not fully document the semantics of the condition tree, so this is the fake's model:
///
/// - A node's ``SkillGroupCondition/operation`` joins the node's leaf conditions (its
///   `routingSkillConditions` and `languageSkillConditions` together): `And` — all are true, `Or` — at
///   least one is true, `Not` — none is true.
/// - A leaf is true when the user holds that skill or language (an **active** assignment of a skill or
///   language that is not deleted; names compared exactly), the user's proficiency compared with the
///   leaf's integer `proficiency` by its `comparator` holds (`NotEqualTo` also needs the user to hold
///   it), **and** every node in the leaf's `childConditions` is true.
/// - The group's top-level `skillConditions` are joined with `And`.
/// - Only active users in the group's member divisions are considered.
struct SkillGroupEvaluator {
    /// A user's active proficiencies by skill name and by language name.
    struct Profile {
        var skills: [String: Double]
        var languages: [String: Double]
    }

    /// Skill names by id (deleted skills left out).
    let skillNames: [String: String]
    /// Language names by id (deleted languages left out).
    let languageNames: [String: String]

    init(state: FakeOrgState) {
        var skills: [String: String] = [:]
        for skill in state.skills where skill.state != .deleted {
            if let id = skill.id, let name = skill.name { skills[id] = name }
        }
        var languages: [String: String] = [:]
        for language in state.languages where language.state != .deleted {
            if let id = language.id, let name = language.name { languages[id] = name }
        }
        skillNames = skills
        languageNames = languages
    }

    func profile(of record: FakeOrgState.UserRecord) -> Profile {
        var skills: [String: Double] = [:]
        for assignment in record.skills where assignment.state == .active {
            if let name = skillNames[assignment.id] { skills[name] = assignment.proficiency }
        }
        var languages: [String: Double] = [:]
        for assignment in record.languages where assignment.state == .active {
            if let name = languageNames[assignment.id] { languages[name] = assignment.proficiency }
        }
        return Profile(skills: skills, languages: languages)
    }

    /// Whether `profile` satisfies every top-level condition.
    func matches(_ conditions: [SkillGroupCondition], _ profile: Profile) -> Bool {
        conditions.allSatisfy { evaluate($0, profile) }
    }

    func evaluate(_ node: SkillGroupCondition, _ profile: Profile) -> Bool {
        let skillLeaves = (node.routingSkillConditions ?? []).lazy.map { leaf in
            leafHolds(held: leaf.routingSkill.flatMap { profile.skills[$0] }, leaf.comparator, leaf.proficiency, leaf.childConditions, profile)
        }
        let languageLeaves = (node.languageSkillConditions ?? []).lazy.map { leaf in
            leafHolds(held: leaf.languageSkill.flatMap { profile.languages[$0] }, leaf.comparator, leaf.proficiency, leaf.childConditions, profile)
        }
        let results = Array(skillLeaves) + Array(languageLeaves)
        switch node.operation {
        case .or?: return results.contains(true)
        case .not?: return !results.contains(true)
        default: return results.allSatisfy { $0 }
        }
    }

    private func leafHolds(
        held: Double?, _ comparator: ProficiencyComparator?, _ value: Int?, _ children: [SkillGroupCondition]?, _ profile: Profile
    ) -> Bool {
        guard let held, let value else { return false }
        let target = Double(value)
        let compared: Bool
        switch comparator {
        case .equalTo?: compared = held == target
        case .notEqualTo?: compared = held != target
        case .lessThan?: compared = held < target
        case .greaterThan?: compared = held > target
        case .greaterThanOrEqualTo?: compared = held >= target
        case .lessThanOrEqualTo?: compared = held <= target
        default: compared = false
        }
        return compared && (children ?? []).allSatisfy { evaluate($0, profile) }
    }
}

extension OrgEngine {
    /// The users the conditions of the group at `position` in `state.skillGroups` select right now:
    /// active users in the group's member divisions, ordered by name. Computed again only after users,
    /// skills, languages or skill groups change.
    func computeMembers(ofGroupAt position: Int) -> [String] {
        if let cached = derived.members, cached.revisions.sameMemberships(as: state.revisions) {
            if let members = cached.byPosition[position] { return members }
        } else {
            derived.members = (state.revisions, [:])
        }
        let record = state.skillGroups[position]
        let index = membershipIndex()
        let divisions = Set(record.memberDivisionIDs)
        let conditions = record.group.skillConditions ?? []
        // Only users who hold something the conditions ask for can match (see `candidates(for:)`);
        // they are considered in the state's order, as when every user is.
        let members = (index.candidates(for: conditions) ?? Array(state.users.indices))
            .filter { position in
                guard let profile = index.profiles[position] else { return false }
                return divisions.contains(state.users[position].user.division?.id ?? "") && index.evaluator.matches(conditions, profile)
            }
            .map { state.users[$0].user }
            .sorted { NameFilter.ordered(($0.name, $0.id), ($1.name, $1.id)) }
            .compactMap(\.id)
        derived.members?.byPosition[position] = members
        return members
    }

    /// Profiles and holders of the users; built again only after users, skills or languages change.
    func membershipIndex() -> MembershipIndex {
        if let cached = derived.membership, cached.revisions.sameProfiles(as: state.revisions) { return cached.index }
        let index = MembershipIndex(state: state)
        derived.membership = (state.revisions, index)
        return index
    }

    /// The membership reads report: while an evaluation is in progress, the membership from before the
    /// change; afterwards, the live evaluation.
    func visibleMembers(ofGroup id: String) -> [String] {
        if let pending = runtime.pendingGroups[id], pending.until > now { return pending.previousMembers }
        guard let position = skillGroupPosition(id) else { return [] }
        return computeMembers(ofGroupAt: position)
    }

    /// `InProgress` while an evaluation is pending, else `Complete`.
    func evaluationStatus(ofGroup id: String) -> SkillGroupStatus {
        if let pending = runtime.pendingGroups[id], pending.until > now { return .inProgress }
        return .complete
    }

    /// Starts a (simulated) membership evaluation after a change to the group: reads show `InProgress`
    /// and the old membership for ``FakeGenesysOrg/Configuration/skillGroupEvaluationTime``.
    /// `previousMembers` is what reads showed before the change.
    mutating func startEvaluation(ofGroup id: String, previousMembers: [String]) {
        guard !seeding, configuration.skillGroupEvaluationTime > .zero else {
            runtime.pendingGroups[id] = nil
            return
        }
        runtime.pendingGroups[id] = PendingEvaluation(until: now + configuration.skillGroupEvaluationTime, previousMembers: previousMembers)
    }
}
