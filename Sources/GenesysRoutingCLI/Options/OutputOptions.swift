public import ArgumentParser

/// Options every command shares about its own output: logging and colour.
public struct OutputOptions: ParsableArguments {
    /// Log at `debug` instead of `warning`.
    @Flag(name: [.customShort("v"), .customLong("verbose")], help: "Log requests, retries and decisions on stderr (log level debug instead of warning).")
    public var verbose = false

    /// Never colour the text output.
    @Flag(name: .customLong("no-color"), help: "Never colour the text output (colour is used only when stdout is a terminal and NO_COLOR is not set).")
    public var noColor = false

    /// Creates options (ArgumentParser fills them in).
    public init() {}
}
