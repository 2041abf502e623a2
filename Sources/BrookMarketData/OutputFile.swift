// OutputFile: one output file, truncated on open and written in large chunks.

import Foundation

/// Keeps Foundation's file API off the formatting path: it only ever sees whole buffers.
final class OutputFile {
    let path: String
    private let handle: FileHandle

    init(path: String, directory: String) throws(MarketDataError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw .unwritableDirectory(path: directory, reason: "cannot create \(path)")
        }
        self.path = path
        self.handle = handle
    }

    func write(_ bytes: [UInt8]) throws(MarketDataError) {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw .writeFailed(path: path, reason: String(describing: error))
        }
    }

    func close() throws(MarketDataError) {
        do {
            try handle.close()
        } catch {
            throw .writeFailed(path: path, reason: String(describing: error))
        }
    }

    /// Creates the directory (and parents) and fails early, naming it, when files cannot go there.
    static func prepareDirectory(_ directory: String) throws(MarketDataError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unwritableDirectory(path: directory, reason: String(describing: error))
        }
        guard manager.isWritableFile(atPath: directory) else {
            throw .unwritableDirectory(path: directory, reason: "permission denied")
        }
    }
}
