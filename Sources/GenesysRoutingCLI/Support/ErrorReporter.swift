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

    /// One line for an API failure, with a hint on what to do.
    static func genesysLine(_ error: GenesysError, activity: String?, target: String?) -> String {
        var line = activity.map { "\($0) failed: " } ?? ""
        line += error.localizedMessage
        if let hint = hint(for: error, target: target) { line += ". \(hint)" }
        return oneLine(line)
    }

    static func hint(for error: GenesysError, target: String?) -> String? {
        let at = target.map { " (\($0))" } ?? ""
        // The auth module's messages already say what to check; do not say it twice.
        if error.code == .authenticationFailed, error.message?.lowercased().contains("check ") == true { return nil }
        switch error.code {
        case .authenticationFailed where error.status == nil:
            return "Check the network connection and the login URL\(at) (GENESYS_REGION, --region or --login-url)"
        case .authenticationFailed, .unauthorized:
            return "Check GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET, and that the OAuth client belongs to the region used\(at); set GENESYS_REGION or --region"
        case .forbidden:
            return "Give the OAuth client's role the routing permissions this needs (and access to the divisions involved)"
        case .rateLimited:
            return "The org is throttling requests: wait a minute and run again, or lower --concurrency"
        case .transport, .timedOut:
            return "Check the network connection and the API URL\(at), then run again"
        case .serverError:
            return "Genesys Cloud failed; run again later, and quote the correlation id to Genesys support if it persists"
        default:
            return nil
        }
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
