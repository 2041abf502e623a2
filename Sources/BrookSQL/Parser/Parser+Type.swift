// Grammar of data types in DDL and CAST.
import BrookCore

extension Parser {
    mutating func parseTypeName() throws(SQLError) -> TypeName {
        let start = current.range
        guard case .identifier(let word, false) = current.kind else { throw unexpected("expected a data type") }
        let name = word.uppercased()
        advance()
        let type: DataType
        switch name {
        case "BOOLEAN", "BOOL": type = .boolean
        case "TINYINT": type = .tinyint
        case "SMALLINT": type = .smallint
        case "INT", "INTEGER": type = .int
        case "BIGINT": type = .bigint
        case "FLOAT", "REAL": type = .float
        case "DOUBLE":
            _ = consumeKeyword("PRECISION")
            type = .double
        case "DECIMAL", "DEC", "NUMERIC":
            let params = try parseTypeParameters(max: 2, at: start)
            let precision = params.first ?? 10
            let scale = params.count > 1 ? params[1] : 0
            guard (1...DataType.maxDecimalPrecision).contains(precision) else {
                throw SQLError("DECIMAL precision must be between 1 and 38, got \(precision)", at: range(from: start.start))
            }
            guard (0...precision).contains(scale) else {
                throw SQLError("DECIMAL scale must be between 0 and the precision \(precision), got \(scale)", at: range(from: start.start))
            }
            type = .decimal(precision: precision, scale: scale)
        case "STRING": type = .string
        case "VARCHAR", "CHAR", "CHARACTER":
            let varying = name == "VARCHAR" || consumeKeyword("VARYING")
            let params = try parseTypeParameters(max: 1, at: start)
            if varying {
                type = .varchar(length: params.first ?? DataType.maxVarcharLength)
            } else {
                type = .char(length: params.first ?? 1)
            }
            if let length = params.first, length < 1 {
                throw SQLError("\(name) length must be at least 1", at: range(from: start.start))
            }
        case "DATE": type = .date
        case "TIME":
            type = .time(precision: try parseTimePrecision(default: 0, at: start))
            if consumeKeywords("WITHOUT", "TIME", "ZONE") {}
        case "TIMESTAMP":
            let precision = try parseTimePrecision(default: 6, at: start)
            if consumeKeywords("WITH", "LOCAL", "TIME", "ZONE") {
                type = .timestampLTZ(precision: precision)
            } else {
                _ = consumeKeywords("WITHOUT", "TIME", "ZONE")
                type = .timestamp(precision: precision)
            }
        case "TIMESTAMP_LTZ": type = .timestampLTZ(precision: try parseTimePrecision(default: 6, at: start))
        case "BYTES": type = .bytes
        case "BINARY", "VARBINARY":
            let params = try parseTypeParameters(max: 1, at: start)
            if let length = params.first, length < 1 {
                throw SQLError("\(name) length must be at least 1", at: range(from: start.start))
            }
            type = name == "BINARY" ? .binary(length: params.first ?? 1) : .varbinary(length: params.first ?? DataType.maxVarcharLength)
        case "MAP":
            try expectSymbol("<")
            let key = try parseTypeName()
            try expectSymbol(",")
            let value = try parseTypeName()
            try expectSymbol(">")
            type = .map(key: key.type, value: value.type)
        default:
            throw SQLError("unknown data type '\(word)'", at: start,
                           hint: "Brook supports BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL(p, s), STRING, VARCHAR(n), CHAR(n), DATE, TIME, TIMESTAMP(p), TIMESTAMP_LTZ(p), BYTES, BINARY(n), VARBINARY(n), MAP<k, v>")
        }
        var nullable = true
        if consumeKeywords("NOT", "NULL") {
            nullable = false
        } else {
            _ = consumeKeyword("NULL")
        }
        return TypeName(type: type, nullable: nullable, range: range(from: start.start))
    }

    private mutating func parseTimePrecision(default value: Int, at start: SourceRange) throws(SQLError) -> Int {
        let precision = try parseTypeParameters(max: 1, at: start).first ?? value
        guard (0...9).contains(precision) else {
            throw SQLError("time precision must be between 0 and 9, got \(precision)", at: range(from: start.start))
        }
        return precision
    }

    private mutating func parseTypeParameters(max: Int, at start: SourceRange) throws(SQLError) -> [Int] {
        guard current.isSymbol("(") else { return [] }
        let values = try parseParenthesizedList { (p: inout Parser) throws(SQLError) -> Int in
            guard case .integer(let text) = p.current.kind, let value = Int(text) else {
                throw p.unexpected("expected an integer type parameter")
            }
            p.advance()
            return value
        }
        guard values.count <= max else {
            throw SQLError("too many type parameters (at most \(max))", at: range(from: start.start))
        }
        return values
    }
}
