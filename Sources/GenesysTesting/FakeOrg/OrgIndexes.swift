import RoutingModels

/// Where objects sit in one of ``FakeOrgState``'s arrays, by id, so handlers find a user, skill, queue,
/// … without scanning the array.
///
/// Writes never update it. Instead every hit is checked against the array (the object at the stored
/// position must still have that id), and a miss scans the array, exactly as a lookup without the index
/// would, rebuilding the index when the scan finds the object (it was added since, or objects moved up
/// after a removal). So a lookup always answers the array's first object with the id, as long as ids are
/// unique in the array: the org makes them so, and an array holding duplicate ids when it is indexed
/// (a hand-edited state) is not trusted, so every lookup in it scans.
struct PositionIndex {
    private var positions: [String: Int] = [:]
    private var trusted = false

    /// The position of the first element of `items` whose `key` is `id`.
    mutating func position<Element>(of id: String, in items: [Element], key: (Element) -> String?) -> Int? {
        if trusted, let position = positions[id], position < items.count, key(items[position]) == id {
            return position
        }
        guard let found = items.firstIndex(where: { key($0) == id }) else { return nil }
        rebuild(items, key)
        return found
    }

    /// Forgets everything (the array was replaced as a whole).
    mutating func reset() {
        positions = [:]
        trusted = false
    }

    private mutating func rebuild<Element>(_ items: [Element], _ key: (Element) -> String?) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(items.count)
        var unique = true
        for (position, item) in items.enumerated() {
            guard let id = key(item) else { continue }
            if positions[id] == nil { positions[id] = position } else { unique = false }
        }
        self.positions = positions
        trusted = unique
    }
}

/// The org's id indexes. A class, so that read handlers (which do not mutate the engine) can use and
/// rebuild them; only ever used under the org's lock.
final class OrgLookups {
    var users = PositionIndex()
    var skills = PositionIndex()
    var languages = PositionIndex()
    var skillGroups = PositionIndex()
    var queues = PositionIndex()

    /// Forgets every index (the state was replaced as a whole).
    func reset() {
        users.reset()
        skills.reset()
        languages.reset()
        skillGroups.reset()
        queues.reset()
    }
}

/// One version of one of ``FakeOrgState``'s arrays: every change to the array, however deep, replaces
/// its revision with a new object (the array's `didSet`). So while a cache holds on to a revision (and
/// the object cannot be reused), a state with that same object holds that same array, and a state with
/// another object may not.
final class Revision: Sendable {}

/// The revisions of the arrays skill-group membership and user listings are computed from.
struct Revisions: Sendable, Equatable {
    var users = Revision()
    var skills = Revision()
    var languages = Revision()
    var skillGroups = Revision()

    /// Always true: revisions are bookkeeping, so states with the same values are equal.
    static func == (lhs: Revisions, rhs: Revisions) -> Bool { true }

    /// Whether users, skills and languages are the same versions in both.
    func sameProfiles(as other: Revisions) -> Bool {
        users === other.users && skills === other.skills && languages === other.languages
    }

    /// Whether users, skills, languages and skill groups are the same versions in both.
    func sameMemberships(as other: Revisions) -> Bool {
        sameProfiles(as: other) && skillGroups === other.skillGroups
    }
}

/// Values computed from ``FakeOrgState`` that many reads need: skill-group memberships, users ordered
/// by name, lowercased emails. Each is computed on first use and kept with the ``Revisions`` of the
/// arrays it was computed from; it is used only while the state still has those very revisions, so a
/// change to queues or wrap-up codes keeps memberships, and nothing can outlive what it came from.
/// A class, so read handlers (which do not mutate the engine) can fill it; only used under the org's lock.
final class DerivedState {
    /// The users each skill group's conditions select (``OrgEngine/computeMembers(ofGroupAt:)``), by the
    /// group's position in ``FakeOrgState/skillGroups``; valid for `revisions` (users, skills, languages
    /// and skill groups).
    var members: (revisions: Revisions, byPosition: [Int: [String]])?
    /// What evaluating skill-group conditions needs, built once for all groups; valid for `revisions`
    /// (users, skills and languages).
    var membership: (revisions: Revisions, index: MembershipIndex)?
    /// Every user's position in ``FakeOrgState/users``, ordered by name, then id, then position.
    var usersByName: (users: Revision, positions: [Int])?
    /// Every user's email, lowercased (``OrgEngine/lowercasedEmails()``).
    var lowercasedEmails: (users: Revision, emails: Set<String>)?
}

/// The users' profiles and who holds what, for evaluating skill-group conditions without looking at
/// every user for every group.
struct MembershipIndex {
    let evaluator: SkillGroupEvaluator
    /// The profile of each active user, by position in ``FakeOrgState/users``; `nil` for users who are
    /// not active (they are never members).
    let profiles: [SkillGroupEvaluator.Profile?]
    /// Positions of the active users whose profile holds a skill, by skill name, ascending.
    let skillHolders: [String: [Int]]
    /// Positions of the active users whose profile holds a language, by language name, ascending.
    let languageHolders: [String: [Int]]

    init(state: FakeOrgState) {
        let evaluator = SkillGroupEvaluator(state: state)
        var profiles: [SkillGroupEvaluator.Profile?] = []
        profiles.reserveCapacity(state.users.count)
        var skillHolders: [String: [Int]] = [:]
        var languageHolders: [String: [Int]] = [:]
        for (position, record) in state.users.enumerated() {
            guard record.user.state == .active else {
                profiles.append(nil)
                continue
            }
            let profile = evaluator.profile(of: record)
            for name in profile.skills.keys { skillHolders[name, default: []].append(position) }
            for name in profile.languages.keys { languageHolders[name, default: []].append(position) }
            profiles.append(profile)
        }
        self.evaluator = evaluator
        self.profiles = profiles
        self.skillHolders = skillHolders
        self.languageHolders = languageHolders
    }

    /// The positions, ascending, of the only users who can satisfy `conditions`, or `nil` when any user
    /// may.
    ///
    /// The top-level conditions are joined with `And`, so every member satisfies each of them. A node
    /// that is not `Not` and has at least one leaf is only true when one of its own leaves is true (`Or`:
    /// one of them; `And` and unknown operations: all of them), and a leaf is only true when the user
    /// holds its skill or language. So the members are among the holders of the leaves of any such
    /// node; the smallest of those sets is returned.
    func candidates(for conditions: [SkillGroupCondition]) -> [Int]? {
        var best: Set<Int>?
        for node in conditions {
            if case .not? = node.operation { continue }
            let skillLeaves = node.routingSkillConditions ?? []
            let languageLeaves = node.languageSkillConditions ?? []
            guard !skillLeaves.isEmpty || !languageLeaves.isEmpty else { continue }
            var holders = Set<Int>()
            for leaf in skillLeaves {
                if let name = leaf.routingSkill { holders.formUnion(skillHolders[name] ?? []) }
            }
            for leaf in languageLeaves {
                if let name = leaf.languageSkill { holders.formUnion(languageHolders[name] ?? []) }
            }
            if best == nil || holders.count < best!.count { best = holders }
        }
        return best.map { $0.sorted() }
    }
}
