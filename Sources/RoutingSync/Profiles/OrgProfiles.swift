#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GenesysCore
import Yams

/// One named org in a profile file: where it is and where its credentials come from. Never a secret.
public struct OrgProfile: Sendable, Hashable {
    /// Where the OAuth client id and secret come from.
    public enum Credentials: Sendable, Hashable {
        /// Two environment variables, by name.
        case environment(clientIDVariable: String, clientSecretVariable: String)
        /// A command (run with `/bin/sh -c`) that prints `{"clientId": …, "clientSecret": …}` JSON, as
        /// AWS's `credential_process` does.
        case process(command: String)
    }

    /// An embedded fake org: its seed and state files (absolute, or relative to the profile file).
    public struct Fake: Sendable, Hashable {
        /// The seed file.
        public var seed: String?
        /// The file that keeps the org between runs.
        public var state: String?

        /// Creates a fake-org profile.
        public init(seed: String? = nil, state: String? = nil) {
            self.seed = seed
            self.state = state
        }
    }

    /// The profile's name.
    public var name: String
    /// A region id (`eu_west_1`) or API domain (`mypurecloud.ie`).
    public var region: String?
    /// A custom API base URL.
    public var apiURL: String?
    /// A custom login URL.
    public var loginURL: String?
    /// Client-credentials tokens to spread requests over.
    public var tokens: Int?
    /// Requests per minute per token, or `off`.
    public var rateLimit: String?
    /// Where the credentials come from; `nil` for a fake org.
    public var credentials: Credentials?
    /// Set for an embedded fake org.
    public var fake: Fake?

    /// Creates a profile.
    public init(
        name: String, region: String? = nil, apiURL: String? = nil, loginURL: String? = nil, tokens: Int? = nil,
        rateLimit: String? = nil, credentials: Credentials? = nil, fake: Fake? = nil
    ) {
        self.name = name
        self.region = region
        self.apiURL = apiURL
        self.loginURL = loginURL
        self.tokens = tokens
        self.rateLimit = rateLimit
        self.credentials = credentials
        self.fake = fake
    }
}

/// The named orgs of a `genesys-routing.yaml` profile file, shared by the CLI (`--org NAME`) and any
/// service built on the library:
///
/// ```yaml
/// orgs:
///   test: {region: eu_west_1, credentials: {clientIdEnv: TEST_ID, clientSecretEnv: TEST_SECRET}}
///   prod: {region: eu_west_1, tokens: 10, credentials: {credentialProcess: "vault-read genesys/prod"}}
///   local: {fake: {seed: seed.yaml, state: local-org.json}}
/// ```
///
/// A secret is never stored in the file: a `clientId` or `clientSecret` key is refused.
public struct OrgProfiles: Sendable, Hashable {
    /// The file the profiles came from.
    public var path: String
    /// The profiles by name.
    public var orgs: [String: OrgProfile]

    /// Creates profiles.
    public init(path: String, orgs: [String: OrgProfile]) {
        self.path = path
        self.orgs = orgs
    }

    /// The profile file to use: `genesys-routing.yaml` in `workingDirectory`, else
    /// `~/.config/genesys-routing/config.yaml` under `homeDirectory`; `nil` when neither exists.
    public static func locate(workingDirectory: String, homeDirectory: String?) -> String? {
        let candidates = [URL(fileURLWithPath: workingDirectory).appendingPathComponent("genesys-routing.yaml").path]
            + (homeDirectory.map { [URL(fileURLWithPath: $0).appendingPathComponent(".config/genesys-routing/config.yaml").path] } ?? [])
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The profile named `name`.
    /// - Throws: `GenesysError` (`invalidConfiguration`) naming the file and the profiles it has.
    public func profile(named name: String) throws -> OrgProfile {
        guard let profile = orgs[name] else {
            let known = orgs.keys.sorted().joined(separator: ", ")
            throw Self.error("\(path): no org profile \"\(name)\" (profiles: \(known.isEmpty ? "none" : known))")
        }
        return profile
    }

    /// A fake-org file of a profile as a path: absolute as given, else relative to the profile file.
    public func resolve(_ file: String) -> String {
        file.hasPrefix("/") ? file : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(file).path
    }

    /// Loads a profile file.
    /// - Throws: `GenesysError` (`invalidConfiguration`) naming the file, the profile and the key.
    public static func load(contentsOf path: String) throws -> OrgProfiles {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw Self.error("\(path): cannot be read")
        }
        return try load(string: text, path: path)
    }

    /// Parses profile-file text; `path` names it in errors.
    /// - Throws: `GenesysError` (`invalidConfiguration`) naming the file, the profile and the key.
    public static func load(string text: String, path: String) throws -> OrgProfiles {
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw Self.error("\(path): not valid YAML")
        }
        guard let top = mapping(root), let orgs = mapping(top["orgs"]) else {
            throw Self.error("\(path): expected a mapping with an \"orgs\" mapping of named profiles")
        }
        if let extra = top.keys.first(where: { $0 != "orgs" }) { throw Self.error("\(path): unknown key \"\(extra)\" (only \"orgs\")") }
        var profiles: [String: OrgProfile] = [:]
        for (name, value) in orgs {
            profiles[name] = try parseProfile(name, value, path: path)
        }
        return OrgProfiles(path: path, orgs: profiles)
    }

    private static func parseProfile(_ name: String, _ value: Any, path: String) throws -> OrgProfile {
        let at = "\(path): org profile \"\(name)\""
        guard let fields = mapping(value) else { throw error("\(at): expected a mapping") }
        let known: Set = ["region", "apiUrl", "loginUrl", "tokens", "rateLimit", "credentials", "fake"]
        if let extra = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw error("\(at): unknown key \"\(extra)\" (known: \(known.sorted().joined(separator: ", ")))")
        }
        func string(_ key: String, in map: [String: Any], at: String) throws -> String? {
            guard let value = map[key] else { return nil }
            if let text = value as? String, !text.isEmpty { return text }
            if let number = value as? Int { return String(number) }
            throw error("\(at): \(key) must be a non-empty string")
        }
        var profile = OrgProfile(name: name)
        profile.region = try string("region", in: fields, at: at)
        profile.apiURL = try string("apiUrl", in: fields, at: at)
        profile.loginURL = try string("loginUrl", in: fields, at: at)
        profile.rateLimit = try string("rateLimit", in: fields, at: at)
        if let tokens = fields["tokens"] {
            guard let count = tokens as? Int, (1...20).contains(count) else { throw error("\(at): tokens must be a whole number from 1 to 20") }
            profile.tokens = count
        }
        if let fake = fields["fake"] {
            guard let map = mapping(fake) else { throw error("\(at): fake must be a mapping {seed: FILE, state: FILE}") }
            if let extra = map.keys.sorted().first(where: { $0 != "seed" && $0 != "state" }) {
                throw error("\(at): unknown key \"fake.\(extra)\" (known: seed, state)")
            }
            profile.fake = OrgProfile.Fake(seed: try string("seed", in: map, at: at), state: try string("state", in: map, at: at))
            if let other = ["region", "apiUrl", "loginUrl", "credentials"].first(where: { fields[$0] != nil }) {
                throw error("\(at): a fake org takes no \(other)")
            }
            return profile
        }
        guard let credentials = mapping(fields["credentials"]) else {
            throw error("\(at): credentials is required: {clientIdEnv: VAR, clientSecretEnv: VAR} or {credentialProcess: COMMAND}")
        }
        let at2 = "\(at) credentials"
        if let secretKey = credentials.keys.sorted().first(where: { ["clientId", "clientSecret", "secret"].contains($0) }) {
            throw error("\(at2): \(secretKey) is not allowed: never store a credential in the file; name environment variables (clientIdEnv, clientSecretEnv) or a credentialProcess")
        }
        if let extra = credentials.keys.sorted().first(where: { !["clientIdEnv", "clientSecretEnv", "credentialProcess"].contains($0) }) {
            throw error("\(at2): unknown key \"\(extra)\" (known: clientIdEnv, clientSecretEnv, credentialProcess)")
        }
        if let command = try string("credentialProcess", in: credentials, at: at2) {
            guard credentials["clientIdEnv"] == nil, credentials["clientSecretEnv"] == nil else {
                throw error("\(at2): give either credentialProcess or clientIdEnv and clientSecretEnv, not both")
            }
            profile.credentials = .process(command: command)
        } else {
            guard let id = try string("clientIdEnv", in: credentials, at: at2), let secret = try string("clientSecretEnv", in: credentials, at: at2) else {
                throw error("\(at2): needs clientIdEnv and clientSecretEnv, or credentialProcess")
            }
            profile.credentials = .environment(clientIDVariable: id, clientSecretVariable: secret)
        }
        return profile
    }

    /// A YAML mapping with string keys (Yams constructs `[AnyHashable: Any]`).
    private static func mapping(_ value: Any?) -> [String: Any]? {
        guard let map = value as? [AnyHashable: Any] else { return nil }
        var result: [String: Any] = [:]
        for (key, value) in map {
            guard let key = key.base as? String else { return nil }
            result[key] = value
        }
        return result
    }

    static func error(_ message: String) -> GenesysError {
        GenesysError(code: .invalidConfiguration, operation: "profiles.load", message: message)
    }
}
