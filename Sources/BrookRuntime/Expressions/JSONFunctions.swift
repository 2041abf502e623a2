// JSON_VALUE and JSON_OBJECT.
import BrookCore
import Foundation

/// JSON functions. JSON_OBJECT renders values as the json format writes them (numbers bare,
/// timestamps as SQL-standard strings); JSON_VALUE reads a scalar at a `$.a.b[0]` path.
enum JSONFunctions {
    static func object(_ args: ScalarArguments) -> Value {
        let absentOnNull = args.string(0) == "ABSENT"
        var parts: [String] = []
        var index = 1
        while index + 1 < args.values.count {
            defer { index += 2 }
            guard case .string(let key) = args[index] else { continue }
            let value = args[index + 1]
            if value.isNull && absentOnNull { continue }
            var text = ""
            JSONText.append(value, type: args.types[index + 1], context: args.context, to: &text)
            parts.append(JSONText.quoted(key) + ":" + text)
        }
        return .string("{" + parts.joined(separator: ",") + "}")
    }

    static func value(_ json: String, path: String) -> Value {
        guard let data = json.data(using: .utf8),
              var current = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return .null }
        guard path.hasPrefix("$") else { return .null }
        var rest = Substring(path.dropFirst())
        while !rest.isEmpty {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                rest = rest.dropFirst(name.count)
                guard let object = current as? [String: Any], let next = object[String(name)] else { return .null }
                current = next
            } else if rest.hasPrefix("[") {
                let inside = rest.dropFirst().prefix { $0 != "]" }
                rest = rest.dropFirst(inside.count + 2)
                if let position = Int(inside), let array = current as? [Any], position >= 0, position < array.count {
                    current = array[position]
                } else if let object = current as? [String: Any], let next = object[inside.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))] {
                    current = next
                } else {
                    return .null
                }
            } else {
                return .null
            }
        }
        switch current {
        case let string as String: return .string(string)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .string(number.boolValue ? "true" : "false") }
            return .string(number.stringValue)
        default: return .null
        }
    }
}
