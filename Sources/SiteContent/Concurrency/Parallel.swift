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

/// Runs `a` and `b` at once (two jobs of `parallelMap`) and returns both results.
package func parallelPair<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    let both = parallelMap([true, false]) { first -> (A?, B?) in first ? (a(), nil) : (nil, b()) }
    return (both[0].0!, both[1].1!)
}
