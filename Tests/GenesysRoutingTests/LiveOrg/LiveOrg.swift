import Foundation
import GenesysAuth
import GenesysCore
import GenesysRouting
import RoutingModels
import Testing

/// Layer 3 (STYLE.md §10): the connection to a real Genesys Cloud org, taken from the environment.
///
/// | variable | meaning |
/// |---|---|
/// | `GENESYS_CLIENT_ID`, `GENESYS_CLIENT_SECRET` | an OAuth client-credentials client (required) |
/// | `GENESYS_REGION` | a region id (`eu_west_1`) or API domain (`mypurecloud.ie`), via `GenesysRegion.parse` |
/// | `GENESYS_API_URL` | instead of a region: an API base URL (`GenesysRegion.custom(apiURL:loginURL:)`); wins over `GENESYS_REGION` |
/// | `GENESYS_LOGIN_URL` | optional: the OAuth login base URL, for either of the two above |
///
/// The suite runs only when the client id, the secret and a region or API URL are all set; values that are
/// set but unusable (an unknown region) make the tests fail, never skip.
enum LiveOrg {
    /// What `.enabled(if:)` shows when the suite is skipped.
    static let requirement: Comment =
        "set GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and GENESYS_REGION (or GENESYS_API_URL) to run against a real org"

    /// Whether the environment names an org to test against.
    static var isConfigured: Bool {
        value(of: "GENESYS_CLIENT_ID") != nil && value(of: "GENESYS_CLIENT_SECRET") != nil
            && (value(of: "GENESYS_REGION") != nil || value(of: "GENESYS_API_URL") != nil)
    }

    /// The prefix of every object this test run creates: `grt-<6 random hex digits>-`. Each scratch adds
    /// its own tag (`grt-1a2b3c-skill-`), and cleanup only ever deletes names that start with its prefix.
    static let runPrefix: String = {
        let hex = String(UInt32.random(in: 0...0xFF_FFFF), radix: 16)
        return "grt-" + String(repeating: "0", count: 6 - hex.count) + hex + "-"
    }()

    /// How long to wait for Genesys' search index, deletions and skill-group evaluation to catch up.
    static let consistencyTimeout: Duration = .seconds(90)

    /// The region from the environment, resolved the way the CLI resolves it.
    static func region() throws -> GenesysRegion {
        let login = try value(of: "GENESYS_LOGIN_URL").map { try url($0, variable: "GENESYS_LOGIN_URL") }
        if let api = value(of: "GENESYS_API_URL") {
            return try GenesysRegion.custom(apiURL: url(api, variable: "GENESYS_API_URL"), loginURL: login)
        }
        guard let text = value(of: "GENESYS_REGION") else {
            throw GenesysError(code: .invalidConfiguration, operation: "liveOrg", message: "neither GENESYS_REGION nor GENESYS_API_URL is set")
        }
        let named = try GenesysRegion.parse(text)
        guard let login else { return named }
        return try GenesysRegion.custom(apiURL: named.apiURL, loginURL: login)
    }

    /// A routing API the way an application builds one: client credentials, the default transport, the
    /// default rate limit (300 requests per minute per token) and the standard retry policy.
    static func makeRouting() throws -> RoutingAPI {
        guard let id = value(of: "GENESYS_CLIENT_ID"), let secret = value(of: "GENESYS_CLIENT_SECRET") else {
            throw GenesysError(code: .invalidConfiguration, operation: "liveOrg", message: "GENESYS_CLIENT_ID or GENESYS_CLIENT_SECRET is not set")
        }
        return try RoutingAPI(region: region(), credentials: ClientCredentials(clientID: id, clientSecret: secret))
    }

    /// Runs `body` with a fresh scratch area (its own client and name prefix), then deletes everything the
    /// scratch tracked or that still carries its prefix, whether `body` returned or threw. Cleanup problems
    /// are recorded as issues; `body`'s own error is rethrown after cleanup.
    ///
    /// ```swift
    /// try await LiveOrg.withScratch("skill") { scratch in
    ///     let skill = try await scratch.routing.createSkill(CreateRoutingSkill(name: scratch.name("Billing")))
    ///     await scratch.track(.skill, try #require(skill.id))
    ///     …
    /// }
    /// ```
    static func withScratch<T>(
        _ tag: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: (LiveOrgScratch) async throws -> T
    ) async throws -> T {
        let scratch = LiveOrgScratch(routing: try makeRouting(), prefix: runPrefix + tag + "-")
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(scratch))
        } catch {
            outcome = .failure(error)
        }
        // An unstructured task does not inherit cancellation, so a test that timed out or was cancelled
        // still deletes what it created.
        let failure: (any Error)? = if case .failure(let error) = outcome { error } else { nil }
        let problems = await Task { await scratch.cleanUp(after: failure) }.value
        for problem in problems {
            Issue.record("cleanup of \(scratch.prefix)*: \(problem)", sourceLocation: sourceLocation)
        }
        return try outcome.get()
    }

    // MARK: - Helpers for the tests

    /// Whether `error` is a `GenesysError` with `code`.
    static func isError(_ error: any Error, _ code: GenesysError.Code) -> Bool {
        (error as? GenesysError)?.code == code
    }

    /// Waits until `read` answers 404 (the object is gone). A read that still succeeds means "not yet";
    /// any other error is thrown.
    static func waitUntilGone(_ routing: RoutingAPI, _ read: () async throws -> Void) async throws {
        try await routing.waitForCondition(timeout: consistencyTimeout) {
            do {
                try await read()
                return false
            } catch let error as GenesysError where error.code == .notFound {
                return true
            }
        }
    }

    /// A skill-condition tree as one string that ignores what carries no meaning: the order of the
    /// entries of a list and `nil` versus `[]`.
    static func canonical(_ nodes: [SkillGroupCondition]?) -> String {
        "[" + (nodes ?? []).map(canonical(node:)).sorted().joined(separator: ", ") + "]"
    }

    private static func canonical(node: SkillGroupCondition) -> String {
        let skills = (node.routingSkillConditions ?? []).map {
            "skill(\($0.routingSkill ?? "?") \($0.comparator?.rawValue ?? "?") \($0.proficiency.map(String.init) ?? "?") \(canonical($0.childConditions)))"
        }
        let languages = (node.languageSkillConditions ?? []).map {
            "language(\($0.languageSkill ?? "?") \($0.comparator?.rawValue ?? "?") \($0.proficiency.map(String.init) ?? "?") \(canonical($0.childConditions)))"
        }
        return "\(node.operation?.rawValue ?? "?")(" + (skills + languages).sorted().joined(separator: ", ") + ")"
    }

    // MARK: - Environment

    private static func value(of name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    private static func url(_ text: String, variable: String) throws -> URL {
        guard let url = URL(string: text), url.scheme != nil, url.host() != nil else {
            throw GenesysError(
                code: .invalidConfiguration, operation: "liveOrg",
                message: "\(variable) is not an absolute URL such as https://api.example.com")
        }
        return url
    }
}
