public import ArgumentParser
import RoutingSync

/// Options `plan` and `apply` share: the output format, `--prune` and `--concurrency`.
public struct SyncOptions: ParsableArguments {
    /// The output format of `plan` and `apply`.
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        /// Text for people.
        case text
        /// cli.md's JSON.
        case json
    }

    /// The desired-state file.
    @Argument(help: ArgumentHelp("The desired-state file (.yaml, .yml or .json), or - for standard input.", valueName: "file"))
    public var file: String

    /// Text or JSON.
    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    public var format: Format = .text

    /// Overrides the file's `policy.prune`.
    @Flag(
        inversion: .prefixedNo,
        help: "Delete (--prune) or keep (--no-prune) skills, languages, wrap-up codes, skill groups and queues that the file does not declare, overriding the file's policy.prune."
    )
    public var prune: Bool?

    /// Writes (and per-object reads) in flight at once.
    @Option(help: ArgumentHelp("Requests in flight at once while reading and writing (1-64).", valueName: "n"))
    public var concurrency: Int = RoutingSync.Configuration().concurrency

    /// Creates options (ArgumentParser fills them in).
    public init() {}

    /// Checks `--concurrency`.
    public mutating func validate() throws {
        guard (1...64).contains(concurrency) else {
            throw ValidationError("--concurrency must be between 1 and 64, got \(concurrency)")
        }
    }

    /// The plan options.
    var planOptions: PlanOptions { PlanOptions(prune: prune) }

    /// The sync configuration.
    var configuration: RoutingSync.Configuration { RoutingSync.Configuration(concurrency: concurrency) }
}
