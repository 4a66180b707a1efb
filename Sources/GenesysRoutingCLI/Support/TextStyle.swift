/// ANSI colours for text output, or none.
///
/// Colour is used only when standard output is a terminal, `NO_COLOR` is unset (or empty) and
/// `--no-color` was not given (https://no-color.org).
struct TextStyle: Sendable {
    /// Whether escape sequences are written.
    let enabled: Bool

    /// No colour.
    static let plain = TextStyle(enabled: false)

    /// The style for standard output in `environment`.
    static func forOutput(in environment: CLIEnvironment, noColor: Bool) -> TextStyle {
        TextStyle(enabled: environment.outputIsTerminal && environment.value(of: "NO_COLOR") == nil && !noColor)
    }

    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func magenta(_ text: String) -> String { wrap(text, "35") }
    func bold(_ text: String) -> String { wrap(text, "1") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
