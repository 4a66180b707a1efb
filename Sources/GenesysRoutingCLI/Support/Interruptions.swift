import GenesysCore

/// Runs work so that SIGINT and SIGTERM interrupt it as cli.md's Safety section says: the first signal
/// cancels the work (``RoutingSync`` then starts no new change and lets those in flight finish, so the
/// work still returns its partial result), a second one ends the process at once with 130.
final class Interruptions: Sendable {
    private let environment: CLIEnvironment
    private let context: CommandContext
    private let signals = LockedValue<[String]>([])

    init(environment: CLIEnvironment, context: CommandContext) {
        self.environment = environment
        self.context = context
    }

    /// The first signal received (`SIGINT`, `SIGTERM`), if any.
    var received: String? { signals.withLock { $0.first } }

    /// Runs `body`, listening for signals from the environment's ``InterruptSource`` until it returns.
    func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await body() }
        let stop = environment.interrupts.listen { [self] name in handle(name, task: task) }
        let value = await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
        stop()
        return value
    }

    private func handle<T>(_ name: String, task: Task<T, Never>) {
        let count = signals.withLock { signals in
            signals.append(name)
            return signals.count
        }
        if count == 1 {
            context.printError("\(name) received: finishing the changes in flight, starting no new ones (send it again to exit at once)")
            task.cancel()
        } else {
            context.printError("error: \(name) received again: exiting at once; changes in flight may or may not have been made, so run apply again (it converges)")
            environment.interrupts.exitNow(130)
        }
    }
}
