#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GenesysTesting

/// Where a command writes text: the process's standard output or error, or a buffer in tests.
///
/// Commands never write to `FileHandle.standardOutput` directly; they write to the sinks of their
/// ``CLIEnvironment``, so tests run them in process and read what they printed.
public protocol OutputSink: Sendable {
    /// Writes `text` as it is (add the line break yourself).
    func write(_ text: String)
}

extension OutputSink {
    /// Writes `line` followed by a line break.
    public func writeLine(_ line: String = "") {
        write(line + "\n")
    }
}

/// A sink over a file descriptor (standard output or standard error), written unbuffered.
public struct FileDescriptorSink: OutputSink {
    /// The file descriptor written to.
    public let fileDescriptor: Int32

    /// Creates a sink over a file descriptor.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// The process's standard output.
    public static let standardOutput = FileDescriptorSink(fileDescriptor: 1)
    /// The process's standard error.
    public static let standardError = FileDescriptorSink(fileDescriptor: 2)

    /// Writes all of `text`, retrying short writes and interrupted calls; a closed pipe ends the write.
    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Darwin)
                Darwin.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #elseif canImport(Glibc)
                Glibc.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                Musl.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
        bytes.removeAll()
    }

    /// Whether the descriptor is a terminal (`isatty`).
    public var isTerminal: Bool { isatty(fileDescriptor) == 1 }
}

/// A sink that keeps everything written, for tests.
public final class BufferSink: OutputSink {
    private let storage = LockedBox("")

    /// Creates an empty buffer.
    public init() {}

    /// Appends `text`.
    public func write(_ text: String) {
        storage.withLock { $0 += text }
    }

    /// Everything written so far.
    public var text: String { storage.withLock { $0 } }

    /// Everything written so far, split into lines (without the line breaks; no trailing empty line).
    public var lines: [String] {
        let text = self.text
        guard !text.isEmpty else { return [] }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if text.last?.isNewline == true { lines.removeLast() }
        return lines
    }
}
