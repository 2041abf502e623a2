// Ctrl-C while a query runs: cancel the query, keep the shell.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Set by the SIGINT handler; a signal handler may only touch such a plain flag.
nonisolated(unsafe) private var interruptPending: sig_atomic_t = 0

/// Installs a SIGINT handler for as long as a query runs. The handler only raises a flag; a
/// watcher thread turns the flag into a call to `onInterrupt` (cancelling the query), so the
/// shell survives Ctrl-C. `remove` restores the default behaviour.
final class InterruptHandler: @unchecked Sendable {
    private let lock = NSLock()
    private var active = true

    init(onInterrupt: @escaping @Sendable () -> Void) {
        interruptPending = 0
        signal(SIGINT) { _ in interruptPending = 1 }
        Thread { [self] in
            while lock.withLock({ active }) {
                if interruptPending != 0 {
                    interruptPending = 0
                    onInterrupt()
                }
                usleep(20_000)
            }
        }.start()
    }

    func remove() {
        lock.withLock { active = false }
        signal(SIGINT, SIG_DFL)
    }
}
