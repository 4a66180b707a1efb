public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Lists skill groups ("skill expression groups" in the UI), without their conditions.
    ///
    /// `GET /api/v2/routing/skillgroups` (paging style C: the cursor is the `after` value of `nextUri`).
    /// Entities are `SkillGroupDefinition`s; read a group with ``getSkillGroup(id:logger:)`` for its
    /// conditions. Lazy.
    /// - Parameters:
    ///   - name: The server's `name` filter: a **case-insensitive prefix** match; see
    ///     ``findSkillGroup(named:logger:)``.
    ///   - pageSize: Groups per page; 100 by default.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listSkillGroups(
        name: String? = nil, pageSize: Int = 100, logger: Logger? = nil
    ) -> PageSequence<SkillGroupEntityListing, SkillGroupDefinition> {
        var query: Query = []
        query.append("name", name)
        return pagedByCursor(
            operation: Self.operation(), path: "/api/v2/routing/skillgroups", query: query, pageSize: pageSize,
            logger: logger)
    }

    /// Finds the skill group named exactly `name` (case-sensitive).
    ///
    /// `GET /api/v2/routing/skillgroups?name=…` (a case-insensitive prefix search) followed by an exact
    /// comparison on the client.
    /// - Throws: `GenesysError.Code.conflict` when several groups have exactly this name (see
    ///   ``findSkillGroups(named:logger:)``).
    public func findSkillGroup(named name: String, logger: Logger? = nil) async throws -> SkillGroupDefinition? {
        let operation = Self.operation()
        try Validate.name(name, "name", operation)
        return try ExactName.single(
            try await findSkillGroups(named: name, logger: logger), named: name, kind: "skill groups", operation: operation, id: \.id
        )
    }

    /// Every skill group named exactly `name` (case-sensitive).
    ///
    /// `GET /api/v2/routing/skillgroups?name=…` followed by an exact comparison on the client.
    public func findSkillGroups(named name: String, logger: Logger? = nil) async throws -> [SkillGroupDefinition] {
        try await ExactName.all(in: listSkillGroups(name: name, logger: logger), named: name, operation: Self.operation(), name: \.name)
    }

    /// Reads one skill group with its conditions and membership status.
    ///
    /// `GET /api/v2/routing/skillgroups/{skillGroupId}`.
    public func getSkillGroup(id: String, logger: Logger? = nil) async throws -> SkillGroup {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        return try await call(.get, "/api/v2/routing/skillgroups/\(Self.segment(id))", operation: operation, as: SkillGroup.self, logger: logger)
    }

    /// Creates a skill group, optionally with the divisions whose users may be members.
    ///
    /// `POST /api/v2/routing/skillgroups` with `SkillGroupWithMemberDivisions`. Read-only fields (`id`,
    /// `memberCount`, `status`, dates, `selfUri`) are not sent, and the division is sent as its id only. Name and conditions are required;
    /// condition proficiencies must be integers 0–5 (checked before sending).
    ///
    /// Eventually consistent: Genesys computes the membership in the background;
    /// `status` is `InProgress` until it is done and `memberCount` is an estimate. Use
    /// ``waitForSkillGroupMembership(skillGroupID:timeout:logger:)`` before relying on members.
    public func createSkillGroup(
        _ group: SkillGroupWithMemberDivisions, logger: Logger? = nil
    ) async throws -> SkillGroupWithMemberDivisions {
        let operation = Self.operation()
        try Validate.name(group.name, "name", operation)
        try SkillGroupChecks.conditions(group.skillConditions, operation)
        var body = group
        body.id = nil
        body.memberCount = nil
        body.dateCreated = nil
        body.dateModified = nil
        body.status = nil
        body.selfUri = nil
        body.division = body.division.map { Division(id: $0.id) }
        return try await call(
            .post, "/api/v2/routing/skillgroups", json: body, operation: operation,
            as: SkillGroupWithMemberDivisions.self, logger: logger)
    }

    /// Updates a skill group's name, description, division and conditions.
    ///
    /// `PATCH /api/v2/routing/skillgroups/{skillGroupId}` with `SkillGroup`. Whether the PATCH is truly
    /// partial is not established, so send the full definition (name, description, division and
    /// conditions), as ``updateSkillGroup(id:changes:logger:)`` does. Read-only fields are not sent; the
    /// division is sent as its id only. Last writer
    /// wins (skill groups have no version).
    ///
    /// Eventually consistent: membership is recomputed in the background; see
    /// ``waitForSkillGroupMembership(skillGroupID:timeout:logger:)``.
    public func updateSkillGroup(id: String, _ group: SkillGroup, logger: Logger? = nil) async throws -> SkillGroup {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        if let name = group.name { try Validate.name(name, "name", operation) }
        try SkillGroupChecks.conditions(group.skillConditions, operation)
        return try await call(
            .patch, "/api/v2/routing/skillgroups/\(Self.segment(id))", json: SkillGroupChecks.writable(group),
            operation: operation, as: SkillGroup.self, logger: logger)
    }

    /// Reads a skill group, lets `changes` edit it, and sends the full definition back.
    ///
    /// `GET /api/v2/routing/skillgroups/{skillGroupId}`, then
    /// `PATCH /api/v2/routing/skillgroups/{skillGroupId}` with name, description, division and conditions.
    /// Not atomic: a concurrent writer between the two calls is overwritten.
    public func updateSkillGroup(
        id: String, changes: (inout SkillGroup) throws -> Void, logger: Logger? = nil
    ) async throws -> SkillGroup {
        var group = try await getSkillGroup(id: id, logger: logger)
        try changes(&group)
        return try await updateSkillGroup(id: id, group, logger: logger)
    }

    /// Deletes a skill group.
    ///
    /// `DELETE /api/v2/routing/skillgroups/{skillGroupId}` (any 2xx).
    public func deleteSkillGroup(id: String, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        try await callIgnoringBody(.delete, "/api/v2/routing/skillgroups/\(Self.segment(id))", operation: operation, logger: logger)
    }

    /// Lists the users Genesys computed as members of a skill group.
    ///
    /// `GET /api/v2/routing/skillgroups/{skillGroupId}/members` (paging style C). Lazy.
    /// - Parameters:
    ///   - skillGroupID: The skill group's id.
    ///   - pageSize: Items per page; 100 by default.
    ///   - expandEntities: Sends `expand=entities` so members carry their names.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listSkillGroupMembers(
        skillGroupID: String, pageSize: Int = 100, expandEntities: Bool = false, logger: Logger? = nil
    ) -> PageSequence<SkillGroupMemberEntityListing, UserReferenceWithName> {
        let operation = Self.operation()
        var query: Query = []
        if expandEntities { query.append(.init("expand", "entities")) }
        return pagedByCursor(
            operation: operation, path: "/api/v2/routing/skillgroups/\(Self.segment(skillGroupID))/members",
            query: query, pageSize: pageSize, validate: { try Validate.id(skillGroupID, "skillGroupID", operation) },
            logger: logger)
    }

    /// The divisions whose users may be members of a skill group (not paged).
    ///
    /// `GET /api/v2/routing/skillgroups/{skillGroupId}/members/divisions`.
    /// - Parameters:
    ///   - skillGroupID: The skill group's id.
    ///   - expandEntities: Sends `expand=entities` so divisions carry their names.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func getSkillGroupMemberDivisions(
        skillGroupID: String, expandEntities: Bool = false, logger: Logger? = nil
    ) async throws -> SkillGroupMemberDivisionList {
        let operation = Self.operation()
        try Validate.id(skillGroupID, "skillGroupID", operation)
        var query: Query = []
        if expandEntities { query.append(.init("expand", "entities")) }
        return try await call(
            .get, "/api/v2/routing/skillgroups/\(Self.segment(skillGroupID))/members/divisions", query: query,
            operation: operation, as: SkillGroupMemberDivisionList.self, logger: logger)
    }

    /// Adds and removes member divisions of a skill group.
    ///
    /// `POST /api/v2/routing/skillgroups/{skillGroupId}/members/divisions` with `SkillGroupMemberDivisions`
    /// `{addDivisionIds, removeDivisionIds}` (any 2xx). `"*"` in `add` means every division [TF]. Nothing is
    /// sent when both lists are empty. Membership is then recomputed in the background.
    public func updateSkillGroupMemberDivisions(
        skillGroupID: String, add: [String] = [], remove: [String] = [], logger: Logger? = nil
    ) async throws {
        let operation = Self.operation()
        try Validate.id(skillGroupID, "skillGroupID", operation)
        try Validate.ids(add, "add", operation)
        try Validate.ids(remove, "remove", operation)
        guard !add.isEmpty || !remove.isEmpty else { return }
        let body = SkillGroupMemberDivisions(
            addDivisionIds: add.isEmpty ? nil : add.uniqued(), removeDivisionIds: remove.isEmpty ? nil : remove.uniqued())
        try await callIgnoringBody(
            .post, "/api/v2/routing/skillgroups/\(Self.segment(skillGroupID))/members/divisions", json: body,
            operation: operation, isIdempotent: true, logger: logger)
    }
}

/// Checks and body clean-up for skill-group writes.
enum SkillGroupChecks {
    /// Condition proficiencies are integers 0–5 (the `SkillGroupRoutingCondition` and
    /// `SkillGroupLanguageCondition` schemas of `postRoutingSkillgroups`); walks the whole tree.
    static func conditions(_ conditions: [SkillGroupCondition]?, _ operation: String) throws {
        for condition in conditions ?? [] {
            for (index, leaf) in (condition.routingSkillConditions ?? []).enumerated() {
                if let p = leaf.proficiency, !(0...5).contains(p) {
                    throw Validate.invalid(operation, "routingSkillConditions[\(index)].proficiency must be between 0 and 5 (got \(p))")
                }
                try Self.conditions(leaf.childConditions, operation)
            }
            for (index, leaf) in (condition.languageSkillConditions ?? []).enumerated() {
                if let p = leaf.proficiency, !(0...5).contains(p) {
                    throw Validate.invalid(operation, "languageSkillConditions[\(index)].proficiency must be between 0 and 5 (got \(p))")
                }
                try Self.conditions(leaf.childConditions, operation)
            }
        }
    }

    /// `group` without its read-only fields.
    static func writable(_ group: SkillGroup) -> SkillGroup {
        SkillGroup(name: group.name, division: group.division.map { Division(id: $0.id) }, description: group.description, skillConditions: group.skillConditions)
    }
}
