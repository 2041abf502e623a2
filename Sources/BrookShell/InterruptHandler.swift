// Ctrl-C while a query runs: cancel the query, keep the shell.
import Dispatch
import Foundation

/// Installs a SIGINT handler for as long as a query runs, calling `onInterrupt` instead of
/// letting the signal end the process; `remove` restores the default behaviour.
final class InterruptHandler {
    private let source: DispatchSourceSignal

    init(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler(handler: onInterrupt)
        source.resume()
    }

    func remove() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
