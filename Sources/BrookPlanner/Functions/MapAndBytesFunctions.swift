// Type rules of the functions on MAP and BYTES values (Kafka headers are MAP<STRING, BYTES>).
import BrookCore

/// CARDINALITY of a MAP, and ENCODE/DECODE between strings and bytes, as Flink types them.
enum MapAndBytesFunctions {
    /// The character sets ENCODE and DECODE know.
    static let charsets: Set<String> = ["UTF-8", "US-ASCII", "ISO-8859-1"]

    static let scalar: [FunctionDefinition] = [
        FunctionDefinition(name: "CARDINALITY", kind: .scalar, summary: "number of entries in a MAP") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 1...1, "CARDINALITY")
            guard args[0].isMap || args[0] == .null else { throw FunctionSignatureError("CARDINALITY expects a MAP, got \(args[0])", argument: 0) }
            return BuiltinFunctions.nullable(.int, args)
        },
        FunctionDefinition(name: "DECODE", kind: .scalar, summary: "bytes read as text in a character set: DECODE(b, 'UTF-8')") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 2...2, "DECODE")
            guard args[0].isBinary || args[0] == .null else { throw FunctionSignatureError("DECODE expects BYTES, got \(args[0])", argument: 0) }
            try expectCharset(args, "DECODE")
            return BuiltinFunctions.nullable(.string, args)
        },
        FunctionDefinition(name: "ENCODE", kind: .scalar, summary: "text as bytes in a character set: ENCODE(s, 'UTF-8')") { (args: FunctionArguments) throws(FunctionSignatureError) in
            try args.expect(count: 2...2, "ENCODE")
            try args.expectString(0, "ENCODE")
            try expectCharset(args, "ENCODE")
            return BuiltinFunctions.nullable(.bytes, args)
        },
    ]

    private static func expectCharset(_ args: FunctionArguments, _ name: String) throws(FunctionSignatureError) {
        try args.expectString(1, name)
        if case .string(let charset)? = args.constants[1], !charsets.contains(charset.uppercased()) {
            throw FunctionSignatureError("\(name) knows the character sets \(charsets.sorted().joined(separator: ", ")), not '\(charset)'", argument: 1)
        }
    }
}
