// Tab completion offers keywords, catalog names, columns and functions for the word being typed.
import BrookRuntime
import BrookShell
import Testing

@Suite struct CompleterTests {
    @Test func completesFromKeywordsCatalogColumnsAndFunctions() throws {
        let session = try EngineSession.make(home: nil)
        _ = try session.executeScript("""
            CREATE TABLE stock_prices (symbol STRING, `close` DOUBLE, trade_count FLOAT) WITH ('connector' = 'datagen');
            CREATE VIEW sma_view AS SELECT symbol, `close` AS sma_20 FROM stock_prices;
            """)
        let completer = Completer(session: session)
        #expect(completer.candidates("SEL", 3) == ["SELECT"])
        #expect(completer.candidates("SELECT * FROM stock", 19) == ["stock_prices"])
        #expect(completer.candidates("SELECT tra", 10) == ["trade_count"])
        #expect(completer.candidates("SELECT sma", 10) == ["sma_20", "sma_view"])
        #expect(completer.candidates("SELECT SENTI", 12) == ["SENTIMENT", "SENTIMENT_LABEL"])
        #expect(completer.candidates("SELECT ", 7).isEmpty)
        #expect(completer.candidates("select to_ti", 12) == ["TO_TIMESTAMP", "TO_TIMESTAMP_LTZ"])
    }
}
