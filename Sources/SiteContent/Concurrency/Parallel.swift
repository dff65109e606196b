import Dispatch

private final class ResultBox<R>: @unchecked Sendable {
    var results: [R?]
    init(_ n: Int) { results = Array(repeating: nil, count: n) }
}

/// Maps `items` on all cores; results come back in input order, so output never depends on scheduling.
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let box = ResultBox<R>(items.count)
    box.results.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let out = buffer
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            out[i] = transform(items[i])
        }
    }
    return box.results.map { $0! }
}
