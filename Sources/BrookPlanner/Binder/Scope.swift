// Name resolution: which input column a (possibly qualified) column name refers to.
import BrookCore
import BrookSQL

/// The columns visible to an expression, each with the alias of the FROM item it came from.
struct Scope {
    var fields: [Field]

    init(_ schema: Schema) { self.fields = schema.fields }

    init(fields: [Field]) { self.fields = fields }

    static let empty = Scope(fields: [])

    /// The index of the column `name` refers to, or an error that says what is wrong and,
    /// when a close name exists, what was probably meant.
    func resolve(_ name: QualifiedName) throws(SQLError) -> Int {
        let column = name.last.value
        let qualifier = name.parts.count > 1 ? name.parts[name.parts.count - 2].value : nil
        if let qualifier, !fields.contains(where: { $0.qualifier == qualifier }) {
            let known = Set(fields.compactMap(\.qualifier))
            let hint = closestName(to: qualifier, among: known).map { "did you mean '\($0)'?" }
            throw SQLError("unknown table or alias '\(qualifier)'" + (hint.map { " (\($0))" } ?? ""), at: name.parts[name.parts.count - 2].range)
        }
        let matches = fields.indices.filter { index in
            fields[index].name == column && (qualifier == nil || fields[index].qualifier == qualifier)
        }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let qualifiers = matches.compactMap { fields[$0].qualifier }
            guard Set(qualifiers).count == matches.count else {
                // Two columns of one name under one qualifier, e.g. a window function's window_start over an input that has one.
                throw SQLError("column '\(column)' is ambiguous: its input has \(matches.count) columns of that name", at: name.range,
                               hint: "rename the input's column (SELECT ... AS another_name) before this query")
            }
            throw SQLError("column '\(column)' is ambiguous", at: name.range,
                           hint: "qualify it: \(qualifiers.map { "'\($0).\(column)'" }.joined(separator: " or "))")
        }
        let candidates = fields.filter { qualifier == nil || $0.qualifier == qualifier }.map(\.name)
        let exact = candidates.first { $0.lowercased() == column.lowercased() }
        let suggestion = exact ?? closestName(to: column, among: candidates)
        let message = "unknown column '\(column)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        throw SQLError(message, at: name.last.range,
                       hint: exact != nil ? "names are case-sensitive; quote it with back quotes as `\(exact!)`" : nil)
    }
}
