/// Hands over to libFuzzer's driver. SwiftPM links executables on Linux with `main` renamed to
/// `<Target>_main`; with `-parse-as-library` there is no Swift `main`, so each target defines that symbol
/// and calls this (libFuzzer's own `main` is then not linked). Where SwiftPM does not rename, libFuzzer's
/// `main` runs `LLVMFuzzerTestOneInput` directly.
public func runLibFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
