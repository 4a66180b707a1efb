import Foundation
import GenesysTesting
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
    /// Where `apply` hears SIGINT and SIGTERM (cli.md, Safety): the process's signals, or a test's.
    public var interrupts: InterruptSource
    /// The clock progress lines are timed on (a plain line at most every 10 s when standard error is not a
    /// terminal): real time in the process, a `ManualClock` in tests.
    public var clock: any Clock<Duration>
    /// How long a command waits for another command to release a `--fake-state` file (10 s by default)
    /// before failing with "in use".
    public var stateFileLockTimeout: Duration = .seconds(10)
    /// The clock that wait is measured on: real time by default, so two in-process commands really wait
    /// for each other; a test of the timeout gives a `ManualClock`.
    public var stateFileLockClock: any Clock<Duration> = ContinuousClock()
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
        interrupts: InterruptSource = .none,
        clock: any Clock<Duration> = ContinuousClock(),
        makeLogHandler: (@Sendable (_ label: String) -> any LogHandler)? = nil
    ) {
        self.interrupts = interrupts
        self.clock = clock
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
            interrupts: .process,
            makeLogHandler: { label in StreamLogHandler.standardError(label: label) }
        )
        environment.workingDirectory = FileManager.default.currentDirectoryPath
        environment.homeDirectory = ProcessInfo.processInfo.environment["HOME"]
        return environment
    }

    /// An environment that records what a command prints, with the given variables and no terminal. Its
    /// ``clock`` is a `ManualClock` that moves only when the test advances it, and no signal arrives.
    /// - Returns: The environment, and the buffers its standard output and error (logs included) go to.
    public static func captured(variables: [String: String] = [:]) -> (CLIEnvironment, CapturedOutput) {
        let output = CapturedOutput()
        let environment = CLIEnvironment(
            variables: variables, standardOutput: output.standardOutput, standardError: output.standardError,
            clock: ManualClock()
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
