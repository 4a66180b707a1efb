import Foundation
import GenesysTesting

/// Writes a command's result to `--output FILE`, or to standard output without one (or with `-`).
///
/// A file is written through ``RegularFile/write(_:to:)``: through symbolic links to their target,
/// atomically, keeping the file's permissions, and never over a directory, FIFO or device node.
enum OutputFile {
    /// Writes `text` to `path` or, when `path` is `nil` or `-`, to standard output.
    /// - Throws: ``CLIError`` naming the file when it cannot be written or is not a regular file.
    static func write(_ text: String, to path: String?, context: CommandContext) throws {
        guard let path, path != "-" else {
            context.printOutput(text)
            return
        }
        do {
            try RegularFile.write(Data(text.utf8), to: path)
        } catch {
            throw CLIError("--output: \(error.message)")
        }
    }

    /// Whether `path` names a file (not standard output).
    static func isFile(_ path: String?) -> Bool {
        path != nil && path != "-"
    }
}
