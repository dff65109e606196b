import Foundation


/// A 128-bit content digest for cache keys: stable across runs and machines (unlike Swift's seeded `Hasher`),
/// fast (8 bytes per step, two independent lanes, a final avalanche). Not cryptographic: it guards against
/// accidental collisions between versions of a site's own files, not against an adversary.
package struct Digest: Hashable, Sendable, CustomStringConvertible {
    package var high: UInt64
    package var low: UInt64
    package static let zero = Digest(high: 0, low: 0)
    package var description: String { String(format: "%016llx%016llx", high, low) }

    package init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}

/// Feeds values into a digest. Every value is length- or tag-prefixed, so ("ab", "c") and ("a", "bc") differ.
package struct ContentHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var count: UInt64 = 0
    package init() {}

    private mutating func word(_ w: UInt64) {
        a = (a ^ (w &* 0x87C3_7B91_1142_53D5)).rotateLeft(31) &* 0x4CF5_AD43_2745_937F
        b = (b &+ (w ^ 0x52DC_E729)).rotateLeft(27) &* 0x9E37_79B9_7F4A_7C15 &+ a
        count &+= 1
    }

    package mutating func add(bytes: UnsafeRawBufferPointer) {
        word(UInt64(bytes.count))
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            word(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        word(tail)
    }

    package mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add(bytes: $0) } }

    package mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    package mutating func add(_ v: Int) { word(UInt64(bitPattern: Int64(v))) }
    package mutating func add(_ v: Bool) { word(v ? 1 : 2) }
    package mutating func add(_ d: Digest) {
        word(d.high)
        word(d.low)
    }

    package func finish() -> Digest {
        Digest(high: mix(a ^ count), low: mix(b &+ a.rotateLeft(17)))
    }

    private func mix(_ x: UInt64) -> UInt64 {
        var k = x
        k ^= k >> 33
        k = k &* 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k = k &* 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }

    package static func digest(_ s: String) -> Digest {
        var h = ContentHasher()
        h.add(s)
        return h.finish()
    }

    package static func digest(_ bytes: [UInt8]) -> Digest {
        var h = ContentHasher()
        h.add(bytes)
        return h.finish()
    }
}

extension UInt64 {
    fileprivate func rotateLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
