import RoutingModels

/// Maps the fake's users to the profiles ``SkillGroupEvaluation`` (RoutingModels) evaluates: the one
/// evaluation `RoutingSync`'s impact preview uses too, so the preview and the fake's `memberCount` agree.
struct SkillGroupEvaluator {
    /// A user's active proficiencies by skill name and by language name.
    typealias Profile = SkillGroupEvaluation.Profile

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
        SkillGroupEvaluation.matches(conditions, profile)
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
