// Time in running jobs: a filesystem source that follows its files (source.monitor-interval), and the clock functions in streaming and batch jobs.
import BrookCore
import BrookPlanner
import BrookRuntime
import BrookSQL
import Foundation
import Testing

/// Rows a job writes from its thread, read by the test's thread while the job runs.
final class LockedRowWriter: RowWriter, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Value] = []

    var values: [Value] { lock.withLock { collected } }

    func write(_ batch: Batch) throws(RuntimeError) {
        lock.withLock { for row in 0..<batch.count { collected.append(batch.columns[0].value(row)) } }
    }

    func close() throws(RuntimeError) {}
}

/// Hands a job runner to the thread that runs it; only that thread uses it afterwards.
final class JobRunnerBox: @unchecked Sendable {
    let runner: JobRunner
    init(_ runner: JobRunner) { self.runner = runner }
}

@Suite struct FollowingSourceTests {
    /// Waits up to five seconds for `condition`.
    func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition()
    }

    func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    /// Starts `query` over a followed file as a streaming job; returns its rows' writer and a stop function.
    func follow(_ query: String, table: String) throws -> (LockedRowWriter, () -> Void) {
        let session = try runtimeSession(table)
        guard case .query(let job) = try session.execute(try Parser.parseStatement(query)) else { throw RuntimeError("not a query") }
        let writer = LockedRowWriter()
        var options = RunOptions()
        options.queryWriter = writer
        let progress = JobProgress()
        options.progress = progress
        let runner = JobRunnerBox(try JobRunner(job: job, catalog: session.catalog, settings: session.settings, options: options))
        Thread {
            _ = try? runner.runner.run()
            progress.markFinished()
        }.start()
        return (writer, {
            progress.cancel()
            _ = eventually { progress.isFinished }
        })
    }

    @Test func streamingJobsReadTheClockForEachRecord() throws {
        let directory = try ScratchDirectory()
        let path = try directory.write("in.jsonl", lines: ["{\"a\":1}"])
        let (writer, stop) = try follow("SELECT NOW() FROM w", table: """
            CREATE TABLE w (a INT) WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json', 'source.monitor-interval' = '20 ms');
            """)
        defer { stop() }
        #expect(eventually { writer.values.count == 1 })
        Thread.sleep(forTimeInterval: 0.1)
        try append("{\"a\":2}\n", to: path)
        #expect(eventually { writer.values.count == 2 })
        guard case .timestamp(let first) = writer.values[0], case .timestamp(let second) = writer.values[1] else {
            Issue.record("NOW() gave \(writer.values)")
            return
        }
        #expect(second - first >= 90_000)
    }

    @Test func batchJobsReadTheClockOncePerQuery() throws {
        let directory = try ScratchDirectory()
        let path = try directory.write("in.jsonl", lines: Array(repeating: "{\"a\":1}", count: 50_000))
        let session = try runtimeSession("""
            SET 'execution.runtime-mode' = 'batch';
            CREATE TABLE t (a INT) WITH ('connector' = 'filesystem', 'path' = '\(path)', 'format' = 'json');
            """)
        let result = try runJob("SELECT MIN(NOW()), MAX(NOW()), COUNT(*) FROM t", in: session)
        #expect(result.rows.count == 1)
        #expect(result.rows.first?[0] == result.rows.first?[1], "50,000 rows read over many milliseconds all see the query's start")
    }

    @Test func aWatchedDirectoryYieldsAppendedLinesAndNewFiles() throws {
        let directory = try ScratchDirectory()
        let watched = directory.file("in")
        try FileManager.default.createDirectory(atPath: watched, withIntermediateDirectories: true)
        try "{\"a\":1}\n".write(toFile: watched + "/a.jsonl", atomically: true, encoding: .utf8)
        let (writer, stop) = try follow("SELECT a FROM w", table: """
            CREATE TABLE w (a INT) WITH ('connector' = 'filesystem', 'path' = '\(watched)', 'format' = 'json', 'source.monitor-interval' = '20 ms');
            """)
        defer { stop() }
        #expect(eventually { writer.values == [.integer(1)] })
        try append("{\"a\":2}\n", to: watched + "/a.jsonl")
        #expect(eventually { writer.values.count == 2 })
        try "{\"a\":10}\n{\"a\":11}\n".write(toFile: watched + "/b.jsonl", atomically: true, encoding: .utf8)
        #expect(eventually { writer.values.count == 4 })
        try "{\"a\":20}\n".write(toFile: watched + "/c.jsonl", atomically: true, encoding: .utf8)
        #expect(eventually { writer.values.count == 5 })
        #expect(writer.values == [1, 2, 10, 11, 20].map { .integer($0) })
    }
}
