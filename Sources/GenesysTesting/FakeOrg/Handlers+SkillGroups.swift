import Foundation
import RoutingModels

extension OrgEngine {
    /// The position in `state.skillGroups` of the group with this id.
    func skillGroupPosition(_ id: String) -> Int? {
        lookups.skillGroups.position(of: id, in: state.skillGroups, key: \.group.id)
    }

    func skillGroupIndex(_ id: String) throws -> Int {
        guard let index = skillGroupPosition(id) else { throw APIError.notFound("skill group", id: id) }
        return index
    }

    /// A group as `GET …/skillgroups/{id}` answers: computed `status` and `memberCount`, division name.
    func render(_ record: FakeOrgState.SkillGroupRecord) -> SkillGroup {
        var group = record.group
        let id = group.id ?? ""
        group.division = divisionRef(group.division?.id)
        group.memberCount = visibleMembers(ofGroup: id).count
        group.status = evaluationStatus(ofGroup: id)
        return group
    }

    /// A group as the list answers (`SkillGroupDefinition`: no status, no conditions).
    func renderDefinition(_ record: FakeOrgState.SkillGroupRecord) -> SkillGroupDefinition {
        let group = render(record)
        return SkillGroupDefinition(
            id: group.id, name: group.name, division: group.division, description: group.description,
            memberCount: group.memberCount, dateModified: group.dateModified, dateCreated: group.dateCreated,
            selfUri: group.selfUri
        )
    }

    func renderWithMemberDivisions(_ record: FakeOrgState.SkillGroupRecord) -> SkillGroupWithMemberDivisions {
        let group = render(record)
        return SkillGroupWithMemberDivisions(
            id: group.id, name: group.name, division: group.division, description: group.description,
            memberCount: group.memberCount, dateModified: group.dateModified, dateCreated: group.dateCreated,
            status: group.status, skillConditions: group.skillConditions, memberDivisions: record.memberDivisionIDs,
            selfUri: group.selfUri
        )
    }

    // MARK: - Validation

    /// The top-level conditions: at least one, each a valid node.
    func validateConditions(_ conditions: [SkillGroupCondition]?) throws {
        guard let conditions, !conditions.isEmpty else {
            throw APIError.invalidValue(field: "skillConditions", "The field skillConditions is required and needs at least one condition")
        }
        for (index, node) in conditions.enumerated() { try validateNode(node, field: "skillConditions[\(index)]", depth: 1) }
    }

    /// A node: a known operation and at least one leaf; leaves name existing skills/languages, with a
    /// known comparator and an integer proficiency 0–5.
    func validateNode(_ node: SkillGroupCondition, field: String, depth: Int) throws {
        guard depth <= 10 else { throw APIError.invalidValue(field: field, "Conditions may be nested at most 10 levels deep") }
        guard let operation = node.operation else { throw APIError.required("\(field).operation") }
        guard operation.isKnown else {
            throw APIError.invalidValue(field: "\(field).operation", "operation must be And, Or or Not, got \"\(operation.rawValue)\"")
        }
        let skills = node.routingSkillConditions ?? []
        let languages = node.languageSkillConditions ?? []
        guard !skills.isEmpty || !languages.isEmpty else {
            throw APIError.invalidValue(field: field, "A condition needs at least one routing skill or language skill condition")
        }
        for (index, leaf) in skills.enumerated() {
            let path = "\(field).routingSkillConditions[\(index)]"
            guard let name = leaf.routingSkill, !name.isEmpty else { throw APIError.required("\(path).routingSkill") }
            guard Self.live(named: name, in: state.skills) != nil else {
                throw APIError.invalidValue(field: "\(path).routingSkill", "The routing skill \"\(name)\" does not exist", entityName: name)
            }
            try validateLeaf(leaf.comparator, leaf.proficiency, leaf.childConditions, path: path, depth: depth)
        }
        for (index, leaf) in languages.enumerated() {
            let path = "\(field).languageSkillConditions[\(index)]"
            guard let name = leaf.languageSkill, !name.isEmpty else { throw APIError.required("\(path).languageSkill") }
            guard Self.live(named: name, in: state.languages) != nil else {
                throw APIError.invalidValue(field: "\(path).languageSkill", "The language \"\(name)\" does not exist", entityName: name)
            }
            try validateLeaf(leaf.comparator, leaf.proficiency, leaf.childConditions, path: path, depth: depth)
        }
    }

    func validateLeaf(_ comparator: ProficiencyComparator?, _ proficiency: Int?, _ children: [SkillGroupCondition]?, path: String, depth: Int) throws {
        guard let comparator else { throw APIError.required("\(path).comparator") }
        guard comparator.isKnown else {
            throw APIError.invalidValue(field: "\(path).comparator", "comparator \"\(comparator.rawValue)\" is not one of \(ProficiencyComparator.knownCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let proficiency else { throw APIError.required("\(path).proficiency") }
        guard (0...5).contains(proficiency) else {
            throw APIError.invalidValue(field: "\(path).proficiency", "proficiency must be an integer from 0 to 5, got \(proficiency)")
        }
        for (index, child) in (children ?? []).enumerated() {
            try validateNode(child, field: "\(path).childConditions[\(index)]", depth: depth + 1)
        }
    }

    /// Condition proficiencies are integers 0–5. A fractional one would only fail decoding without naming
    /// the field, so the raw JSON is checked first and the error names the exact leaf.
    static func checkIntegerProficiencies(_ body: Data?) throws {
        guard let body, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let conditions = object["skillConditions"] as? [Any] else { return }
        try checkIntegerProficiencies(nodes: conditions, path: "skillConditions")
    }

    private static func checkIntegerProficiencies(nodes: [Any], path: String) throws {
        for (index, node) in nodes.enumerated() {
            guard let node = node as? [String: Any] else { continue }
            for key in ["routingSkillConditions", "languageSkillConditions"] {
                for (position, leaf) in ((node[key] as? [Any]) ?? []).enumerated() {
                    guard let leaf = leaf as? [String: Any] else { continue }
                    let leafPath = "\(path)[\(index)].\(key)[\(position)]"
                    if let value = leaf["proficiency"] as? Double, value.rounded() != value {
                        throw APIError.invalidValue(
                            field: "\(leafPath).proficiency", "proficiency must be an integer from 0 to 5, got \(value)"
                        )
                    }
                    try checkIntegerProficiencies(nodes: (leaf["childConditions"] as? [Any]) ?? [], path: "\(leafPath).childConditions")
                }
            }
        }
    }

    /// Division ids for a member-division list: `*` is every division that exists now; others must exist.
    func resolveDivisionIDs(_ ids: [String], field: String) throws -> [String] {
        var result: [String] = []
        for id in ids {
            if id == "*" {
                result += state.divisions.compactMap(\.id)
            } else if state.divisions.contains(where: { $0.id == id }) {
                result.append(id)
            } else {
                throw APIError.invalidValue(field: field, "The division \(id) does not exist", entityId: id)
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    // MARK: - Handlers

    /// `GET /api/v2/routing/skillgroups` (cursor paging): `name` is a case-insensitive prefix.
    func listSkillGroups(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let name = request.value("name")
        let groups = state.skillGroups
            .filter { isIndexed($0.group.id) && NameFilter.prefix($0.group.name, name) }
            .map(renderDefinition)
            .sorted { Paging.nameKey(name: $0.name, id: $0.id) < Paging.nameKey(name: $1.name, id: $1.id) }
        return .json(try Paging.cursor(groups, key: { Paging.nameKey(name: $0.name, id: $0.id) }, request))
    }

    /// `POST /api/v2/routing/skillgroups`: the group's own division is always a member division, plus
    /// the `memberDivisions` given (`*` = all).
    mutating func createSkillGroup(_ request: FakeHTTPRequest) throws -> FakeResponse {
        try Self.checkIntegerProficiencies(request.body)
        let body = try request.decode(SkillGroupWithMemberDivisions.self)
        let name = try Self.requireName(body.name)
        if let existing = state.skillGroups.first(where: { $0.group.name == name }) {
            throw APIError.duplicateName("skill group", name: name, existingID: existing.group.id)
        }
        try validateConditions(body.skillConditions)
        let division = try resolveDivision(body.division?.id, field: "division.id")
        let members = try resolveDivisionIDs([division] + (body.memberDivisions ?? []), field: "memberDivisions")
        let id = state.makeID()
        let date = currentDate()
        let group = SkillGroup(
            id: id, name: name, division: Division(id: division), description: body.description,
            dateModified: date, dateCreated: date, skillConditions: body.skillConditions,
            selfUri: "/api/v2/routing/skillgroups/\(id)"
        )
        let record = FakeOrgState.SkillGroupRecord(group: group, memberDivisionIDs: members)
        state.skillGroups.append(record)
        markCreated(id)
        startEvaluation(ofGroup: id, previousMembers: [])
        return .json(renderWithMemberDivisions(record))
    }

    /// `GET /api/v2/routing/skillgroups/{skillGroupId}`.
    func getSkillGroup(_ request: FakeHTTPRequest) throws -> FakeResponse {
        .json(render(state.skillGroups[try skillGroupIndex(request.param("skillGroupId"))]))
    }

    /// `PATCH /api/v2/routing/skillgroups/{skillGroupId}`: partial — the fields present (name,
    /// description, division, skillConditions) replace the stored ones.
    mutating func updateSkillGroup(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let id = request.param("skillGroupId")
        let index = try skillGroupIndex(id)
        try Self.checkIntegerProficiencies(request.body)
        let body = try request.decode(SkillGroup.self)
        var group = state.skillGroups[index].group
        if let name = body.name {
            let name = try Self.requireName(name)
            if let existing = state.skillGroups.first(where: { $0.group.name == name && $0.group.id != id }) {
                throw APIError.duplicateName("skill group", name: name, existingID: existing.group.id)
            }
            group.name = name
        }
        if let conditions = body.skillConditions {
            try validateConditions(conditions)
            group.skillConditions = conditions
        }
        if let division = body.division {
            group.division = Division(id: try resolveDivision(division.id, field: "division.id"))
        }
        if let description = body.description { group.description = description }
        group.dateModified = currentDate()
        let before = visibleMembers(ofGroup: id)
        state.skillGroups[index].group = group
        startEvaluation(ofGroup: id, previousMembers: before)
        return .json(render(state.skillGroups[index]))
    }

    /// `DELETE /api/v2/routing/skillgroups/{skillGroupId}`. Queues that reference the group keep the
    /// reference; it no longer contributes members.
    mutating func deleteSkillGroup(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let id = request.param("skillGroupId")
        state.skillGroups.remove(at: try skillGroupIndex(id))
        runtime.pendingGroups[id] = nil
        return .empty()
    }

    /// `GET /api/v2/routing/skillgroups/{skillGroupId}/members` (cursor paging, ordered by name): names
    /// only with `expand=entities`.
    func listSkillGroupMembers(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let id = request.param("skillGroupId")
        _ = try skillGroupIndex(id)
        let expand = request.values("expand").contains("entities")
        let members = visibleMembers(ofGroup: id).compactMap { userID -> (String, UserReferenceWithName)? in
            guard let position = userPosition(userID) else { return nil }
            let user = state.users[position].user
            let reference = UserReferenceWithName(id: userID, name: expand ? user.name : nil, selfUri: "/api/v2/users/\(userID)")
            return (Paging.nameKey(name: user.name, id: userID), reference)
        }
        let keys = Dictionary(uniqueKeysWithValues: members.map { ($0.1.id ?? "", $0.0) })
        let listing = try Paging.cursor(members.map(\.1), key: { keys[$0.id ?? ""] ?? "" }, request)
        return .json(listing)
    }

    /// `GET /api/v2/routing/skillgroups/{skillGroupId}/members/divisions`: names only with
    /// `expand=entities`.
    func getSkillGroupMemberDivisions(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let record = state.skillGroups[try skillGroupIndex(request.param("skillGroupId"))]
        let expand = request.values("expand").contains("entities")
        let entities = record.memberDivisionIDs.map { id in
            Division(id: id, name: expand ? divisionRef(id)?.name : nil, selfUri: "/api/v2/authorization/divisions/\(id)")
        }
        return .json(SkillGroupMemberDivisionList(entities: entities))
    }

    /// `POST /api/v2/routing/skillgroups/{skillGroupId}/members/divisions`: adds (`*` = all) and removes
    /// member divisions; 204.
    mutating func updateSkillGroupMemberDivisions(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let id = request.param("skillGroupId")
        let index = try skillGroupIndex(id)
        let body = try request.decodeIfPresent(SkillGroupMemberDivisions.self) ?? SkillGroupMemberDivisions()
        let add = try resolveDivisionIDs(body.addDivisionIds ?? [], field: "addDivisionIds")
        let remove = Set(try resolveDivisionIDs(body.removeDivisionIds ?? [], field: "removeDivisionIds"))
        let before = visibleMembers(ofGroup: id)
        var divisions = state.skillGroups[index].memberDivisionIDs
        for division in add where !divisions.contains(division) { divisions.append(division) }
        divisions.removeAll { remove.contains($0) }
        state.skillGroups[index].memberDivisionIDs = divisions
        state.skillGroups[index].group.dateModified = currentDate()
        startEvaluation(ofGroup: id, previousMembers: before)
        return .empty()
    }

    /// `GET /api/v2/users/{userId}/skillgroups` (cursor paging): the groups the user falls into now.
    func listUserSkillGroups(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let userID = request.param("userId")
        _ = try userIndex(userID)
        let groups = state.skillGroups
            .filter { record in visibleMembers(ofGroup: record.group.id ?? "").contains(userID) }
            .map(render)
            .sorted { Paging.nameKey(name: $0.name, id: $0.id) < Paging.nameKey(name: $1.name, id: $1.id) }
        return .json(try Paging.cursor(groups, key: { Paging.nameKey(name: $0.name, id: $0.id) }, request))
    }
}
