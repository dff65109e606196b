import Testing
@testable import SiteContent

/// collapseSpaces works on bytes; it must agree with splitting on Unicode white space scalar by scalar.
@Suite struct CollapseSpacesTests {
    /// The reference: split on White_Space scalars, join with one space.
    func reference(_ s: String) -> String {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.properties.isWhitespace {
                if !word.isEmpty { words.append(String(word)) }
                word = String.UnicodeScalarView()
            } else {
                word.append(u)
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words.joined(separator: " ")
    }

    @Test func exactOutputs() {
        #expect(collapseSpaces("  a \t\n b\r\n\u{0B}\u{0C}c  ") == "a b c")
        #expect(collapseSpaces("") == "")
        #expect(collapseSpaces(" \n\t ") == "")
        #expect(collapseSpaces("Billing\u{00A0}\u{2003}97550 — 30\u{202F}minutes\u{3000}’ok’") == "Billing 97550 — 30 minutes ’ok’")
        #expect(collapseSpaces("x\u{2028}y\u{2029}z\u{205F}w\u{1680}v\u{0085}u") == "x y z w v u")
        // Near misses of the multi-byte white space stay: U+200B (zero width space), U+2010, U+2030, U+3001.
        #expect(collapseSpaces("a\u{200B}b\u{2010}c\u{2030}d\u{3001}e") == "a\u{200B}b\u{2010}c\u{2030}d\u{3001}e")
    }

    @Test func everyWhiteSpaceScalarAndItsNeighboursAgreeWithTheReference() {
        let white = (0...0x3000).compactMap(Unicode.Scalar.init).filter { $0.properties.isWhitespace }
        #expect(white.count == 25)
        let others: [Unicode.Scalar] = ["a", "é", "—", "’", "\u{200B}", "\u{2030}", "\u{3001}", "\u{1F600}", "\u{0301}", "\u{00A1}"]
        for w in white {
            for o in others {
                for s in ["\(o)\(w)\(o)", "\(w)\(w)\(o)\(w)", "\(o)\(o)\(w)", "\(w)"] {
                    #expect(collapseSpaces(s) == reference(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
        }
    }

    @Test func randomMixesAgreeWithTheReference() {
        var rng = SplitMix(seed: 7)
        let alphabet: [Unicode.Scalar] = ["a", "b", " ", "\t", "\n", "\r", "é", "—", "\u{00A0}", "\u{2009}", "\u{3000}", "\u{1F600}", "\u{0301}", "\u{2028}"]
        for _ in 0..<2_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 24) { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            let text = String(s)
            #expect(collapseSpaces(text) == reference(text))
        }
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
