import Foundation
import GenesysCore
public import GenesysTesting
import HTTPTypes
public import Logging
import RoutingModels

extension FakeServer.Controls {
    /// The control endpoints for a `FakeGenesysOrg`:
    ///
    /// - `POST /__fake/advance` moves the org's clock when it is a `ManualClock` (in either mode);
    ///   with any other clock the endpoint answers `409 fake.manual.clock.required`.
    /// - `GET /__fake/state` is ``FakeGenesysOrg/snapshot()`` in the `FakeOrgState` file format
    ///   (pretty-printed, sorted keys), the same JSON `--fake-state` files hold.
    /// - `GET /__fake/requests` and `POST /__fake/reset-log` use the org's own request log
    ///   (``FakeGenesysOrg/requests``), which also names each request's operation and injected fault.
    public init(org: FakeGenesysOrg) {
        let clock = org.clock as? ManualClock
        self.init(
            advanceClock: clock.map { clock in { @Sendable duration in clock.advance(by: duration) } },
            snapshotJSON: { @Sendable in
                try GenesysJSON.makeEncoder(prettyPrinted: true, sortedKeys: true).encode(org.snapshot())
            },
            requestLog: { @Sendable in
                org.requests.enumerated().map { index, request in FakeServer.RequestRecord(request, sequence: index + 1) }
            },
            resetRequestLog: { @Sendable in org.resetLog() }
        )
    }
}

extension FakeServer {
    /// Creates a server for a `FakeGenesysOrg`, with the org's control endpoints
    /// (``Controls/init(org:)``).
    ///
    /// - Parameters:
    ///   - org: The org to serve.
    ///   - configuration: Host, port and limits.
    ///   - logger: The server's logger.
    /// - Throws: ``FakeServerError`` as ``init(transport:controls:configuration:logger:)``.
    public convenience init(org: FakeGenesysOrg, configuration: Configuration = Configuration(), logger: Logger) throws(FakeServerError) {
        try self.init(transport: org, controls: Controls(org: org), configuration: configuration, logger: logger)
    }
}

extension FakeServer.RequestRecord {
    /// A record of the org's log entry `request` at position `sequence`.
    public init(_ request: FakeOrgRequest, sequence: Int) {
        let query = request.query.isEmpty ? nil : URIEncoding.query(request.query)
        let (seconds, attoseconds) = request.timestamp.components
        self.init(
            sequence: sequence,
            method: request.method.rawValue,
            path: request.path,
            query: query,
            isWrite: request.isWrite,
            status: request.status,
            outcome: request.status == nil ? .connectionDropped : .responded,
            correlationID: request.correlationID,
            operation: request.operation,
            fault: request.fault,
            clientID: request.clientID,
            orgTimeSeconds: Double(seconds) + Double(attoseconds) / 1e18
        )
    }
}
