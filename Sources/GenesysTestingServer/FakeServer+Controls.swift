public import Foundation
import GenesysTesting

extension FakeServer {
    /// The hooks behind the `/__fake/` control endpoints. Each is optional: an endpoint whose hook is
    /// missing answers with an `ErrorBody` saying so, except the request log, which falls back to the
    /// server's own log.
    ///
    /// ``init(org:)`` fills them in for a `FakeGenesysOrg`.
    public struct Controls: Sendable {
        /// Moves the org's manual clock forward (`POST /__fake/advance?seconds=N`). `nil` when the org
        /// runs on a real clock.
        public var advanceClock: (@Sendable (Duration) async throws -> Void)?
        /// Returns the org's state as JSON (`GET /__fake/state`).
        public var snapshotJSON: (@Sendable () async throws -> Data)?
        /// Returns the request log (`GET /__fake/requests`); `nil` serves the server's own log
        /// (``FakeServer/requestLog``).
        public var requestLog: (@Sendable () async throws -> [RequestRecord])?
        /// Empties the log ``requestLog`` returns (`POST /__fake/reset-log`); the server's own log is
        /// emptied as well either way.
        public var resetRequestLog: (@Sendable () async throws -> Void)?

        /// Creates controls; by default none.
        public init(
            advanceClock: (@Sendable (Duration) async throws -> Void)? = nil,
            snapshotJSON: (@Sendable () async throws -> Data)? = nil,
            requestLog: (@Sendable () async throws -> [RequestRecord])? = nil,
            resetRequestLog: (@Sendable () async throws -> Void)? = nil
        ) {
            self.advanceClock = advanceClock
            self.snapshotJSON = snapshotJSON
            self.requestLog = requestLog
            self.resetRequestLog = resetRequestLog
        }
    }

    /// One logged request, as `GET /__fake/requests` returns it (`{"requests": [record, …]}`, oldest
    /// first):
    ///
    /// ```json
    /// {"sequence": 3, "method": "POST", "path": "/api/v2/routing/skills", "query": null, "isWrite": true,
    ///  "status": 200, "outcome": "responded", "correlationId": "…", "operation": "routing.createSkill",
    ///  "fault": null, "clientId": "fake-client", "orgTimeSeconds": 12.5, "requestBody": null}
    /// ```
    ///
    /// Every key is always present (`null` when unknown). With a `FakeGenesysOrg` behind the server the
    /// log is the org's (``Controls/init(org:)``): `operation`, `fault`, `clientId` and `orgTimeSeconds`
    /// are filled in, `isWrite` is the org's judgement (user search is a read) and `requestBody` is
    /// `null`. Over any other transport it is the server's own log: `operation`, `fault`, `clientId` and
    /// `orgTimeSeconds` are `null`, `isWrite` goes by the method and `requestBody` holds the body text.
    /// Header fields are never recorded (they carry credentials and tokens).
    public struct RequestRecord: Sendable, Hashable, Codable {
        /// How the exchange ended.
        public enum Outcome: String, Sendable, Hashable, Codable {
            /// An answer was sent (whatever its status).
            case responded
            /// The connection was dropped without an answer (a simulated lost connection).
            case connectionDropped
            /// The transport failed otherwise, or the request was refused before forwarding (the
            /// server answered with its own `ErrorBody`).
            case failed
        }

        /// The record's position: 1 for the first request logged, counting up.
        public var sequence: Int
        /// The method, such as `POST`.
        public var method: String
        /// The path without the query, such as `/api/v2/routing/skills`.
        public var path: String
        /// The query string without `?`, or `nil`.
        public var query: String?
        /// Whether the request changes state.
        public var isWrite: Bool
        /// The response status, or `nil` when the connection was dropped.
        public var status: Int?
        /// How the exchange ended.
        public var outcome: Outcome
        /// The `ININ-Correlation-Id` of the answer, when there was one.
        public var correlationID: String?
        /// The operation, such as `routing.createSkill` (org log only).
        public var operation: String?
        /// The injected faults that fired, such as `status 503` (org log only).
        public var fault: String?
        /// The OAuth client the request was authenticated as (org log only).
        public var clientID: String?
        /// When the request arrived, in seconds on the org's clock since the org was created (org log only).
        public var orgTimeSeconds: Double?
        /// The request body as UTF-8 text (the first 64 KiB; server log only), or `nil`.
        public var requestBody: String?

        /// Creates a record.
        public init(
            sequence: Int, method: String, path: String, query: String? = nil, isWrite: Bool, status: Int?,
            outcome: Outcome, correlationID: String? = nil, operation: String? = nil, fault: String? = nil,
            clientID: String? = nil, orgTimeSeconds: Double? = nil, requestBody: String? = nil
        ) {
            self.sequence = sequence
            self.method = method
            self.path = path
            self.query = query
            self.isWrite = isWrite
            self.status = status
            self.outcome = outcome
            self.correlationID = correlationID
            self.operation = operation
            self.fault = fault
            self.clientID = clientID
            self.orgTimeSeconds = orgTimeSeconds
            self.requestBody = requestBody
        }

        enum CodingKeys: String, CodingKey {
            case sequence, method, path, query, isWrite, status, outcome
            case correlationID = "correlationId"
            case operation, fault
            case clientID = "clientId"
            case orgTimeSeconds, requestBody
        }

        /// Encodes every key, with `null` for absent values, so tools can rely on the shape.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sequence, forKey: .sequence)
            try container.encode(method, forKey: .method)
            try container.encode(path, forKey: .path)
            try container.encode(query, forKey: .query)
            try container.encode(isWrite, forKey: .isWrite)
            try container.encode(status, forKey: .status)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(correlationID, forKey: .correlationID)
            try container.encode(operation, forKey: .operation)
            try container.encode(fault, forKey: .fault)
            try container.encode(clientID, forKey: .clientID)
            try container.encode(orgTimeSeconds, forKey: .orgTimeSeconds)
            try container.encode(requestBody, forKey: .requestBody)
        }
    }

    /// The server's own log: the requests it forwarded, oldest first (at most
    /// ``Configuration/requestLogLimit``). Control requests (`/__fake/…`) are not included.
    public var requestLog: [RequestRecord] { state.withLock { $0.log } }

    /// Empties the server's own ``requestLog``. Sequence numbers keep counting.
    public func resetRequestLog() {
        state.withLock { $0.log.removeAll() }
    }

    func record(
        method: String, path: String, query: String?, status: Int?, outcome: RequestRecord.Outcome,
        correlationID: String?, body: Data
    ) {
        let isWrite = !["GET", "HEAD", "OPTIONS"].contains(method)
        let text: String? = body.isEmpty ? nil : String(data: body.prefix(64 << 10), encoding: .utf8)
        let limit = configuration.requestLogLimit
        state.withLock { state in
            let record = RequestRecord(
                sequence: state.nextSequence, method: method, path: path, query: query, isWrite: isWrite,
                status: status, outcome: outcome, correlationID: correlationID, requestBody: text
            )
            state.nextSequence += 1
            guard limit > 0 else { return }
            state.log.append(record)
            if state.log.count > limit { state.log.removeFirst(state.log.count - limit) }
        }
    }
}
