/// Text from the org (names, descriptions, server messages) made safe to print: control characters
/// become visible escapes, so a name such as `"x\nPlan: 0 to create…"` cannot forge an output line and
/// an escape sequence cannot drive the terminal.
///
/// Used by every text output (plan and apply text, the impact report's Markdown, search results, error
/// lines, the progress line); JSON output is escaped by its encoder instead.
package enum InertText {
    /// `text` with C0 controls, DEL and C1 controls escaped: `\n`, `\r`, `\t`, others as `\u{1B}`.
    package static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                escaped.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default: escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return escaped
    }

    /// C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A CSV cell a spreadsheet will not run as a formula: one that begins with `=`, `+`, `-`, `@`, tab or
    /// CR gets a leading `'` (OWASP's advice against CSV injection).
    package static func spreadsheetSafe(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        return "'" + cell
    }
}
