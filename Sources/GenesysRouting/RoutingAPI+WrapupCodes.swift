public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Lists the organisation's wrap-up codes.
    ///
    /// `GET /api/v2/routing/wrapupcodes` (paging style A). Lazy.
    /// - Parameters:
    ///   - name: The server's `name` filter (a search); see ``findWrapupCode(named:logger:)``.
    ///   - ids: Only these codes (`id`, repeated); more than 100 are fetched in chunks. Empty matches nothing.
    ///   - divisionIDs: Only codes in these divisions (`divisionId`, repeated).
    ///   - pageSize: Codes per page; 100 by default.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listWrapupCodes(
        name: String? = nil, ids: [String]? = nil, divisionIDs: [String]? = nil, pageSize: Int = 100,
        logger: Logger? = nil
    ) -> PageSequence<WrapupCodeEntityListing, WrapupCode> {
        var query: Query = []
        query.append("name", name)
        query.append("divisionId", each: divisionIDs)
        return pagedByNumber(
            operation: Self.operation(), path: "/api/v2/routing/wrapupcodes", query: query, pageSize: pageSize,
            ids: ids, logger: logger, item: { (code: WrapupCode) in code }
        )
    }

    /// Finds the wrap-up code named exactly `name` (case-sensitive).
    ///
    /// `GET /api/v2/routing/wrapupcodes?name=…` followed by an exact comparison on the client.
    /// - Throws: `GenesysError.Code.conflict` when several codes have exactly this name (see
    ///   ``findWrapupCodes(named:logger:)``).
    public func findWrapupCode(named name: String, logger: Logger? = nil) async throws -> WrapupCode? {
        let operation = Self.operation()
        try Validate.name(name, "name", operation)
        return try ExactName.single(
            try await findWrapupCodes(named: name, logger: logger), named: name, kind: "wrap-up codes", operation: operation, id: \.id
        )
    }

    /// Every wrap-up code named exactly `name` (case-sensitive).
    ///
    /// `GET /api/v2/routing/wrapupcodes?name=…` followed by an exact comparison on the client.
    public func findWrapupCodes(named name: String, logger: Logger? = nil) async throws -> [WrapupCode] {
        try await ExactName.all(in: listWrapupCodes(name: name, logger: logger), named: name, operation: Self.operation(), name: \.name)
    }

    /// Reads one wrap-up code.
    ///
    /// `GET /api/v2/routing/wrapupcodes/{codeId}`.
    public func getWrapupCode(id: String, logger: Logger? = nil) async throws -> WrapupCode {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        return try await call(.get, "/api/v2/routing/wrapupcodes/\(Self.segment(id))", operation: operation, as: WrapupCode.self, logger: logger)
    }

    /// Creates a wrap-up code.
    ///
    /// `POST /api/v2/routing/wrapupcodes` with `WrapupCodeRequest` (`WrapupCodeRequest.name` required).
    public func createWrapupCode(_ request: WrapupCodeRequest, logger: Logger? = nil) async throws -> WrapupCode {
        let operation = Self.operation()
        try Validate.name(request.name, "name", operation)
        return try await call(.post, "/api/v2/routing/wrapupcodes", json: request, operation: operation, as: WrapupCode.self, logger: logger)
    }

    /// Replaces a wrap-up code (full update; the name is part of the body; last writer wins).
    ///
    /// `PUT /api/v2/routing/wrapupcodes/{codeId}` with `WrapupCodeRequest`.
    public func updateWrapupCode(id: String, _ request: WrapupCodeRequest, logger: Logger? = nil) async throws -> WrapupCode {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        try Validate.name(request.name, "name", operation)
        return try await call(
            .put, "/api/v2/routing/wrapupcodes/\(Self.segment(id))", json: request, operation: operation,
            as: WrapupCode.self, logger: logger)
    }

    /// Deletes a wrap-up code.
    ///
    /// `DELETE /api/v2/routing/wrapupcodes/{codeId}` (any 2xx).
    public func deleteWrapupCode(id: String, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        try await callIgnoringBody(.delete, "/api/v2/routing/wrapupcodes/\(Self.segment(id))", operation: operation, logger: logger)
    }
}
