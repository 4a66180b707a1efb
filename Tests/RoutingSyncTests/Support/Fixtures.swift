import Foundation
@testable import RoutingSync
import RoutingModels

/// Access to `Tests/RoutingSyncTests/Fixtures` (a copied resource directory).
enum Fixtures {
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static func url(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func load(_ name: String) throws -> DesiredState {
        try DesiredStateLoader.load(contentsOf: url(name))
    }

    /// How many broken files `Fixtures/invalid` holds; update it when adding one.
    static let invalidFileCount = 16

    /// The names of the broken files in `Fixtures/invalid` (each has a `.expected` next to it).
    /// - Throws: When the folder cannot be read, so parameterised tests fail instead of running no case.
    static func invalidFiles() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("invalid").path)
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }
}

/// A compact way to write org snapshots for planner tests: objects get ids `<kind>-<name>`.
struct OrgBuilder {
    var snapshot = OrgSnapshot(
        divisions: [
            AuthzDivision(id: "div-home", name: "Home", homeDivision: true),
            AuthzDivision(id: "div-sales", name: "Sales", homeDivision: false),
        ],
        skills: [], languages: [], wrapupCodes: [], skillGroups: [], queues: [], agents: []
    )

    static func id(_ kind: String, _ name: String) -> String { "\(kind)-\(name)" }

    @discardableResult
    mutating func skill(_ name: String, division: String = "div-home", id: String? = nil) -> String {
        let id = id ?? Self.id("skill", name)
        snapshot.skills!.append(RoutingSkill(id: id, name: name, division: Division(id: division), state: .active))
        return id
    }

    @discardableResult
    mutating func language(_ name: String) -> String {
        let id = Self.id("language", name)
        snapshot.languages!.append(Language(id: id, name: name, state: .active))
        return id
    }

    @discardableResult
    mutating func wrapupCode(_ name: String, division: String = "div-home") -> String {
        let id = Self.id("code", name)
        snapshot.wrapupCodes!.append(WrapupCode(id: id, name: name, division: Division(id: division)))
        return id
    }

    @discardableResult
    mutating func skillGroup(
        _ name: String, description: String? = nil, division: String = "div-home", conditions: [SkillGroupCondition]? = nil,
        memberDivisions: [String]? = nil, id: String? = nil
    ) -> String {
        let id = id ?? Self.id("group", name)
        let group = SkillGroup(id: id, name: name, division: Division(id: division), description: description, skillConditions: conditions)
        snapshot.skillGroups!.append(SkillGroupSnapshot(group: group, conditionsRead: conditions != nil, memberDivisionIDs: memberDivisions))
        return id
    }

    @discardableResult
    mutating func queue(
        _ name: String, configure: (inout RoutingQueue) -> Void = { _ in }, members: [String]? = nil, wrapupCodes: [String]? = nil
    ) -> String {
        let id = Self.id("queue", name)
        var queue = RoutingQueue(id: id, name: name, division: Division(id: "div-home"))
        configure(&queue)
        snapshot.queues!.append(QueueSnapshot(queue: queue, memberIDs: members, wrapupCodeIDs: wrapupCodes))
        return id
    }

    @discardableResult
    mutating func user(_ email: String, skills: [String: Double] = [:], languages: [String: Double] = [:]) -> String {
        let id = Self.id("user", email)
        snapshot.agents!.append(AgentSnapshot(
            userID: id, email: email, name: email,
            skills: skills.map { UserRoutingSkill(id: Self.id("skill", $0.key), name: $0.key, proficiency: $0.value, state: .active) },
            languages: languages.map { UserRoutingLanguage(id: Self.id("language", $0.key), name: $0.key, proficiency: $0.value, state: .active) }
        ))
        return id
    }
}

extension DesiredState {
    /// Loads YAML text (for short inline test documents).
    static func yaml(_ text: String, file: String = "test.yaml") throws -> DesiredState {
        try DesiredStateLoader.load(string: text, format: .yaml, fileName: file)
    }
}

extension SyncPlan {
    /// `action kind name` for each change, for compact assertions.
    var lines: [String] { changes.map { "\($0.action.rawValue) \($0.kind.rawValue) \($0.name)" } }

    func change(_ kind: PlannedChange.Kind, _ name: String) -> PlannedChange? {
        changes.first { $0.kind == kind && $0.name == name }
    }
}

func leaf(_ skill: String, _ comparator: ProficiencyComparator = .greaterThanOrEqualTo, _ proficiency: Int) -> SkillGroupRoutingCondition {
    SkillGroupRoutingCondition(routingSkill: skill, comparator: comparator, proficiency: proficiency)
}

func languageLeaf(_ language: String, _ comparator: ProficiencyComparator = .greaterThanOrEqualTo, _ proficiency: Int) -> SkillGroupLanguageCondition {
    SkillGroupLanguageCondition(languageSkill: language, comparator: comparator, proficiency: proficiency)
}
