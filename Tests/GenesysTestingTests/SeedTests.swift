import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Seed files")
struct SeedTests {
    func write(_ text: String, named name: String) throws -> URL {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("a YAML seed loads divisions, users and the state path relative to the seed")
    func yaml() throws {
        let url = try write(
            """
            divisions: [Home, Sales]          # the first is the home division
            users:
              - { name: Jane Doe, email: jane.doe@example.com, division: Home }
              - name: Joe
                email: joe@example.com
                division: Sales
              - { name: Ann, email: ann@example.com }
            state: config/routing.yaml
            """,
            named: "seed.yaml"
        )
        let seed = try FakeOrgSeed.load(from: url)
        #expect(seed.divisions == ["Home", "Sales"])
        #expect(seed.users == [
            .init(name: "Jane Doe", email: "jane.doe@example.com", division: "Home"),
            .init(name: "Joe", email: "joe@example.com", division: "Sales"),
            .init(name: "Ann", email: "ann@example.com"),
        ])
        #expect(seed.stateURL == url.deletingLastPathComponent().appendingPathComponent("config/routing.yaml"))

        let org = try FakeGenesysOrg(seed: seed)
        let state = org.snapshot()
        #expect(state.divisions.compactMap(\.name) == ["Home", "Sales"])
        #expect(state.divisions.first?.id == state.homeDivisionID)
        let sales = state.divisions[1].id
        #expect(state.users.map(\.user.division?.id) == [state.homeDivisionID, sales, state.homeDivisionID])
        #expect(state.users.map(\.user.email) == ["jane.doe@example.com", "joe@example.com", "ann@example.com"])
    }

    @Test("a JSON seed loads the same way; defaults are [Home], no users, no state")
    func json() throws {
        let url = try write(
            #"{"divisions": ["Main", "Support"], "users": [{"name": "Jane", "email": "jane@example.com", "division": "Support"}]}"#,
            named: "seed.json"
        )
        let seed = try FakeOrgSeed.load(from: url)
        #expect(seed.divisions == ["Main", "Support"])
        #expect(seed.users.first?.division == "Support")
        #expect(seed.stateURL == nil)
        let org = try FakeGenesysOrg(seed: seed)
        #expect(org.snapshot().divisions.first?.name == "Main")

        let empty = try FakeOrgSeed.load(from: try write("{}", named: "empty.json"))
        #expect(empty.divisions == ["Home"])
        #expect(empty.users.isEmpty)
        let blank = try FakeOrgSeed.load(from: try write("\n", named: "blank.yaml"))
        #expect(blank == FakeOrgSeed(sourceURL: blank.sourceURL))
        let absolute = try FakeOrgSeed.load(from: try write("state: /etc/routing.yaml", named: "abs.yml"))
        #expect(absolute.stateURL?.path == "/etc/routing.yaml")
    }

    @Test("problems are one line naming the file and the field", arguments: [
        ("seed.yaml", "divisions: [Home]\nuser: []", "user: unknown field (expected divisions, users, state)"),
        ("seed.yaml", "users:\n  - { name: Jane }", "users[0].email: missing"),
        ("seed.yaml", "users:\n  - { name: Jane, email: jane@example.com, mail: x }", "users[0].mail: unknown field (expected name, email, division)"),
        ("seed.yaml", "divisions: [Home]\nusers:\n  - { name: Jane, email: jane@example.com, division: Sales }", "users[0].division: unknown division \"Sales\" (divisions: Home)"),
        ("seed.yaml", "users:\n  - { name: A, email: a@example.com }\n  - { name: B, email: A@example.com }", "users[1].email: duplicate email A@example.com (also users[0])"),
        ("seed.yaml", "divisions: [Home, home]", "divisions[1]: duplicate division \"home\" (also divisions[0])"),
        ("seed.yaml", "divisions: []", "divisions: needs at least one division"),
        ("seed.yaml", "users:\n  - { name: Jane, email: not-an-email }", "users[0].email: \"not-an-email\" is not an email address"),
        ("seed.yaml", "divisions: Home", "divisions: expected a list"),
        ("seed.yaml", "users: [ { name: Jane", "not valid YAML"),
        ("seed.json", #"{"users": [{"name": "Jane", "email": 5}]}"#, "users[0].email: expected text"),
        ("seed.json", #"{"users": "#, "not valid"),
        ("seed.toml", "divisions = []", "unknown seed file type \"toml\""),
    ])
    func errors(file: String, text: String, message: String) throws {
        let url = try write(text, named: file)
        #expect { try FakeOrgSeed.load(from: url) } throws: { error in
            let description = "\(error)"
            let ok = description.hasPrefix(url.path + ": ") && description.contains(message) && !description.contains("\n")
            if !ok { Issue.record("got: \(description)") }
            return ok
        }
    }

    @Test("a missing seed file names the file")
    func missingFile() throws {
        let url = try temporaryDirectory().appendingPathComponent("nope.yaml")
        #expect { try FakeOrgSeed.load(from: url) } throws: { "\($0)".hasPrefix(url.path + ": cannot read the seed file") }
    }

    @Test("seeding from Swift refuses unknown divisions and duplicate emails")
    func swiftSeeding() throws {
        let org = FakeGenesysOrg()
        try org.addUser(name: "Jane", email: "jane@example.com")
        #expect(throws: FakeOrgError.self) { try org.addUser(name: "Jane 2", email: "JANE@example.com") }
        #expect { try org.addUser(name: "Joe", email: "joe@example.com", division: "Nowhere") } throws: { error in
            (error as? FakeOrgError)?.message.contains("unknown division \"Nowhere\"") == true
        }
        #expect(throws: FakeOrgError.self) { try org.addDivision(name: "home") }
        #expect { try org.addSkill(name: "") } throws: { error in
            (error as? FakeOrgError)?.status == 400 && (error as? FakeOrgError)?.code == "invalid.value"
        }
    }
}
