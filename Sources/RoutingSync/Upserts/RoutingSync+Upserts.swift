import GenesysCore
public import Logging

// Idempotent, per-object calls for Swift services; how they work and what they manage: ``UpsertResult``.
extension RoutingSync {
    // MARK: - Skills, languages, wrap-up codes

    /// Makes sure a routing skill exists (and, when `skill.division` is given, is in that division).
    ///
    /// ```swift
    /// let billing = try await sync.upsertSkill(SkillSpec(name: "Billing"))
    /// print(billing.id, billing.outcome)   // "…", created (then unchanged on every later call)
    /// ```
    /// - Parameters:
    ///   - skill: The skill; a `nil` division is not managed.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    /// - Returns: The skill's id and what happened.
    /// - Throws: ``SyncError`` as for a file (an invalid or ambiguous name, an unknown division);
    ///   `GenesysError` when a read or the write fails (its message names the skill).
    @discardableResult
    public func upsertSkill(_ skill: SkillSpec, logger: Logger? = nil) async throws -> UpsertResult {
        try await single(upsertSkills([skill], logger: logger))
    }

    /// Makes sure these routing skills exist, with one read of the skills and one write per skill that
    /// changes. See ``upsertSkill(_:logger:)``.
    /// - Returns: One result per skill, in the order given.
    /// - Throws: As ``upsertSkill(_:logger:)``; when some writes fail, the first failure (the others were
    ///   applied; calling again converges).
    @discardableResult
    public func upsertSkills(_ skills: [SkillSpec], logger: Logger? = nil) async throws -> [UpsertResult] {
        try await upsert(Self.state("upsertSkills", skills: skills), targets: skills.map { UpsertTarget(.skill, $0.name) }, logger: logger)
    }

    /// Makes sure a routing language exists (languages have only a name).
    /// - Returns: The language's id and what happened.
    /// - Throws: As ``upsertSkill(_:logger:)``.
    @discardableResult
    public func upsertLanguage(_ language: LanguageSpec, logger: Logger? = nil) async throws -> UpsertResult {
        try await single(upsertLanguages([language], logger: logger))
    }

    /// Makes sure these routing languages exist. See ``upsertLanguage(_:logger:)``.
    /// - Returns: One result per language, in the order given.
    /// - Throws: As ``upsertSkills(_:logger:)``.
    @discardableResult
    public func upsertLanguages(_ languages: [LanguageSpec], logger: Logger? = nil) async throws -> [UpsertResult] {
        try await upsert(Self.state("upsertLanguages", languages: languages), targets: languages.map { UpsertTarget(.language, $0.name) }, logger: logger)
    }

    /// Makes sure a wrap-up code exists (and, when `code.division` is given, is in that division).
    /// - Returns: The wrap-up code's id and what happened.
    /// - Throws: As ``upsertSkill(_:logger:)``.
    @discardableResult
    public func upsertWrapupCode(_ code: WrapupCodeSpec, logger: Logger? = nil) async throws -> UpsertResult {
        try await single(upsertWrapupCodes([code], logger: logger))
    }

    /// Makes sure these wrap-up codes exist. See ``upsertWrapupCode(_:logger:)``.
    /// - Returns: One result per wrap-up code, in the order given.
    /// - Throws: As ``upsertSkills(_:logger:)``.
    @discardableResult
    public func upsertWrapupCodes(_ codes: [WrapupCodeSpec], logger: Logger? = nil) async throws -> [UpsertResult] {
        try await upsert(Self.state("upsertWrapupCodes", wrapupCodes: codes), targets: codes.map { UpsertTarget(.wrapupCode, $0.name) }, logger: logger)
    }

    // MARK: - Skill groups and queues

    /// Makes sure a skill group exists with the fields given; fields left `nil` (description, division,
    /// member divisions, conditions) are kept as they are. An existing group named one of
    /// `group.previousNames` is renamed in place.
    ///
    /// Skills and languages in the conditions must exist (an upsert just before is fine: a reference not
    /// listed yet is planned again while the org's index catches up, within
    /// ``Configuration/consistencyTimeout``; after that it is the file's ``SyncError/Code/unresolvedReference``).
    /// - Returns: The group's id and what happened.
    /// - Throws: As ``upsertSkill(_:logger:)``.
    @discardableResult
    public func upsertSkillGroup(_ group: SkillGroupSpec, logger: Logger? = nil) async throws -> UpsertResult {
        try await single(upsert(
            Self.state("upsertSkillGroup", skillGroups: [group]), targets: [UpsertTarget(.skillGroup, group.name)], logger: logger))
    }

    /// Makes sure a queue exists with the fields given; fields left `nil` are kept as they are (a queue
    /// upserted without `members` keeps its members, without `mediaSettings` its media settings; keys of
    /// `mediaSettings` that are not given are kept). Skill groups and wrap-up codes are named and must exist.
    /// - Parameters:
    ///   - queue: The queue.
    ///   - members: How `queue.members` applies: ``SyncPolicy/Mode/additive`` (the default) adds the users
    ///     given and removes nobody; ``SyncPolicy/Mode/authoritative`` also removes every direct member not
    ///     given. Ignored when `queue.members` is `nil`.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    /// - Returns: The queue's id and what happened.
    /// - Throws: As ``upsertSkill(_:logger:)``.
    @discardableResult
    public func upsertQueue(_ queue: QueueSpec, members: SyncPolicy.Mode = .additive, logger: Logger? = nil) async throws -> UpsertResult {
        var state = DesiredState(policy: SyncPolicy(queueMembers: members), queues: [queue])
        state.source = SourceInfo(fileName: "upsertQueue")
        return try await single(upsert(state, targets: [UpsertTarget(.queue, queue.name)], logger: logger))
    }

    // MARK: - Agents' routing profiles

    /// Sets skills and languages of one agent. See ``upsertRoutingProfiles(_:mode:logger:)``.
    /// - Returns: The user's id and what happened (``UpsertResult/Outcome/updated`` or
    ///   ``UpsertResult/Outcome/unchanged``; users are never created).
    /// - Throws: As ``upsertRoutingProfiles(_:mode:logger:)``.
    @discardableResult
    public func upsertRoutingProfile(_ profile: AgentSpec, mode: SyncPolicy.Mode = .additive, logger: Logger? = nil) async throws -> UpsertResult {
        try await single(upsertRoutingProfiles([profile], mode: mode, logger: logger))
    }

    /// Sets skills and languages of many agents with the fewest requests: one read of the users' routing
    /// profiles (`GET /api/v2/users?expand=skills,languages`, 500 a page) and of the skills and languages
    /// named, one plan over all of them, then one bulk write per agent whose profile differs (none for an
    /// agent that already matches).
    ///
    /// - Parameters:
    ///   - profiles: One entry per user (by email or `id:`). A `nil` `skills` or `languages` is not managed:
    ///     that half of the profile is left alone whatever `mode` says.
    ///   - mode: ``SyncPolicy/Mode/additive`` (merge, the default) adds or updates the skills and languages
    ///     given and removes none; ``SyncPolicy/Mode/authoritative`` (replace) makes them exactly the ones
    ///     given, removing the others.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    /// - Returns: One result per profile, in the order given, with the user's id.
    /// - Throws: ``SyncError`` as for a file (an unknown or ambiguous user, skill or language, a proficiency
    ///   out of range), before anything is written; `GenesysError` when a read fails, or the first failed
    ///   write, named in its message (the other profiles were applied; calling again converges).
    @discardableResult
    public func upsertRoutingProfiles(_ profiles: [AgentSpec], mode: SyncPolicy.Mode = .additive, logger: Logger? = nil) async throws -> [UpsertResult] {
        var state = DesiredState(policy: SyncPolicy(agentSkills: mode, agentLanguages: mode), agents: profiles)
        state.source = SourceInfo(fileName: "upsertRoutingProfiles")
        return try await upsert(state, targets: profiles.map(UpsertTarget.init(agent:)), logger: logger)
    }

    // MARK: - Helpers

    /// A state that declares only what a call manages, named after the call in problems (where a file's
    /// name would be).
    private static func state(
        _ call: String, skills: [SkillSpec] = [], languages: [LanguageSpec] = [], wrapupCodes: [WrapupCodeSpec] = [],
        skillGroups: [SkillGroupSpec] = []
    ) -> DesiredState {
        DesiredState(
            skills: skills, languages: languages, wrapupCodes: wrapupCodes, skillGroups: skillGroups, source: SourceInfo(fileName: call))
    }

    private func single(_ results: [UpsertResult]) throws -> UpsertResult {
        guard let result = results.first else {
            throw GenesysError(code: .invalidRequest, operation: "routingSync.upsert", message: "the upsert reported no result")
        }
        return result
    }
}
