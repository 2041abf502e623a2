// The round-trip property shared by the parser tests: parse, print, parse again, compare.
import BrookCore
import BrookSQL
import Testing

/// Parses `sql`, prints it and parses the print; records a failure naming the printed text
/// when the two trees differ. Returns the first tree.
@discardableResult
func expectRoundTrip(_ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Statement {
    let first = try Parser.parseStatement(sql)
    let printed = SQLPrinter.print(first)
    let second: Statement
    do {
        second = try Parser.parseStatement(printed)
    } catch {
        Issue.record("printed SQL does not parse: \(error)\n  input:   \(sql)\n  printed: \(printed)", sourceLocation: sourceLocation)
        return first
    }
    #expect(first == second, "round trip changed the tree\n  input:   \(sql)\n  printed: \(printed)", sourceLocation: sourceLocation)
    #expect(SQLPrinter.print(second) == printed, "printing is not stable for: \(printed)", sourceLocation: sourceLocation)
    return first
}
