#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import GenesysRoutingCLI
import Testing

@Suite("output sinks")
struct OutputSinkTests {
    @Test("a pipe whose reader went away stops the writes (EPIPE) instead of killing the process")
    func brokenPipe() throws {
        // What `GenesysRoutingCommand.main()` does before running a command; without it this test would die.
        _ = signal(SIGPIPE, SIG_IGN)
        var descriptors: [Int32] = [-1, -1]
        try #require(pipe(&descriptors) == 0)
        _ = close(descriptors[0])
        defer { _ = close(descriptors[1]) }

        let sink = FileDescriptorSink(fileDescriptor: descriptors[1])
        #expect(!sink.isBroken)
        sink.writeLine(#"{"changes": []}"#)
        #expect(sink.isBroken)
        let copy = sink
        copy.writeLine("dropped")
        #expect(copy.isBroken)
    }

    @Test("a pipe that is read gets everything, and the sink is not broken")
    func workingPipe() throws {
        var descriptors: [Int32] = [-1, -1]
        try #require(pipe(&descriptors) == 0)
        defer { _ = close(descriptors[0]) }
        let sink = FileDescriptorSink(fileDescriptor: descriptors[1])
        sink.write("one\ntwo\n")
        _ = close(descriptors[1])
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(descriptors[0], &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "one\ntwo\n")
        #expect(!sink.isBroken)
    }

    @Test("lineUpdates replays the finished lines, then signals each new one as its line break is written")
    func lineUpdates() async throws {
        let sink = BufferSink()
        sink.write("first\nsec")
        var lines = sink.lineUpdates().makeAsyncIterator()
        #expect(await lines.next() == "first")
        sink.write("ond\r\nthird")
        #expect(await lines.next() == "second")
        sink.writeLine()
        #expect(await lines.next() == "third")
        #expect(sink.lines == ["first", "second", "third"])
    }

    @Test("a lineUpdates stream ends when its task is cancelled")
    func lineUpdatesCancellation() async {
        let sink = BufferSink()
        let waiter = Task { () -> String? in
            for await line in sink.lineUpdates() { return line }
            return nil
        }
        waiter.cancel()
        #expect(await waiter.value == nil)
        sink.writeLine("after")
    }
}
