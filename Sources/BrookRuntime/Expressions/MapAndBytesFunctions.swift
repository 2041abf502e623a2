// MAP construction and access, CARDINALITY, and ENCODE/DECODE between strings and bytes.
import BrookCore
import BrookPlanner
import Foundation

/// The runtime side of MAP values: `MAP[...]` builds one (a repeated key keeps its last value, as
/// Flink's does), `m[key]` reads one (NULL for a missing key), and bytes convert to and from text.
enum MapAndBytesFunctions {
    static func register(into add: (String, Bool, @escaping ScalarImplementation) -> Void) {
        add("MAP", false) { args throws(RuntimeError) in
            guard let (keyType, valueType) = args.resultType.mapShape else { throw RuntimeError("MAP[...] was not typed as a MAP") }
            var entries: [MapEntry] = []
            var index = 0
            while index + 1 < args.values.count {
                let key = try Cast.value(args[index], from: args.types[index], to: keyType, isTry: false, context: args.context)
                let value = try Cast.value(args[index + 1], from: args.types[index + 1], to: valueType, isTry: false, context: args.context)
                if let existing = entries.firstIndex(where: { $0.key == key }) {
                    entries[existing].value = value
                } else {
                    entries.append(MapEntry(key: key, value: value))
                }
                index += 2
            }
            return .map(entries)
        }
        add("ITEM", true) { args throws(RuntimeError) in
            guard case .map(let entries) = args[0], let keyType = args.types[0].mapShape?.key else { return .null }
            let key = try Cast.value(args[1], from: args.types[1], to: keyType, isTry: true, context: args.context)
            return entries.first { $0.key == key }?.value ?? .null
        }
        add("CARDINALITY", true) { args throws(RuntimeError) in
            guard case .map(let entries) = args[0] else { return .null }
            return .integer(Int64(entries.count))
        }
        add("DECODE", true) { args throws(RuntimeError) in
            guard case .bytes(let bytes) = args[0], let encoding = encoding(args.string(1)!) else {
                throw RuntimeError("DECODE: unknown character set '\(args.string(1) ?? "")'")
            }
            guard let text = String(bytes: bytes, encoding: encoding) else {
                throw RuntimeError("DECODE: the bytes are not valid \(args.string(1)!)")
            }
            return .string(text)
        }
        add("ENCODE", true) { args throws(RuntimeError) in
            guard let encoding = encoding(args.string(1)!) else { throw RuntimeError("ENCODE: unknown character set '\(args.string(1)!)'") }
            guard let data = args.string(0)!.data(using: encoding) else {
                throw RuntimeError("ENCODE: '\(args.string(0)!)' cannot be written in \(args.string(1)!)")
            }
            return .bytes(Array(data))
        }
    }

    private static func encoding(_ name: String) -> String.Encoding? {
        switch name.uppercased() {
        case "UTF-8": return .utf8
        case "US-ASCII": return .ascii
        case "ISO-8859-1": return .isoLatin1
        default: return nil
        }
    }
}
