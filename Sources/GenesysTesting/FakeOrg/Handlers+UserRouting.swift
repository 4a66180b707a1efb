import Foundation
import RoutingModels

extension OrgEngine {
    /// Skills and languages are assigned to users the same way; this says which one.
    enum AssignmentKind {
        case skill, language

        var keyPath: WritableKeyPath<FakeOrgState.UserRecord, [FakeOrgState.Assignment]> {
            switch self {
            case .skill: \.skills
            case .language: \.languages
            }
        }

        var noun: String { self == .skill ? "routing skill" : "language" }
        /// The organisation object's noun in errors.
        var catalogNoun: String { self == .skill ? "skill" : "language" }
        var collection: String { self == .skill ? "routingskills" : "routinglanguages" }
    }

    /// The most assignments one bulk call may carry (the Terraform provider's chunk size; §4.4, §4.5).
    static let bulkAssignmentLimit = 50

    /// The position in `state.users` of the user with this id.
    func userPosition(_ id: String) -> Int? {
        lookups.users.position(of: id, in: state.users, key: \.user.id)
    }

    func userIndex(_ id: String) throws -> Int {
        guard let index = userPosition(id) else { throw APIError.notFound("user", id: id) }
        return index
    }

    /// The name of an organisation skill or language that exists and is not deleted.
    func orgItemName(_ kind: AssignmentKind, _ id: String) -> String? {
        switch kind {
        case .skill: Self.liveName(of: id, in: state.skills, index: &lookups.skills)
        case .language: Self.liveName(of: id, in: state.languages, index: &lookups.languages)
        }
    }

    func renderSkill(userID: String, _ assignment: FakeOrgState.Assignment) -> UserRoutingSkill {
        UserRoutingSkill(
            id: assignment.id, name: orgItemName(.skill, assignment.id), proficiency: assignment.proficiency,
            state: assignment.state, skillUri: "/api/v2/routing/skills/\(assignment.id)",
            selfUri: "/api/v2/users/\(userID)/routingskills/\(assignment.id)"
        )
    }

    func renderLanguage(userID: String, _ assignment: FakeOrgState.Assignment) -> UserRoutingLanguage {
        UserRoutingLanguage(
            id: assignment.id, name: orgItemName(.language, assignment.id), proficiency: assignment.proficiency,
            state: assignment.state, languageUri: "/api/v2/routing/languages/\(assignment.id)",
            selfUri: "/api/v2/users/\(userID)/routinglanguages/\(assignment.id)"
        )
    }

    /// A user's assignments of one kind, ordered by name (`sortOrder` ascending or descending).
    func sortedAssignments(_ kind: AssignmentKind, _ record: FakeOrgState.UserRecord, descending: Bool = false) -> [FakeOrgState.Assignment] {
        // Each name looked up once, not twice per comparison.
        let sorted = record[keyPath: kind.keyPath]
            .map { (assignment: $0, name: orgItemName(kind, $0.id)) }
            .sorted { NameFilter.ordered(($0.name, $0.assignment.id), ($1.name, $1.assignment.id)) }
            .map(\.assignment)
        return descending ? sorted.reversed() : sorted
    }

    // MARK: - Validation

    static func validateProficiency(_ value: Double?, field: String) throws -> Double {
        guard let value else { throw APIError.required(field) }
        guard value.isFinite, (0...5).contains(value) else {
            throw APIError.invalidValue(field: field, "proficiency must be from 0.0 to 5.0, got \(value)")
        }
        return value
    }

    /// Validates one `…Post` element: the id names an existing, not deleted skill or language (else 400
    /// `invalid.value`), the proficiency is 0.0–5.0.
    func validatePost(_ kind: AssignmentKind, id: String?, proficiency: Double?, field: String) throws -> FakeOrgState.Assignment {
        guard let id, !id.isEmpty else { throw APIError.required("\(field)id") }
        guard orgItemName(kind, id) != nil else {
            throw APIError.invalidValue(field: "\(field)id", "The \(kind.noun) \(id) does not exist", entityId: id)
        }
        return FakeOrgState.Assignment(id: id, proficiency: try Self.validateProficiency(proficiency, field: "\(field)proficiency"))
    }

    /// Adds or updates assignments (keeping their position and state when they exist).
    mutating func upsert(_ kind: AssignmentKind, userIndex: Int, _ assignments: [FakeOrgState.Assignment], state newState: SkillState? = nil) {
        for assignment in assignments {
            if let existing = state.users[userIndex][keyPath: kind.keyPath].firstIndex(where: { $0.id == assignment.id }) {
                state.users[userIndex][keyPath: kind.keyPath][existing].proficiency = assignment.proficiency
                if let newState { state.users[userIndex][keyPath: kind.keyPath][existing].state = newState }
            } else {
                var added = assignment
                if let newState { added.state = newState }
                state.users[userIndex][keyPath: kind.keyPath].append(added)
            }
        }
    }

    static func validateAssignmentState(_ value: SkillState?) throws -> SkillState? {
        guard let value else { return nil }
        guard value == .active || value == .inactive else {
            throw APIError.invalidValue(field: "state", "state must be active or inactive, got \"\(value.rawValue)\"")
        }
        return value
    }

    // MARK: - Shared handlers

    func listAssignments(_ kind: AssignmentKind, _ request: FakeHTTPRequest) throws -> FakeResponse {
        let userID = request.param("userId")
        let record = state.users[try userIndex(userID)]
        let descending = try request.isDescending()
        let assignments = sortedAssignments(kind, record, descending: descending)
        switch kind {
        case .skill: return .json(try Paging.pageA(assignments.map { renderSkill(userID: userID, $0) }, request))
        case .language: return .json(try Paging.pageA(assignments.map { renderLanguage(userID: userID, $0) }, request))
        }
    }

    func renderOne(_ kind: AssignmentKind, userIndex: Int, id: String) -> FakeResponse {
        let userID = state.users[userIndex].user.id ?? ""
        let assignment = state.users[userIndex][keyPath: kind.keyPath].first { $0.id == id } ?? .init(id: id, proficiency: 0)
        switch kind {
        case .skill: return .json(renderSkill(userID: userID, assignment))
        case .language: return .json(renderLanguage(userID: userID, assignment))
        }
    }

    func renderAll(_ kind: AssignmentKind, userIndex: Int) -> FakeResponse {
        let record = state.users[userIndex]
        let userID = record.user.id ?? ""
        let path = "/api/v2/users/\(URIEncoding.encode(userID))/\(kind.collection)"
        let assignments = sortedAssignments(kind, record)
        switch kind {
        case .skill: return .json(Paging.singlePage(assignments.map { renderSkill(userID: userID, $0) }, path: path))
        case .language: return .json(Paging.singlePage(assignments.map { renderLanguage(userID: userID, $0) }, path: path))
        }
    }

    /// POST one: adds the assignment, or updates its proficiency when the user already has it.
    mutating func addAssignment(_ kind: AssignmentKind, _ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try userIndex(request.param("userId"))
        let (id, proficiency): (String?, Double?)
        switch kind {
        case .skill:
            let body = try request.decode(UserRoutingSkillPost.self)
            (id, proficiency) = (body.id, body.proficiency)
        case .language:
            let body = try request.decode(UserRoutingLanguagePost.self)
            (id, proficiency) = (body.id, body.proficiency)
        }
        let assignment = try validatePost(kind, id: id, proficiency: proficiency, field: "")
        let before = groupMembershipSnapshot()
        upsert(kind, userIndex: index, [assignment])
        groupsMayHaveChanged(since: before)
        return renderOne(kind, userIndex: index, id: assignment.id)
    }

    /// PUT (skills) or PATCH (languages) one: sets proficiency and optionally state; the skill or
    /// language in the path must exist (404 otherwise).
    mutating func updateAssignment(_ kind: AssignmentKind, _ request: FakeHTTPRequest, idParameter: String) throws -> FakeResponse {
        let index = try userIndex(request.param("userId"))
        let id = request.param(idParameter)
        guard orgItemName(kind, id) != nil else { throw APIError.notFound(kind.noun, id: id) }
        let (proficiency, newState): (Double?, SkillState?)
        switch kind {
        case .skill:
            let body = try request.decode(UserRoutingSkill.self)
            (proficiency, newState) = (body.proficiency, body.state)
        case .language:
            let body = try request.decode(UserRoutingLanguage.self)
            (proficiency, newState) = (body.proficiency, body.state)
        }
        let assignment = FakeOrgState.Assignment(id: id, proficiency: try Self.validateProficiency(proficiency, field: "proficiency"))
        let stateValue = try Self.validateAssignmentState(newState)
        let before = groupMembershipSnapshot()
        upsert(kind, userIndex: index, [assignment], state: stateValue)
        groupsMayHaveChanged(since: before)
        return renderOne(kind, userIndex: index, id: id)
    }

    /// DELETE one: 404 when the user does not have it.
    mutating func removeAssignment(_ kind: AssignmentKind, _ request: FakeHTTPRequest, idParameter: String) throws -> FakeResponse {
        let index = try userIndex(request.param("userId"))
        let id = request.param(idParameter)
        guard state.users[index][keyPath: kind.keyPath].contains(where: { $0.id == id }) else {
            throw APIError.notFound("\(kind.noun) assignment", id: id)
        }
        let before = groupMembershipSnapshot()
        state.users[index][keyPath: kind.keyPath].removeAll { $0.id == id }
        groupsMayHaveChanged(since: before)
        return .empty()
    }

    /// PUT bulk (replace the whole set; skills only) or PATCH bulk (add/update): at most 50 per call,
    /// every element validated before anything changes. Answers every assignment of the user.
    mutating func bulkAssignments(_ kind: AssignmentKind, _ request: FakeHTTPRequest, replace: Bool) throws -> FakeResponse {
        let index = try userIndex(request.param("userId"))
        let posts: [(String?, Double?)]
        switch kind {
        case .skill: posts = try request.decode([UserRoutingSkillPost].self).map { ($0.id, $0.proficiency) }
        case .language: posts = try request.decode([UserRoutingLanguagePost].self).map { ($0.id, $0.proficiency) }
        }
        guard posts.count <= Self.bulkAssignmentLimit else {
            throw APIError.tooMany(posts.count, limit: Self.bulkAssignmentLimit, what: "\(kind.noun)s")
        }
        let assignments = try posts.enumerated().map { position, post in
            try validatePost(kind, id: post.0, proficiency: post.1, field: "[\(position)].")
        }
        let before = groupMembershipSnapshot()
        if replace {
            let kept = Set(assignments.map(\.id))
            state.users[index][keyPath: kind.keyPath].removeAll { !kept.contains($0.id) }
        }
        upsert(kind, userIndex: index, assignments)
        groupsMayHaveChanged(since: before)
        return renderAll(kind, userIndex: index)
    }
}
