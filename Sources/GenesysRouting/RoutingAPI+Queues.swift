public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Lists queues.
    ///
    /// `GET /api/v2/routing/queues` (paging style A; always sorted by name). Lazy.
    /// - Parameters:
    ///   - name: The server's `name` filter (a match that allows `*` at the start and/or end); see
    ///     ``findQueue(named:logger:)`` for an exact look-up.
    ///   - ids: Only these queues (`id`, repeated); more than 100 are fetched in chunks. Empty matches nothing.
    ///   - divisionIDs: Only queues in these divisions (`divisionId`, repeated).
    ///   - pageSize: Queues per page; 500 by default, the largest the official tooling uses.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listQueues(
        name: String? = nil, ids: [String]? = nil, divisionIDs: [String]? = nil, pageSize: Int = 500,
        logger: Logger? = nil
    ) -> PageSequence<QueueEntityListing, RoutingQueue> {
        var query: Query = []
        query.append("name", name)
        query.append("divisionId", each: divisionIDs)
        return pagedByNumber(
            operation: Self.operation(), path: "/api/v2/routing/queues", query: query, pageSize: pageSize,
            ids: ids, logger: logger, item: { (queue: RoutingQueue) in queue }
        )
    }

    /// Finds the queue named exactly `name` (case-sensitive).
    ///
    /// `GET /api/v2/routing/queues?name=…` followed by an exact comparison on the client. How the server
    /// treats a `*` inside the name is not established; the client-side comparison keeps the result exact.
    /// - Throws: `GenesysError.Code.conflict` when several queues have exactly this name (see
    ///   ``findQueues(named:logger:)``).
    public func findQueue(named name: String, logger: Logger? = nil) async throws -> RoutingQueue? {
        let operation = Self.operation()
        try Validate.name(name, "name", operation)
        return try ExactName.single(
            try await findQueues(named: name, logger: logger), named: name, kind: "queues", operation: operation, id: \.id
        )
    }

    /// Every queue named exactly `name` (case-sensitive).
    ///
    /// `GET /api/v2/routing/queues?name=…` followed by an exact comparison on the client.
    public func findQueues(named name: String, logger: Logger? = nil) async throws -> [RoutingQueue] {
        try await ExactName.all(in: listQueues(name: name, logger: logger), named: name, operation: Self.operation(), name: \.name)
    }

    /// Reads one queue.
    ///
    /// `GET /api/v2/routing/queues/{queueId}`.
    public func getQueue(id: String, logger: Logger? = nil) async throws -> RoutingQueue {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        return try await call(.get, "/api/v2/routing/queues/\(Self.segment(id))", operation: operation, as: RoutingQueue.self, logger: logger)
    }

    /// Creates a queue.
    ///
    /// `POST /api/v2/routing/queues` with `CreateQueueRequest` (the queue fields plus `sourceQueueId`, one
    /// flat object; `name` required). The POST is not retried after a 5xx or lost connection; look the name
    /// up before creating again.
    public func createQueue(_ request: CreateQueueRequest, logger: Logger? = nil) async throws -> RoutingQueue {
        let operation = Self.operation()
        try Validate.name(request.queue.name, "name", operation)
        return try await call(.post, "/api/v2/routing/queues", json: request, operation: operation, as: RoutingQueue.self, logger: logger)
    }

    /// Replaces a queue (full update: fields left out are cleared; last writer wins).
    ///
    /// `PUT /api/v2/routing/queues/{queueId}` (`putRoutingQueue`) with `QueueRequest`. To change a few
    /// fields, use ``updateQueue(id:changes:logger:)``, which reads the queue first.
    public func updateQueue(id: String, _ request: QueueRequest, logger: Logger? = nil) async throws -> RoutingQueue {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        try Validate.name(request.name, "name", operation)
        return try await call(
            .put, "/api/v2/routing/queues/\(Self.segment(id))", json: request, operation: operation,
            as: RoutingQueue.self, logger: logger)
    }

    /// Reads a queue, lets `changes` edit it as a `QueueRequest`, and puts the whole queue back.
    ///
    /// `GET /api/v2/routing/queues/{queueId}`, then `PUT /api/v2/routing/queues/{queueId}` with
    /// `QueueRequest(queue)` after `changes` (read-only fields are left out). Not atomic: queues have no
    /// version, so a concurrent writer between the two calls is overwritten.
    ///
    /// ```swift
    /// try await routing.updateQueue(id: queueID) { $0.description = "Billing questions" }
    /// ```
    public func updateQueue(
        id: String, changes: (inout QueueRequest) throws -> Void, logger: Logger? = nil
    ) async throws -> RoutingQueue {
        let queue = try await getQueue(id: id, logger: logger)
        var request = QueueRequest(queue)
        try changes(&request)
        return try await updateQueue(id: id, request, logger: logger)
    }

    /// Deletes a queue.
    ///
    /// `DELETE /api/v2/routing/queues/{queueId}` (any 2xx).
    /// - Parameters:
    ///   - id: The object's id (percent-encoded into the path).
    ///   - forceDelete: Sent as `forceDelete` when not `nil`; its semantics are not documented.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func deleteQueue(id: String, forceDelete: Bool? = nil, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(id, "id", operation)
        var query: Query = []
        query.append("forceDelete", forceDelete)
        try await callIgnoringBody(.delete, "/api/v2/routing/queues/\(Self.segment(id))", query: query, operation: operation, logger: logger)
    }

    // MARK: Queue wrap-up codes

    /// Lists the wrap-up codes enabled on a queue.
    ///
    /// `GET /api/v2/routing/queues/{queueId}/wrapupcodes` (paging style A). Lazy.
    /// - Parameters:
    ///   - queueID: The queue's id.
    ///   - name: The server's `name` filter (a trailing `*` is allowed).
    ///   - pageSize: Codes per page; 100 by default.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listQueueWrapupCodes(
        queueID: String, name: String? = nil, pageSize: Int = 100, logger: Logger? = nil
    ) -> PageSequence<WrapupCodeEntityListing, WrapupCode> {
        let operation = Self.operation()
        var query: Query = []
        query.append("name", name)
        return pagedByNumber(
            operation: operation, path: "/api/v2/routing/queues/\(Self.segment(queueID))/wrapupcodes", query: query,
            pageSize: pageSize, validate: { try Validate.id(queueID, "queueID", operation) }, logger: logger,
            item: { (code: WrapupCode) in code }
        )
    }

    /// Enables wrap-up codes on a queue.
    ///
    /// `POST /api/v2/routing/queues/{queueId}/wrapupcodes` with `[{ "id" }]`, in chunks of at most 100 (the
    /// API's limit); duplicates are sent once. Nothing is sent for an empty list.
    /// - Returns: The codes the server returned, all chunks together.
    @discardableResult
    public func addQueueWrapupCodes(queueID: String, codeIDs: [String], logger: Logger? = nil) async throws -> [WrapupCode] {
        let operation = Self.operation()
        try Validate.id(queueID, "queueID", operation)
        try Validate.ids(codeIDs, "codeIDs", operation)
        var added: [WrapupCode] = []
        for chunk in codeIDs.uniqued().chunked(into: 100) {
            added += try await call(
                .post, "/api/v2/routing/queues/\(Self.segment(queueID))/wrapupcodes",
                json: chunk.map { WrapUpCodeReference(id: $0) }, operation: operation, as: [WrapupCode].self, logger: logger)
        }
        return added
    }

    /// Disables one wrap-up code on a queue.
    ///
    /// `DELETE /api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}` (any 2xx).
    public func removeQueueWrapupCode(queueID: String, codeID: String, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(queueID, "queueID", operation)
        try Validate.id(codeID, "codeID", operation)
        try await callIgnoringBody(
            .delete, "/api/v2/routing/queues/\(Self.segment(queueID))/wrapupcodes/\(Self.segment(codeID))",
            operation: operation, logger: logger)
    }
}
