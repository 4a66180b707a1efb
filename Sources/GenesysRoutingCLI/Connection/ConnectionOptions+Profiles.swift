import GenesysCore
import RoutingSync

extension ConnectionOptions {
    /// Environment variables a profile replaces (so `GENESYS_API_URL` cannot redirect a profile's org).
    static let profileReplacedVariables = [
        "GENESYS_REGION", "GENESYS_API_URL", "GENESYS_LOGIN_URL", "GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET", "GENESYS_RATE_LIMIT",
    ]

    /// Decides the target, through a named org profile when `org`, `--org` or `GENESYS_ORG` names one
    /// (flags still win over the profile's values); else as ``resolve(in:)``.
    ///
    /// A profile's `credentialProcess` runs here, with the timeout in `GENESYS_CREDENTIAL_PROCESS_TIMEOUT`
    /// (seconds, default 30).
    /// - Throws: ``CLIError`` or `GenesysError` (`invalidConfiguration`) naming the file or profile.
    func resolveTarget(in environment: CLIEnvironment, org override: String? = nil) async throws -> Target {
        let name = override ?? org ?? (fake ? nil : environment.value(of: "GENESYS_ORG"))
        guard let name else { return try resolve(in: environment) }
        let profiles = try Self.profiles(in: environment)
        let profile = try profiles.profile(named: name)
        var options = self
        if options.tokens == nil, let tokens = profile.tokens {
            guard Self.tokenRange.contains(tokens) else {
                throw CLIError("org profile \"\(name)\": tokens must be between \(Self.tokenRange.lowerBound) and \(Self.tokenRange.upperBound), got \(tokens)")
            }
            options.tokens = tokens
        }
        if let fakeOrg = profile.fake {
            return .fake(FakeOrgSession.Settings(
                credentials: Self.fakeOrgCredentials(in: environment),
                seedPath: fakeOrg.seed.map(profiles.resolve),
                statePath: fakeOrg.state.map(profiles.resolve),
                clientRateLimit: (rateLimit ?? profile.rateLimit).flatMap { Self.parseRateLimit($0) ?? nil },
                orgRateLimit: nil,
                pool: try options.resolvePool(in: environment)
            ))
        }
        options.fake = false
        if options.region == nil, options.apiURL == nil {
            options.region = profile.region
            options.apiURL = profile.apiURL
        }
        options.loginURL = options.loginURL ?? profile.loginURL
        options.rateLimit = options.rateLimit ?? profile.rateLimit
        if let text = options.rateLimit { try Self.validateRateLimit(text, flag: "org profile \"\(name)\" rateLimit") }
        var replaced = environment
        for variable in Self.profileReplacedVariables { replaced.variables[variable] = nil }
        switch profile.credentials {
        case .environment(let idVariable, let secretVariable)?:
            for variable in [idVariable, secretVariable] where environment.value(of: variable) == nil {
                throw CLIError("org profile \"\(name)\": the environment variable \(variable) (its credentials) is not set")
            }
            replaced.variables["GENESYS_CLIENT_ID"] = environment.value(of: idVariable)
            replaced.variables["GENESYS_CLIENT_SECRET"] = environment.value(of: secretVariable)
        case .process(let command)?:
            let seconds = environment.value(of: "GENESYS_CREDENTIAL_PROCESS_TIMEOUT").flatMap(Double.init) ?? 30
            let output = try await CredentialProcess.run(command, profile: name, timeout: .milliseconds(Int(seconds * 1000)))
            replaced.variables["GENESYS_CLIENT_ID"] = output.clientID
            replaced.variables["GENESYS_CLIENT_SECRET"] = output.clientSecret
        case nil:
            throw CLIError("org profile \"\(name)\": no credentials")
        }
        return try options.resolve(in: replaced)
    }

    /// The profile file of the working directory or home directory.
    static func profiles(in environment: CLIEnvironment) throws -> OrgProfiles {
        guard let path = OrgProfiles.locate(
            workingDirectory: environment.workingDirectory ?? "/nonexistent", homeDirectory: environment.homeDirectory
        ) else {
            throw CLIError("no org profiles: create genesys-routing.yaml in the working directory or ~/.config/genesys-routing/config.yaml (see Documentation/Promoting.md)")
        }
        return try OrgProfiles.load(contentsOf: path)
    }
}
