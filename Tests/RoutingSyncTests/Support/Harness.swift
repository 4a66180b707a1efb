import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
@testable import RoutingSync
import Testing

/// An in-memory org with the people `Fixtures/realistic.yaml` names, and a sync over a client to it.
struct Harness {
    static let agentNames = ["ana", "ben", "cara", "dev", "eli", "fay", "gus", "hana", "ivan", "jo", "kai", "lea", "max", "nia",
                             "omar", "pia", "quinn", "rosa", "sam", "tia"]

    let org: FakeGenesysOrg
    let client: GenesysClient
    let sync: RoutingSync
    /// email → user id.
    let users: [String: String]

    init(
        configuration: FakeGenesysOrg.Configuration = FakeGenesysOrg.Configuration(rateLimit: nil),
        clientRateLimit: RateLimit? = nil, syncConfiguration: RoutingSync.Configuration = RoutingSync.Configuration()
    ) throws {
        let org = FakeGenesysOrg(configuration: configuration)
        _ = try org.addDivision(name: "Sales")
        var users: [String: String] = [:]
        for (index, name) in (Self.agentNames + ["yan", "zed"]).enumerated() {
            let email = "\(name)@example.com"
            users[email] = try org.addUser(name: name.capitalized, email: email, division: index.isMultiple(of: 3) ? "Sales" : nil)
        }
        self.org = org
        self.users = users
        self.client = org.makeClient(rateLimit: clientRateLimit)
        self.sync = RoutingSync(client: client, configuration: syncConfiguration)
    }

    /// A second sync over a new client of the same org (a fresh run, as a new CLI process would be).
    func freshSync(configuration: RoutingSync.Configuration = RoutingSync.Configuration()) -> RoutingSync {
        RoutingSync(client: org.makeClient(), configuration: configuration)
    }

    /// `realistic.yaml` with eli's real user id filled in (the file refers to him as `id:<userId>`).
    func realisticState(_ edit: (String) -> String = { $0 }) throws -> DesiredState {
        let text = try Fixtures.text("realistic.yaml").replacing("USER-ELI", with: users["eli@example.com"]!)
        return try DesiredStateLoader.load(string: edit(text), format: .yaml, fileName: "realistic.yaml")
    }

    /// Requests to the API (not the token endpoint).
    var apiRequests: [FakeOrgRequest] { org.requests.filter { $0.path.hasPrefix("/api/") } }

    /// Lets the org's index lag and skill-group evaluations pass.
    func settle() async throws {
        try await org.clock.sleep(for: .seconds(120))
    }

    /// Applies until a run succeeds (at most `runs` times), each run re-planning from a fresh read.
    func applyUntilConverged(_ state: DesiredState, runs: Int = 5, sync: RoutingSync? = nil) async throws -> [SyncReport] {
        var reports: [SyncReport] = []
        for _ in 0..<runs {
            let report = try await (sync ?? self.sync).apply(state)
            reports.append(report)
            if report.succeeded { return reports }
        }
        Issue.record("did not converge in \(runs) runs: \(reports.last.map { $0.results.filter { $0.status != .applied }.map(\.description) } ?? [])")
        return reports
    }

    /// Checks that the org holds exactly what `state` says, by reading the org's stored state directly.
    func expectOrgMatches(_ state: DesiredState, sourceLocation: SourceLocation = #_sourceLocation) {
        let stored = org.snapshot()
        let home = stored.homeDivisionID
        func divisionID(_ name: String?) -> String? {
            let name = name ?? state.defaults.division
            return name.flatMap { name in stored.divisions.first { $0.name == name }?.id } ?? home
        }
        let skills = stored.skills.filter { $0.state != .deleted }
        let languages = stored.languages.filter { $0.state != .deleted }
        #expect(Set(skills.compactMap(\.name)).isSuperset(of: state.skills.map(\.name)), sourceLocation: sourceLocation)
        for spec in state.skills {
            let matches = skills.filter { $0.name == spec.name }
            #expect(matches.count == 1, "skill \(spec.name) exists once", sourceLocation: sourceLocation)
            #expect(matches.first?.division?.id == divisionID(spec.division), "skill \(spec.name) division", sourceLocation: sourceLocation)
        }
        for spec in state.languages {
            #expect(languages.filter { $0.name == spec.name }.count == 1, "language \(spec.name)", sourceLocation: sourceLocation)
        }
        for spec in state.wrapupCodes {
            let matches = stored.wrapupCodes.filter { $0.name == spec.name }
            #expect(matches.count == 1, "wrap-up code \(spec.name)", sourceLocation: sourceLocation)
            #expect(matches.first?.division?.id == divisionID(spec.division), sourceLocation: sourceLocation)
        }
        for spec in state.skillGroups {
            let matches = stored.skillGroups.filter { $0.group.name == spec.name }
            #expect(matches.count == 1, "skill group \(spec.name) exists once", sourceLocation: sourceLocation)
            guard let record = matches.first else { continue }
            if let description = spec.description { #expect(record.group.description == description, sourceLocation: sourceLocation) }
            #expect(record.group.division?.id == divisionID(spec.division), "skill group \(spec.name) division", sourceLocation: sourceLocation)
            if let conditions = spec.conditions {
                #expect(ConditionCanon.key(record.group.skillConditions) == ConditionCanon.key(conditions),
                        "skill group \(spec.name) conditions", sourceLocation: sourceLocation)
            }
            if let names = spec.memberDivisions {
                let wanted = Set(names.compactMap { name in stored.divisions.first { $0.name == name }?.id } + [record.group.division?.id ?? ""])
                #expect(Set(record.memberDivisionIDs) == wanted, "skill group \(spec.name) member divisions", sourceLocation: sourceLocation)
            }
        }
        for spec in state.queues {
            let matches = stored.queues.filter { $0.queue.name == spec.name }
            #expect(matches.count == 1, "queue \(spec.name) exists once", sourceLocation: sourceLocation)
            guard let record = matches.first else { continue }
            let queue = record.queue
            if let description = spec.description { #expect(queue.description == description, sourceLocation: sourceLocation) }
            #expect(queue.division?.id == divisionID(spec.division), "queue \(spec.name) division", sourceLocation: sourceLocation)
            if let method = spec.skillEvaluationMethod { #expect(queue.skillEvaluationMethod == method, sourceLocation: sourceLocation) }
            if let prompt = spec.acwSettings?.wrapupPrompt { #expect(queue.acwSettings?.wrapupPrompt == prompt, sourceLocation: sourceLocation) }
            if let timeout = spec.acwSettings?.timeoutMs { #expect(queue.acwSettings?.timeoutMs == timeout, sourceLocation: sourceLocation) }
            if let media = spec.mediaSettings {
                var differences: [FieldChange] = []
                Planner.diffTree(desired: media, current: Planner.tree(of: queue.mediaSettings), path: "mediaSettings", into: &differences)
                #expect(differences.isEmpty, "queue \(spec.name) media settings: \(differences)", sourceLocation: sourceLocation)
            }
            if let groups = spec.skillGroups {
                let ids = Set((queue.memberGroups ?? []).filter { $0.type == .skillGroup }.compactMap(\.id))
                let names = Set(ids.compactMap { id in stored.skillGroups.first { $0.group.id == id }?.group.name })
                #expect(names == Set(groups), "queue \(spec.name) skill groups", sourceLocation: sourceLocation)
            }
            if let members = spec.members {
                let wanted = Set(members.map { reference -> String in
                    switch reference {
                    case .email(let email): users[email.lowercased()] ?? email
                    case .id(let id): id
                    }
                })
                let have = Set(record.members.map(\.userID))
                if state.policy.queueMembers == .authoritative {
                    #expect(have == wanted, "queue \(spec.name) members", sourceLocation: sourceLocation)
                } else {
                    #expect(have.isSuperset(of: wanted), "queue \(spec.name) members", sourceLocation: sourceLocation)
                }
            }
            if let codes = spec.wrapupCodes {
                let names = Set(record.wrapupCodeIDs.compactMap { id in stored.wrapupCodes.first { $0.id == id }?.name })
                #expect(names == Set(codes), "queue \(spec.name) wrap-up codes", sourceLocation: sourceLocation)
            }
        }
        for spec in state.agents {
            let userID: String
            switch spec.user {
            case .email(let email): userID = users[email.lowercased()] ?? email
            case .id(let id): userID = id
            }
            guard let record = stored.users.first(where: { $0.user.id == userID }) else {
                Issue.record("no user \(spec.user)", sourceLocation: sourceLocation)
                continue
            }
            if let skills = spec.skills {
                let have = Dictionary(uniqueKeysWithValues: record.skills.filter { $0.state != .deleted }.compactMap { assignment in
                    stored.skills.first { $0.id == assignment.id }?.name.map { ($0, assignment.proficiency) }
                })
                if state.policy.agentSkills == .authoritative {
                    #expect(have == skills, "agent \(spec.user) skills", sourceLocation: sourceLocation)
                } else {
                    #expect(skills.allSatisfy { have[$0.key] == $0.value }, "agent \(spec.user) skills", sourceLocation: sourceLocation)
                }
            }
            if let languages = spec.languages {
                let have = Dictionary(uniqueKeysWithValues: record.languages.filter { $0.state != .deleted }.compactMap { assignment in
                    stored.languages.first { $0.id == assignment.id }?.name.map { ($0, assignment.proficiency) }
                })
                #expect(have == languages, "agent \(spec.user) languages", sourceLocation: sourceLocation)
            }
        }
    }

    /// No kind holds two live objects with the same name.
    func expectNoDuplicates(sourceLocation: SourceLocation = #_sourceLocation) {
        let stored = org.snapshot()
        func unique(_ names: [String?], _ kind: String) {
            let list = names.compactMap { $0 }
            #expect(Set(list).count == list.count, "duplicate \(kind): \(list.sorted())", sourceLocation: sourceLocation)
        }
        unique(stored.skills.filter { $0.state != .deleted }.map(\.name), "skills")
        unique(stored.languages.filter { $0.state != .deleted }.map(\.name), "languages")
        unique(stored.wrapupCodes.map(\.name), "wrap-up codes")
        unique(stored.skillGroups.map(\.group.name), "skill groups")
        unique(stored.queues.map(\.queue.name), "queues")
    }
}
