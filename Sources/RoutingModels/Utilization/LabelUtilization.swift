/// Capacity settings for one utilization label, as sent (`LabelUtilizationRequest`).
public struct LabelUtilizationRequest: Codable, Sendable, Hashable {
    /// The maximum number of interactions with this label an agent handles at once.
    public var maximumCapacity: Int?
    /// Ids of other labels that can interrupt an interaction with this label.
    public var interruptingLabelIds: [String]?

    /// Creates label utilization settings; every field is optional.
    public init(maximumCapacity: Int? = nil, interruptingLabelIds: [String]? = nil) {
        self.maximumCapacity = maximumCapacity
        self.interruptingLabelIds = interruptingLabelIds
    }
}

/// Capacity settings for one utilization label, as returned (`LabelUtilizationResponse`).
public struct LabelUtilizationResponse: Codable, Sendable, Hashable {
    /// The maximum number of interactions with this label an agent handles at once.
    public var maximumCapacity: Int?
    /// Ids of other labels that can interrupt an interaction with this label.
    public var interruptingLabelIds: [String]?
    /// The label's name.
    public var labelName: String?

    /// Creates label utilization settings; every field is optional.
    public init(maximumCapacity: Int? = nil, interruptingLabelIds: [String]? = nil, labelName: String? = nil) {
        self.maximumCapacity = maximumCapacity
        self.interruptingLabelIds = interruptingLabelIds
        self.labelName = labelName
    }
}
