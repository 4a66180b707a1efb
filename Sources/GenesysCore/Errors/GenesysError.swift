public import RoutingModels

/// The one error type every public operation of the SDK throws (besides `CancellationError`, which
/// passes through unwrapped).
///
/// ``code`` says what kind of failure it was; the other fields carry what the server said, so nothing
/// is lost. ``description`` is one line (code, status, operation, correlation id) and never contains a
/// response body, a token or a secret.
public struct GenesysError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure. A struct over a private enum, so adding codes later is not a breaking change.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case badRequest, unauthorized, forbidden, notFound, conflict, rateLimited, serverError
            case transport, decoding, timedOut, invalidConfiguration, invalidRequest, authenticationFailed
            case unexpectedStatus, deadlineExceeded, inconsistentListing
        }
        private let base: Base

        /// 400 (or 415/422): the request was invalid. See ``GenesysError/details``.
        public static let badRequest = Code(base: .badRequest)
        /// 401: the token was missing, expired or revoked, and one replay with a new token also failed.
        public static let unauthorized = Code(base: .unauthorized)
        /// 403: the OAuth client lacks a permission or division (`missing.permissions`).
        public static let forbidden = Code(base: .forbidden)
        /// 404: no such object.
        public static let notFound = Code(base: .notFound)
        /// 409: a conflicting write (for example a user version mismatch).
        public static let conflict = Code(base: .conflict)
        /// 429 (or a `Retry-After` too long to wait for): see ``GenesysError/retryAfter``.
        public static let rateLimited = Code(base: .rateLimited)
        /// 5xx after retries were exhausted or not allowed.
        public static let serverError = Code(base: .serverError)
        /// The network failed; ``GenesysError/underlying`` is a ``TransportError``.
        public static let transport = Code(base: .transport)
        /// The response could not be decoded; ``GenesysError/underlying`` is the `DecodingError`.
        public static let decoding = Code(base: .decoding)
        /// The request (or its retry budget) timed out.
        public static let timedOut = Code(base: .timedOut)
        /// The SDK was configured wrongly (a bad URL, an unknown region, `http://` to a remote host).
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// The caller passed arguments the SDK rejects before sending anything.
        public static let invalidRequest = Code(base: .invalidRequest)
        /// The token endpoint refused the client id and secret, or could not be reached.
        public static let authenticationFailed = Code(base: .authenticationFailed)
        /// A status the SDK has no specific code for; see ``GenesysError/status``.
        public static let unexpectedStatus = Code(base: .unexpectedStatus)
        /// The caller's overall deadline (``GenesysDeadline``) passed before the work was done: retries,
        /// version-conflict retries and polling stopped there. ``GenesysError/underlying`` is the last
        /// failure, when there was one.
        public static let deadlineExceeded = Code(base: .deadlineExceeded)
        /// A listing contradicted itself (a repeated cursor or page, more entities than its total, an
        /// empty page before its end): the SDK stopped rather than return a partial listing. See
        /// ``ListingGuard``; ``GenesysError/message`` says what was seen.
        public static let inconsistentListing = Code(base: .inconsistentListing)

        /// The code's name, such as `notFound`.
        public var description: String { base.rawValue }

        /// The code for an HTTP status.
        public static func forStatus(_ status: Int) -> Code {
            switch status {
            case 400, 413, 415, 422: return .badRequest
            case 401: return .unauthorized
            case 403: return .forbidden
            case 404: return .notFound
            case 408, 504: return .timedOut
            case 409: return .conflict
            case 429: return .rateLimited
            case 500...599: return .serverError
            default: return .unexpectedStatus
            }
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// The SDK operation that failed, such as `routing.createSkill`.
    public var operation: String
    /// The HTTP status, when the server answered.
    public var status: Int?
    /// The `ININ-Correlation-Id` response header, else the body's `contextId`: quote it to Genesys support.
    public var correlationID: String?
    /// The body's `code`, kept raw (such as `not.found`) so codes the SDK does not know survive.
    public var serverCode: String?
    /// The body's `message` (or a description written by the SDK for local failures).
    public var message: String?
    /// The body's `details`, plus the details of nested `errors`.
    public var details: [ErrorDetail]
    /// How long the server asked the caller to wait (`Retry-After`), when it did.
    public var retryAfter: Duration?
    /// The full error body, when the server sent one.
    public var body: ErrorBody?
    /// The underlying error: a ``TransportError``, a `DecodingError`, …
    public var underlying: (any Error)?

    /// Creates an error.
    public init(
        code: Code,
        operation: String,
        status: Int? = nil,
        correlationID: String? = nil,
        serverCode: String? = nil,
        message: String? = nil,
        details: [ErrorDetail] = [],
        retryAfter: Duration? = nil,
        body: ErrorBody? = nil,
        underlying: (any Error)? = nil
    ) {
        self.code = code
        self.operation = operation
        self.status = status
        self.correlationID = correlationID
        self.serverCode = serverCode
        self.message = message
        self.details = details
        self.retryAfter = retryAfter
        self.body = body
        self.underlying = underlying
    }

    /// One line: code, status, operation, server code, correlation id and retry-after. Never a body,
    /// token or secret.
    public var description: String {
        var parts = ["GenesysError.\(code)"]
        if let status { parts.append("status \(status)") }
        if !operation.isEmpty { parts.append("operation \(Self.oneLine(operation))") }
        if let serverCode { parts.append("code \(Self.oneLine(serverCode))") }
        if let correlationID { parts.append("correlation \(Self.oneLine(correlationID))") }
        if let retryAfter { parts.append("retryAfter \(retryAfter)") }
        return parts.joined(separator: ", ")
    }

    /// `text` with line breaks and other control characters replaced by spaces: `serverCode` and a
    /// body-supplied correlation id come from the server and must not break the one-line promise (or
    /// forge log lines).
    private static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isLineBreaking) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isLineBreaking($0) ? " " : $0 }))
    }

    private static func isLineBreaking(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// A readable one-line explanation for people: the message if there is one, else the description.
    ///
    /// Server messages can echo names the caller sent, but never credentials or tokens.
    public var localizedMessage: String {
        guard let message, !message.isEmpty else { return description }
        let firstLine = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
        return "\(firstLine) (\(description))"
    }
}
