// The `brook` command: one binary for topics, streaming SQL, sentiment and signals.
import ArgumentParser

/// The root command; each subcommand is its own type in this folder.
@main
struct Brook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brook",
        abstract: "A streaming SQL engine for market data and trading signals.",
        discussion: "Brook runs Flink-style SQL pipelines (CREATE TABLE ... WITH, views, INSERT INTO) as incremental "
            + "event-time streaming jobs. Its catalog and topics live in a Brook home directory (--home, default ./.brook), "
            + "so tables created by one command are seen by the next.",
        subcommands: [Run.self, Explain.self, Sql.self, Datagen.self, Topic.self, Broker.self, Sentiment.self, Replay.self, Bench.self]
    )
}

/// Options every command that touches the catalog shares.
struct HomeOptions: ParsableArguments {
    @Option(name: .long, help: "The Brook home directory holding the catalog and topics.")
    var home: String = ".brook"
}
