public import Logging
public import RoutingModels

// Names replaced by the verb table in Documentation/APIConventions.md (issue #11). Each forwards to the
// new call, so behaviour (and the operation name reported in logs, errors, metrics and spans, which is the
// new call's) is the same. They go away before 1.0.

extension RoutingAPI {
    /// Creates a skill.
    @available(*, deprecated, renamed: "createSkill(_:logger:)", message: "use createSkill(CreateRoutingSkill(name:divisionId:))")
    public func createSkill(name: String, divisionID: String? = nil, logger: Logger? = nil) async throws -> RoutingSkill {
        try await createSkill(CreateRoutingSkill(name: name, divisionId: divisionID), logger: logger)
    }

    /// Moves a skill to another division.
    @available(*, deprecated, renamed: "moveSkill(id:toDivision:logger:)")
    public func updateSkillDivision(id: String, divisionID: String, logger: Logger? = nil) async throws -> RoutingSkill {
        try await moveSkill(id: id, toDivision: divisionID, logger: logger)
    }

    /// Creates a language.
    @available(*, deprecated, renamed: "createLanguage(_:logger:)", message: "use createLanguage(Language(name:))")
    public func createLanguage(name: String, logger: Logger? = nil) async throws -> Language {
        try await createLanguage(Language(name: name), logger: logger)
    }

    /// One user's skills and languages.
    @available(*, deprecated, renamed: "getRoutingProfile(userID:logger:)")
    public func routingProfile(userID: String, logger: Logger? = nil) async throws -> RoutingProfile {
        try await getRoutingProfile(userID: userID, logger: logger)
    }

    /// Reads a queue, lets `change` edit it, and puts the whole queue back.
    @available(*, deprecated, renamed: "updateQueue(id:changes:logger:)")
    public func modifyQueue(
        id: String, _ change: (inout QueueRequest) throws -> Void, logger: Logger? = nil
    ) async throws -> RoutingQueue {
        try await updateQueue(id: id, changes: change, logger: logger)
    }

    /// Reads a skill group, lets `change` edit it, and sends the full definition back.
    @available(*, deprecated, renamed: "updateSkillGroup(id:changes:logger:)")
    public func modifySkillGroup(
        id: String, _ change: (inout SkillGroup) throws -> Void, logger: Logger? = nil
    ) async throws -> SkillGroup {
        try await updateSkillGroup(id: id, changes: change, logger: logger)
    }

    /// Polls until `condition` returns `true`.
    @available(*, deprecated, renamed: "waitForCondition(timeout:initialDelay:maxDelay:_:logger:)")
    public func waitUntil(
        timeout: Duration = .seconds(30),
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(5),
        _ condition: () async throws -> Bool,
        logger: Logger? = nil
    ) async throws {
        try await waitForCondition(timeout: timeout, initialDelay: initialDelay, maxDelay: maxDelay, condition, logger: logger)
    }

    /// Polls `lookup` until it returns a value.
    @available(*, deprecated, renamed: "waitForValue(timeout:initialDelay:maxDelay:_:logger:)")
    public func waitUntilFound<Value>(
        timeout: Duration = .seconds(30),
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(5),
        _ lookup: () async throws -> Value?,
        logger: Logger? = nil
    ) async throws -> Value {
        try await waitForValue(timeout: timeout, initialDelay: initialDelay, maxDelay: maxDelay, lookup, logger: logger)
    }
}
