#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GenesysCore

/// Runs a profile's `credentialProcess` command and reads the OAuth client it prints.
///
/// The command runs with `/bin/sh -c`, no standard input, and must print
/// `{"clientId": "…", "clientSecret": "…"}` JSON (other keys are ignored) and exit 0 within the timeout.
/// A command that fails, prints anything else or does not finish is an error naming the profile; its
/// output (stdout or stderr) is never shown, since it may hold a secret.
public enum CredentialProcess {
    /// The client id and secret the command printed.
    public struct Output: Sendable, Hashable {
        /// The OAuth client id.
        public var clientID: String
        /// The OAuth client secret.
        public var clientSecret: String
    }

    /// Runs `command` for the profile named `profile`.
    /// - Parameters:
    ///   - command: The profile's `credentialProcess`, run by `/bin/sh -c`.
    ///   - profile: The profile's name, for error messages.
    ///   - timeout: How long the command may run before it is killed (real time).
    /// - Throws: `GenesysError` (`invalidConfiguration`) with one line naming the profile.
    public static func run(_ command: String, profile: String, timeout: Duration = .seconds(30)) async throws -> Output {
        let at = "org profile \"\(profile)\": credentialProcess"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let (exited, exit) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in
            exit.yield()
            exit.finish()
        }
        do {
            try process.run()
        } catch {
            throw failure("\(at) could not be started")
        }
        // A blocking read on a GCD thread, never on the cooperative pool (it would stall every task).
        let handle = stdout.fileHandleForReading
        let reader = Task {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
            }
        }
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in exited {}
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            if !first { kill(process.processIdentifier, SIGKILL) }
            group.cancelAll()
            return first
        }
        guard finished else {
            reader.cancel()
            throw failure("\(at) did not finish within \(timeout.secondsText); it was stopped")
        }
        let data = await reader.value
        guard process.terminationStatus == 0, process.terminationReason == .exit else {
            throw failure("\(at) failed (exit status \(process.terminationStatus)); its output is not shown as it may hold a secret")
        }
        struct Printed: Decodable {
            var clientId: String
            var clientSecret: String
        }
        guard let printed = try? JSONDecoder().decode(Printed.self, from: data), !printed.clientId.isEmpty, !printed.clientSecret.isEmpty else {
            throw failure("\(at) did not print {\"clientId\", \"clientSecret\"} JSON; its output is not shown as it may hold a secret")
        }
        return Output(clientID: printed.clientId, clientSecret: printed.clientSecret)
    }

    static func failure(_ message: String) -> GenesysError {
        GenesysError(code: .invalidConfiguration, operation: "profiles.credentialProcess", message: message)
    }
}

extension Duration {
    /// `2 s`, `0.2 s`.
    fileprivate var secondsText: String {
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
