// How long this process has run and how much memory it has used at most.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Process-level measurements for benchmarks: seconds since the process started (from
/// /proc/self/stat, so start-up cost counts) and peak resident memory.
enum ProcessStatistics {
    /// Seconds since the kernel started this process.
    static func secondsSinceStart() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let uptimeText = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let startTicks = Double(fields[19]), let uptime = Double(uptimeText.split(separator: " ")[0]) else { return 0 }
        return uptime - startTicks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Peak resident set size of this process so far, in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
