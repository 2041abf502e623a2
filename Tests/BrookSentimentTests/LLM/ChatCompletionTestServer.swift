// A loopback HTTP/1.1 server that answers chat-completions requests from a script, for testing the `llm` model.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Lets the tests see exactly what the `llm` model sends and make the endpoint succeed, fail or hang
/// on cue, without any network beyond 127.0.0.1.
final class ChatCompletionTestServer: Sendable {
    /// One request as the server read it; header names are lower-cased.
    struct Request: Sendable {
        let method: String
        let path: String
        let headers: [String: String]
        let body: Data

        /// The body parsed as a JSON object.
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        /// The headline the prompt carries in its user message.
        var headline: String {
            let messages = json["messages"] as? [[String: Any]] ?? []
            let user = messages.last { $0["role"] as? String == "user" }?["content"] as? String ?? ""
            return user.hasPrefix("Headline: ") ? String(user.dropFirst("Headline: ".count)) : user
        }
    }

    /// What to do with a request.
    enum Reply: Sendable {
        case respond(status: Int, headers: [String: String], body: String)
        /// Keep the connection open and never answer.
        case hang

        /// A 200 chat completion whose assistant message is `content`.
        static func completion(_ content: String) -> Reply {
            let object: [String: Any] = [
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "created": 1_700_000_000,
                "model": "test-model",
                "choices": [[
                    "index": 0,
                    "message": ["role": "assistant", "content": content],
                    "finish_reason": "stop",
                ]],
                "usage": ["prompt_tokens": 60, "completion_tokens": 8, "total_tokens": 68],
            ]
            let body = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return .respond(status: 200, headers: [:], body: String(decoding: body, as: UTF8.self))
        }

        static func score(_ score: Double) -> Reply {
            completion("{\"score\": \(score)}")
        }

        static func status(_ status: Int, headers: [String: String] = [:]) -> Reply {
            .respond(status: status, headers: headers, body: "{\"error\": {\"message\": \"scripted \(status)\"}}")
        }
    }

    /// Chooses the reply to the `index`-th request (0-based, in arrival order).
    typealias Script = @Sendable (_ index: Int, _ request: Request) -> Reply

    private struct State {
        var requests: [Request] = []
        var inFlight = 0
        var maxInFlight = 0
        var stopped = false
    }

    let port: UInt16
    private let listener: Int32
    private let script: Script
    private let replyDelay: Double
    private let state = Mutex(State())
    private let threads = DispatchGroup()

    /// Starts listening on an ephemeral loopback port; each reply is held back by `replyDelay` seconds.
    init(replyDelay: Double = 0, script: @escaping Script) throws {
        self.script = script
        self.replyDelay = replyDelay
        let (listener, port) = try Self.listenOnLoopback()
        self.listener = listener
        self.port = port
        threads.enter()
        Thread.detachNewThread { [self] in
            acceptConnections()
            threads.leave()
        }
    }

    /// A socket listening on 127.0.0.1 at a port the kernel picks, and that port.
    private static func listenOnLoopback() throws -> (Int32, UInt16) {
        let listener = socket(AF_INET, streamType, 0)
        guard listener >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0
                    && listen(listener, 64) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard listening else {
            let error = POSIXError(.init(rawValue: errno) ?? .EIO)
            close(listener)
            throw error
        }
        return (listener, UInt16(bigEndian: address.sin_port))
    }

    /// The base URL to configure the model with.
    var endpoint: String { "http://127.0.0.1:\(port)/v1" }

    var requests: [Request] { state.withLock { $0.requests } }

    /// The most requests the server was answering at the same moment.
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    /// Stops accepting, releases hanging connections and waits for every server thread to end.
    func stop() {
        let alreadyStopped = state.withLock { state in
            defer { state.stopped = true }
            return state.stopped
        }
        guard !alreadyStopped else { return }
        _ = threads.wait(timeout: .now() + 5)
        close(listener)
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    /// Polls rather than blocking in accept so `stop` is noticed within a few milliseconds.
    private func acceptConnections() {
        while !isStopped {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            threads.enter()
            Thread.detachNewThread { [self] in
                serve(connection)
                close(connection)
                threads.leave()
            }
        }
    }

    private func serve(_ connection: Int32) {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var on: Int32 = 1
        setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        guard let request = read(from: connection) else { return }
        let index = state.withLock { state in
            state.requests.append(request)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            return state.requests.count - 1
        }
        switch script(index, request) {
        case .hang:
            while !isStopped { usleep(10_000) }
            state.withLock { $0.inFlight -= 1 }
        case .respond(let status, let headers, let body):
            if replyDelay > 0 { Thread.sleep(forTimeInterval: replyDelay) }
            // Counted out before the reply is written: once the client has it, it may send the next
            // request at once, and that one must not overlap this one in the count.
            state.withLock { $0.inFlight -= 1 }
            var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
            head += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            write(head + "\r\n" + body, to: connection)
        }
    }

    /// Reads the request line, headers and a `Content-Length` body; nil when the client goes away first.
    private func read(from connection: Int32) -> Request? {
        var bytes: [UInt8] = []
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        while headerEnd == nil {
            guard receive(from: connection, into: &bytes) else { return nil }
            headerEnd = bytes.firstRange(of: separator)?.upperBound
        }
        guard let headerEnd else { return nil }
        let lines = String(decoding: bytes[..<headerEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" {
            write("HTTP/1.1 100 Continue\r\n\r\n", to: connection)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while bytes.count - headerEnd < length {
            guard receive(from: connection, into: &bytes) else { return nil }
        }
        return Request(
            method: String(requestLine[0]), path: String(requestLine[1]), headers: headers,
            body: Data(bytes[headerEnd..<(headerEnd + length)]))
    }

    private func receive(from connection: Int32, into bytes: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = recv(connection, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        bytes += chunk[..<count]
        return true
    }

    private func write(_ text: String, to connection: Int32) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Self.sendFlags) }
            guard count > 0 else { return }
            sent += count
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }

    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let streamType = SOCK_STREAM
    private static let sendFlags: Int32 = 0
    #endif
}
