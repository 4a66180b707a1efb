import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import GenesysTestingServer
import HTTPTypes
import Logging
import ServiceLifecycle
import Testing

@Suite("FakeServer as a swift-service-lifecycle Service")
struct FakeServerServiceTests {
    private static let logger = Logger(label: "FakeServerServiceTests") { _ in SwiftLogNoOpLogHandler() }

    @Test("it serves inside a ServiceGroup and stops when the group shuts down gracefully")
    func runsInServiceGroup() async throws {
        let server = try FakeServer(org: FakeGenesysOrg(configuration: .init(rateLimit: nil)), logger: Self.logger)
        let group = ServiceGroup(configuration: .init(services: [server], logger: Self.logger))

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let url = try await server.waitUntilRunning()
            let head = HTTPRequest(method: .get, scheme: "http", authority: "\(url.host ?? "127.0.0.1"):\(url.port ?? 80)", path: "/__fake/requests")
            let response = try await DefaultTransport.make().send(
                head, body: nil, options: TransportOptions(operation: "test", timeout: .seconds(10), logger: Self.logger))
            #expect(response.head.status == .ok)

            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(server.baseURL == nil, "the server no longer listens after the group's graceful shutdown")
    }
}
