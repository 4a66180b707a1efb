public import ArgumentParser
import Foundation
import GenesysAuth
import GenesysCore
import GenesysTesting

/// How a command reaches an org: a real Genesys Cloud org (region or custom URLs, credentials from the
/// environment only) or the embedded fake org (`--fake`). Shared by every command that talks to an org.
///
/// | what | flag | environment |
/// |---|---|---|
/// | client id / secret | — | `GENESYS_CLIENT_ID`, `GENESYS_CLIENT_SECRET` |
/// | region | `--region` | `GENESYS_REGION` |
/// | API base URL | `--api-url` | `GENESYS_API_URL` |
/// | login URL | `--login-url` | `GENESYS_LOGIN_URL` |
/// | pace (per token) | `--rate-limit` | `GENESYS_RATE_LIMIT` |
/// | token pool | `--tokens` | `GENESYS_TOKEN_POOL_SIZE` |
/// | budget share | `--api-share` | `GENESYS_API_SHARE` |
///
/// Flags win over environment variables. Credentials are never accepted as flags (shell history).
public struct ConnectionOptions: ParsableArguments {
    /// The region: an API domain (`mypurecloud.ie`) or region id (`eu_west_1`).
    @Option(
        name: .customLong("region"),
        help: ArgumentHelp(
            "The org's region: an API domain such as mypurecloud.ie or usw2.pure.cloud, or a region id such as eu_west_1. Default: $GENESYS_REGION, else us_east_1.",
            valueName: "region"
        )
    )
    public var region: String?

    /// A custom API base URL (gateways and test servers).
    @Option(
        name: .customLong("api-url"),
        help: ArgumentHelp(
            "A custom API base URL (gateways, test servers); https:// (http:// only for loopback hosts). Default: $GENESYS_API_URL.",
            valueName: "url"
        )
    )
    public var apiURL: String?

    /// A custom login URL.
    @Option(
        name: .customLong("login-url"),
        help: ArgumentHelp(
            "A custom OAuth login base URL. Default: $GENESYS_LOGIN_URL, else the API URL with a leading 'api.' replaced by 'login.', else the API URL itself.",
            valueName: "url"
        )
    )
    public var loginURL: String?

    /// A named org profile (see ``resolveTarget(in:org:)``).
    @Option(
        name: .customLong("org"),
        help: ArgumentHelp(
            "A named org profile from genesys-routing.yaml (working directory), else ~/.config/genesys-routing/config.yaml. Default: $GENESYS_ORG.",
            valueName: "name"
        )
    )
    public var org: String?

    /// Use the embedded in-memory fake org.
    @Flag(
        name: .customLong("fake"),
        help: "Use an in-memory fake Genesys org inside this process instead of a real one (no credentials needed)."
    )
    public var fake = false

    /// A seed file for the fake org.
    @Option(
        name: .customLong("fake-seed"),
        help: ArgumentHelp(
            "With --fake: a seed file (YAML or JSON) with the fake org's divisions and users, and optionally a desired-state file to apply at start.",
            valueName: "file"
        )
    )
    public var fakeSeed: String?

    /// A file that keeps the fake org between runs.
    @Option(
        name: .customLong("fake-state"),
        help: ArgumentHelp(
            "With --fake: keep the fake org in this JSON file between runs (created on first use, saved after the command).",
            valueName: "file"
        )
    )
    public var fakeState: String?

    /// The client's own pacing.
    @Option(
        name: .customLong("rate-limit"),
        help: ArgumentHelp(
            "Requests per minute this client paces itself to, or 'off'. Default: 300 (Genesys' limit per token) for a real org, off with --fake.",
            valueName: "n|off"
        )
    )
    public var rateLimit: String?

    /// The fake org's enforced rate limit.
    @Option(
        name: .customLong("fake-rate-limit"),
        help: ArgumentHelp(
            "With --fake: requests per minute per token the fake org allows before answering 429, or 'off' (default: off).",
            valueName: "n|off"
        )
    )
    public var fakeRateLimit: String?

    /// Tokens of the OAuth client to spread requests over.
    @Option(
        name: .customLong("tokens"),
        help: ArgumentHelp(
            "Client-credentials tokens to spread requests over, each paced on its own (1-20). Default: 1, or GENESYS_TOKEN_POOL_SIZE.",
            valueName: "n"
        )
    )
    public var tokens: Int?

    /// The share of the org's API budget to use.
    @Option(
        name: .customLong("api-share"),
        help: ArgumentHelp(
            "Use at most this percent of the API budget, leaving the rest to the org's other integrations (1-100). Default: 100, or GENESYS_API_SHARE.",
            valueName: "percent"
        )
    )
    public var apiShare: Int?

    /// Creates options (ArgumentParser fills them in).
    public init() {}

    /// Checks values and combinations that need no environment.
    public mutating func validate() throws {
        if !fake {
            for (flag, value) in [("--fake-seed", fakeSeed), ("--fake-state", fakeState), ("--fake-rate-limit", fakeRateLimit)] where value != nil {
                throw ValidationError("\(flag) needs --fake")
            }
        } else {
            if org != nil { throw ValidationError("--org cannot be combined with --fake (a profile may itself be a fake org)") }
            for (flag, value) in [("--region", region), ("--api-url", apiURL), ("--login-url", loginURL)] where value != nil {
                throw ValidationError("\(flag) cannot be combined with --fake (the fake org runs inside this process)")
            }
        }
        try Self.validateRateLimit(rateLimit, flag: "--rate-limit")
        try Self.validateRateLimit(fakeRateLimit, flag: "--fake-rate-limit")
        if let tokens, !Self.tokenRange.contains(tokens) {
            throw ValidationError("--tokens must be between 1 and 20, got \(tokens)")
        }
        if let apiShare, !Self.shareRange.contains(apiShare) {
            throw ValidationError("--api-share must be a percentage between 1 and 100, got \(apiShare)")
        }
    }

    static let tokenRange = 1...20
    static let shareRange = 1...100

    /// How many tokens to pool and what share of the budget to use.
    struct PoolSettings: Sendable, Hashable {
        var tokens = 1
        var apiShare = 100
    }

    /// `--tokens` / `GENESYS_TOKEN_POOL_SIZE` and `--api-share` / `GENESYS_API_SHARE` (flags win).
    /// - Throws: ``CLIError`` naming the variable when an environment value is out of range.
    func resolvePool(in environment: CLIEnvironment) throws -> PoolSettings {
        func number(_ flag: Int?, _ variable: String, _ range: ClosedRange<Int>, _ what: String) throws -> Int? {
            if let flag { return flag }
            guard let text = environment.value(of: variable) else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
                throw CLIError("\(variable) must be \(what) between \(range.lowerBound) and \(range.upperBound), got '\(ErrorReporter.oneLine(text))'")
            }
            return value
        }
        return PoolSettings(
            tokens: try number(tokens, "GENESYS_TOKEN_POOL_SIZE", Self.tokenRange, "a number of tokens") ?? 1,
            apiShare: try number(apiShare, "GENESYS_API_SHARE", Self.shareRange, "a percentage") ?? 100
        )
    }

    /// `--rate-limit`, else `GENESYS_RATE_LIMIT`: `nil` when neither is set, `.some(nil)` for `off`.
    /// - Throws: ``CLIError`` naming the variable when its value is not a number or `off`.
    func resolveRateLimit(in environment: CLIEnvironment) throws -> RateLimit?? {
        if let rateLimit { return Self.parseRateLimit(rateLimit) ?? nil }
        guard let text = environment.value(of: "GENESYS_RATE_LIMIT") else { return nil }
        guard let limit = Self.parseRateLimit(text.trimmingCharacters(in: .whitespaces)) else {
            throw CLIError("GENESYS_RATE_LIMIT must be a positive number of requests per minute or 'off', got '\(ErrorReporter.oneLine(text))'")
        }
        return limit
    }

    /// Checks the value of a rate-limit option (`n` or `off`), when given.
    static func validateRateLimit(_ text: String?, flag: String) throws {
        guard let text, parseRateLimit(text) == nil else { return }
        throw ValidationError("\(flag) must be a positive number of requests per minute or 'off', got '\(text)'")
    }

    /// `nil` when invalid; `.some(nil)` for `off`.
    static func parseRateLimit(_ text: String) -> RateLimit?? {
        if text.lowercased() == "off" { return .some(nil) }
        guard let requests = Int(text), requests > 0 else { return nil }
        return .some(RateLimit(requests: requests, per: .seconds(60)))
    }

    // MARK: - Resolving

    /// Where a command connects, decided from the options and the environment (no I/O).
    enum Target {
        /// A real org.
        case genesys(region: GenesysRegion, credentials: ClientCredentials, rateLimit: RateLimit?, pool: PoolSettings)
        /// The embedded fake org.
        case fake(FakeOrgSession.Settings)
    }

    /// Decides the target.
    /// - Throws: ``CLIError`` for an unusable URL or region, or missing credentials (naming the variables).
    func resolve(in environment: CLIEnvironment) throws -> Target {
        let pool = try resolvePool(in: environment)
        let pace = try resolveRateLimit(in: environment)
        if fake {
            return .fake(FakeOrgSession.Settings(
                credentials: Self.fakeOrgCredentials(in: environment),
                seedPath: fakeSeed,
                statePath: fakeState,
                clientRateLimit: pace ?? nil,
                orgRateLimit: fakeRateLimit.flatMap { Self.parseRateLimit($0) ?? nil },
                pool: pool
            ))
        }

        let region = try resolveRegion(in: environment)
        let id = environment.value(of: "GENESYS_CLIENT_ID")
        let secret = environment.value(of: "GENESYS_CLIENT_SECRET")
        guard let id, let secret else {
            let missing = [id == nil ? "GENESYS_CLIENT_ID" : nil, secret == nil ? "GENESYS_CLIENT_SECRET" : nil].compactMap { $0 }
            throw CLIError(
                "no Genesys credentials (\(missing.joined(separator: " and ")) not set): set GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET to an OAuth client-credentials client (and GENESYS_REGION, e.g. eu_west_1), or pass --fake to use an in-memory fake org"
            )
        }
        let limit: RateLimit? = if let pace { pace } else { .genesysDefault }
        return .genesys(region: region, credentials: ClientCredentials(clientID: id, clientSecret: secret), rateLimit: limit, pool: pool)
    }

    /// The one OAuth client a fake org (`--fake`, `fake-server`) accepts: `GENESYS_CLIENT_ID` /
    /// `GENESYS_CLIENT_SECRET` when both are set, else `fake-client` / `fake-secret`.
    static func fakeOrgCredentials(in environment: CLIEnvironment) -> ClientCredentials {
        if let id = environment.value(of: "GENESYS_CLIENT_ID"), let secret = environment.value(of: "GENESYS_CLIENT_SECRET") {
            return ClientCredentials(clientID: id, clientSecret: secret)
        }
        return ClientCredentials(clientID: FakeGenesysOrg.defaultClientID, clientSecret: FakeGenesysOrg.defaultClientSecret)
    }

    /// The region from the flags and the environment.
    func resolveRegion(in environment: CLIEnvironment) throws -> GenesysRegion {
        let api = apiURL ?? environment.value(of: "GENESYS_API_URL")
        let login = loginURL ?? environment.value(of: "GENESYS_LOGIN_URL")
        let apiSource = apiURL != nil ? "--api-url" : "GENESYS_API_URL"
        let loginSource = loginURL != nil ? "--login-url" : "GENESYS_LOGIN_URL"
        let loginURL = try login.map { try Self.url($0, source: loginSource) }
        do {
            if let api {
                return try GenesysRegion.custom(apiURL: try Self.url(api, source: apiSource), loginURL: loginURL)
            }
            let regionText = region ?? environment.value(of: "GENESYS_REGION")
            let named: GenesysRegion
            if let regionText {
                do {
                    named = try GenesysRegion.parse(regionText)
                } catch let error as GenesysError {
                    throw CLIError("\(region != nil ? "--region" : "GENESYS_REGION"): \(error.message ?? error.description)")
                }
            } else {
                named = .usEast1
            }
            if let loginURL { return try GenesysRegion.custom(apiURL: named.apiURL, loginURL: loginURL) }
            return named
        } catch let error as GenesysError {
            // A URL the region refuses (not https, http:// to a remote host): name the flag or variable.
            let source = (error.message ?? "").contains("login URL") ? loginSource : apiSource
            throw CLIError("\(source): \(error.message ?? error.description)")
        }
    }

    static func url(_ text: String, source: String) throws -> URL {
        guard let url = URL(string: text), url.scheme != nil, url.host() != nil else {
            throw CLIError("\(source): \"\(ErrorReporter.oneLine(text))\" is not an absolute URL such as https://api.example.com")
        }
        return url
    }
}
