// Hands out a file source's complete lines in order, a chunk at a time, to one or more parsing tasks.
import BrookCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Consecutive complete lines of one file (without their last line feed), and where they start,
/// so a parse error can name file:line.
struct LineChunk {
    var file: String
    var firstLine: Int
    var bytes: ArraySlice<UInt8>
}

/// Reads the files of a filesystem source in name order, 1 MiB at a time, and cuts the bytes into
/// chunks of whole lines. Parallel tasks of one source share it (each parses the chunks it
/// takes), so every access takes the lock. A block is never written after it is read, so a
/// chunk is a slice of it and costs no copy.
final class LineChunks: @unchecked Sendable {
    private let lock = NSLock()
    let files: [String]
    /// Whether the source follows the last file for appended lines instead of ending.
    let follows: Bool
    private var fileIndex = 0
    private var handle: FileHandle?
    private var block: [UInt8] = []
    private var blockStart = 0
    private var lineNumber = 0

    init(files: [String], follows: Bool) {
        self.files = files
        self.follows = follows
    }

    /// What a task gets when it asks for lines.
    enum Take {
        case lines(LineChunk)
        /// The source follows its last file and has no complete line now.
        case nothingYet
        case end
    }

    /// Up to `maxLines` complete lines.
    func take(maxLines: Int) throws(RuntimeError) -> Take {
        lock.lock()
        defer { lock.unlock() }
        while true {
            if handle == nil {
                guard fileIndex < files.count else { return .end }
                guard let next = FileHandle(forReadingAtPath: files[fileIndex]) else {
                    throw RuntimeError("cannot open \(files[fileIndex])")
                }
                handle = next
                lineNumber = 0
            }
            if let chunk = cut(maxLines: maxLines) { return .lines(chunk) }
            if refill() { continue }
            if follows, fileIndex == files.count - 1 { return .nothingYet }
            if blockStart < block.count {
                block.append(0x0A)
                continue
            }
            handle = nil
            fileIndex += 1
            block = []
            blockStart = 0
        }
    }

    /// The next lines of the current block, if it holds a complete one.
    private func cut(maxLines: Int) -> LineChunk? {
        var lines = 0
        var end = blockStart
        block.withUnsafeBufferPointer { pointer in
            guard let base = pointer.baseAddress else { return }
            while lines < maxLines, end < pointer.count, let found = memchr(base + end, 0x0A, pointer.count - end) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                lines += 1
            }
        }
        guard lines > 0 else { return nil }
        let chunk = LineChunk(file: files[fileIndex], firstLine: lineNumber + 1, bytes: block[blockStart..<(end - 1)])
        lineNumber += lines
        blockStart = end
        return chunk
    }

    /// Starts a new block with the unfinished line of the current one and the next bytes of the
    /// file; false when the file has none now.
    private func refill() -> Bool {
        guard let handle else { return false }
        let data = handle.readData(ofLength: 1 << 20)
        if data.isEmpty { return false }
        var next = [UInt8]()
        next.reserveCapacity(block.count - blockStart + data.count + 1)
        next.append(contentsOf: block[blockStart...])
        next.append(contentsOf: data)
        block = next
        blockStart = 0
        return true
    }
}
