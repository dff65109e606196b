// What every libFuzzer target shares: libFuzzer's driver entry and the byte copy of one input. Each target only
// names its `FuzzEntry` stage (see Targets/*/Entry.swift).

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The target's `LLVMFuzzerTestOneInput` (each target defines it with `@_cdecl`).
@_silgen_name("LLVMFuzzerTestOneInput")
func targetTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32

public enum FuzzDriver {
    /// One input as bytes, handed to `stage`; always 0 (libFuzzer's "keep going").
    public static func one(_ data: UnsafePointer<UInt8>?, _ size: Int, _ stage: ([UInt8]) -> Void) -> Int32 {
        stage(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    /// SwiftPM links an executable's entry as `fuzz_<name>_main`; the target's one calls this to hand control
    /// to libFuzzer's driver.
    public static func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        var count = argc
        var values = argv
        return LLVMFuzzerRunDriver(&count, &values) { data, size in targetTestOneInput(data, size) }
    }
}
