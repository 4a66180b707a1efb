import Foundation
import FuzzSupport
import RoutingSync

/// libFuzzer entry point: the input is a desired-state file, read as YAML and as JSON. A valid state is
/// validated again in code, written back and re-read; writing and reading back must succeed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDesiredState(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    for format in DesiredStateFormat.allCases {
        guard let state = try? DesiredStateLoader.load(data: data, format: format, fileName: "fuzz.\(format.rawValue)") else {
            continue
        }
        _ = state.validate()
        for output in DesiredStateFormat.allCases {
            let text = DesiredStateWriter.data(state, format: output)
            do {
                _ = try DesiredStateLoader.load(data: text, format: output, fileName: "out.\(output.rawValue)")
            } catch {
                // A state the loader accepted must survive its own writer.
                fatalError("written \(output) does not read back: \(error)\n\(String(decoding: text, as: UTF8.self))")
            }
        }
    }
    return 0
}

/// The entry point SwiftPM's renamed `main` calls (see `runLibFuzzer`).
@_cdecl("FuzzDesiredState_main")
public func fuzzDesiredStateMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { bytes, count in fuzzDesiredState(bytes, count) }
}
