public import Logging

/// A swift-log handler that hands every message (at any level, without metadata) to a closure, at the
/// moment it is logged: for tests that act when the code under test reaches a point it logs (deliver an
/// interrupt when the first change is applied, cancel a task when a retry starts).
///
/// ```swift
/// let logger = Logger(label: "test") { _ in
///     CallbackLogHandler { message in if message == "genesys retry" { task.cancel() } }
/// }
/// ```
public struct CallbackLogHandler: LogHandler {
    /// Called with each message's text.
    public let onMessage: @Sendable (String) -> Void
    /// The level at which messages are passed on (`trace`: all of them).
    public var logLevel: Logger.Level = .trace
    /// Metadata set on the logger (kept, not passed on).
    public var metadata: Logger.Metadata = [:]

    /// Creates a handler that calls `onMessage` for each message.
    public init(_ onMessage: @escaping @Sendable (String) -> Void) {
        self.onMessage = onMessage
    }

    /// Metadata set on the logger.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Passes the message's text to ``onMessage``.
    public func log(event: LogEvent) { onMessage(event.message.description) }
}
