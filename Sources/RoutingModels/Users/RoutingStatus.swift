#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// An agent's routing status (`RoutingStatus`).
public struct RoutingStatus: Codable, Sendable, Hashable {
    /// The agent's user id.
    public var userId: String?
    /// The agent's routing state; `OFF_QUEUE` is also returned for a user that does not exist.
    public var status: RoutingStatusValue?
    /// When the agent entered this state.
    public var startTime: Date?

    /// Creates a routing status; every field is optional.
    public init(userId: String? = nil, status: RoutingStatusValue? = nil, startTime: Date? = nil) {
        self.userId = userId
        self.status = status
        self.startTime = startTime
    }
}

/// An agent's routing state (``RoutingStatus/status``).
public enum RoutingStatusValue: GenesysEnum {
    /// `OFF_QUEUE`.
    case offQueue
    /// `IDLE`.
    case idle
    /// `INTERACTING`.
    case interacting
    /// `NOT_RESPONDING`.
    case notResponding
    /// `COMMUNICATING`.
    case communicating
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// The states listed by the API reference.
    public static let knownCases: [Self] = [.offQueue, .idle, .interacting, .notResponding, .communicating]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .offQueue: "OFF_QUEUE"
        case .idle: "IDLE"
        case .interacting: "INTERACTING"
        case .notResponding: "NOT_RESPONDING"
        case .communicating: "COMMUNICATING"
        case .unknown(let value): value
        }
    }
}
