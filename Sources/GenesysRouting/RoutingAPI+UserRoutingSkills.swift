public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Lists the routing skills assigned to a user.
    ///
    /// `GET /api/v2/users/{userId}/routingskills` (paging style A). Each entity's `id` is the organisation
    /// skill's id. Lazy.
    public func listUserRoutingSkills(
        userID: String, pageSize: Int = 100, logger: Logger? = nil
    ) -> PageSequence<UserSkillEntityListing, UserRoutingSkill> {
        let operation = Self.operation()
        return pagedByNumber(
            operation: operation, path: "/api/v2/users/\(Self.segment(userID))/routingskills", pageSize: pageSize,
            validate: { try Validate.id(userID, "userID", operation) }, logger: logger,
            item: { (skill: UserRoutingSkill) in skill }
        )
    }

    /// Assigns one skill to a user.
    ///
    /// `POST /api/v2/users/{userId}/routingskills` with `UserRoutingSkillPost` `{id, proficiency}`.
    /// - Parameters:
    ///   - userID: The user's id.
    ///   - skillID: The organisation skill's id.
    ///   - proficiency: 0.0–5.0 (checked before sending).
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func addUserRoutingSkill(
        userID: String, skillID: String, proficiency: Double, logger: Logger? = nil
    ) async throws -> UserRoutingSkill {
        let operation = Self.operation()
        try Validate.id(userID, "userID", operation)
        try Validate.id(skillID, "skillID", operation)
        try Validate.proficiency(proficiency, "proficiency", operation)
        return try await call(
            .post, "/api/v2/users/\(Self.segment(userID))/routingskills",
            json: UserRoutingSkillPost(id: skillID, proficiency: proficiency), operation: operation,
            as: UserRoutingSkill.self, logger: logger)
    }

    /// Changes the proficiency (and optionally the state) of one of a user's skills.
    ///
    /// `PUT /api/v2/users/{userId}/routingskills/{skillId}` with `UserRoutingSkill` `{proficiency, state}`.
    /// Retried on a user-version conflict (409, or 400 "does not match the current version"), as the
    /// official Terraform provider does.
    /// - Parameters:
    ///   - userID: The user's id.
    ///   - skillID: The organisation skill's id.
    ///   - proficiency: 0.0–5.0.
    ///   - state: `active` or `inactive` deactivates the assignment without removing it; `nil` is not sent.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func updateUserRoutingSkill(
        userID: String, skillID: String, proficiency: Double, state: SkillState? = nil, logger: Logger? = nil
    ) async throws -> UserRoutingSkill {
        let operation = Self.operation()
        try Validate.id(userID, "userID", operation)
        try Validate.id(skillID, "skillID", operation)
        try Validate.proficiency(proficiency, "proficiency", operation)
        return try await retryingVersionConflicts(operation: operation, logger: logger) {
            try await call(
                .put, "/api/v2/users/\(Self.segment(userID))/routingskills/\(Self.segment(skillID))",
                json: UserRoutingSkill(proficiency: proficiency, state: state), operation: operation,
                as: UserRoutingSkill.self, logger: logger)
        }
    }

    /// Removes one skill from a user.
    ///
    /// `DELETE /api/v2/users/{userId}/routingskills/{skillId}` (any 2xx).
    public func removeUserRoutingSkill(userID: String, skillID: String, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(userID, "userID", operation)
        try Validate.id(skillID, "skillID", operation)
        try await callIgnoringBody(
            .delete, "/api/v2/users/\(Self.segment(userID))/routingskills/\(Self.segment(skillID))",
            operation: operation, logger: logger)
    }

    /// Replaces the whole set of a user's skills with `skills`.
    ///
    /// `PUT /api/v2/users/{userId}/routingskills/bulk` with the first 50, then
    /// `PATCH /api/v2/users/{userId}/routingskills/bulk` with the rest in chunks of 50 (the official tooling's
    /// limit; whether the PUT takes more is not established). An empty list removes every skill (one PUT
    /// with `[]`). When a skill appears twice, the last proficiency wins. Every element is checked first
    /// (id present, proficiency 0.0–5.0); nothing is sent if one is invalid.
    ///
    /// Not atomic beyond 50 skills: if a later PATCH fails, the user keeps the first chunks. Each call is
    /// retried on a user-version conflict, as the official Terraform provider does.
    /// - Returns: The user's skills as the server reported them (all responses combined, later wins).
    @discardableResult
    public func replaceUserRoutingSkills(
        userID: String, _ skills: [UserRoutingSkillPost], logger: Logger? = nil
    ) async throws -> [UserRoutingSkill] {
        let operation = Self.operation()
        let skills = try Self.checkedSkillPosts(userID: userID, skills, operation: operation)
        return try await writeUserBulk(
            skills, path: "/api/v2/users/\(Self.segment(userID))/routingskills/bulk", replacing: true,
            id: \UserRoutingSkill.id, operation: operation, logger: logger)
    }

    /// Adds or updates several of a user's skills, keeping the others.
    ///
    /// `PATCH /api/v2/users/{userId}/routingskills/bulk`, in chunks of 50 (the official tooling's limit).
    /// Every element is checked first; nothing is sent for an empty list. Each chunk is retried on a
    /// user-version conflict.
    /// - Returns: The skills as the server reported them (all responses combined, later wins).
    @discardableResult
    public func addOrUpdateUserRoutingSkills(
        userID: String, _ skills: [UserRoutingSkillPost], logger: Logger? = nil
    ) async throws -> [UserRoutingSkill] {
        let operation = Self.operation()
        let skills = try Self.checkedSkillPosts(userID: userID, skills, operation: operation)
        return try await writeUserBulk(
            skills, path: "/api/v2/users/\(Self.segment(userID))/routingskills/bulk", id: \UserRoutingSkill.id,
            operation: operation, logger: logger)
    }

    /// Checks every element and returns the list with duplicates removed (last wins), with only the
    /// writable fields.
    static func checkedSkillPosts(userID: String, _ skills: [UserRoutingSkillPost], operation: String) throws -> [UserRoutingSkillPost] {
        try checkedUserBulkPosts(
            userID: userID, skills, field: "skills", operation: operation, id: \.id, proficiency: \.proficiency,
            writable: { UserRoutingSkillPost(id: $0, proficiency: $1) })
    }
}
