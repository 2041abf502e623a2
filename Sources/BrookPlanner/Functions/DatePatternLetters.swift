// The letters of Java date patterns that Brook formats and parses, checked where a pattern is written.
import BrookCore

/// Which SimpleDateFormat letters Brook implements, so a pattern with any other letter is refused
/// (at bind time for a literal, as NULL at run time) rather than copied into the output as text.
public enum DatePatternLetters {
    /// y year, M month (MMM, MMMM names), d day, H hour, h hour 1-12, a AM/PM, m minute, s second,
    /// S fraction, E day name, D day of year, w week of year.
    public static let supported: Set<Character> = ["y", "M", "d", "H", "h", "a", "m", "s", "S", "E", "D", "w"]

    /// The first letter outside quotes that Brook does not implement, or nil when all are known.
    public static func firstUnsupported(in pattern: String) -> Character? {
        var quoted = false
        for character in pattern {
            if character == "'" {
                quoted.toggle()
            } else if !quoted, character.isASCII, character.isLetter, !supported.contains(character) {
                return character
            }
        }
        return nil
    }
}

extension BuiltinFunctions {
    /// Refuses a literal date pattern at `index` that uses a letter Brook does not implement.
    static func expectSupportedPattern(_ args: FunctionArguments, at index: Int, _ name: String) throws(FunctionSignatureError) {
        guard index < args.count, case .string(let pattern)? = args.constants[index],
              let letter = DatePatternLetters.firstUnsupported(in: pattern) else { return }
        throw FunctionSignatureError("\(name) does not support the pattern letter '\(letter)'; Brook knows \(DatePatternLetters.supported.sorted().map(String.init).joined(separator: " ")) (quote literal text as 'text')", argument: index)
    }
}
