/// What a plan does to the people who answer: per skill group and queue whose eligible agents change,
/// the agents before and after the apply (issue #13's routing-impact preview).
///
/// Made by ``RoutingSync/previewImpact(of:current:logger:)`` (reads what the preview needs) or the pure
/// ``RoutingSync/impact(of:current:)``. Skill-group membership is evaluated with `SkillGroupEvaluation`
/// (RoutingModels), the evaluation Genesys' API reference describes; a queue's eligible agents are its
/// direct members plus the members of its `SKILLGROUP` member groups.
public struct RoutingImpact: Sendable, Hashable, Codable {
    /// One skill group or queue whose eligible agents change.
    ///
    /// Encodes as in the CLI's JSON output:
    /// `{"kind": "skillGroup" | "queue", "name", "agentsBefore", "agentsAfter", "exact"}`.
    public struct Entry: Sendable, Hashable, Codable {
        /// `skillGroup` or `queue`.
        public enum Kind: String, Sendable, Hashable, Codable {
            /// A skill group.
            case skillGroup
            /// A queue.
            case queue
        }

        /// The kind of object.
        public var kind: Kind
        /// Its name after the apply.
        public var name: String
        /// Eligible agents now (0 for an object the plan creates).
        public var agentsBefore: Int
        /// Eligible agents once the plan is applied.
        public var agentsAfter: Int
        /// `false` when the count depends on what the tool does not read (a queue with `GROUP` or `TEAM`
        /// member groups: their members are not counted).
        public var exact: Bool

        /// Creates an entry.
        public init(kind: Kind, name: String, agentsBefore: Int, agentsAfter: Int, exact: Bool = true) {
            self.kind = kind
            self.name = name
            self.agentsBefore = agentsBefore
            self.agentsAfter = agentsAfter
            self.exact = exact
        }
    }

    /// Skill groups first, then queues, each sorted by name.
    public var entries: [Entry]
    /// The requests the preview cost beyond planning (0 for a plan without changes).
    public var requests: RequestSummary

    /// Creates an impact.
    public init(entries: [Entry] = [], requests: RequestSummary = RequestSummary()) {
        self.entries = entries
        self.requests = requests
    }

    /// Queues the plan leaves without any eligible agent (the riskiest routing change).
    public var emptyQueues: [Entry] { entries.filter { $0.kind == .queue && $0.agentsAfter == 0 } }

    /// Encodes as the JSON array of entries (the plan's `impact`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }

    /// Decodes the JSON array of entries (the request count is not in the JSON).
    public init(from decoder: any Decoder) throws {
        entries = try decoder.singleValueContainer().decode([Entry].self)
        requests = RequestSummary()
    }
}
