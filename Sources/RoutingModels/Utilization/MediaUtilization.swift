/// Capacity settings for one media type (`MediaUtilization`).
public struct MediaUtilization: Codable, Sendable, Hashable {
    /// The maximum number of conversations of this type an agent handles at once.
    public var maximumCapacity: Int?
    /// The media types that can interrupt a conversation of this type (`call`, `chat`, `email`,
    /// `callback`, `message`).
    public var interruptableMediaTypes: [String]?
    /// Whether non-ACD conversations count against utilization.
    public var includeNonAcd: Bool?

    /// Creates media utilization settings; every field is optional.
    public init(maximumCapacity: Int? = nil, interruptableMediaTypes: [String]? = nil, includeNonAcd: Bool? = nil) {
        self.maximumCapacity = maximumCapacity
        self.interruptableMediaTypes = interruptableMediaTypes
        self.includeNonAcd = includeNonAcd
    }
}
