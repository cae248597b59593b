import QuotesStress

/// One probe for the whole run: the lexicons load once, not per input.
nonisolated(unsafe) private var probe: PipelineProbe? = nil

/// libFuzzer's entry point: every input goes through decoding, every stage
/// and every output format (``PipelineProbe``); a broken invariant stops
/// the run with its description, so libFuzzer saves the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func quotesFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if probe == nil {
        do { probe = try PipelineProbe() } catch { fatalError("cannot load the engine: \(error)") }
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do { try probe!.check(bytes) } catch { fatalError("\(error)") }
    return 0
}
