// The catalog of SQL functions the binder can call, open to registration by other modules.
import BrookCore

/// Why a call's arguments do not fit a function, with the argument to point at when one is to blame.
public struct FunctionSignatureError: Error, Sendable {
    public var message: String
    public var argument: Int?

    public init(_ message: String, argument: Int? = nil) {
        self.message = message
        self.argument = argument
    }
}

/// What a function receives at bind time: each argument's type and, for literals, its value
/// (so `TO_TIMESTAMP_LTZ(ts, 3)` can read its precision).
public struct FunctionArguments: Sendable {
    public var types: [ColumnType]
    public var constants: [Value?]

    public init(types: [ColumnType], constants: [Value?]) {
        self.types = types
        self.constants = constants
    }

    public var count: Int { types.count }
    public subscript(index: Int) -> DataType { types[index].type }
    public var anyNullable: Bool { types.contains { $0.nullable } }

    public func expect(count range: ClosedRange<Int>, _ name: String) throws(FunctionSignatureError) {
        guard range.contains(count) else {
            let expected = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            throw FunctionSignatureError("\(name) takes \(expected) argument\(range.upperBound == 1 ? "" : "s"), got \(count)")
        }
    }

    public func expectNumeric(_ index: Int, _ name: String) throws(FunctionSignatureError) {
        guard types[index].type.isNumeric || types[index].type == .null else {
            throw FunctionSignatureError("\(name) expects a numeric argument, got \(types[index].type)", argument: index)
        }
    }

    public func expectString(_ index: Int, _ name: String) throws(FunctionSignatureError) {
        guard types[index].type.isCharacter || types[index].type == .null else {
            throw FunctionSignatureError("\(name) expects a string argument, got \(types[index].type)", argument: index)
        }
    }
}

/// Derives a call's result type from its arguments, or says why they do not fit.
public typealias ReturnTypeInference = @Sendable (FunctionArguments) throws(FunctionSignatureError) -> ColumnType

/// How a function may be called.
public enum FunctionKind: String, Sendable {
    /// One value per row.
    case scalar
    /// Folds many rows into one value; usable in GROUP BY queries, windows and OVER.
    case aggregate
    /// Only meaningful with OVER: ROW_NUMBER, LAG, LEAD.
    case window
}

/// One function's name, kind, one-line description and type rule.
public struct FunctionDefinition: Sendable {
    public var name: String
    public var kind: FunctionKind
    public var summary: String
    public var returnType: ReturnTypeInference

    public init(name: String, kind: FunctionKind, summary: String, returnType: @escaping ReturnTypeInference) {
        self.name = name.uppercased()
        self.kind = kind
        self.summary = summary
        self.returnType = returnType
    }
}

/// The functions known to a session. Built-ins come first; modules such as sentiment add
/// their own with `register` before statements are bound, without touching the parser.
public struct FunctionRegistry: Sendable {
    private var definitions: [String: FunctionDefinition] = [:]

    public init() {}

    public mutating func register(_ definition: FunctionDefinition) {
        definitions[definition.name] = definition
    }

    public func lookup(_ name: String) -> FunctionDefinition? { definitions[name.uppercased()] }

    public var all: [FunctionDefinition] { definitions.values.sorted { $0.name < $1.name } }

    /// Names close to `name`, for "did you mean" hints.
    public func suggestion(for name: String) -> String? {
        closestName(to: name.uppercased(), among: definitions.keys)
    }

    /// The built-in scalar, aggregate and window functions.
    public static var builtins: FunctionRegistry {
        var registry = FunctionRegistry()
        for definition in BuiltinFunctions.scalar + CalendarFunctions.scalar + MapAndBytesFunctions.scalar + BuiltinFunctions.aggregate + BuiltinFunctions.window {
            registry.register(definition)
        }
        return registry
    }
}
