public import ServiceLifecycle

/// A ``FakeServer`` is a swift-service-lifecycle `Service`: run it in a `ServiceGroup` beside your own
/// services. ``run()`` serves until the group shuts down gracefully (in-flight requests finish, then the
/// listener closes) or the task is cancelled.
///
/// ```swift
/// let server = try FakeServer(org: FakeGenesysOrg(), logger: logger)
/// let group = ServiceGroup(configuration: .init(
///     services: [server, myService], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
/// try await group.run()
/// ```
extension FakeServer: Service {}
