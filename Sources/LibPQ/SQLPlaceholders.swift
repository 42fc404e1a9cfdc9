/// Finds `$n` placeholders in SQL text, skipping quoted strings, quoted identifiers, dollar quotes and comments.
enum SQLPlaceholders {
    /// Adds `offset` to every placeholder number; returns the text unchanged when `needed` is false or offset is 0.
    static func shift(_ text: String, by offset: Int, when needed: Bool) -> String {
        guard needed, offset != 0 else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var index = 0

        /// Copies bytes up to and including the end of a construct that starts at `index`.
        func copy(through end: Int) {
            output.append(contentsOf: bytes[index..<end])
            index = end
        }

        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            switch byte {
            case UInt8(ascii: "'"):
                let escapes =
                    index > 0 && (bytes[index - 1] | 0x20) == UInt8(ascii: "e")
                    && (index < 2 || !isIdentifierByte(bytes[index - 2]))
                copy(through: endOfQuoted(bytes, from: index, quote: byte, backslashEscapes: escapes))
            case UInt8(ascii: "\""):
                copy(through: endOfQuoted(bytes, from: index, quote: byte, backslashEscapes: false))
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                copy(through: end)
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                copy(through: endOfBlockComment(bytes, from: index))
            case UInt8(ascii: "$") where index > 0 && isIdentifierByte(bytes[index - 1]):
                copy(through: index + 1)
            case UInt8(ascii: "$") where next.map(isDigit) == true:
                var end = index + 1
                var number = 0
                while end < bytes.count, isDigit(bytes[end]) {
                    number = number &* 10 &+ Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                output.append(contentsOf: "$\(number + offset)".utf8)
                index = end
            case UInt8(ascii: "$"):
                copy(through: endOfDollarQuote(bytes, from: index))
            default:
                copy(through: index + 1)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
            || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
    }

    /// The index after the closing quote; a doubled quote reads as a closed and reopened string.
    private static func endOfQuoted(_ bytes: [UInt8], from start: Int, quote: UInt8, backslashEscapes: Bool)
        -> Int
    {
        var index = start + 1
        while index < bytes.count {
            if backslashEscapes && bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == quote { return index + 1 }
            index += 1
        }
        return bytes.count
    }

    private static func endOfBlockComment(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "/") && bytes[index + 1] == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// The index after a `$tag$...$tag$` string, or after the lone `$` when no tag starts here.
    private static func endOfDollarQuote(_ bytes: [UInt8], from start: Int) -> Int {
        var tagEnd = start + 1
        while tagEnd < bytes.count, bytes[tagEnd] != UInt8(ascii: "$") {
            guard isIdentifierByte(bytes[tagEnd]) else { return start + 1 }
            tagEnd += 1
        }
        guard tagEnd < bytes.count else { return start + 1 }
        let tag = bytes[start...tagEnd]
        var index = tagEnd + 1
        while index + tag.count <= bytes.count {
            if bytes[index..<index + tag.count].elementsEqual(tag) { return index + tag.count }
            index += 1
        }
        return bytes.count
    }
}
