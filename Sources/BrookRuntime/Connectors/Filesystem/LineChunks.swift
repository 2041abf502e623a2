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
/// chunk is a slice of it and costs no copy. A following source (`source.monitor-interval`)
/// never ends: it follows the newest file for appended lines and, when its path is a directory,
/// looks there for new files whenever it has nothing to read, reading each new file once, in
/// name order, as Flink's directory watching does.
final class LineChunks: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String]
    /// Whether the source follows the last file for appended lines instead of ending.
    let follows: Bool
    /// The directory a following source watches for new files.
    let directory: String?
    private var known: Set<String>
    private var fileIndex = 0
    /// The open file's descriptor, read with read(2) straight into the next block.
    private var descriptor: Int32?
    private var block: [UInt8] = []
    private var blockStart = 0
    private var lineNumber = 0
    /// True until the open file's first bytes have been read, so a UTF-8 byte order mark can be skipped.
    private var atFileStart = false

    init(files: [String], follows: Bool, directory: String?) {
        self.files = files
        self.follows = follows
        self.directory = follows ? directory : nil
        known = Set(files)
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
            if descriptor == nil {
                if fileIndex >= files.count {
                    if discoverFiles() { continue }
                    return follows ? .nothingYet : .end
                }
                let next = open(files[fileIndex], O_RDONLY | O_CLOEXEC)
                guard next >= 0 else {
                    throw RuntimeError("cannot open \(files[fileIndex]): \(String(cString: strerror(errno)))")
                }
                descriptor = next
                lineNumber = 0
                atFileStart = true
            }
            if let chunk = cut(maxLines: maxLines) { return .lines(chunk) }
            if try refill() { continue }
            if follows, fileIndex == files.count - 1, !discoverFiles() { return .nothingYet }
            if blockStart < block.count {
                block.append(0x0A)
                continue
            }
            closeFile()
            fileIndex += 1
            block = []
            blockStart = 0
        }
    }

    /// Adds the watched directory's files not seen before, in name order; true when there were any.
    private func discoverFiles() -> Bool {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return false }
        let new = names.filter { !$0.hasPrefix(".") }.map { (directory as NSString).appendingPathComponent($0) }.filter { !known.contains($0) }.sorted()
        files += new
        known.formUnion(new)
        return !new.isEmpty
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
    private func refill() throws(RuntimeError) -> Bool {
        guard let descriptor else { return false }
        let carried = block.count - blockStart
        let readSize = 1 << 20
        var failure: Int32 = 0
        // One spare byte of capacity, for the line feed a last unterminated line is given.
        let next = [UInt8](unsafeUninitializedCapacity: carried + readSize + 1) { buffer, count in
            block.withUnsafeBufferPointer { old in
                if carried > 0 { buffer.baseAddress!.update(from: old.baseAddress! + blockStart, count: carried) }
            }
            var got: Int
            repeat { got = read(descriptor, buffer.baseAddress! + carried, readSize) } while got < 0 && errno == EINTR
            if got < 0 { failure = errno }
            count = carried + max(got, 0)
        }
        if failure != 0 { throw RuntimeError("cannot read \(files[fileIndex]): \(String(cString: strerror(failure)))") }
        if next.count == carried { return false }
        block = next
        blockStart = 0
        if atFileStart {
            // Editors on Windows start UTF-8 files with a byte order mark; Jackson, under Flink's formats, skips it too.
            atFileStart = false
            if block.starts(with: [0xEF, 0xBB, 0xBF]) { blockStart = 3 }
        }
        return true
    }

    private func closeFile() {
        if let descriptor { close(descriptor) }
        descriptor = nil
    }

    deinit { closeFile() }
}
