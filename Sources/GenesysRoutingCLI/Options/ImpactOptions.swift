public import ArgumentParser

/// The routing-impact preview options of `plan`, `apply` and `diff` (`--no-impact`,
/// `--fail-on-empty-queue`).
public struct ImpactOptions: ParsableArguments {
    /// Skip the preview (and the reads it needs).
    @Flag(name: .customLong("no-impact"), help: "Skip the routing-impact preview (eligible agents before → after per skill group and queue) and the reads it needs.")
    public var noImpact = false

    /// A queue the plan leaves without eligible agents is an error, before any write.
    @Flag(
        name: .customLong("fail-on-empty-queue"),
        help: "Fail (exit 1, before any write) when the plan leaves a queue with no eligible agent; without it that is a warning."
    )
    public var failOnEmptyQueue = false

    /// Creates options (ArgumentParser fills them in).
    public init() {}

    /// Checks that the two flags are not combined.
    public mutating func validate() throws {
        if noImpact, failOnEmptyQueue {
            throw ValidationError("--fail-on-empty-queue needs the routing-impact preview; drop --no-impact")
        }
    }
}
