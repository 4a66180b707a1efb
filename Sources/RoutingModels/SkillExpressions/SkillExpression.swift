/// A stored skill expression (`SkillExpression`), from `/api/v2/routing/skillexpressions`.
///
/// A skill expression is a per-interaction agent filter, not a skill group. Its shapes are new in
/// the API and less settled than the rest (`getRoutingSkillexpressions`).
public struct SkillExpression: Codable, Sendable, Hashable {
    /// The expression id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The expression name.
    public var name: String?
    /// The expression, raw or normalised as requested with `format`.
    public var expression: String?
    /// The id of the queue that uses the expression.
    public var queueId: String?
    /// The expression's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a skill expression; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        expression: String? = nil,
        queueId: String? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.expression = expression
        self.queueId = queueId
        self.selfUri = selfUri
    }
}
