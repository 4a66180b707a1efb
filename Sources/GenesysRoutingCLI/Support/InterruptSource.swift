import Foundation
import GenesysCore

/// Where a command hears SIGINT and SIGTERM, injectable so tests deliver an "interrupt" in process.
///
/// `apply` listens while it writes: the first signal stops starting changes (those in flight finish) and
/// the command prints the partial report and exits 130; a second signal calls ``exitNow`` (cli.md,
/// Safety).
public struct InterruptSource: Sendable {
    /// Starts listening: `handler` is called with the signal's name (`SIGINT`, `SIGTERM`) for each signal
    /// until the returned function is called, which stops listening (and restores the default handling).
    public let listen: @Sendable (_ handler: @escaping @Sendable (String) -> Void) -> @Sendable () -> Void
    /// Ends the process at once with a status; in tests it only records the call.
    public let exitNow: @Sendable (Int32) -> Void

    /// Creates a source.
    public init(
        listen: @escaping @Sendable (_ handler: @escaping @Sendable (String) -> Void) -> @Sendable () -> Void,
        exitNow: @escaping @Sendable (Int32) -> Void
    ) {
        self.listen = listen
        self.exitNow = exitNow
    }

    /// No signals ever arrive.
    public static let none = InterruptSource(listen: { _ in {} }, exitNow: { _ in })

    /// The process's SIGINT and SIGTERM, through Dispatch signal sources. While listening, the signals'
    /// default action (ending the process) is off; stopping restores it. ``exitNow`` calls `exit`.
    public static let process = InterruptSource(
        listen: { handler in
            let sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { handler(name) }
                source.resume()
                return SignalSourceBox(source: source, number: number)
            }
            return {
                for box in sources {
                    box.source.cancel()
                    signal(box.number, SIG_DFL)
                }
            }
        },
        exitNow: { status in exit(status) }
    )

    /// A source a test triggers itself.
    /// - Returns: The source, a function that delivers a signal (its name) to whoever is listening, and a
    ///   function that returns the statuses ``exitNow`` was called with.
    public static func manual() -> (source: InterruptSource, send: @Sendable (String) -> Void, exits: @Sendable () -> [Int32]) {
        let handlers = LockedValue<(@Sendable (String) -> Void)?>(nil)
        let exits = LockedValue<[Int32]>([])
        let source = InterruptSource(
            listen: { handler in
                handlers.withLock { $0 = handler }
                return { handlers.withLock { $0 = nil } }
            },
            exitNow: { status in exits.withLock { $0.append(status) } }
        )
        return (source, { name in handlers.withLock { $0 }?(name) }, { exits.withLock { $0 } })
    }
}

/// A signal source and its number, kept together until listening stops.
private struct SignalSourceBox: @unchecked Sendable {
    // @unchecked: the source is only cancelled, which Dispatch allows from any thread.
    let source: any DispatchSourceSignal
    let number: Int32
}
