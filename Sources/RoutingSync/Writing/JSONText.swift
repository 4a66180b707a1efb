/// Renders a ``ConfigValue`` as JSON text, object keys in their given order (stable output).
enum JSONText {
    static func render(_ value: ConfigValue, pretty: Bool) -> String {
        var output = ""
        write(value, pretty: pretty, indent: 0, into: &output)
        return output
    }

    static func write(_ value: ConfigValue, pretty: Bool, indent: Int, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += numberText(number)
        case .string(let text): writeString(text, into: &output)
        case .array(let values):
            guard !values.isEmpty else { output += "[]"; return }
            let inline = values.allSatisfy(\.isScalar)
            output += "["
            for (index, element) in values.enumerated() {
                if index > 0 { output += "," }
                if pretty {
                    if inline { if index > 0 { output += " " } } else { newline(indent + 1, into: &output) }
                }
                write(element, pretty: pretty, indent: indent + 1, into: &output)
            }
            if pretty, !inline { newline(indent, into: &output) }
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                if pretty { newline(indent + 1, into: &output) }
                writeString(member.key, into: &output)
                output += pretty ? ": " : ":"
                write(member.value, pretty: pretty, indent: indent + 1, into: &output)
            }
            if pretty { newline(indent, into: &output) }
            output += "}"
        }
    }

    private static func newline(_ indent: Int, into output: inout String) {
        output += "\n" + String(repeating: "  ", count: indent)
    }

    /// Integral numbers without a fraction; others in Swift's shortest round-trip form.
    static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if let integer = ConfigValue.exactInteger(number) { return String(integer) }
        return "\(number)"
    }

    static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                // Every control character (C0, DEL, C1, U+2028/2029) escaped: the loader refuses them raw.
                if scalar.isControlCharacter {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

extension ConfigValue {
    /// Whether this is not an array or object.
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
