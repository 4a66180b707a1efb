/// A field-level detail of an ``ErrorBody`` (the spec's `Detail`).
public struct ErrorDetail: Codable, Sendable, Hashable {
    /// The detail's error code.
    public var errorCode: String?
    /// The field concerned.
    public var fieldName: String?
    /// The id of the entity concerned.
    public var entityId: String?
    /// The name of the entity concerned.
    public var entityName: String?

    /// Creates an error detail; every field is optional.
    public init(errorCode: String? = nil, fieldName: String? = nil, entityId: String? = nil, entityName: String? = nil) {
        self.errorCode = errorCode
        self.fieldName = fieldName
        self.entityId = entityId
        self.entityName = entityName
    }
}
