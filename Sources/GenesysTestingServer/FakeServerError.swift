/// Why a ``FakeServer`` could not be created or started.
public struct FakeServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case nonLoopbackHost, invalidConfiguration, alreadyStarted, stoppedBeforeRunning
        }
        private let base: Base

        /// The host is not a loopback address and ``FakeServer/Configuration/allowNonLoopbackHost`` is off.
        public static let nonLoopbackHost = Code(base: .nonLoopbackHost)
        /// A configuration value is out of range (for example a negative port).
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// ``FakeServer/run()`` or ``FakeServer/start()`` was called on a server that already ran.
        public static let alreadyStarted = Code(base: .alreadyStarted)
        /// The server stopped (or failed to bind) before it was listening.
        public static let stoppedBeforeRunning = Code(base: .stoppedBeforeRunning)

        /// The code's name, such as `nonLoopbackHost`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// One readable sentence: what, and what to do.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
