#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads desired-state input safely: only regular files or stdin, never more than the size limit, never
/// blocking on a FIFO; and checks the bytes are UTF-8 text without control characters, naming the line
/// and column of the first bad byte.
enum DesiredStateInput {
    /// The name used in messages for standard input.
    static let standardInputName = "<stdin>"

    static func problem(_ file: String, code: ValidationProblem.Code = .unreadableFile, line: Int? = nil,
                        column: Int? = nil, _ message: String) -> DesiredStateError {
        DesiredStateError(problems: [ValidationProblem(code: code, file: file, line: line, column: column, object: "", message: message)])
    }

    /// Throws when something exists at `path` that is not a regular file (a missing file is left to reading).
    static func refuseNonRegularFile(atPath path: String, name: String) throws(DesiredStateError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if let kind = nonRegularKind(info.st_mode) { throw problem(name, "is \(kind), not a regular file") }
    }

    /// The contents of the file at `path` (symlinks followed), refusing anything but a regular file.
    static func readFile(atPath path: String, name: String, limit: Int) throws(DesiredStateError) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else { throw problem(name, "cannot be read (\(reason(errno)))") }
        if let kind = nonRegularKind(info.st_mode) { throw problem(name, "is \(kind), not a regular file") }
        if Int64(info.st_size) > Int64(limit) { throw tooLarge(name, limit) }
        // O_NONBLOCK: if the path was swapped for a FIFO since stat, opening must not wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw problem(name, "cannot be read (\(reason(errno)))") }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw problem(name, "cannot be read (\(reason(errno)))") }
        if let kind = nonRegularKind(info.st_mode) { throw problem(name, "is \(kind), not a regular file") }
        return try readBounded(fd: fd, name: name, limit: limit)
    }

    /// Standard input, at most `limit` bytes.
    static func readStandardInput(limit: Int) throws(DesiredStateError) -> Data {
        try readBounded(fd: STDIN_FILENO, name: standardInputName, limit: limit)
    }

    /// Reads to the end, failing as soon as more than `limit` bytes arrive.
    static func readBounded(fd: Int32, name: String, limit: Int) throws(DesiredStateError) -> Data {
        var data = Data()
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                throw problem(name, "cannot be read (\(reason(errno)))")
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit { throw tooLarge(name, limit) }
        }
    }

    static func tooLarge(_ name: String, _ limit: Int) -> DesiredStateError {
        problem(name, "is larger than the \(sizeText(limit)) limit (DesiredStateLoader.Limits.maxBytes)")
    }

    static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes)-byte"
    }

    /// `a directory`, `a FIFO (named pipe)`, … for anything that is not a regular file; `nil` for one.
    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe; use '-' to read standard input)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a file"
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "too many symbolic links"
        case EISDIR: return "is a directory"
        default: return String(cString: strerror(code))
        }
    }

    // MARK: - Text

    /// The bytes as text, after checking they are UTF-8 without control characters (other than tab, line
    /// feed and carriage return) and not empty. Linear in the size.
    static func text(_ data: Data, file: String) throws(DesiredStateError) -> String {
        let located = data.withUnsafeBytes { raw in firstBadCharacter(raw.bindMemory(to: UInt8.self)) }
        if let located {
            throw problem(file, code: .syntax, line: located.line, column: located.column,
                          "\(located.message) (column \(located.column))")
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.utf8.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) || text == "\u{FEFF}" {
            throw problem(file, code: .unsupportedVersion, line: 1, column: 1,
                          "the file is empty (it needs at least 'version: 1') (column 1)")
        }
        return text
    }

    struct Located {
        var message: String
        var line: Int
        var column: Int
    }

    /// The first byte sequence that is not UTF-8, or the first control character; columns count characters.
    static func firstBadCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Located? {
        var index = 0
        var line = 1
        var column = 1
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0A {
                    line += 1
                    column = 1
                } else if (lead < 0x20 && lead != 0x09 && lead != 0x0D) || lead == 0x7F {
                    return Located(message: "control character \(codePoint(UInt32(lead))) is not allowed", line: line, column: column)
                } else {
                    column += 1
                }
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xED: length = 3; high = 0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; low = 0x90
            case 0xF4: length = 4; high = 0x8F
            case 0xF1...0xF3: length = 4
            default: length = 0
            }
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            var valid = length > 0 && index + length <= bytes.count
            if valid {
                for offset in 1..<length {
                    let byte = bytes[index + offset]
                    let (lower, upper) = offset == 1 ? (low, high) : (0x80, 0xBF)
                    guard byte >= lower, byte <= upper else {
                        valid = false
                        break
                    }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
            }
            guard valid else {
                return Located(message: "byte 0x\(hex(lead)) is not UTF-8 (the file must be UTF-8 text)", line: line, column: column)
            }
            if (0x80...0x9F).contains(scalar) || scalar == 0x2028 || scalar == 0x2029 {
                return Located(message: "control character \(codePoint(scalar)) is not allowed", line: line, column: column)
            }
            index += length
            column += 1
        }
        return nil
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// `U+001B`.
    static func codePoint(_ scalar: UInt32) -> String {
        var digits = String(scalar, radix: 16, uppercase: true)
        while digits.count < 4 { digits = "0" + digits }
        return "U+" + digits
    }
}
