/// SQL text whose interpolated values become `$n` placeholders with bound parameters, never spliced text.
public struct SQL: ExpressibleByStringInterpolation, Sendable, Hashable {
    /// The statement text with `$1`, `$2`... placeholders.
    public var text: String
    /// The parameters, in placeholder order.
    public var bindings: [SQLBinding]

    /// Creates SQL from a literal without parameters.
    public init(stringLiteral value: String) {
        self.text = value
        self.bindings = []
    }

    /// Creates SQL from text that is trusted as is; never pass user input here.
    public init(unsafeRaw text: String) {
        self.text = text
        self.bindings = []
    }

    /// Creates SQL from an interpolation, binding each interpolated value.
    public init(stringInterpolation: StringInterpolation) {
        self.text = stringInterpolation.text
        self.bindings = stringInterpolation.bindings
    }

    /// Joins two fragments, renumbering the placeholders of the second.
    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        var result = lhs
        result.text += SQLPlaceholders.shift(rhs.text, by: lhs.bindings.count, when: !rhs.bindings.isEmpty)
        result.bindings += rhs.bindings
        return result
    }

    /// Builds SQL text and bindings from an interpolated literal.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var text = ""
        var bindings: [SQLBinding] = []

        /// Reserves room for the literal.
        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        /// Appends literal SQL text.
        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Appends a `$n` placeholder bound to the value.
        public mutating func appendInterpolation<T: SQLEncodable>(_ value: T) {
            bind(SQLBinding(value: value.sqlText, typeOID: T.sqlTypeOID))
        }

        /// Appends a `$n` placeholder bound to the value, or to a NULL of T's type.
        public mutating func appendInterpolation<T: SQLEncodable>(_ value: T?) {
            bind(SQLBinding(value: value?.sqlText, typeOID: T.sqlTypeOID))
        }

        /// Appends a quoted identifier, safe for any name.
        public mutating func appendInterpolation(identifier: String) {
            text += Connection.quoteIdentifier(identifier)
        }

        /// Appends trusted text as is; never pass user input here.
        public mutating func appendInterpolation(unsafeRaw: String) {
            text += unsafeRaw
        }

        /// Splices a fragment, renumbering its placeholders after the ones already bound.
        public mutating func appendInterpolation(_ other: SQL) {
            text += SQLPlaceholders.shift(other.text, by: bindings.count, when: !other.bindings.isEmpty)
            bindings += other.bindings
        }

        private mutating func bind(_ binding: SQLBinding) {
            bindings.append(binding)
            text += "$\(bindings.count)"
        }
    }
}
