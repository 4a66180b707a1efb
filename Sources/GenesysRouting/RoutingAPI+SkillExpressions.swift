public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Lists stored skill expressions (per-interaction agent filters; not skill groups).
    ///
    /// `GET /api/v2/routing/skillexpressions?format=…&includeArchived=…&id=…`. The response is a page-number
    /// listing (style A), but the API reference lists no paging parameters for this call, so the first
    /// request sends none (unless `pageSize` is given) and later pages are requested with `pageNumber`
    /// only when the server reports more pages (not established). These endpoints are new; their shapes
    /// are less settled than the rest. Lazy.
    /// - Parameters:
    ///   - format: `Raw` (default) or `Normalized`.
    ///   - includeArchived: Include archived expressions.
    ///   - ids: Only these expressions (`id`, repeated); more than 100 are fetched in chunks. Empty matches
    ///     nothing.
    ///   - pageSize: Sent as `pageSize` when given (not in the API reference for this call).
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listSkillExpressions(
        format: SkillExpressionFormat = .raw, includeArchived: Bool = false, ids: [String]? = nil, pageSize: Int? = nil,
        logger: Logger? = nil
    ) -> PageSequence<SkillExpressionEntityListing, SkillExpression> {
        pagedByNumber(
            operation: Self.operation(), path: "/api/v2/routing/skillexpressions",
            query: Self.expressionQuery(format: format, includeArchived: includeArchived), pageSize: pageSize,
            pageNumbersFromSecondPage: true, ids: ids, logger: logger,
            item: { (expression: SkillExpression) in expression })
    }

    /// Reads one skill expression.
    ///
    /// `GET /api/v2/routing/skillexpressions/{expressionId}?format=…&includeArchived=…`.
    public func getSkillExpression(
        id: String, format: SkillExpressionFormat = .raw, includeArchived: Bool = false, logger: Logger? = nil
    ) async throws -> SkillExpression {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        return try await call(
            .get, "/api/v2/routing/skillexpressions/\(Self.segment(id))",
            query: Self.expressionQuery(format: format, includeArchived: includeArchived), operation: operation,
            as: SkillExpression.self, logger: logger)
    }

    /// Lists the skill expressions used on a queue.
    ///
    /// `GET /api/v2/routing/skillexpressions/queue/{queueId}?format=…&includeArchived=…` (a page-number
    /// listing; paging as in ``listSkillExpressions(format:includeArchived:ids:pageSize:logger:)``). Lazy.
    public func listQueueSkillExpressions(
        queueID: String, format: SkillExpressionFormat = .raw, includeArchived: Bool = false, logger: Logger? = nil
    ) -> PageSequence<SkillExpressionEntityListing, SkillExpression> {
        let operation = Self.operation()
        return pagedByNumber(
            operation: operation, path: "/api/v2/routing/skillexpressions/queue/\(Self.segment(queueID))",
            query: Self.expressionQuery(format: format, includeArchived: includeArchived), pageSize: nil,
            pageNumbersFromSecondPage: true, validate: { try Validate.id(queueID, "queueID", operation) },
            logger: logger, item: { (expression: SkillExpression) in expression })
    }

    /// Archives one skill expression.
    ///
    /// `DELETE /api/v2/routing/skillexpressions/{expressionId}` (any 2xx).
    public func archiveSkillExpression(id: String, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        try await callIgnoringBody(.delete, "/api/v2/routing/skillexpressions/\(Self.segment(id))", operation: operation, logger: logger)
    }

    /// Archives several skill expressions.
    ///
    /// `DELETE /api/v2/routing/skillexpressions?id=…&id=…` (any 2xx), in chunks of 100 ids (no limit is
    /// documented; the chunks keep URLs short). Nothing is sent for an empty list.
    public func archiveSkillExpressions(ids: [String], logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.ids(ids, "ids", operation)
        for chunk in ids.uniqued().chunked(into: IDFilter.chunkSize) {
            var query: Query = []
            query.append("id", each: Array(chunk))
            try await callIgnoringBody(.delete, "/api/v2/routing/skillexpressions", query: query, operation: operation, logger: logger)
        }
    }

    /// Validates and normalises a raw skill expression. There is no create call for expressions.
    ///
    /// `POST /api/v2/routing/skillexpressions/validate` with `SkillExpressionData` `{expression}`. Read-only
    /// on the server, so it is retried like a GET.
    public func validateSkillExpression(_ expression: String, logger: Logger? = nil) async throws -> SkillExpressionValidationResult {
        let operation = Self.operation()
        try Validate.name(expression, "expression", operation)
        return try await call(
            .post, "/api/v2/routing/skillexpressions/validate", json: SkillExpressionData(expression: expression),
            operation: operation, isIdempotent: true, isWrite: false, as: SkillExpressionValidationResult.self, logger: logger)
    }

    static func expressionQuery(format: SkillExpressionFormat, includeArchived: Bool) -> [GenesysRequest.QueryItem] {
        [.init("format", format.rawValue), .init("includeArchived", includeArchived ? "true" : "false")]
    }
}
