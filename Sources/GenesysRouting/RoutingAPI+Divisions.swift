public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Lists divisions.
    ///
    /// `GET /api/v2/authorization/divisions` (paging style A). Lazy.
    /// - Parameters:
    ///   - name: The server's `name` filter; see ``findDivision(named:logger:)``.
    ///   - ids: Only these divisions (`id`, repeated); more than 100 are fetched in chunks. Empty matches nothing.
    ///   - pageSize: Divisions per page; 100 by default.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listDivisions(
        name: String? = nil, ids: [String]? = nil, pageSize: Int = 100, logger: Logger? = nil
    ) -> PageSequence<AuthzDivisionEntityListing, AuthzDivision> {
        var query: Query = []
        query.append("name", name)
        return pagedByNumber(
            operation: Self.operation(), path: "/api/v2/authorization/divisions", query: query, pageSize: pageSize,
            ids: ids, logger: logger, item: { (division: AuthzDivision) in division })
    }

    /// Finds the division named exactly `name` (case-sensitive).
    ///
    /// `GET /api/v2/authorization/divisions?name=…` followed by an exact comparison on the client.
    /// - Throws: `GenesysError.Code.conflict` when several divisions have exactly this name.
    public func findDivision(named name: String, logger: Logger? = nil) async throws -> AuthzDivision? {
        let operation = Self.operation()
        let divisions = try await ExactName.all(in: listDivisions(name: name, logger: logger), named: name, operation: operation, name: \.name)
        return try ExactName.single(divisions, named: name, kind: "divisions", operation: operation, id: \.id)
    }

    /// The organisation's home (default) division.
    ///
    /// `GET /api/v2/authorization/divisions/home`.
    public func getHomeDivision(logger: Logger? = nil) async throws -> AuthzDivision {
        try await call(.get, "/api/v2/authorization/divisions/home", operation: Self.operation(), as: AuthzDivision.self, logger: logger)
    }

    /// Reads one division.
    ///
    /// `GET /api/v2/authorization/divisions/{divisionId}`.
    /// - Parameters:
    ///   - id: The object's id (percent-encoded into the path).
    ///   - objectCount: Sends `objectCount=true` so `AuthzDivision.objectCounts` is filled.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func getDivision(id: String, objectCount: Bool = false, logger: Logger? = nil) async throws -> AuthzDivision {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        var query: Query = []
        if objectCount { query.append(.init("objectCount", "true")) }
        return try await call(
            .get, "/api/v2/authorization/divisions/\(Self.segment(id))", query: query, operation: operation,
            as: AuthzDivision.self, logger: logger)
    }

    /// Moves objects of one type (queues, skill groups, users, …) into a division. Skills cannot be moved
    /// this way; use ``moveSkill(id:toDivision:logger:)``.
    ///
    /// `POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}` with the object ids as a JSON
    /// array (any 2xx). No per-call limit is documented, so the ids are sent in one request; duplicates are
    /// sent once and nothing is sent for an empty list.
    public func moveObjects(
        toDivision divisionID: String, objectType: DivisionObjectType, objectIDs: [String], logger: Logger? = nil
    ) async throws {
        let operation = Self.operation()
        try Validate.id(divisionID, "divisionID", operation)
        try Validate.name(objectType.rawValue, "objectType", operation)
        try Validate.ids(objectIDs, "objectIDs", operation)
        guard !objectIDs.isEmpty else { return }
        try await callIgnoringBody(
            .post, "/api/v2/authorization/divisions/\(Self.segment(divisionID))/objects/\(Self.segment(objectType.rawValue))",
            json: objectIDs.uniqued(), operation: operation, isIdempotent: true, logger: logger)
    }
}
