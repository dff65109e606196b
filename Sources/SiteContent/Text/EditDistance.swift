/// Levenshtein distance, for "did you mean" hints.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}

/// The candidate nearest to `typed` (the first of them on a tie) when it is at most `limit` edits away, for a
/// "did you mean" hint.
public func nearest(to typed: String, among candidates: some Sequence<String>, within limit: Int) -> String? {
    candidates.min { editDistance($0, typed) < editDistance($1, typed) }.flatMap { editDistance($0, typed) <= limit ? $0 : nil }
}

/// Whether `candidate` is close enough to what was typed to suggest it ("did you mean"): one edit for short words,
/// two from six characters on, never more than a third of the word (so `date` does not suggest `path`).
public func isCloseMatch(_ candidate: String, _ typed: String) -> Bool {
    let d = editDistance(candidate, typed)
    let length = min(candidate.count, typed.count)
    if d == 2, candidate.count == typed.count, candidate.sorted() == typed.sorted() { return true }  // a swap: `titel`
    return d <= (length >= 6 ? 2 : 1) && d * 3 <= max(length, 3)
}
