import GenesysCore
import GenesysTesting
import RoutingSync

/// Turns any error a command meets into the lines shown on standard error: one readable line per
/// problem (what, which object, what to do), never a stack trace, a request header, a token or a secret.
///
/// `GenesysError` is shown through its `localizedMessage` (the server's message and the one-line
/// description: code, status, operation, correlation id), which the SDK guarantees to be free of secrets.
enum ErrorReporter {
    /// The lines for `error`.
    /// - Parameters:
    ///   - error: What went wrong.
    ///   - activity: What was being done, such as `reading the org` (used for API errors).
    ///   - target: Where requests went, such as `eu_west_1 (https://api.mypurecloud.ie)`, for hints.
    static func lines(for error: any Error, activity: String? = nil, target: String? = nil) -> [String] {
        switch error {
        case let error as ActivityError:
            return lines(for: error.underlying, activity: error.activity, target: error.target)
        case let error as DesiredStateError:
            return error.problems.map(\.description) + error.warnings.map(\.description)
        case let error as SyncError:
            return error.problems.map(\.description)
        case let error as GenesysError:
            return ["error: " + genesysLine(error, activity: activity, target: target)]
        case let error as CLIError:
            return ["error: \(error.message)"]
        case let error as FakeOrgError:
            return ["error: fake org: \(oneLine(error.message))"]
        case is CancellationError:
            return ["error: interrupted before the command finished; run it again (it converges)"]
        default:
            return ["error: \(activity.map { "\($0) failed: " } ?? "")\(oneLine("\(error)"))"]
        }
    }

    /// The first of ``lines(for:activity:target:)`` without its `error: ` prefix, for messages that embed
    /// it (an HTTP error body, another error's message); `nil` when there is no line.
    static func message(for error: any Error, activity: String? = nil) -> String? {
        lines(for: error, activity: activity).first.map { line in
            line.hasPrefix("error: ") ? String(line.dropFirst("error: ".count)) : line
        }
    }

    /// One line for an API failure, with a hint on what to do.
    static func genesysLine(_ error: GenesysError, activity: String?, target: String?) -> String {
        var line = activity.map { "\($0) failed: " } ?? ""
        line += error.localizedMessage
        if let hint = hint(for: error, target: target) { line += ". \(hint)" }
        return oneLine(line)
    }

    /// What to do about `error`, naming the CLI's variables and flags; decided from the error's code and
    /// status, never from its message.
    static func hint(for error: GenesysError, target: String?) -> String? {
        let at = target.map { " (\($0))" } ?? ""
        switch error.code {
        case .authenticationFailed:
            return authenticationHint(for: error, at: at)
        case .unauthorized:
            return credentialsHint(at: at)
        case .forbidden:
            return "Give the OAuth client's role the routing permissions this needs (and access to the divisions involved)"
        case .rateLimited:
            return "The org is throttling requests: wait a minute and run again, or lower --concurrency"
        case .transport, .timedOut:
            return "Check the network connection and the API URL\(at), then run again"
        case .deadlineExceeded:
            return "It kept failing until its deadline; run again later, or allow longer with --change-timeout"
        case .serverError:
            return "Genesys Cloud failed; run again later, and quote the correlation id to Genesys support if it persists"
        default:
            return nil
        }
    }

    /// The CLI's hint for a failed token request, from the error's code and status (the SDK's message
    /// says what happened in SDK terms; the hint names the CLI's variables and flags).
    static func authenticationHint(for error: GenesysError, at: String) -> String? {
        guard let status = error.status else {
            // No answer: the login host could not be reached, timed out, or sent something unusable.
            return "Check the network connection and the login URL\(at) (GENESYS_REGION, --region, or --login-url / GENESYS_LOGIN_URL)"
        }
        switch status {
        case 401, 403:
            return credentialsHint(at: at)
        case 400 where ["invalid_client", "unauthorized_client"].contains(error.serverCode):
            return credentialsHint(at: at)
        case 429:
            return "The login host is throttling token requests: wait a minute and run again"
        case 200..<300:
            return "Check the login URL\(at) (GENESYS_REGION, --region, or --login-url / GENESYS_LOGIN_URL): it answered without a token"
        case 500...599:
            return "The Genesys login service failed; run again later"
        default:
            // Another 400 (throttling, an unsupported grant): the SDK's message already says what the
            // server said.
            return nil
        }
    }

    /// The hint for credentials the org or its login host refused.
    static func credentialsHint(at: String) -> String {
        "Check GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET, and that the OAuth client belongs to the region used\(at); set GENESYS_REGION or --region"
    }

    /// The first line of `text`, without control characters.
    static func oneLine(_ text: String) -> String {
        let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(String.UnicodeScalarView(first.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
    }
}

/// An error with what was being done when it happened and where requests went, so the message can say
/// `reading the org failed: … Check … (eu_west_1 (https://api.mypurecloud.ie))`.
struct ActivityError: Error {
    let underlying: any Error
    let activity: String
    let target: String?

    init(_ underlying: any Error, activity: String, target: String?) {
        self.underlying = underlying
        self.activity = activity
        self.target = target
    }
}
