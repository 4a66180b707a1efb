public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Lists a queue's members.
    ///
    /// `GET /api/v2/routing/queues/{queueId}/members` (paging style B: page numbers without totals; read
    /// until an empty page or no `nextUri`). `RoutingQueue.memberCount` gives the expected total. Lazy.
    /// - Parameters:
    ///   - queueID: The queue's id.
    ///   - pageSize: Members per page, clamped to 1–100 (the API's maximum); 100 by default.
    ///   - memberBy: Only direct members (`user`) or members through a group (`group`).
    ///   - joined: Only joined (`true`) or unjoined (`false`) members.
    ///   - name: The server's `name` filter (contains).
    ///   - expand: Expansions such as `routingStatus` (`expand`, repeated).
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listQueueMembers(
        queueID: String, pageSize: Int = 100, memberBy: QueueMemberBy? = nil, joined: Bool? = nil,
        name: String? = nil, expand: [String] = [], logger: Logger? = nil
    ) -> PageSequence<QueueMemberEntityListing, QueueMember> {
        let operation = Self.operation()
        var query: Query = []
        query.append("memberBy", memberBy?.rawValue)
        query.append("joined", joined)
        query.append("name", name)
        query.append("expand", each: expand)
        return pagedQueueMembers(
            operation: operation, path: "/api/v2/routing/queues/\(Self.segment(queueID))/members", query: query,
            pageSize: min(100, max(1, pageSize)), validate: { try Validate.id(queueID, "queueID", operation) },
            logger: logger)
    }

    /// Adds users to a queue as direct members.
    ///
    /// `POST /api/v2/routing/queues/{queueId}/members` with `[{ "id": userId }]`, in chunks of at most 100
    /// (the API's limit); duplicates are sent once; nothing is sent for an empty list. Chunks are sent one
    /// after another; if one fails, the earlier ones stay applied.
    ///
    /// Eventually consistent: right after adding, reads of the members can briefly miss them (or answer
    /// 404; the official Terraform provider retries for this). Poll with
    /// ``waitForCondition(timeout:initialDelay:maxDelay:_:logger:)`` if you
    /// depend on it.
    public func addQueueMembers(queueID: String, userIDs: [String], logger: Logger? = nil) async throws {
        try await postQueueMembers(queueID: queueID, userIDs: userIDs, delete: false, operation: Self.operation(), logger: logger)
    }

    /// Removes users from a queue.
    ///
    /// `POST /api/v2/routing/queues/{queueId}/members?delete=true` with `[{ "id": userId }]`, in chunks of at
    /// most 100; duplicates are sent once; nothing is sent for an empty list.
    public func removeQueueMembers(queueID: String, userIDs: [String], logger: Logger? = nil) async throws {
        try await postQueueMembers(queueID: queueID, userIDs: userIDs, delete: true, operation: Self.operation(), logger: logger)
    }

    private func postQueueMembers(queueID: String, userIDs: [String], delete: Bool, operation: String, logger: Logger?) async throws {
        try Validate.id(queueID, "queueID", operation)
        try Validate.ids(userIDs, "userIDs", operation)
        var query: Query = []
        if delete { query.append(.init("delete", "true")) }
        for chunk in userIDs.uniqued().chunked(into: 100) {
            try await callIgnoringBody(
                .post, "/api/v2/routing/queues/\(Self.segment(queueID))/members", query: query,
                json: chunk.map { WritableEntity(id: $0) }, operation: operation, logger: logger)
        }
    }

    /// Joins or unjoins existing members of a queue.
    ///
    /// `PATCH /api/v2/routing/queues/{queueId}/members` with `[{ "id", "joined" }]` (`QueueMember`), in chunks
    /// of at most 100. Users that are not members are ignored by the server. When a user appears twice, the
    /// last change wins. Nothing is sent for an empty list.
    ///
    /// Eventually consistent (`patchRoutingQueueMembers` is processed asynchronously): the server processes the change asynchronously, so the
    /// returned members may not show the final state yet.
    /// - Returns: The members the server returned, all chunks together.
    @discardableResult
    public func setQueueMembersJoined(
        queueID: String, _ changes: [QueueMemberJoinChange], logger: Logger? = nil
    ) async throws -> [QueueMember] {
        let operation = Self.operation()
        try Validate.id(queueID, "queueID", operation)
        try Validate.ids(changes.map(\.userID), "changes.userID", operation)
        var members: [QueueMember] = []
        for chunk in changes.uniqued(by: \.userID).chunked(into: 100) {
            let page = try await call(
                .patch, "/api/v2/routing/queues/\(Self.segment(queueID))/members",
                json: chunk.map { QueueMember(id: $0.userID, joined: $0.joined) }, operation: operation,
                isIdempotent: true, as: QueueMemberEntityListing.self, logger: logger)
            members += page.entities ?? []
        }
        return members
    }

    /// Joins or unjoins existing members of a queue; the tuple form of
    /// ``setQueueMembersJoined(queueID:_:logger:)-(_,[QueueMemberJoinChange],_)``.
    ///
    /// `PATCH /api/v2/routing/queues/{queueId}/members`, chunks of at most 100.
    @discardableResult
    public func setQueueMembersJoined(
        queueID: String, _ changes: [(userID: String, joined: Bool)], logger: Logger? = nil
    ) async throws -> [QueueMember] {
        try await setQueueMembersJoined(
            queueID: queueID, changes.map { QueueMemberJoinChange(userID: $0.userID, joined: $0.joined) }, logger: logger)
    }

    /// Sets one member's bullseye ring and/or join state.
    ///
    /// `PATCH /api/v2/routing/queues/{queueId}/members/{memberId}` with `QueueMember` (answers 202). The API
    /// sets `ringNumber` **or** `joined` per call, so when both are given two PATCHes are sent (ring first).
    /// Join changes are applied asynchronously (`patchRoutingQueueMember` answers 202 Accepted).
    /// - Parameters:
    ///   - queueID: The queue's id.
    ///   - userID: The user's id.
    ///   - ringNumber: The ring, 1–6.
    ///   - joined: Whether the member is joined.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    /// - Throws: `GenesysError.Code.invalidRequest` when neither is given or the ring is outside 1–6.
    public func updateQueueMember(
        queueID: String, userID: String, ringNumber: Int? = nil, joined: Bool? = nil, logger: Logger? = nil
    ) async throws {
        let operation = Self.operation()
        try Validate.id(queueID, "queueID", operation)
        try Validate.id(userID, "userID", operation)
        if let ringNumber { try Validate.ringNumber(ringNumber, operation) }
        guard ringNumber != nil || joined != nil else {
            throw Validate.invalid(operation, "ringNumber or joined must be given")
        }
        let path = "/api/v2/routing/queues/\(Self.segment(queueID))/members/\(Self.segment(userID))"
        if let ringNumber {
            try await callIgnoringBody(.patch, path, json: QueueMember(ringNumber: ringNumber), operation: operation, isIdempotent: true, logger: logger)
        }
        if let joined {
            try await callIgnoringBody(.patch, path, json: QueueMember(joined: joined), operation: operation, isIdempotent: true, logger: logger)
        }
    }

    /// Removes one member from a queue.
    ///
    /// `DELETE /api/v2/routing/queues/{queueId}/members/{memberId}` (any 2xx).
    public func removeQueueMember(queueID: String, userID: String, logger: Logger? = nil) async throws {
        let operation = Self.operation()
        try Validate.id(queueID, "queueID", operation)
        try Validate.id(userID, "userID", operation)
        try await callIgnoringBody(
            .delete, "/api/v2/routing/queues/\(Self.segment(queueID))/members/\(Self.segment(userID))",
            operation: operation, logger: logger)
    }
}
