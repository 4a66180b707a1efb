public import RoutingModels

/// Removes secrets (tokens, client secrets) from server-provided text before it reaches an error, a log
/// line or output: a gateway may echo the `Authorization` header or the token request in an error body.
public struct SecretRedactor: Sendable, Hashable {
    /// What replaces each secret.
    public static let replacement = "<redacted>"
    /// Secrets shorter than this are not replaced: replacing a one-letter "secret" would mangle every text,
    /// and no real token or client secret is that short.
    public static let minimumLength = 4

    /// The secrets replaced, longest first (so a secret containing another is replaced whole).
    public let secrets: [String]

    /// Creates a redactor for `secrets` (duplicates and too-short values are dropped).
    public init(_ secrets: some Sequence<String>) {
        self.secrets = Set(secrets.filter { $0.count >= Self.minimumLength }).sorted { $0.count > $1.count }
    }

    /// Whether there is nothing to replace.
    public var isEmpty: Bool { secrets.isEmpty }

    /// `text` with every secret replaced by ``replacement``.
    public func redact(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacing(secret, with: Self.replacement)
        }
        return text
    }

    /// `text` redacted, keeping `nil`.
    public func redact(_ text: String?) -> String? { text.map(redact) }

    /// An error detail with every text field redacted.
    public func redact(_ detail: ErrorDetail) -> ErrorDetail {
        ErrorDetail(
            errorCode: redact(detail.errorCode), fieldName: redact(detail.fieldName),
            entityId: redact(detail.entityId), entityName: redact(detail.entityName))
    }

    /// An error body with every text field redacted, nested errors included.
    public func redact(_ body: ErrorBody) -> ErrorBody {
        var body = body
        body.message = redact(body.message)
        body.code = redact(body.code)
        body.entityId = redact(body.entityId)
        body.entityName = redact(body.entityName)
        body.messageWithParams = redact(body.messageWithParams)
        body.messageParams = body.messageParams.map { params in
            Dictionary(params.map { (redact($0.key), redact($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
        body.contextId = redact(body.contextId)
        body.details = body.details.map { $0.map(redact) }
        body.errors = body.errors.map { $0.map(redact) }
        if var limit = body.limit {
            limit.key = redact(limit.key)
            limit.namespace = redact(limit.namespace)
            body.limit = limit
        }
        return body
    }
}

extension GenesysError {
    /// This error with every server-provided text (message, server code, correlation id, details and the
    /// body) cleared of `redactor`'s secrets.
    public func redacting(_ redactor: SecretRedactor) -> GenesysError {
        guard !redactor.isEmpty else { return self }
        var error = self
        error.message = redactor.redact(message)
        error.serverCode = redactor.redact(serverCode)
        error.correlationID = redactor.redact(correlationID)
        error.details = details.map(redactor.redact)
        error.body = body.map(redactor.redact)
        return error
    }
}
