public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Lists the organisation's routing skills.
    ///
    /// `GET /api/v2/routing/skills` (paging style A: `pageNumber`, `pageSize`). Skills in state `deleted`
    /// (a soft delete: the official Terraform provider filters them the same way) are left out of the items; pages are as the server sent them.
    /// Lazy: nothing is sent until iteration starts.
    ///
    /// - Parameters:
    ///   - name: The server's `name` filter, a **prefix** match; use ``findSkill(named:logger:)`` for an
    ///     exact look-up.
    ///   - ids: Only these skills (`id`, repeated). Any number: more than 100 are fetched in chunks of 100
    ///     (then each page holds one chunk). An empty array matches nothing and sends no request.
    ///   - pageSize: Skills per page; 500 by default, the largest the official tooling uses.
    ///   - logger: Logger for these requests; the client's by default.
    public func listSkills(
        name: String? = nil, ids: [String]? = nil, pageSize: Int = 500, logger: Logger? = nil
    ) -> PageSequence<SkillEntityListing, RoutingSkill> {
        var query: Query = []
        query.append("name", name)
        return pagedByNumber(
            operation: Self.operation(), path: "/api/v2/routing/skills", query: query, pageSize: pageSize,
            ids: ids, logger: logger,
            item: { (skill: RoutingSkill) in skill.state == .deleted ? nil : skill }
        )
    }

    /// Finds the skill named exactly `name` (case-sensitive), ignoring skills in state `deleted`.
    ///
    /// `GET /api/v2/routing/skills?name=…` (a prefix search) followed by an exact comparison on the client.
    /// Right after ``createSkill(_:logger:)`` the search can lag; poll with
    /// ``waitForValue(timeout:initialDelay:maxDelay:_:logger:)``.
    /// - Returns: The skill, or `nil` when none has exactly this name.
    /// - Throws: `GenesysError.Code.conflict` when several non-deleted skills have exactly this name (use
    ///   ``findSkills(named:logger:)`` to see them); `GenesysError`.
    public func findSkill(named name: String, logger: Logger? = nil) async throws -> RoutingSkill? {
        let operation = Self.operation()
        try Validate.name(name, "name", operation)
        return try ExactName.single(
            try await findSkills(named: name, logger: logger), named: name, kind: "skills", operation: operation, id: \.id
        )
    }

    /// Every non-deleted skill named exactly `name` (case-sensitive); normally zero or one.
    ///
    /// `GET /api/v2/routing/skills?name=…` followed by an exact comparison on the client.
    public func findSkills(named name: String, logger: Logger? = nil) async throws -> [RoutingSkill] {
        try await ExactName.all(in: listSkills(name: name, logger: logger), named: name, operation: Self.operation(), name: \.name)
    }

    /// Reads one skill.
    ///
    /// `GET /api/v2/routing/skills/{skillId}`. A deleted skill may come back with state `deleted` instead of
    /// a 404 (soft delete).
    public func getSkill(id: String, logger: Logger? = nil) async throws -> RoutingSkill {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        return try await call(.get, "/api/v2/routing/skills/\(Self.segment(id))", operation: operation, as: RoutingSkill.self, logger: logger)
    }

    /// Creates a skill.
    ///
    /// `POST /api/v2/routing/skills` (`postRoutingSkills`) with `CreateRoutingSkill` `{name, divisionId}`. A
    /// skill's name cannot be changed afterwards (there is no PUT).
    ///
    /// Eventually consistent: right after the create, reads and searches can briefly miss the new skill (404
    /// or no search hit; the official Terraform provider retries for this). Wait with
    /// `waitForValue { try await routing.findSkill(named: name) }` before depending on it. The POST is not
    /// retried after a 5xx or a lost connection; look the name up before creating again.
    /// - Parameters:
    ///   - request: The skill: `name` (required, not blank) and `divisionId` (the home division when `nil`).
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func createSkill(_ request: CreateRoutingSkill, logger: Logger? = nil) async throws -> RoutingSkill {
        let operation = Self.operation()
        try Validate.name(request.name, "name", operation)
        if let divisionID = request.divisionId { try Validate.id(divisionID, "divisionId", operation) }
        return try await call(
            .post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: request.name, divisionId: request.divisionId),
            operation: operation, as: RoutingSkill.self, logger: logger)
    }

    /// Moves a skill to another division, the only change a skill allows.
    ///
    /// `PATCH /api/v2/routing/skills/{skillId}` (`patchRoutingSkill`) with `UpdateSkillDivisionRequest`
    /// `{divisionId}`. Queues, skill groups and users move with ``moveObjects(toDivision:objectType:objectIDs:logger:)``.
    public func moveSkill(id: String, toDivision divisionID: String, logger: Logger? = nil) async throws -> RoutingSkill {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        try Validate.id(divisionID, "divisionID", operation)
        return try await call(
            .patch, "/api/v2/routing/skills/\(Self.segment(id))", json: UpdateSkillDivisionRequest(divisionId: divisionID),
            operation: operation, as: RoutingSkill.self, logger: logger)
    }

    /// Deletes a skill.
    ///
    /// `DELETE /api/v2/routing/skills/{skillId}` (any 2xx). The delete is soft: the skill may still be
    /// returned with state `deleted` for a while.
    public func deleteSkill(id: String, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        try await callIgnoringBody(.delete, "/api/v2/routing/skills/\(Self.segment(id))", operation: operation, logger: logger)
    }
}
