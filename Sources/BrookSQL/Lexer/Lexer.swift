// Turns SQL text into tokens, tracking line and column for every one.
import BrookCore

/// A hand-written scanner over UTF-8 bytes; columns count Unicode scalars so a caret lines up
/// under non-ASCII text too.
public struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    public init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// All tokens of the text, ending with `.end`.
    public static func tokenize(_ text: String) throws(SQLError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var position: SourcePosition { SourcePosition(offset: index, line: line, column: column) }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        index + ahead < bytes.count ? bytes[index + ahead] : nil
    }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipTrivia() throws(SQLError) {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                advance()
            } else if byte == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
                while let b = peek(), b != UInt8(ascii: "\n") { advance() }
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let start = position
                advance(); advance()
                while true {
                    guard let b = peek() else {
                        throw SQLError("unterminated comment", at: SourceRange(start: start, end: position),
                                       hint: "close it with */")
                    }
                    if b == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                        advance(); advance()
                        break
                    }
                    advance()
                }
            } else {
                return
            }
        }
    }

    private func text(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self)
    }

    public mutating func next() throws(SQLError) -> Token {
        try skipTrivia()
        let start = position
        guard let byte = peek() else {
            return Token(kind: .end, range: SourceRange(start: start, end: start))
        }
        let kind: Token.Kind
        if isIdentifierStart(byte) {
            while let b = peek(), isIdentifierPart(b) { advance() }
            kind = .identifier(text(from: start.offset), quoted: false)
        } else if byte == UInt8(ascii: "`") {
            kind = .identifier(try quoted(by: UInt8(ascii: "`"), what: "quoted identifier"), quoted: true)
        } else if byte == UInt8(ascii: "'") {
            kind = .string(try quoted(by: UInt8(ascii: "'"), what: "string literal"))
        } else if isDigit(byte) || (byte == UInt8(ascii: ".") && peek(1).map(isDigit) == true) {
            kind = try number()
        } else {
            kind = .symbol(try symbol(start: start))
        }
        return Token(kind: kind, range: SourceRange(start: start, end: position))
    }

    private mutating func quoted(by quote: UInt8, what: String) throws(SQLError) -> String {
        let start = position
        advance()
        var content: [UInt8] = []
        while true {
            guard let b = peek() else {
                throw SQLError("unterminated \(what)", at: SourceRange(start: start, end: position),
                               hint: "close it with \(Character(UnicodeScalar(quote)))")
            }
            advance()
            if b == quote {
                if peek() == quote {
                    content.append(quote)
                    advance()
                } else {
                    break
                }
            } else {
                content.append(b)
            }
        }
        return String(decoding: content, as: UTF8.self)
    }

    private mutating func number() throws(SQLError) -> Token.Kind {
        let start = index
        var isDecimal = false
        while let b = peek(), isDigit(b) { advance() }
        if peek() == UInt8(ascii: "."), peek(1).map(isDigit) == true || !(peek(1).map(isIdentifierStart) ?? false) {
            isDecimal = true
            advance()
            while let b = peek(), isDigit(b) { advance() }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            let sign = peek(1)
            let hasSign = sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
            if let d = peek(hasSign ? 2 : 1), isDigit(d) {
                isDecimal = true
                advance()
                if hasSign { advance() }
                while let b = peek(), isDigit(b) { advance() }
            }
        }
        let text = text(from: start)
        return isDecimal ? .decimal(text) : .integer(text)
    }

    private static let twoCharacterSymbols: Set<String> = ["<>", "<=", ">=", "!=", "||", "=>"]

    private mutating func symbol(start: SourcePosition) throws(SQLError) -> String {
        if let second = peek(1) {
            let pair = String(decoding: [bytes[index], second], as: UTF8.self)
            if Lexer.twoCharacterSymbols.contains(pair) {
                advance(); advance()
                return pair
            }
        }
        let byte = bytes[index]
        let single = "+-*/%=<>(),.;:[]?"
        if byte < 0x80, single.utf8.contains(byte) {
            advance()
            return String(UnicodeScalar(byte))
        }
        advance()
        while let b = peek(), b & 0xC0 == 0x80 { advance() }
        throw SQLError("unexpected character '\(text(from: start.offset))'", at: SourceRange(start: start, end: position))
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_") || b >= 0x80
    }

    private func isIdentifierPart(_ b: UInt8) -> Bool {
        isIdentifierStart(b) || isDigit(b) || b == UInt8(ascii: "$")
    }
}
