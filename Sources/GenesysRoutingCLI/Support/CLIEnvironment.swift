import Foundation
public import Logging

/// Everything a command takes from the outside world: environment variables, where output goes, and
/// whether those places are terminals.
///
/// The executable runs commands in ``process()``; tests run them in ``captured(variables:)``, which
/// records stdout and stderr in memory and claims no terminal, so nothing reads `ProcessInfo` or writes to
/// the real streams deep inside a command.
///
/// ```swift
/// let (environment, output) = CLIEnvironment.captured(variables: ["NO_COLOR": "1"])
/// let status = await CommandRunner.run(["plan", "routing.yaml", "--fake"], environment: environment)
/// print(status, output.standardOutput.text)
/// ```
public struct CLIEnvironment: Sendable {
    /// The environment variables (`GENESYS_CLIENT_ID`, `GENESYS_REGION`, `NO_COLOR`, …).
    public var variables: [String: String]
    /// Standard output: the command's result (plans, exports, reports).
    public var standardOutput: any OutputSink
    /// Standard error: errors, warnings, notes, progress and logs.
    public var standardError: any OutputSink
    /// Whether standard output is a terminal (colour is used only then, and only without `NO_COLOR`).
    public var outputIsTerminal: Bool
    /// Whether standard error is a terminal (progress is shown only then).
    public var errorIsTerminal: Bool
    /// Whether long-running commands (`serve`) stop gracefully on SIGINT and SIGTERM. Off in tests, which
    /// stop them by cancelling the task.
    public var handlesSignals: Bool
    /// Makes the log handler behind the CLI's logger (standard error by default).
    public var makeLogHandler: @Sendable (_ label: String) -> any LogHandler
    /// The working directory, where `genesys-routing.yaml` (org profiles) is looked for; `nil`: none.
    public var workingDirectory: String?
    /// The home directory (`~/.config/genesys-routing/config.yaml`); `nil`: none.
    public var homeDirectory: String?

    /// Creates an environment.
    public init(
        variables: [String: String],
        standardOutput: any OutputSink,
        standardError: any OutputSink,
        outputIsTerminal: Bool = false,
        errorIsTerminal: Bool = false,
        handlesSignals: Bool = false,
        makeLogHandler: (@Sendable (_ label: String) -> any LogHandler)? = nil
    ) {
        self.variables = variables
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
        self.handlesSignals = handlesSignals
        self.makeLogHandler = makeLogHandler ?? { label in SinkLogHandler(label: label, sink: standardError) }
        self.workingDirectory = nil
        self.homeDirectory = nil
    }

    /// The running process: its environment variables, its standard output and error (`isatty` decides
    /// whether they are terminals), signal handling on, and swift-log's `StreamLogHandler` on standard error.
    public static func process() -> CLIEnvironment {
        var environment = CLIEnvironment(
            variables: ProcessInfo.processInfo.environment,
            standardOutput: FileDescriptorSink.standardOutput,
            standardError: FileDescriptorSink.standardError,
            outputIsTerminal: FileDescriptorSink.standardOutput.isTerminal,
            errorIsTerminal: FileDescriptorSink.standardError.isTerminal,
            handlesSignals: true,
            makeLogHandler: { label in StreamLogHandler.standardError(label: label) }
        )
        environment.workingDirectory = FileManager.default.currentDirectoryPath
        environment.homeDirectory = ProcessInfo.processInfo.environment["HOME"]
        return environment
    }

    /// An environment that records what a command prints, with the given variables and no terminal.
    /// - Returns: The environment, and the buffers its standard output and error (logs included) go to.
    public static func captured(variables: [String: String] = [:]) -> (CLIEnvironment, CapturedOutput) {
        let output = CapturedOutput()
        let environment = CLIEnvironment(
            variables: variables, standardOutput: output.standardOutput, standardError: output.standardError
        )
        return (environment, output)
    }

    /// The value of a variable, or `nil` when it is unset or empty.
    public func value(of name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}

/// What a command run in ``CLIEnvironment/captured(variables:)`` printed.
public struct CapturedOutput: Sendable {
    /// Everything written to standard output.
    public let standardOutput = BufferSink()
    /// Everything written to standard error (logs included).
    public let standardError = BufferSink()

    /// Creates empty buffers.
    public init() {}

    /// Standard output and standard error together (for checks such as "no secret anywhere").
    public var all: String { standardOutput.text + standardError.text }
}

/// A swift-log handler that writes lines to an ``OutputSink`` in the format of swift-log's
/// `StreamLogHandler` (so captured runs log like the real process).
struct SinkLogHandler: LogHandler {
    let label: String
    let sink: any OutputSink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, sink: any OutputSink) {
        self.label = label
        self.sink = sink
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let rendered = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        sink.writeLine("\(event.level) \(label):\(rendered) \(event.message)")
    }
}
