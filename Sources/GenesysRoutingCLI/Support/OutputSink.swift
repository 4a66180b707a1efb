#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GenesysCore

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

    /// Set once a write failed with EPIPE; shared by the copies of this sink.
    private let broken = LockedValue(false)

    /// Whether a write through this sink (or a copy) failed with EPIPE because the reader went away, as in
    /// `… | head -1`; later writes are then dropped.
    public var isBroken: Bool { broken.withLock { $0 } }

    /// Writes all of `text`, retrying short writes and interrupted calls.
    ///
    /// A closed pipe (EPIPE; the executable ignores SIGPIPE, so the write fails instead of killing the
    /// process) ends the write and every later one through this sink: the output has nowhere to go. Other
    /// errors end this write only.
    public func write(_ text: String) {
        guard !isBroken else { return }
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
                continue
            }
            let error = errno
            if written < 0, error == EINTR { continue }
            if written < 0, error == EPIPE { broken.withLock { $0 = true } }
            return
        }
        bytes.removeAll()
    }

    /// Whether the descriptor is a terminal (`isatty`).
    public var isTerminal: Bool { isatty(fileDescriptor) == 1 }
}

/// A sink that keeps everything written, for tests.
///
/// Besides reading ``text`` and ``lines`` after the fact, a test can follow the lines as they are written
/// with ``lineUpdates()`` (for example to learn the URL a long-running `serve` prints first).
public final class BufferSink: OutputSink {
    private struct State {
        var text = ""
        /// Where the line not finished yet starts in `text`, as a UTF-8 offset.
        var unfinishedLineStart = 0
        /// The streams of ``lineUpdates()`` still being consumed.
        var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
        var nextSubscriberID = 0
    }

    private let storage = LockedValue(State())

    /// Creates an empty buffer.
    public init() {}

    /// Appends `text`.
    public func write(_ text: String) {
        storage.withLock { state in
            state.text += text
            guard text.utf8.contains(Self.lineFeed) else { return }
            let finished = Self.finishedLines(in: state.text, from: &state.unfinishedLineStart)
            // Yielded under the lock, so every subscriber sees the lines in the order they were written.
            for continuation in state.subscribers.values {
                for line in finished { continuation.yield(line) }
            }
        }
    }

    /// Everything written so far.
    public var text: String { storage.withLock { $0.text } }

    /// Everything written so far, split into lines (without the line breaks; no trailing empty line).
    public var lines: [String] {
        let text = self.text
        guard !text.isEmpty else { return [] }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if text.last?.isNewline == true { lines.removeLast() }
        return lines
    }

    /// Every complete line written to the buffer, without its line break (`\n` or `\r\n`): those already
    /// written at once, then each new one as soon as its line break is written.
    ///
    /// The stream never finishes by itself (the buffer does not know when the writer is done): stop
    /// iterating, or cancel the iterating task, when you have what you need.
    public func lineUpdates() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let id = storage.withLock { state -> Int in
            var start = 0
            for line in Self.finishedLines(in: state.text, from: &start) { continuation.yield(line) }
            state.nextSubscriberID += 1
            state.subscribers[state.nextSubscriberID] = continuation
            return state.nextSubscriberID
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.storage.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    private static let lineFeed = UInt8(ascii: "\n")

    /// The lines of `text` finished after the UTF-8 offset `start`, moving `start` past them.
    private static func finishedLines(in text: String, from start: inout Int) -> [String] {
        let bytes = text.utf8
        var lines: [String] = []
        var lineStart = bytes.index(bytes.startIndex, offsetBy: start)
        while let newline = bytes[lineStart...].firstIndex(of: lineFeed) {
            var line = bytes[lineStart..<newline]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            lineStart = bytes.index(after: newline)
        }
        start = bytes.distance(from: bytes.startIndex, to: lineStart)
        return lines
    }
}
