import GenesysCore
import GenesysRouting
import RoutingModels

/// One test's scratch area in a real org: a client, a name prefix, and the objects the test created.
///
/// Tests name everything with ``name(_:)`` and ``track(_:_:)`` every id right after the create call
/// returns; ``LiveOrg/withScratch(_:sourceLocation:_:)`` then calls ``cleanUp()`` however the test ended.
actor LiveOrgScratch {
    /// Kinds of object, in the order cleanup deletes them (dependants before what they depend on:
    /// a queue names skill groups and wrap-up codes, a skill group names skills and languages).
    enum Kind: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
        case queue, skillGroup, wrapupCode, skill, language

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        var description: String {
            switch self {
            case .queue: "queue"
            case .skillGroup: "skill group"
            case .wrapupCode: "wrap-up code"
            case .skill: "skill"
            case .language: "language"
            }
        }
    }

    /// The routing API every call of this scratch goes through.
    nonisolated let routing: RoutingAPI
    /// `grt-<run>-<tag>-`: the start of every name this scratch creates.
    nonisolated let prefix: String

    private var tracked: [(kind: Kind, id: String)] = []
    private var deleted: Set<String> = []

    init(routing: RoutingAPI, prefix: String) {
        self.routing = routing
        self.prefix = prefix
    }

    /// `base` with this scratch's prefix.
    nonisolated func name(_ base: String) -> String { prefix + base }

    /// Records an object to delete at cleanup.
    func track(_ kind: Kind, _ id: String) {
        tracked.append((kind, id))
    }

    /// Records that the test deleted an object itself, so cleanup leaves it alone.
    func forget(_ id: String) {
        deleted.insert(id)
    }

    /// Deletes the tracked objects (queues, then skill groups, then wrap-up codes, skills and languages;
    /// the newest first within a kind), then anything else whose name starts with ``prefix`` (objects a
    /// `RoutingSync` apply created, or whose create answer never arrived). Never throws: returns one line
    /// per object it could not delete.
    ///
    /// - Parameter failure: The test's error, if it threw. When it is an authentication failure and nothing
    ///   was tracked, the sweep is skipped: it would fail the same way, after the same wait.
    func cleanUp(after failure: (any Error)? = nil) async -> [String] {
        if tracked.isEmpty, let failure, LiveOrg.isError(failure, .authenticationFailed) { return [] }
        var problems: [String] = []
        let order = tracked.enumerated().sorted { ($0.element.kind, -$0.offset) < ($1.element.kind, -$1.offset) }
        for (_, object) in order where !deleted.contains(object.id) {
            if let problem = await delete(object.kind, object.id) { problems.append(problem) }
        }
        do {
            for (kind, id) in try await leftovers() where !deleted.contains(id) {
                if let problem = await delete(kind, id) { problems.append(problem) }
            }
        } catch {
            problems.append("listing leftovers failed: \(error)")
        }
        return problems
    }

    /// Deletes one object through the typed API. 404 counts as deleted; a 409 or 400 (Genesys still sees
    /// a reference from an object deleted a moment ago) is retried until ``LiveOrg/consistencyTimeout``.
    private func delete(_ kind: Kind, _ id: String) async -> String? {
        let routing = self.routing
        var lastRefusal: GenesysError?
        do {
            try await routing.waitForCondition(timeout: LiveOrg.consistencyTimeout, initialDelay: .seconds(1), maxDelay: .seconds(5)) {
                do {
                    switch kind {
                    case .queue: try await routing.deleteQueue(id: id)
                    case .skillGroup: try await routing.deleteSkillGroup(id: id)
                    case .wrapupCode: try await routing.deleteWrapupCode(id: id)
                    case .skill: try await routing.deleteSkill(id: id)
                    case .language: try await routing.deleteLanguage(id: id)
                    }
                    return true
                } catch let error as GenesysError where error.code == .notFound {
                    return true
                } catch let error as GenesysError where error.code == .conflict || error.code == .badRequest {
                    lastRefusal = error
                    return false
                }
            }
            deleted.insert(id)
            return nil
        } catch {
            return "\(kind) \(id) not deleted: \(lastRefusal.map { "\($0)" } ?? "\(error)")"
        }
    }

    /// Objects still listed under this scratch's prefix. The name filters are prefix searches (queues take
    /// a trailing `*`); the exact `hasPrefix` check on the client keeps everyone else's objects out.
    private func leftovers() async throws -> [(Kind, String)] {
        let routing = self.routing
        let prefix = self.prefix
        func mine(_ name: String?, _ id: String?) -> String? {
            guard let name, name.hasPrefix(prefix), let id else { return nil }
            return id
        }
        var found: [(Kind, String)] = []
        found += try await routing.listQueues(name: prefix + "*").collectItems().compactMap { mine($0.name, $0.id) }.map { (.queue, $0) }
        found += try await routing.listSkillGroups(name: prefix).collectItems().compactMap { mine($0.name, $0.id) }.map { (.skillGroup, $0) }
        found += try await routing.listWrapupCodes(name: prefix).collectItems().compactMap { mine($0.name, $0.id) }.map { (.wrapupCode, $0) }
        found += try await routing.listSkills(name: prefix).collectItems().compactMap { mine($0.name, $0.id) }.map { (.skill, $0) }
        found += try await routing.listLanguages(name: prefix).collectItems().compactMap { mine($0.name, $0.id) }.map { (.language, $0) }
        return found
    }
}
