/// The JSON error body of a failed API call (the `ErrorBody` schema of Genesys' API reference). All fields are
/// optional.
///
/// Every 429 since November 2021 has the same shape: `code` `too.many.requests.retry.after`,
/// `status` 429, the correlation id in `contextId`, and empty `details` and `errors`.
public struct ErrorBody: Codable, Sendable, Hashable {
    /// A human-readable message.
    public var message: String?
    /// A machine-readable key such as `not.found` or `too.many.requests.retry.after`; keep it raw,
    /// new codes appear.
    public var code: String?
    /// The HTTP status, mirrored.
    public var status: Int?
    /// The id of the entity concerned.
    public var entityId: String?
    /// The name of the entity concerned.
    public var entityName: String?
    /// The message with `{placeholders}` for ``messageParams``.
    public var messageWithParams: String?
    /// The values of the placeholders in ``messageWithParams``.
    public var messageParams: [String: String]?
    /// The request's correlation id (also the `ININ-Correlation-Id` header).
    public var contextId: String?
    /// Field-level details.
    public var details: [ErrorDetail]?
    /// Nested errors.
    public var errors: [ErrorBody]?
    /// The limit that was hit, if any.
    public var limit: ErrorLimit?

    /// Creates an error body; every field is optional.
    public init(
        message: String? = nil,
        code: String? = nil,
        status: Int? = nil,
        entityId: String? = nil,
        entityName: String? = nil,
        messageWithParams: String? = nil,
        messageParams: [String: String]? = nil,
        contextId: String? = nil,
        details: [ErrorDetail]? = nil,
        errors: [ErrorBody]? = nil,
        limit: ErrorLimit? = nil
    ) {
        self.message = message
        self.code = code
        self.status = status
        self.entityId = entityId
        self.entityName = entityName
        self.messageWithParams = messageWithParams
        self.messageParams = messageParams
        self.contextId = contextId
        self.details = details
        self.errors = errors
        self.limit = limit
    }
}
