// Why a brook command stopped, as one line for the terminal.

/// A failure found while a command runs (a missing topic, an unreadable file, a bad option
/// value). Unlike ArgumentParser's ValidationError it prints no usage text, which from inside
/// a subcommand's run would be the top-level command's and mislead.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
