public import ArgumentParser
import RoutingSync

/// Options `plan` and `apply` share: the output format, `--prune`, `--concurrency`, `--max-deletes` and
/// `--change-timeout`.
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

    /// The delete budget (cli.md, Safety).
    @Option(
        name: .customLong("max-deletes"),
        help: ArgumentHelp("Refuse a plan that deletes more than n objects, before any write (default 25; 'all' lifts the budget).", valueName: "n|all")
    )
    public var maxDeletes: DeleteBudget = DeleteBudget(RoutingSync.Configuration.defaultMaxDeletes)

    /// The overall deadline of one change, in seconds.
    @Option(
        name: .customLong("change-timeout"),
        help: ArgumentHelp("Give up on a change after this many seconds of failing requests and retries (1-3600); independent changes continue.", valueName: "seconds")
    )
    public var changeTimeout: Int = Int(RoutingSync.Configuration().changeTimeout.components.seconds)

    /// Creates options (ArgumentParser fills them in).
    public init() {}

    /// Checks `--concurrency` and `--change-timeout`.
    public mutating func validate() throws {
        guard (1...64).contains(concurrency) else {
            throw ValidationError("--concurrency must be between 1 and 64, got \(concurrency)")
        }
        guard (1...3600).contains(changeTimeout) else {
            throw ValidationError("--change-timeout must be between 1 and 3600 seconds, got \(changeTimeout)")
        }
    }

    /// The plan options.
    var planOptions: PlanOptions { PlanOptions(prune: prune) }

    /// The sync configuration.
    var configuration: RoutingSync.Configuration {
        RoutingSync.Configuration(concurrency: concurrency, maxDeletes: maxDeletes.limit, changeTimeout: .seconds(changeTimeout))
    }
}

/// `--max-deletes`: a number of objects, or `all` (no budget).
public struct DeleteBudget: ExpressibleByArgument, Sendable, Hashable, CustomStringConvertible {
    /// The most objects a plan may delete; `nil` for `all`.
    public var limit: Int?

    /// A budget of `limit` objects (`nil`: no budget).
    public init(_ limit: Int?) { self.limit = limit }

    /// Parses `all` or a whole number ≥ 0.
    public init?(argument: String) {
        if argument.lowercased() == "all" {
            limit = nil
        } else if let number = Int(argument), number >= 0 {
            limit = number
        } else {
            return nil
        }
    }

    /// `25` or `all`.
    public var description: String { limit.map(String.init) ?? "all" }

    /// The help's default value.
    public var defaultValueDescription: String { description }
}
