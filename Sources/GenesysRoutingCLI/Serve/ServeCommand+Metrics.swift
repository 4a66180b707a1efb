import CoreMetrics
import Prometheus

extension ServeCommand {
    /// The registry `serve --metrics` renders: the one bootstrapped by ``run()`` in the executable, or, when
    /// the command runs in-process (tests), a fresh one scoped to the command.
    @TaskLocal static var bootstrappedRegistry: PrometheusCollectorRegistry?

    static var metricsRegistry: PrometheusCollectorRegistry { bootstrappedRegistry ?? PrometheusCollectorRegistry() }

    /// Bootstraps swift-metrics with a Prometheus registry (once per process) and runs `body` with it.
    static func withBootstrappedMetrics(_ body: () async throws -> Void) async throws {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        try await $bootstrappedRegistry.withValue(registry) { try await body() }
    }

    /// Runs `body` with the SDK's metrics going to `registry`: through the bootstrapped factory in the
    /// executable, through a task-local factory otherwise (so tests never bootstrap the process).
    static func withMetrics(_ registry: PrometheusCollectorRegistry?, _ body: () async throws -> Void) async throws {
        guard let registry, bootstrappedRegistry == nil else { return try await body() }
        try await withMetricsFactory(PrometheusMetricsFactory(registry: registry)) { try await body() }
    }
}
