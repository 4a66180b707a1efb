/// A member (agent) of a queue (`QueueMember`), from `GET /api/v2/routing/queues/{queueId}/members`.
///
/// Also the element of the `PATCH …/members` body (`id` and `joined`) and the body of
/// `PATCH …/members/{memberId}` (``ringNumber`` or ``joined``).
public struct QueueMember: Codable, Sendable, Hashable {
    /// The member's user id.
    public var id: String?
    /// The member's name.
    public var name: String?
    /// The user, present when expansions are requested.
    public var user: User?
    /// The bullseye ring the member belongs to: integer 1–6 [TF].
    public var ringNumber: Int?
    /// Whether the member has joined the queue.
    public var joined: Bool?
    /// Whether the user is a direct member (`user`) or came from a group (`group`).
    public var memberBy: QueueMemberBy?
    /// The member's routing status.
    public var routingStatus: RoutingStatus?
    /// The member's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a queue member; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        user: User? = nil,
        ringNumber: Int? = nil,
        joined: Bool? = nil,
        memberBy: QueueMemberBy? = nil,
        routingStatus: RoutingStatus? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.user = user
        self.ringNumber = ringNumber
        self.joined = joined
        self.memberBy = memberBy
        self.routingStatus = routingStatus
        self.selfUri = selfUri
    }
}

/// How a user is a member of a queue (``QueueMember/memberBy``, and the `memberBy` filter of the
/// member listing).
public enum QueueMemberBy: GenesysEnum {
    /// `user`: added directly.
    case user
    /// `group`: through a member group.
    case group
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `user`, `group`.
    public static let knownCases: [Self] = [.user, .group]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .user: "user"
        case .group: "group"
        case .unknown(let value): value
        }
    }
}
