import Foundation
import RoutingModels

/// An organisation skill or language. Both are soft-deleted (`state: deleted`) and share the listing,
/// name and delete rules below.
protocol CatalogItem {
    var id: String? { get }
    var name: String? { get }
    var state: SkillState? { get set }
    var dateModified: Date? { get set }
}

extension RoutingSkill: CatalogItem {}
extension Language: CatalogItem {}

extension OrgEngine {
    /// A skill as the API answers: with its division's name.
    func render(_ skill: RoutingSkill) -> RoutingSkill {
        var skill = skill
        skill.division = divisionRef(skill.division?.id)
        return skill
    }

    func skillIndex(_ id: String) throws -> Int {
        guard let index = lookups.skills.position(of: id, in: state.skills, key: \.id) else { throw APIError.notFound("skill", id: id) }
        return index
    }

    // MARK: - Skills and languages

    /// The skills or languages a listing shows, ordered by name: indexed, not deleted (unless the index
    /// has not caught up with the delete yet), with `id` (repeated or comma-separated) among the
    /// request's ids and `name` a case-insensitive prefix.
    func listed<Item: CatalogItem>(_ items: [Item], _ request: FakeHTTPRequest) -> [Item] {
        let ids = Set(request.values("id"))
        let name = request.value("name")
        return items
            .filter { isIndexed($0.id) && ($0.state != .deleted || isStillListedAfterDelete($0.id)) }
            .filter { ids.isEmpty || ids.contains($0.id ?? "") }
            .filter { NameFilter.prefix($0.name, name) }
            .sorted { NameFilter.ordered(($0.name, $0.id), ($1.name, $1.id)) }
    }

    /// The skill or language that is not deleted and has exactly this name (names of deleted ones may be
    /// reused).
    static func live<Item: CatalogItem>(named name: String, in items: [Item]) -> Item? {
        items.first { $0.name == name && $0.state != .deleted }
    }

    /// The name of the skill or language with this id when it is not deleted.
    static func liveName<Item: CatalogItem>(of id: String, in items: [Item], index: inout PositionIndex) -> String? {
        guard let position = index.position(of: id, in: items, key: { $0.id }) else { return nil }
        if items[position].state != .deleted { return items[position].name }
        // Deleted: a later one could only have the same id in a hand-made state; look as before.
        return items.first { $0.id == id && $0.state != .deleted }?.name
    }

    /// Deletes the skill or language at `index` of `items`: a soft delete (`state: deleted`, still
    /// returned by id) that also takes it off every user. Deleting a deleted one is a 404.
    mutating func softDelete<Item: CatalogItem>(
        _ kind: AssignmentKind, _ items: WritableKeyPath<FakeOrgState, [Item]>, at index: Int, id: String
    ) throws {
        var item = state[keyPath: items][index]
        guard item.state != .deleted else { throw APIError.notFound(kind.catalogNoun, id: id) }
        let before = groupMembershipSnapshot()
        item.state = .deleted
        item.dateModified = currentDate()
        state[keyPath: items][index] = item
        for user in state.users.indices { state.users[user][keyPath: kind.keyPath].removeAll { $0.id == id } }
        markDeleted(id)
        groupsMayHaveChanged(since: before)
    }

    // MARK: - Skill handlers

    /// `GET /api/v2/routing/skills`: `name` is a case-insensitive prefix; `id` repeated or comma-separated.
    func listSkills(_ request: FakeHTTPRequest) throws -> FakeResponse {
        .json(try Paging.pageA(listed(state.skills, request), request, render: render))
    }

    /// `POST /api/v2/routing/skills`.
    mutating func createSkill(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let body = try request.decode(CreateRoutingSkill.self)
        let name = try Self.requireName(body.name)
        if let existing = Self.live(named: name, in: state.skills) {
            throw APIError.duplicateName("skill", name: name, existingID: existing.id)
        }
        let division = try resolveDivision(body.divisionId, field: "divisionId")
        let id = state.makeID()
        let skill = RoutingSkill(
            id: id, name: name, division: Division(id: division), dateModified: currentDate(), state: .active,
            version: "1", selfUri: "/api/v2/routing/skills/\(id)"
        )
        state.skills.append(skill)
        markCreated(id)
        return .json(render(skill))
    }

    /// `GET /api/v2/routing/skills/{skillId}`: deleted skills are still returned, with `state: deleted`.
    func getSkill(_ request: FakeHTTPRequest) throws -> FakeResponse {
        .json(render(state.skills[try skillIndex(request.param("skillId"))]))
    }

    /// `PATCH /api/v2/routing/skills/{skillId}`: moves the skill to another division.
    mutating func updateSkillDivision(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try skillIndex(request.param("skillId"))
        let body = try request.decode(UpdateSkillDivisionRequest.self)
        guard let divisionID = body.divisionId, !divisionID.isEmpty else { throw APIError.required("divisionId") }
        guard state.skills[index].state != .deleted else { throw APIError.notFound("skill", id: request.param("skillId")) }
        state.skills[index].division = Division(id: try resolveDivision(divisionID, field: "divisionId"))
        state.skills[index].dateModified = currentDate()
        state.skills[index].version = String((Int(state.skills[index].version ?? "1") ?? 1) + 1)
        return .json(render(state.skills[index]))
    }

    /// `DELETE /api/v2/routing/skills/{skillId}`: a soft delete (`state: deleted`); the skill is also
    /// taken off every user. Deleting a deleted skill is a 404.
    mutating func deleteSkill(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let id = request.param("skillId")
        try softDelete(.skill, \.skills, at: try skillIndex(id), id: id)
        return .empty()
    }

    // MARK: - Membership bookkeeping

    /// What every skill group shows now, to compare after a change that can alter membership.
    func groupMembershipSnapshot() -> [String: [String]] {
        guard !seeding, configuration.skillGroupEvaluationTime > .zero else { return [:] }
        return Dictionary(uniqueKeysWithValues: state.skillGroups.compactMap { record in
            record.group.id.map { ($0, visibleMembers(ofGroup: $0)) }
        })
    }

    /// After a change to users' skills, languages or divisions (or to the org's skills): every group
    /// whose membership changed goes `InProgress` for the evaluation time, showing its old members.
    mutating func groupsMayHaveChanged(since before: [String: [String]]) {
        guard !seeding, configuration.skillGroupEvaluationTime > .zero else { return }
        for position in state.skillGroups.indices {
            guard let id = state.skillGroups[position].group.id, let old = before[id] else { continue }
            if runtime.pendingGroups[id].map({ $0.until > now }) == true { continue }
            if computeMembers(ofGroupAt: position) != old { startEvaluation(ofGroup: id, previousMembers: old) }
        }
    }
}
