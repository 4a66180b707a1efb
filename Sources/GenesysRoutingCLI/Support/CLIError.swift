/// A failure the CLI itself detects (a bad option combination, missing credentials, an unwritable
/// output file), with the one line shown to the user.
///
/// The message says what is wrong and what to do, and never contains a secret.
public struct CLIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The one-line message (without the `error: ` prefix).
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
