#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
public import Logging
import RoutingModels
import Tracing

extension GenesysClient {
    /// The attempts of ``send(_:logger:)`` (its public wrapper, in `Observability/GenesysClient+Tracing.swift`, opens
    /// the request's span). `span` gets the retry count.
    /// - Throws: ``GenesysError`` or `CancellationError`.
    func sendAttempts(_ request: GenesysRequest, logger: Logger?, span: any Span) async throws -> GenesysResponse {
        let logger = logger ?? self.logger
        // Started when the first attempt may go (after its rate-limiter slot), so time queued behind other
        // requests does not eat this request's retry budget (`RetryAttempt.elapsed`).
        var started: Stopwatch?
        var retryNumber = 0
        var replayedAfter401 = false
        var isRetry = false
        var isReplay = false

        while true {
            try Task.checkCancellation()
            try GenesysDeadline.checkCurrent(operation: request.operation)   // before waiting for a slot
            // Slot and token together: the pool's token whose slot comes first, or the rate limiter's
            // slot and the provider's token.
            let slotWait = Stopwatch(clock: clock)
            let lease = try await lease(for: request, logger: logger)
            GenesysDeadline.current?.excusePacing(slotWait.elapsed)   // waiting for the budget is not failing
            let stopwatch = started ?? Stopwatch(clock: clock)
            started = stopwatch
            let head = makeHead(for: request, token: lease.token)
            let options = TransportOptions(
                operation: request.operation, timeout: GenesysDeadline.transportTimeout(configuration.timeout),
                maxResponseBytes: configuration.maxResponseBytes, logger: logger
            )
            await counters.record(isWrite: request.isWrite, isRetry: isRetry, isReplay: isReplay, operation: request.operation)
            isRetry = false
            isReplay = false

            let attemptStart = stopwatch.elapsed
            let outcome: RetryAttempt.Outcome
            var failure: GenesysError
            do {
                let response = try await sendObserved(head, request: request, options: options)
                let status = response.head.status.code
                await tokenPool?.record(
                    lease, status: status,
                    retryAfter: status == 429 ? response.head.headerFields[.retryAfter].flatMap { RetryAfter.parse($0, now: currentDate()) } : nil,
                    latency: stopwatch.elapsed - attemptStart
                )
                let correlation = response.head.headerFields[.correlationID]
                logger.debug("genesys request", metadata: [
                    "operation": "\(request.operation)", "method": "\(request.method.rawValue)",
                    "path": "\(request.path)", "status": "\(status)",
                    "durationMs": "\((stopwatch.elapsed - attemptStart) / .milliseconds(1))",
                    "correlationId": "\(correlation ?? "-")",
                ])
                if (200..<300).contains(status) {
                    return GenesysResponse(head: response.head, body: response.body)
                }
                // A DELETE retried after an attempt whose outcome was unknown (lost connection, 5xx) may find the
                // object already gone: the earlier attempt deleted it. The caller's goal is met, so report success.
                if status == 404, request.method == .delete, retryNumber > 0 {
                    logger.debug("genesys retried delete found nothing to delete; treating as done", metadata: ["operation": "\(request.operation)"])
                    return GenesysResponse(head: response.head, body: response.body)
                }
                if status == 429 { await counters.recordThrottled() }
                if status == 401, !replayedAfter401 {
                    replayedAfter401 = true
                    isReplay = true
                    logger.debug("genesys token rejected; replaying once with a new token", metadata: ["operation": "\(request.operation)"])
                    if let tokenPool { await tokenPool.invalidate(lease) } else { await tokenProvider.invalidate(lease.token) }
                    continue
                }
                failure = await redactingSecrets(makeError(from: response, operation: request.operation), sent: lease.token)
                outcome = .status(status, retryAfter: failure.retryAfter)
            } catch is CancellationError {
                throw CancellationError()
            } catch let error as GenesysError {
                throw error   // a wrapping transport that already speaks the SDK's error type
            } catch {
                // A transport may turn a cancelled request into its own error (URLSession's "cancelled");
                // the caller asked for cancellation, so that is what they get.
                if Task.isCancelled { throw CancellationError() }
                await tokenPool?.record(lease, status: nil, retryAfter: nil, latency: stopwatch.elapsed - attemptStart)
                // Transports should throw only `TransportError`; anything else is treated as `.other` so the
                // caller still gets a `GenesysError` and nothing is retried on a guess.
                let error = error as? TransportError
                    ?? TransportError(kind: .other, requestMayHaveBeenProcessed: true, underlying: error)
                logger.debug("genesys transport failure", metadata: [
                    "operation": "\(request.operation)", "method": "\(request.method.rawValue)",
                    "path": "\(request.path)", "kind": "\(error.kind)",
                ])
                let code: GenesysError.Code = error.kind == .timedOut ? .timedOut : .transport
                failure = GenesysError(code: code, operation: request.operation, message: "network failure: \(error.kind)", underlying: error)
                outcome = .transport(error)
            }

            let attempt = RetryAttempt(
                retryNumber: retryNumber, isIdempotent: request.isIdempotent, outcome: outcome,
                elapsed: stopwatch.elapsed, operation: request.operation
            )
            switch retryPolicy.decide(attempt) {
            case .stop:
                // A 503 that asks for a longer wait than the policy allows is the server rate limiting us.
                if failure.status == 503, failure.retryAfter != nil { failure.code = .rateLimited }
                throw failure
            case .retry(let delay):
                try GenesysDeadline.checkCurrent(operation: request.operation, before: delay, after: failure)
                logger.debug("genesys retry", metadata: [
                    "operation": "\(request.operation)", "attempt": "\(retryNumber + 1)",
                    "delayMs": "\(delay / .milliseconds(1))", "correlationId": "\(failure.correlationID ?? "-")",
                    "reason": "\(failure.status.map(String.init) ?? failure.code.description)",
                ])
                retryNumber += 1
                span.attributes[GenesysSpans.Attribute.retryCount] = retryNumber
                isRetry = true
                // A pool already holds the throttled token back for its `Retry-After`; the retry takes
                // the next free token instead of waiting.
                try await clock.sleep(for: tokenPool != nil && failure.status == 429 ? .zero : delay)
            }
        }
    }

    /// Sends `request` and decodes the JSON body as `Response` with the Genesys decoder.
    /// - Throws: ``GenesysError`` (``GenesysError/Code/decoding`` when the body does not decode) or
    ///   `CancellationError`.
    public func send<Response: Decodable>(_ request: GenesysRequest, as type: Response.Type, logger: Logger? = nil) async throws -> Response {
        let response = try await send(request, logger: logger)
        do {
            return try GenesysJSON.makeDecoder().decode(Response.self, from: response.body)
        } catch {
            throw GenesysError(
                code: .decoding, operation: request.operation, status: Int(response.head.status.code),
                correlationID: response.correlationID, message: "could not decode the \(Response.self) response", underlying: error
            )
        }
    }

    /// The slot and token for one attempt: from the ``tokenPool``, or the ``rateLimiter``'s slot and the
    /// ``tokenProvider``'s token. Errors other than ``GenesysError`` and `CancellationError` (from a
    /// custom provider) become ``GenesysError/Code/authenticationFailed``, so callers see one error type.
    private func lease(for request: GenesysRequest, logger: Logger) async throws -> TokenLease {
        do {
            if let tokenPool { return try await tokenPool.lease(logger: logger) }
            if let rateLimiter { try await rateLimiter.acquire() }
            return TokenLease(lane: 0, token: try await tokenProvider.accessToken(logger: logger))
        } catch let error as GenesysError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw GenesysError(
                code: .authenticationFailed, operation: request.operation,
                message: "the access token provider failed", underlying: error
            )
        }
    }

    func makeHead(for request: GenesysRequest, token: AccessToken) -> HTTPRequest {
        var fields = HTTPFields()
        fields[.authorization] = "Bearer \(token.value)"
        fields[.accept] = "application/json"
        if request.body != nil { fields[.contentType] = "application/json" }
        fields[.userAgent] = configuration.userAgent
        return HTTPRequest(
            method: request.method, scheme: endpoint.scheme, authority: endpoint.authority,
            path: endpoint.basePath + request.pathAndQuery, headerFields: fields
        )
    }

    func makeError(from response: TransportResponse, operation: String) -> GenesysError {
        let status = Int(response.head.status.code)
        let body = response.body.isEmpty ? nil : try? GenesysJSON.makeDecoder().decode(ErrorBody.self, from: response.body)
        let retryAfter = response.head.headerFields[.retryAfter].flatMap { RetryAfter.parse($0, now: currentDate()) }
        return GenesysError(
            code: .forStatus(status), operation: operation, status: status,
            correlationID: response.head.headerFields[.correlationID] ?? body?.contextId,
            serverCode: body?.code, message: body?.message,
            details: body.map(Self.allDetails) ?? [], retryAfter: retryAfter, body: body
        )
    }

    static func allDetails(of body: ErrorBody) -> [ErrorDetail] {
        (body.details ?? []) + (body.errors ?? []).flatMap(allDetails)
    }
}
