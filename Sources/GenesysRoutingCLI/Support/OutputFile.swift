import Foundation

/// Writes a command's result to `--output FILE`, or to standard output without one.
enum OutputFile {
    /// Writes `text` to `path` (atomically) or, when `path` is `nil`, to standard output.
    /// - Throws: ``CLIError`` naming the file when it cannot be written.
    static func write(_ text: String, to path: String?, context: CommandContext) throws {
        guard let path else {
            context.printOutput(text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("cannot write \(path): \((error as NSError).localizedDescription); check that the directory exists and is writable")
        }
    }
}
