// The shell's background jobs: INSERTs keep running while the user goes on typing.
import BrookPlanner
import BrookRuntime
import Foundation

/// Starts INSERT jobs on their own threads and answers SHOW JOBS and STOP JOB. A job's row
/// counts are live while it runs.
public final class JobManager: @unchecked Sendable {
    public enum Status: String, Sendable { case running = "RUNNING", finished = "FINISHED", failed = "FAILED", cancelled = "CANCELED" }

    public struct Job {
        public var id: String
        public var name: String
        public var status: Status
        public var started: Date
        public var ended: Date?
        public var progress: JobProgress
        public var failure: String?
    }

    private let lock = NSLock()
    private var jobs: [Job] = []
    private var nextID = 1

    public init() {}

    /// Runs `job` on a new thread; returns its id at once.
    public func submit(_ job: PlannedJob, session: Session, options: RunOptions) -> String {
        let progress = JobProgress()
        let id: String = lock.withLock {
            let id = String(nextID)
            nextID += 1
            jobs.append(Job(id: id, name: job.name, status: .running, started: Date(), progress: progress))
            return id
        }
        var options = options
        options.progress = progress
        let catalog = session.catalog
        let settings = session.settings
        let runner: JobRunner
        do {
            runner = try JobRunner(job: job, catalog: catalog, settings: settings, options: options)
        } catch {
            finish(id, .failed, failure: error.message)
            return id
        }
        let handoff = RunnerHandoff(runner: runner)
        let thread = Thread { [self] in
            do throws(RuntimeError) {
                let summary = try handoff.runner.run()
                finish(id, summary.cancelled ? .cancelled : .finished, failure: nil)
            } catch {
                finish(id, .failed, failure: error.message)
            }
        }
        thread.start()
        return id
    }

    private func finish(_ id: String, _ status: Status, failure: String?) {
        lock.withLock {
            guard let index = jobs.firstIndex(where: { $0.id == id }) else { return }
            jobs[index].status = status
            jobs[index].ended = Date()
            jobs[index].failure = failure
        }
    }

    public var all: [Job] { lock.withLock { jobs } }

    /// Asks job `id` to stop; false when there is no such running job.
    public func stop(_ id: String) -> Bool {
        lock.withLock {
            guard let job = jobs.first(where: { $0.id == id }), job.status == .running else { return false }
            job.progress.cancel()
            return true
        }
    }

    /// SHOW JOBS as rows: id, name, status, start time, duration, rows in, rows out.
    public func table() -> (headers: [String], rows: [[String]]) {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let rows = all.map { job -> [String] in
            let duration = (job.ended ?? Date()).timeIntervalSince(job.started)
            return [job.id, job.name, job.status.rawValue + (job.failure.map { ": \($0)" } ?? ""), formatter.string(from: job.started),
                    String(format: "%.1f s", duration), String(job.progress.rowsIn), String(job.progress.rowsOut)]
        }
        return (["job id", "name", "status", "start time", "duration", "rows in", "rows out"], rows)
    }
}

/// Moves a job runner, built on the shell's thread (where the catalog lives), to the thread that
/// runs it; after the hand-off only that thread touches it.
private struct RunnerHandoff: @unchecked Sendable {
    let runner: JobRunner
}
