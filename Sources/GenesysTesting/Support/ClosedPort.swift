#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP port on 127.0.0.1 held by a socket that is bound but never listens, so every connection to it is
/// refused at once, and no other test (or its server) can take the port while this is open. Close it when
/// the test is done.
///
/// (A port merely freed by a stopped server could be handed to a parallel test's server at once.)
/// Test support shared by this package's suites (package access: not public API).
package final class ClosedPort: @unchecked Sendable {
    // @unchecked: `descriptor` is only changed by `close()`, which the owning test calls once, at its end.
    /// The bound port.
    package let port: Int
    private var descriptor: Int32

    /// Binds a socket to a free port on 127.0.0.1 without listening.
    package init() throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw SocketError(call: "socket", code: errno) }
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian  // 127.0.0.1
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            _ = closeDescriptor(descriptor)
            throw SocketError(call: "bind", code: code)
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Releases the port.
    package func close() {
        guard descriptor >= 0 else { return }
        _ = closeDescriptor(descriptor)
        descriptor = -1
    }

    deinit { close() }

    /// A socket call failed.
    package struct SocketError: Error, CustomStringConvertible {
        package let call: String
        package let code: Int32
        package var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }
}

private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    #if canImport(Darwin)
    Darwin.close(descriptor)
    #elseif canImport(Glibc)
    Glibc.close(descriptor)
    #else
    Musl.close(descriptor)
    #endif
}
