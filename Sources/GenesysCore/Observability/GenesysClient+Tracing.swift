public import Logging
import HTTPTypes
import Tracing

extension GenesysClient {
    /// Sends `request` through the full pipeline and returns the successful (2xx) response.
    ///
    /// Pipeline: cancellation check → slot and token (the ``TokenPool``'s first free token, or the rate
    /// limiter's slot and the provider's token) → transport. A 401 drops that token (only) and replays
    /// once with a new one. Other failures go to the ``RetryPolicy``; the delay is slept on the client's
    /// clock. A `CancellationError` is never retried and is rethrown unwrapped. A retried DELETE that finds
    /// nothing (404) counts as done, because the earlier attempt whose answer was lost deleted the object.
    /// Inside a ``GenesysDeadline``, no slot is waited for and no retry slept once the deadline has passed
    /// or would pass during the wait: ``GenesysError/Code/deadlineExceeded`` is thrown instead.
    ///
    /// The whole request (all its attempts) is one client span named after the operation (see
    /// <doc:Observability>); without a bootstrapped tracer that costs next to nothing.
    /// - Throws: ``GenesysError`` or `CancellationError`.
    public func send(_ request: GenesysRequest, logger: Logger? = nil) async throws -> GenesysResponse {
        try await withSpan(request.operation, ofKind: .client) { span in
            span.attributes[GenesysSpans.Attribute.operation] = request.operation
            span.attributes[GenesysSpans.Attribute.method] = request.method.rawValue
            span.attributes[GenesysSpans.Attribute.path] = request.path
            span.attributes[GenesysSpans.Attribute.retryCount] = 0
            do {
                let response = try await sendAttempts(request, logger: logger, span: span)
                span.attributes[GenesysSpans.Attribute.statusCode] = Int(response.head.status.code)
                if let correlation = response.correlationID {
                    span.attributes[GenesysSpans.Attribute.correlationID] = correlation
                }
                return response
            } catch let error as GenesysError {
                if let status = error.status { span.attributes[GenesysSpans.Attribute.statusCode] = status }
                if let correlation = error.correlationID {
                    span.attributes[GenesysSpans.Attribute.correlationID] = correlation
                }
                span.attributes[GenesysSpans.Attribute.errorCode] = error.code.description
                span.setStatus(SpanStatus(code: .error))
                throw error
            }
        }
    }

    /// Hands one attempt to the transport, recording its status class and latency
    /// (``GenesysMetrics/requests``, ``GenesysMetrics/requestDuration``, ``GenesysMetrics/throttled``).
    func sendObserved(_ head: HTTPRequest, request: GenesysRequest, options: TransportOptions) async throws -> TransportResponse {
        let stopwatch = Stopwatch(clock: clock)
        do {
            let response = try await transport.send(head, body: request.body, options: options)
            GenesysMetrics.recordAttempt(
                operation: request.operation, method: request.method.rawValue,
                status: Int(response.head.status.code), duration: stopwatch.elapsed
            )
            return response
        } catch {
            GenesysMetrics.recordAttempt(operation: request.operation, method: request.method.rawValue, status: nil, duration: stopwatch.elapsed)
            throw error
        }
    }
}

/// The names of the spans the SDK creates through
/// [swift-distributed-tracing](https://github.com/apple/swift-distributed-tracing), and of their
/// attributes. Names are stable. No attribute ever holds a token, a secret or a request body.
///
/// - One span of kind `client` per ``GenesysClient/send(_:logger:)``, named after the operation
///   (`routing.listSkills`), covering every attempt (rate-limiter wait, token, retries).
/// - `RoutingSync` adds ``syncRead``, ``syncPlan``, ``syncApply`` and one ``syncApplyTier`` per tier.
public enum GenesysSpans {
    /// A sync's reads of the org.
    public static let syncRead = "routingSync.read"
    /// A sync's (pure) planning step.
    public static let syncPlan = "routingSync.plan"
    /// A sync's apply, parent of its tiers.
    public static let syncApply = "routingSync.apply"
    /// One tier of an apply (all its changes, run concurrently), parent of their requests.
    public static let syncApplyTier = "routingSync.apply.tier"

    /// Attribute names.
    public enum Attribute {
        /// The Genesys operation name (`routing.listSkills`).
        public static let operation = "genesys.operation"
        /// The HTTP method.
        public static let method = "http.request.method"
        /// The request path, without the query (ids, never secrets).
        public static let path = "url.path"
        /// The final HTTP status (absent when no response arrived).
        public static let statusCode = "http.response.status_code"
        /// The `ININ-Correlation-Id` Genesys returned, for support tickets.
        public static let correlationID = "genesys.correlation_id"
        /// How many retries the client's retry policy made (0 for a first-time success).
        public static let retryCount = "genesys.retry_count"
        /// The ``GenesysError/Code`` of a failed request.
        public static let errorCode = "genesys.error_code"
        /// An apply tier's number (0 = creates of skills, languages, wrap-up codes; see `RoutingSync`).
        public static let tier = "routingSync.tier"
        /// How many requests a sync's reads sent.
        public static let requests = "routingSync.requests"
        /// How many changes a plan, an apply or a tier holds.
        public static let changes = "routingSync.changes"
        /// How many changes of an apply failed.
        public static let failed = "routingSync.failed"
    }
}
