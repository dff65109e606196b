import SiteContent
import Foundation

/// One HTTP response of the preview server.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 500: "Internal Server Error"
        default: "Status"
        }
    }
}

/// A minimal HTTP/1.1 server on POSIX sockets for the local preview: 127.0.0.1 only, GET and HEAD, one request
/// per connection (`Connection: close`). Enough for a browser and a test; not a production server (the
/// published site is static files for any web server).
///
/// One slow or idle client never holds up the others: each connection has its own thread (not a shared worker
/// pool a few blocked reads could fill), a request head must arrive within `Limits.headDeadline` and no wait
/// between its bytes may exceed `Limits.idleTimeout`, and at most `Limits.maxConnections` are answered at once;
/// beyond that a new connection gets an immediate 503 instead of waiting behind them.
final class HTTPServer: @unchecked Sendable {
    typealias Handler = @Sendable (_ method: String, _ target: String) -> HTTPResponse

    /// How long a connection is given: the longest wait for the next bytes of a request head (a connection
    /// that sends nothing is closed then), the longest a whole head may take (a client trickling bytes is
    /// closed then), and how many connections are answered at once.
    struct Limits: Sendable {
        var idleTimeout = 5.0
        var headDeadline = 10.0
        var maxConnections = 128
    }

    let limits: Limits

    private let listenFD: Int32
    /// The port actually bound (useful when asked for port 0: any free port).
    let port: Int
    private let handler: Handler
    private let lock = NSLock()
    private var stopped = false
    private var active = 0

    /// Binds 127.0.0.1:`port` (0 = any free port) and starts accepting on a background thread.
    init(port: Int, limits: Limits = Limits(), handler: @escaping Handler) throws {
        self.limits = limits
        guard (0...65535).contains(port) else { throw ServeError("no such port: \(port) (a TCP port is 1 to 65535)") }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw ServeError("cannot listen on 127.0.0.1:\(port): \(message)")
        }
        var actual = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        self.listenFD = fd
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "ctsguide-http"
        thread.start()
    }

    /// Stops accepting; connections already being answered finish.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        if stopped { return }
        stopped = true
        shutdown(listenFD, Int32(SHUT_RDWR))
        close(listenFD)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        while !isStopped {
            let client = accept(listenFD, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                if isStopped { return }
                usleep(10_000)
                continue
            }
            var timeout = timeval(tv_sec: max(1, Int(limits.idleTimeout)), tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            lock.lock()
            let admitted = active < limits.maxConnections
            if admitted { active += 1 }
            lock.unlock()
            guard admitted else {
                HTTPServer.writeAll(client, HTTPServer.busyResponse)
                close(client)
                continue
            }
            let handler = self.handler, limits = self.limits
            let thread = Thread { [self] in
                HTTPServer.answer(client, limits: limits, handler: handler)
                lock.lock()
                active -= 1
                lock.unlock()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// The answer to a connection beyond `maxConnections`.
    static let busyResponse = Array(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 5\r\nRetry-After: 1\r\nConnection: close\r\n\r\nbusy\n".utf8)

    private static func answer(_ fd: Int32, limits: Limits, handler: Handler) {
        defer { close(fd) }
        guard let head = readHead(fd, limits) else { return }
        let requestLine = head.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        let parts = requestLine.split(separator: " ").map(String.init)
        var response: HTTPResponse
        var method = "GET"
        if parts.count != 3 || !parts[2].hasPrefix("HTTP/") {
            response = HTTPResponse(status: 400, body: Array("bad request\n".utf8))
        } else if parts[0] != "GET" && parts[0] != "HEAD" {
            response = HTTPResponse(status: 405, headers: [("Allow", "GET, HEAD")], body: Array("GET or HEAD only\n".utf8))
        } else {
            method = parts[0]
            response = handler(parts[0], parts[1])
        }
        var text = "HTTP/1.1 \(response.status) \(HTTPResponse.reason(response.status))\r\n"
        var headers = response.headers
        headers.append(("Content-Length", String(response.body.count)))
        headers.append(("Connection", "close"))
        for (k, v) in headers { text += "\(k): \(v)\r\n" }
        text += "\r\n"
        var bytes = Array(text.utf8)
        if method != "HEAD" { bytes += response.body }
        writeAll(fd, bytes)
    }

    /// The request line and headers (up to the blank line), or nil on a closed, oversized, idle (`idleTimeout`)
    /// or too slow (`headDeadline`) request.
    private static func readHead(_ fd: Int32, _ limits: Limits) -> String? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limits.headDeadline * 1e9)
        while data.count < 65_536 {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return nil }
            let wait = min(limits.idleTimeout * 1000, Double(deadline - now) / 1e6)
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, Int32(max(1, wait)))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return nil }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            data += buffer[0..<n]
            if data.suffix(n + 3).firstRange(of: end) != nil { break }
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, bytes.count - offset, sendFlags) }
            if n <= 0 { return }
            offset += n
        }
    }
}

#if canImport(Glibc)
    /// A closed browser tab must not kill the server with SIGPIPE.
    private let sendFlags = Int32(MSG_NOSIGNAL)
#else
    private let sendFlags: Int32 = 0
#endif

/// A preview server problem (the port is taken, a socket could not be opened).
public struct ServeError: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// Positioned problems behind the error (folders that overlap), printed as diagnostics instead.
    public var diagnostics: [Diagnostic]
    public init(_ description: String, diagnostics: [Diagnostic] = []) {
        self.description = description
        self.diagnostics = diagnostics
    }
}
