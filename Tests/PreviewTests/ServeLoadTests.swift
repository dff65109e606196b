import Foundation
import Testing

@testable import Preview

#if canImport(Glibc)
    import Glibc
#endif

/// The preview server under idle and slow clients (loopback only, bounded in time): they never hold up a
/// normal request, idle and too-slow connections are closed, and beyond the connection limit a client is told
/// at once (503) instead of waiting. (Named `ServeTests…` so `make test` runs it with the other server test,
/// apart from the parallel site builds.)
extension ServeTests {
    /// A connected socket to 127.0.0.1:`port`, or -1.
    static func connectTo(_ port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port)).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if ok != 0 {
            close(fd)
            return -1
        }
        return fd
    }

    /// Seconds until the server closes `fd` (reads until end of file), at most `limit`.
    static func secondsUntilClosed(_ fd: Int32, limit: Double) -> Double {
        let start = Date()
        var timeout = timeval(tv_sec: Int(limit) + 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var b = [UInt8](repeating: 0, count: 512)
        while Date().timeIntervalSince(start) < limit {
            let n = b.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
        }
        return Date().timeIntervalSince(start)
    }

    @Test("serve: 20 idle and 60 slow connections never hold up a normal request; idle and slow ones are closed")
    func idleAndSlowClients() throws {
        let limits = HTTPServer.Limits(idleTimeout: 1.0, headDeadline: 2.0, maxConnections: 128)
        let server = try HTTPServer(port: 0, limits: limits) { _, target in
            HTTPResponse(status: 200, body: Array("page \(target)\n".utf8))
        }
        defer { server.stop() }
        let port = server.port
        let idle = (0..<20).map { _ in Self.connectTo(port) }
        let slow = (0..<60).map { _ in Self.connectTo(port) }
        defer { for fd in idle + slow where fd >= 0 { close(fd) } }
        #expect(!idle.contains(-1) && !slow.contains(-1))
        // The slow clients trickle a request head, one byte per connection every 50 ms.
        let stop = StopFlag()
        let trickle = Thread {
            let head = Array("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ".utf8) + [UInt8](repeating: 0x61, count: 200)
            var i = 0
            while true {
                if stop.isSet { return }
                for fd in slow where fd >= 0 {
                    _ = [head[min(i, head.count - 1)]].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, 1, Int32(MSG_NOSIGNAL)) }
                }
                i += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        trickle.start()
        defer { stop.set() }
        Thread.sleep(forTimeInterval: 0.3)

        // Normal requests while all 80 are open: each answered well under a second.
        var slowest = 0.0
        for path in ["/", "/a/", "/b/"] {
            let start = Date()
            let r = Self.get(port, path)
            slowest = max(slowest, Date().timeIntervalSince(start))
            #expect(r?.status == 200)
            #expect(r?.text.contains("page \(path)") == true)
        }
        #expect(slowest < 0.5, "a normal request took \(slowest) s while idle and slow connections were open")

        // An idle connection is closed after the idle timeout; a trickling one at the head deadline.
        let idleClosed = Self.secondsUntilClosed(idle[0], limit: 5)
        #expect(idleClosed < 1.8, "an idle connection stayed open \(idleClosed) s")
        let slowClosed = Self.secondsUntilClosed(slow[0], limit: 5)
        #expect(slowClosed < 2.5, "a trickling connection stayed open \(slowClosed) s more")
    }

    @Test("serve: beyond the connection limit a client gets 503 at once, and a request is served again once they go")
    func connectionLimit() throws {
        let limits = HTTPServer.Limits(idleTimeout: 5.0, headDeadline: 10.0, maxConnections: 8)
        let server = try HTTPServer(port: 0, limits: limits) { _, _ in HTTPResponse(status: 200, body: Array("ok\n".utf8)) }
        defer { server.stop() }
        let held = (0..<8).map { _ in Self.connectTo(server.port) }
        Thread.sleep(forTimeInterval: 0.2)
        let start = Date()
        let busy = Self.get(server.port, "/")
        #expect(busy?.status == 503)
        #expect(Date().timeIntervalSince(start) < 0.5)
        for fd in held where fd >= 0 { close(fd) }
        let again = Self.waitFor(server.port, "/", within: 2) { $0.hasPrefix("HTTP/1.1 200") }
        #expect(again.text.hasPrefix("HTTP/1.1 200"))
    }
}

/// A flag one thread sets and another reads.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
