/// The body of `POST /api/v2/routing/queues` (`CreateQueueRequest`).
///
/// On the wire this is one flat object: every ``QueueRequest`` field plus ``sourceQueueId``.
/// In Swift the queue fields live in ``queue`` and are also reachable directly through dynamic
/// member lookup:
///
/// ```swift
/// var request = CreateQueueRequest(queue: QueueRequest(name: "Billing"))
/// request.skillEvaluationMethod = .best
/// request.sourceQueueId = templateQueueId
/// ```
@dynamicMemberLookup
public struct CreateQueueRequest: Codable, Sendable, Hashable {
    /// The queue fields, encoded flat next to ``sourceQueueId``. ``QueueRequest/name`` is required.
    public var queue: QueueRequest
    /// The id of an existing queue to copy settings from (predictive-routing settings are not
    /// copied).
    public var sourceQueueId: String?

    /// Creates a create-queue request.
    public init(queue: QueueRequest = QueueRequest(), sourceQueueId: String? = nil) {
        self.queue = queue
        self.sourceQueueId = sourceQueueId
    }

    /// Reads and writes a ``QueueRequest`` field directly, e.g. `request.name`.
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<QueueRequest, Value>) -> Value {
        get { queue[keyPath: keyPath] }
        set { queue[keyPath: keyPath] = newValue }
    }

    private enum CodingKeys: String, CodingKey {
        case sourceQueueId
    }

    /// Decodes the flat object: the queue fields and `sourceQueueId`.
    public init(from decoder: any Decoder) throws {
        queue = try QueueRequest(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sourceQueueId = try container.decodeIfPresent(String.self, forKey: .sourceQueueId)
    }

    /// Encodes one flat object: the queue fields and, if set, `sourceQueueId`.
    public func encode(to encoder: any Encoder) throws {
        try queue.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(sourceQueueId, forKey: .sourceQueueId)
    }
}
