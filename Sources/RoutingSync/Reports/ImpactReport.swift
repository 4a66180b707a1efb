public import Logging
import RoutingModels

/// Per skill: the agents holding it, the skill groups whose conditions use it, and the queues reached
/// through those groups. What to check before changing or deleting a skill.
public struct ImpactReport: Sendable, Hashable, Codable {
    /// The impact of one skill.
    public struct SkillImpact: Sendable, Hashable, Codable {
        /// The skill's name.
        public var skill: String
        /// Emails (or `id:<userId>`) of the agents holding the skill, sorted.
        public var agents: [String]
        /// Skill groups whose conditions name the skill (at any depth), sorted.
        public var skillGroups: [String]
        /// Queues that have one of those skill groups as a member group, in a bullseye ring or in a
        /// conditional group routing or activation rule, sorted.
        public var queues: [String]

        /// Creates an entry.
        public init(skill: String, agents: [String] = [], skillGroups: [String] = [], queues: [String] = []) {
            self.skill = skill
            self.agents = agents
            self.skillGroups = skillGroups
            self.queues = queues
        }
    }

    /// One entry per skill, sorted by name.
    public var skills: [SkillImpact]

    /// Creates a report.
    public init(skills: [SkillImpact]) {
        self.skills = skills
    }

    /// CSV (RFC 4180): `skill,agentCount,agents,skillGroups,queues`, list cells joined with `; `. A cell
    /// that begins with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`, so a spreadsheet shows a name
    /// such as `=HYPERLINK(…)` instead of running it.
    public func csv() -> String {
        var lines = ["skill,agentCount,agents,skillGroups,queues"]
        for entry in skills {
            lines.append([
                entry.skill, String(entry.agents.count), entry.agents.joined(separator: "; "),
                entry.skillGroups.joined(separator: "; "), entry.queues.joined(separator: "; "),
            ].map { Self.csvField(InertText.spreadsheetSafe($0)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Pretty-printed JSON: `{"skills": [{"skill", "agents", "skillGroups", "queues"}]}`.
    public func json() -> String {
        let tree = ConfigValue.object([.init("skills", .array(skills.map { entry in
            .object([
                .init("skill", .string(entry.skill)),
                .init("agents", .array(entry.agents.map(ConfigValue.string))),
                .init("skillGroups", .array(entry.skillGroups.map(ConfigValue.string))),
                .init("queues", .array(entry.queues.map(ConfigValue.string))),
            ])
        }))])
        return JSONText.render(tree, pretty: true) + "\n"
    }

    /// A Markdown table: skill, number of agents, skill groups, queues; control characters in names are
    /// shown escaped (`\n`, `\u{1B}`).
    public func markdown() -> String {
        var lines = ["| Skill | Agents | Skill groups | Queues |", "|---|---:|---|---|"]
        for entry in skills {
            lines.append("| \(Self.markdownCell(entry.skill)) | \(entry.agents.count) | "
                + "\(Self.markdownCell(entry.skillGroups.joined(separator: ", "))) | "
                + "\(Self.markdownCell(entry.queues.joined(separator: ", "))) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    static func markdownCell(_ text: String) -> String {
        let escaped = InertText.escape(text.replacing("|", with: "\\|"))
        return escaped.isEmpty ? "—" : escaped
    }
}

extension RoutingSync {
    /// Reads skills, skill groups (with conditions), queues and users' skills, and reports per skill who
    /// holds it and where it routes.
    /// - Throws: `GenesysError`.
    public func impactReport(logger: Logger? = nil) async throws -> ImpactReport {
        Self.impactReport(from: try await readOrg(scope: .impact, logger: logger))
    }

    /// The impact report of a snapshot (pure).
    public static func impactReport(from snapshot: OrgSnapshot) -> ImpactReport {
        // Indexed once: skill id → agents, skill name → groups using it, group id → queues (positions).
        var agentsBySkill: [String: [String]] = [:]
        for agent in snapshot.agents ?? [] {
            for id in Set(agent.skills.compactMap(\.id)) { agentsBySkill[id, default: []].append(agent.displayName) }
        }
        var groupsBySkill: [String: [SkillGroup]] = [:]
        for entry in snapshot.skillGroups ?? [] {
            for name in Set(ConditionCanon.names(entry.group.skillConditions).skills) { groupsBySkill[name, default: []].append(entry.group) }
        }
        let queues = snapshot.queues ?? []
        var queuesByGroup: [String: [Int]] = [:]
        for (position, queue) in queues.enumerated() {
            for id in Set(RoutingMemberGroups.skillGroupIDs(of: queue.queue)) {
                queuesByGroup[id, default: []].append(position)
            }
        }
        var entries: [ImpactReport.SkillImpact] = []
        for skill in snapshot.skills ?? [] {
            guard let name = skill.name else { continue }
            let using = groupsBySkill[name] ?? []
            let reached = Set(using.compactMap(\.id).flatMap { queuesByGroup[$0] ?? [] })
            entries.append(ImpactReport.SkillImpact(
                skill: name, agents: (skill.id.flatMap { agentsBySkill[$0] } ?? []).sorted(by: NameOrder.precedes),
                skillGroups: using.compactMap(\.name).sorted(by: NameOrder.precedes),
                queues: reached.compactMap { queues[$0].queue.name }.sorted(by: NameOrder.precedes)
            ))
        }
        return ImpactReport(skills: entries.sorted { NameOrder.precedes($0.skill, $1.skill) })
    }
}
