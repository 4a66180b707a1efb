public import Foundation
import Yams

/// What a ``FakeGenesysOrg`` starts with: its divisions and users, and optionally a desired-state file
/// for `RoutingSync` to apply (the CLI's `--fake-seed FILE` / `fake-server --seed FILE`).
///
/// ```yaml
/// divisions: [Home, Sales]          # the first is the home division; default: [Home]
/// users:                            # the people agents and queue members refer to
///   - { name: Jane Doe, email: jane.doe@example.com, division: Home }
/// state: routing.yaml               # optional: a desired-state file (path relative to the seed)
/// ```
///
/// ``load(from:)`` reads YAML (`.yaml`, `.yml`) with Yams and JSON (`.json`) with `JSONDecoder`, and
/// refuses unknown fields, missing names and emails, duplicate divisions or emails and users in
/// divisions the seed does not list, each with a one-line message naming the file and the field.
/// GenesysTesting does not apply ``state``; it only resolves it (``stateURL``).
public struct FakeOrgSeed: Codable, Sendable, Equatable {
    /// A user of the seed.
    public struct User: Codable, Sendable, Hashable {
        /// The user's name.
        public var name: String
        /// The user's email (also their username); unique.
        public var email: String
        /// The name of the user's division; the home division when `nil`.
        public var division: String?

        /// Creates a seed user.
        public init(name: String, email: String, division: String? = nil) {
            self.name = name
            self.email = email
            self.division = division
        }

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case name, email, division
        }

        /// Decodes a user, refusing unknown fields.
        public init(from decoder: any Decoder) throws {
            try FakeOrgSeed.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            email = try container.decode(String.self, forKey: .email)
            division = try container.decodeIfPresent(String.self, forKey: .division)
        }
    }

    /// Division names; the first is the home division.
    public var divisions: [String]
    /// The users.
    public var users: [User]
    /// A desired-state file, as written in the seed (relative to the seed file unless absolute).
    public var state: String?
    /// The file the seed was loaded from (not encoded).
    public var sourceURL: URL?

    /// Creates a seed.
    public init(divisions: [String] = ["Home"], users: [User] = [], state: String? = nil, sourceURL: URL? = nil) {
        self.divisions = divisions
        self.users = users
        self.state = state
        self.sourceURL = sourceURL
    }

    /// ``state`` resolved against the seed file's directory (an absolute path stays as it is).
    public var stateURL: URL? {
        guard let state, !state.isEmpty else { return nil }
        if state.hasPrefix("/") { return URL(fileURLWithPath: state) }
        if let directory = sourceURL?.deletingLastPathComponent() { return directory.appendingPathComponent(state) }
        return URL(fileURLWithPath: state)
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case divisions, users, state
    }

    /// Decodes a seed, refusing unknown fields; missing `divisions` means `[Home]`.
    public init(from decoder: any Decoder) throws {
        try Self.rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        divisions = try container.decodeIfPresent([String].self, forKey: .divisions) ?? ["Home"]
        users = try container.decodeIfPresent([User].self, forKey: .users) ?? []
        state = try container.decodeIfPresent(String.self, forKey: .state)
        sourceURL = nil
    }

    /// Encodes `divisions`, `users` and `state`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(divisions, forKey: .divisions)
        try container.encode(users, forKey: .users)
        try container.encodeIfPresent(state, forKey: .state)
    }

    // MARK: - Loading

    /// Reads and checks a seed file: YAML for `.yaml`/`.yml`, JSON for `.json`.
    /// - Throws: ``FakeOrgError`` with a one-line message naming the file and the field, such as
    ///   `seed.yaml: users[1].division: unknown division "Sales" (divisions: Home)`.
    public static func load(from url: URL) throws -> FakeOrgSeed {
        let name = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FakeOrgError("\(name): cannot read the seed file (\(error.localizedDescription))")
        }
        let text = String(decoding: data, as: UTF8.self)
        var seed: FakeOrgSeed
        do {
            switch url.pathExtension.lowercased() {
            case "yaml", "yml":
                seed = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? FakeOrgSeed() : try YAMLDecoder().decode(FakeOrgSeed.self, from: text)
            case "json":
                seed = try JSONDecoder().decode(FakeOrgSeed.self, from: data)
            default:
                throw FakeOrgError("\(name): unknown seed file type \"\(url.pathExtension)\" (expected .yaml, .yml or .json)")
            }
        } catch let error as FakeOrgError {
            throw error
        } catch let error as DecodingError {
            throw FakeOrgError("\(name): \(describe(error, format: url.pathExtension.lowercased() == "json" ? "JSON" : "YAML"))")
        } catch let error as YamlError {
            let line = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "invalid YAML"
            throw FakeOrgError("\(name): not valid YAML: \(line)")
        } catch {
            let line = "\(error.localizedDescription)".split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            throw FakeOrgError("\(name): not valid \(url.pathExtension.uppercased()): \(line)")
        }
        seed.sourceURL = url
        try seed.validate(file: name)
        return seed
    }

    /// Checks the seed's consistency.
    /// - Parameter file: The name used in messages.
    /// - Throws: ``FakeOrgError`` naming the field.
    public func validate(file: String = "seed") throws {
        guard !divisions.isEmpty else {
            throw FakeOrgError("\(file): divisions: needs at least one division (the first is the home division)")
        }
        var seenDivisions: [String: Int] = [:]
        for (index, division) in divisions.enumerated() {
            guard !division.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw FakeOrgError("\(file): divisions[\(index)]: a division needs a name")
            }
            if let first = seenDivisions[division.lowercased()] {
                throw FakeOrgError("\(file): divisions[\(index)]: duplicate division \"\(division)\" (also divisions[\(first)])")
            }
            seenDivisions[division.lowercased()] = index
        }
        var seenEmails: [String: Int] = [:]
        for (index, user) in users.enumerated() {
            guard !user.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw FakeOrgError("\(file): users[\(index)].name: a user needs a name")
            }
            guard user.email.contains("@"), !user.email.contains(" ") else {
                throw FakeOrgError("\(file): users[\(index)].email: \"\(user.email)\" is not an email address")
            }
            if let first = seenEmails[user.email.lowercased()] {
                throw FakeOrgError("\(file): users[\(index)].email: duplicate email \(user.email) (also users[\(first)])")
            }
            seenEmails[user.email.lowercased()] = index
            if let division = user.division, !divisions.contains(division) {
                throw FakeOrgError(
                    "\(file): users[\(index)].division: unknown division \"\(division)\" (divisions: \(divisions.joined(separator: ", ")))"
                )
            }
        }
    }

    // MARK: - Decoding helpers

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) {
            self.stringValue = "\(intValue)"
            self.intValue = intValue
        }
    }

    /// Throws a `DecodingError` naming the first key of the current object that is not `allowed`.
    static func rejectUnknownKeys(in decoder: any Decoder, allowed: [String]) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath + [key],
                debugDescription: "unknown field (expected \(allowed.joined(separator: ", ")))"
            ))
        }
    }

    /// `users[1].email: missing`, in words a seed author understands.
    static func describe(_ error: DecodingError, format: String) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "top level" : text
        }
        func words(_ type: Any.Type) -> String {
            let name = "\(type)"
            if name.hasPrefix("String") { return "text" }
            if name.hasPrefix("Array") || name.contains("Sequence") { return "a list" }
            if name.hasPrefix("Dictionary") || name.contains("Mapping") || name.contains("KeyedDecodingContainer") { return "a mapping" }
            return name
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(words(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(words(type)), found nothing"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let text = context.underlyingError.map { "\($0)" } ?? context.debugDescription
                let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                return "not valid \(format): \(line)"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
