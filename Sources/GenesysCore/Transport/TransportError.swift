/// A network-level failure reported by an ``HTTPTransport``.
///
/// Transports map their library's errors to one of the ``Kind``s so the retry policy can decide without
/// knowing which HTTP library is underneath.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, coarsely.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case connectFailed, connectionLost, timedOut, responseTooLarge, other
        }
        private let base: Base

        /// The connection could not be established: nothing was sent, so a retry is always safe.
        public static let connectFailed = Kind(base: .connectFailed)
        /// The connection broke after the request may have been sent.
        public static let connectionLost = Kind(base: .connectionLost)
        /// The request did not complete within ``TransportOptions/timeout``.
        public static let timedOut = Kind(base: .timedOut)
        /// The response body exceeded ``TransportOptions/maxResponseBytes``.
        public static let responseTooLarge = Kind(base: .responseTooLarge)
        /// Any other failure.
        public static let other = Kind(base: .other)

        /// The kind's name, such as `connectFailed`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public var kind: Kind
    /// Whether the server may have received and acted on the request. `false` only when the transport
    /// knows nothing was sent (for example a refused connection).
    public var requestMayHaveBeenProcessed: Bool
    /// The transport library's own error, kept for diagnosis.
    public var underlying: (any Error)?

    /// Creates a transport error.
    public init(kind: Kind, requestMayHaveBeenProcessed: Bool, underlying: (any Error)? = nil) {
        self.kind = kind
        self.requestMayHaveBeenProcessed = requestMayHaveBeenProcessed
        self.underlying = underlying
    }

    /// One line: the kind and whether the request may have been processed.
    public var description: String {
        "TransportError(\(kind), requestMayHaveBeenProcessed: \(requestMayHaveBeenProcessed))"
    }
}
