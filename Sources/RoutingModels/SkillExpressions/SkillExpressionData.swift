/// The body of `POST /api/v2/routing/skillexpressions/validate` (`SkillExpressionData`).
public struct SkillExpressionData: Codable, Sendable, Hashable {
    /// The raw expression to validate. Required. The raw grammar is not documented in the
    /// material used here.
    public var expression: String?

    /// Creates a validation request.
    public init(expression: String? = nil) {
        self.expression = expression
    }
}
