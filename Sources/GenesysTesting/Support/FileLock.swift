#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive advisory lock (`flock`) on a file's sidecar `FILE.lock`, held while a command reads,
/// changes and saves the file, so two commands on one fake org state file run one after the other instead
/// of one losing the other's writes.
///
/// The sidecar is locked rather than the file itself because saving replaces the file by renaming a new
/// one over it: a lock on the old inode would not stop the next reader. The sidecar is named after the
/// file symbolic links lead to, so two links to one file share a lock; it is left in place (removing it
/// would let a waiting command lock a file nobody else sees).
///
/// Test support and CLI plumbing shared by this package's modules (package access: not public API).
package final class FileLock: Sendable {
    /// The sidecar's descriptor, open (and locked) until ``release()``.
    private let descriptor: LockedBox<Int32?>
    /// The sidecar's path.
    package let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = LockedBox(descriptor)
        self.path = path
    }

    deinit { release() }

    /// Locks `FILE.lock` for the file at `path`, waiting up to `timeout` while another process (or another
    /// command in this one) holds it, trying again every `pollInterval` on `clock`; `onWait` is called
    /// once, when it starts waiting.
    /// - Throws: ``RegularFileError`` saying the file is in use when the lock is still held after `timeout`,
    ///   or when the sidecar cannot be created; `CancellationError` when the task is cancelled meanwhile.
    package static func acquire(
        for path: String, timeout: Duration, pollInterval: Duration = .milliseconds(50),
        clock: any Clock<Duration> = ContinuousClock(), onWait: () -> Void = {}
    ) async throws -> FileLock {
        let lockPath = try RegularFile.resolve(path) + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw RegularFileError("cannot create the lock file \(lockPath) (\(RegularFile.errorText(errno))); check that the directory is writable")
        }
        var waited = Duration.zero
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return FileLock(descriptor: descriptor, path: lockPath) }
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                close(descriptor)
                throw RegularFileError("cannot lock \(lockPath) (\(RegularFile.errorText(error)))")
            }
            guard waited < timeout else {
                close(descriptor)
                throw RegularFileError("\(path) is in use by another command (its lock \(lockPath) is still held after \(seconds(timeout))); run again when that command has finished")
            }
            if waited == .zero { onWait() }
            do {
                try await clock.sleep(for: pollInterval)
            } catch {
                close(descriptor)
                throw error
            }
            waited += pollInterval
        }
    }

    /// Releases the lock (closing the sidecar); later calls do nothing.
    package func release() {
        descriptor.withLock { descriptor in
            guard let open = descriptor else { return }
            flock(open, LOCK_UN)
            close(open)
            descriptor = nil
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        return fraction == 0 ? "\(whole) s" : "\(Double(whole) + Double(fraction) / 1e18) s"
    }
}
