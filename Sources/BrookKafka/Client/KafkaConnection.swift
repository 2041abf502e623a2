// One blocking TCP connection to a Kafka broker, for Brook's own client.
import Glibc

/// Why talking to a Kafka cluster failed: the place (broker address, topic, partition) and the cause.
public struct KafkaClientError: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// True when asking again (after new metadata, on a new connection) may succeed: a broker
    /// restarting, a leader moving, a coordinator loading.
    let retriable: Bool

    init(_ description: String, retriable: Bool = false) {
        self.description = description
        self.retriable = retriable
    }
}

/// Sends size-prefixed requests and reads the matching responses in order. A job's source reads
/// on its own thread and waits for each answer, so a blocking socket with a timeout is enough.
final class KafkaConnection {
    let address: String
    private let descriptor: Int32
    private var correlationID: Int32 = 0
    private let clientID: String

    init(host: String, port: Int, clientID: String, timeoutSeconds: Int = 30) throws(KafkaClientError) {
        address = "\(host):\(port)"
        self.clientID = clientID
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw KafkaClientError("cannot resolve Kafka broker \(host):\(port): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        var lastError: Int32 = 0
        while let info = candidate {
            let socket = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if socket >= 0 {
                if connect(socket, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
                    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                    setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                    var one: Int32 = 1
                    setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                    descriptor = socket
                    return
                }
                lastError = errno
                close(socket)
            }
            candidate = info.pointee.ai_next
        }
        throw KafkaClientError("cannot connect to Kafka broker \(host):\(port): \(String(cString: strerror(lastError)))", retriable: true)
    }

    deinit { close(descriptor) }

    /// Sends one request with a v1 header (api key, version, correlation id, client id) and
    /// returns the response body after its v0 header.
    func send(_ api: ApiKey, version: Int16, body: (inout ByteWriter) -> Void) throws(KafkaClientError) -> ByteReader {
        correlationID &+= 1
        var writer = ByteWriter(capacity: 256)
        writer.int32(0)
        writer.int16(api.rawValue)
        writer.int16(version)
        writer.int32(correlationID)
        writer.nullableString(clientID)
        body(&writer)
        writer.patchInt32(Int32(writer.bytes.count - 4), at: 0)
        try write(writer.bytes)
        let sizeBytes: [UInt8]
        do {
            sizeBytes = try readExactly(4)
        } catch {
            throw KafkaClientError("\(error.description) (waiting for the answer to \(api) v\(version))", retriable: error.retriable)
        }
        let size = Int(Int32(bigEndian: sizeBytes.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) }))
        guard size >= 4, size <= 256 * 1024 * 1024 else { throw KafkaClientError("Kafka broker \(address) sent a response of \(size) bytes") }
        var reader = ByteReader(try readExactly(size))
        let answered = (try? reader.int32()) ?? -1
        guard answered == correlationID else {
            throw KafkaClientError("Kafka broker \(address) answered request \(correlationID) with correlation id \(answered)", retriable: true)
        }
        return reader
    }

    private func write(_ bytes: [UInt8]) throws(KafkaClientError) {
        var sent = 0
        while sent < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard result > 0 else { throw KafkaClientError("writing to Kafka broker \(address): \(String(cString: strerror(errno)))", retriable: true) }
            sent += result
        }
    }

    private func readExactly(_ count: Int) throws(KafkaClientError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var received = 0
        while received < count {
            let result = bytes.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress! + received, count - received, 0) }
            if result == 0 { throw KafkaClientError("Kafka broker \(address) closed the connection", retriable: true) }
            guard result > 0 else { throw KafkaClientError("reading from Kafka broker \(address): \(String(cString: strerror(errno)))", retriable: true) }
            received += result
        }
        return bytes
    }
}
