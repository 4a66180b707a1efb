#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
package import Foundation

/// Reading and replacing files that must be regular files: the fake org's state file and the CLI's
/// `--output FILE`.
///
/// - A path is followed through symbolic links to the file they finally name, so a link is kept and its
///   target is updated.
/// - Anything that is not a regular file (a directory, a FIFO, a device node such as `/dev/full`, a socket)
///   is refused: never read (a FIFO would block), never replaced by a regular file.
/// - A regular file is replaced atomically: the new content goes to a temporary file in the same
///   directory, which is flushed, given the old file's permissions and renamed over it. A reader sees the
///   old content or the new one, never a mix; a failed write leaves the old file as it was.
///
/// Test support and CLI plumbing shared by this package's modules (package access: not public API).
package enum RegularFile {
    /// Symbolic links followed before a path is given up as a loop (as `ELOOP` would).
    static let maximumLinks = 32

    /// The path `path` names after following symbolic links; the final target need not exist.
    /// - Throws: ``RegularFileError`` for a link loop or an unreadable link.
    package static func resolve(_ path: String) throws(RegularFileError) -> String {
        var current = path
        for _ in 0..<maximumLinks {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw RegularFileError("cannot follow the symbolic link \(current) (\(errorText(errno)))") }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : (current as NSString).deletingLastPathComponent + "/" + target
            if (current as NSString).deletingLastPathComponent.isEmpty { current = "./" + current }
        }
        throw RegularFileError("\(path): too many levels of symbolic links")
    }

    /// What is at `path` (not following a final link): `nil` when nothing is, else the `st_mode` and size.
    static func status(_ path: String) throws(RegularFileError) -> stat? {
        var info = stat()
        if lstat(path, &info) == 0 { return info }
        let error = errno
        if error == ENOENT { return nil }
        throw RegularFileError("cannot read \(path) (\(errorText(error)))")
    }

    /// A description such as `a directory` or `a FIFO (named pipe)` for what is not a regular file.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// Whether a regular file exists at `path` (through symbolic links).
    /// - Throws: ``RegularFileError`` when something else is there (a directory, a FIFO, a device …).
    package static func exists(_ path: String) throws(RegularFileError) -> Bool {
        let target = try resolve(path)
        guard let info = try status(target) else { return false }
        if let kind = kind(info.st_mode) { throw RegularFileError("\(path) is \(kind), not a regular file") }
        return true
    }

    /// The content of the regular file at `path` (through symbolic links).
    /// - Throws: ``RegularFileError`` when nothing or something other than a regular file is there, or it
    ///   cannot be read.
    package static func read(_ path: String) throws(RegularFileError) -> Data {
        guard try exists(path) else { throw RegularFileError("\(path) does not exist") }
        // Opened without blocking and checked again on the descriptor, in case something else was put at
        // the path meanwhile (opening a FIFO for reading would otherwise wait for a writer).
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw RegularFileError("cannot read \(path) (\(errorText(errno)))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw RegularFileError("cannot read \(path) (\(errorText(errno)))") }
        if let kind = kind(info.st_mode) { throw RegularFileError("\(path) is \(kind), not a regular file") }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw RegularFileError("cannot read \(path) (\(error.localizedDescription))")
        }
    }

    /// Replaces the regular file at `path` (or its symbolic link's target) with `data`, atomically, keeping
    /// its permissions; creates it (with the default permissions, after the umask) when there is none.
    /// - Throws: ``RegularFileError`` when something other than a regular file is there, or the directory
    ///   is missing or not writable. Nothing is changed then.
    package static func write(_ data: Data, to path: String) throws(RegularFileError) {
        let target = try resolve(path)
        let existing = try status(target)
        if let existing, let kind = kind(existing.st_mode) {
            throw RegularFileError("\(path) is \(kind), not a regular file; refusing to replace it")
        }
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).\(UUID().uuidString.prefix(8)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw RegularFileError("cannot write \(path) (\(errorText(errno))); check that the directory exists and is writable")
        }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        do throws(RegularFileError) {
            if let existing {
                // The old file's permission bits (and, where allowed, owner) carry over.
                guard fchmod(descriptor, existing.st_mode & 0o7777) == 0 else {
                    throw RegularFileError("cannot keep the permissions of \(path) (\(errorText(errno)))")
                }
                _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            }
            try writeAll(data, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw RegularFileError("cannot write \(path) (\(errorText(errno)))") }
            closed = true
            guard close(descriptor) == 0 else { throw RegularFileError("cannot write \(path) (\(errorText(errno)))") }
            guard rename(temporary, target) == 0 else {
                throw RegularFileError("cannot replace \(path) (\(errorText(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(RegularFileError) {
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                #elseif canImport(Musl)
                let written = Musl.write(descriptor, base + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, base + offset, buffer.count - offset)
                #endif
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return written < 0 ? errno : EIO
                }
            }
            return nil
        }
        if let failure { throw RegularFileError("cannot write \(path) (\(errorText(failure)))") }
    }

    /// `strerror` for `code`.
    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// Why a file could not be read, replaced or locked, in one line naming the path.
package struct RegularFileError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the path.
    package let message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
