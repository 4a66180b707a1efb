/// A small JSON parser (RFC 8259) that produces a ``SourceNode`` with line and column of every value.
///
/// Foundation's parser does not report positions; validation messages need them. Yams (libyaml) reports
/// positions but reads YAML, not JSON, so it is not used here: it refuses valid JSON (`\uD83D\uDE00` surrogate
/// pairs, keys over 1,024 characters, a key and its `:` on different lines), accepts invalid JSON (trailing
/// commas, bare words, single quotes, comments, raw tabs in strings), and is about 4–5 times slower on a
/// one-line 20,000-skill file (0.39 s against 0.08 s; both linear).
struct JSONSourceParser {
    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private let maxDepth: Int
    /// Where the column was last computed and its value: positions only move forward on a line, so each
    /// byte is counted once (recounting from the line start made one-line files quadratic).
    private var columnIndex = 0
    private var columnCount = 1

    init(_ text: String, maxDepth: Int = DesiredStateLoader.Limits().maxDepth) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    static func parse(_ text: String, maxDepth: Int = DesiredStateLoader.Limits().maxDepth) throws(Failure) -> SourceNode {
        var parser = JSONSourceParser(text, maxDepth: maxDepth)
        parser.skipWhitespace()
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw parser.failure("unexpected text after the JSON value")
        }
        return node
    }

    /// The 1-based column of `index` in characters (UTF-8 continuation bytes do not start a character).
    private var column: Int {
        mutating get {
            if columnIndex < lineStart || columnIndex > index {
                columnIndex = lineStart
                columnCount = 1
            }
            while columnIndex < index {
                if bytes[columnIndex] & 0xC0 != 0x80 { columnCount += 1 }
                columnIndex += 1
            }
            return columnCount
        }
    }

    private mutating func failure(_ message: String) -> Failure {
        Failure(message: message, line: line, column: column)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func parseValue() throws(Failure) -> SourceNode {
        guard index < bytes.count else { throw failure("unexpected end of file") }
        let startLine = line
        let startColumn = column
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            let text = try parseString()
            return SourceNode(value: .scalar(text, plain: false), line: startLine, column: startColumn)
        case UInt8(ascii: "t"): return try parseLiteral("true", line: startLine, column: startColumn)
        case UInt8(ascii: "f"): return try parseLiteral("false", line: startLine, column: startColumn)
        case UInt8(ascii: "n"): return try parseLiteral("null", line: startLine, column: startColumn)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber(line: startLine, column: startColumn)
        default:
            throw failure("unexpected character \(Self.describe(byte: bytes[index]))")
        }
    }

    private mutating func parseLiteral(_ word: String, line: Int, column: Int) throws(Failure) -> SourceNode {
        let utf8 = Array(word.utf8)
        guard bytes.count - index >= utf8.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            throw failure("unexpected text (expected a JSON value)")
        }
        index += utf8.count
        return SourceNode(value: .scalar(word, plain: true), line: line, column: column)
    }

    private mutating func parseNumber(line: Int, column: Int) throws(Failure) -> SourceNode {
        let start = index
        while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard SourceNode.parseNumber(text) != nil, !text.hasPrefix("+") else {
            throw Failure(message: "invalid number '\(text.prefix(40))\(text.count > 40 ? "…" : "")'", line: line, column: column)
        }
        return SourceNode(value: .scalar(text, plain: true), line: line, column: column)
    }

    private mutating func parseString() throws(Failure) -> String {
        index += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        var chunkStart = index
        func flush(_ parser: JSONSourceParser, upTo end: Int, into scalars: inout String.UnicodeScalarView) {
            scalars.append(contentsOf: String(decoding: parser.bytes[chunkStart..<end], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard index < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(self, upTo: index, into: &scalars)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw failure("control character in a string (escape it)") }
            if byte == UInt8(ascii: "\\") {
                flush(self, upTo: index, into: &scalars)
                index += 1
                guard index < bytes.count else { throw failure("unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw failure("unpaired surrogate in \\u escape")
                        }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("unpaired surrogate in \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
                    scalars.append(scalar)
                default:
                    throw failure("invalid escape \\ followed by \(Self.describe(byte: escape))")
                }
                chunkStart = index
                continue
            }
            index += 1
        }
    }

    /// A byte for a message: a printable ASCII character in quotes, anything else as its code.
    static func describe(byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(DesiredStateInput.hex(byte))"
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("invalid \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value * 16 + UInt32(digit)
        }
        index += 4
        return value
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > maxDepth { throw failure("nesting is deeper than \(maxDepth) levels") }
    }

    private mutating func parseObject() throws(Failure) -> SourceNode {
        let node = (line, column)
        try enter()
        defer { depth -= 1 }
        index += 1
        var entries: [SourceNode.Entry] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return SourceNode(value: .mapping(entries), line: node.0, column: node.1)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a quoted key")
            }
            let keyLine = line
            let keyColumn = column
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            entries.append(SourceNode.Entry(key: key, keyLine: keyLine, keyColumn: keyColumn, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of file (expected ',' or '}')") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return SourceNode(value: .mapping(entries), line: node.0, column: node.1)
            }
            throw failure("expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws(Failure) -> SourceNode {
        let node = (line, column)
        try enter()
        defer { depth -= 1 }
        index += 1
        var values: [SourceNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return SourceNode(value: .sequence(values), line: node.0, column: node.1)
        }
        while true {
            skipWhitespace()
            values.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of file (expected ',' or ']')") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return SourceNode(value: .sequence(values), line: node.0, column: node.1)
            }
            throw failure("expected ',' or ']'")
        }
    }
}
