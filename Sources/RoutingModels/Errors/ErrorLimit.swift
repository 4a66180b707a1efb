/// The limit an error hit (the spec's `Limit`).
public struct ErrorLimit: Codable, Sendable, Hashable {
    /// The limit's key, e.g. `client.credentials.token.rate.per.minute`.
    public var key: String?
    /// The limit's namespace, e.g. `routing`, `platform.api`, `users`. Kept as a raw string: the
    /// spec lists about 95 values and the list changes between releases.
    public var namespace: String?
    /// The limit's value (int64 on the wire).
    public var value: Int?

    /// Creates a limit; every field is optional.
    public init(key: String? = nil, namespace: String? = nil, value: Int? = nil) {
        self.key = key
        self.namespace = namespace
        self.value = value
    }
}
