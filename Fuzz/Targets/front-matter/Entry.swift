import FuzzDriver
import FuzzEntries

// libFuzzer target: one input through FuzzEntry.frontMatter (the driver is shared: ../../Driver/FuzzDriver.swift).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzDriver.one(data, size, FuzzEntry.frontMatter)
}

@_cdecl("fuzz_front_matter_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.main(argc, argv)
}
