import Foundation

extension Data: SQLEncodable, SQLDecodable {
    /// bytea's hex format, `\x` followed by two hex digits per byte.
    public var sqlText: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
    /// bytea.
    public static var sqlTypeOID: UInt32 { 17 }

    /// Parses bytea's hex format.
    public init(sqlText: String) throws {
        let text = Array(sqlText.utf8)
        guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x"), text.count % 2 == 0
        else { throw PQError.decoding("not bytea in hex format") }
        func nibble(_ digit: UInt8) throws -> UInt8 {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
            default: throw PQError.decoding("not bytea in hex format")
            }
        }
        var bytes = Data(capacity: (text.count - 2) / 2)
        var index = 2
        while index < text.count {
            bytes.append(try nibble(text[index]) << 4 | nibble(text[index + 1]))
            index += 2
        }
        self = bytes
    }
}
