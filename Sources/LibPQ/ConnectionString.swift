import Foundation

/// Connection strings as text: the URL mistakes that would make libpq quote a password back, and
/// hiding secrets in any message that may contain a connection string.
public enum ConnectionString {
    /// What replaces a secret in a message.
    public static let mask = "********"

    /// The text with the user information of every URL (`scheme://user:password@`) and every
    /// `password=` value replaced by the mask, so no fragment of a password is printed.
    public static func redactingSecrets(in text: String) -> String {
        redactingPasswordValues(in: redactingURLUserInfo(in: text))
    }

    /// Why a postgresql:// URL cannot be what its writer meant, in words that quote nothing of
    /// it; nil for a key=value string or a sound URL.
    ///
    /// libpq ends the user information at the first `@` before any `/`. A password with an `@`
    /// then leaves the rest of it in the host name, and one with a `/` makes the user name the
    /// host and the password its port; libpq's own errors would quote those parts.
    static func urlProblem(in conninfo: String) -> String? {
        guard let rest = urlRemainder(of: conninfo) else { return nil }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let netlocStart = rest[..<slash].firstIndex(of: "@").map { rest.index(after: $0) } ?? rest.startIndex
        let netlocEnd = rest[netlocStart...].firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let netloc = rest[netlocStart..<netlocEnd]
        let query = rest[netlocEnd...].firstIndex(of: "?") ?? rest.endIndex
        let path = rest[netlocEnd..<query]
        let sound = !netloc.contains("@") && !path.contains("@") && netloc.split(separator: ",").allSatisfy(hasValidPort)
        return sound ? nil : invalidURL
    }

    /// The keys of a key=value connection string (`host=db dbname='a b'`), in order; nil when the
    /// text is not made of key=value pairs. Values are skipped, never returned.
    static func keys(in conninfo: String) -> [String]? {
        var keys: [String] = []
        var rest = conninfo[...]
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { return keys }
            let key = rest.prefix { !$0.isWhitespace && $0 != "=" }
            rest = rest.dropFirst(key.count).drop(while: \.isWhitespace)
            guard !key.isEmpty, rest.first == "=" else { return nil }
            keys.append(String(key))
            rest = rest.dropFirst().drop(while: \.isWhitespace)
            if rest.first == "'" {
                rest = rest.dropFirst()
                while let character = rest.first, character != "'" {
                    rest = rest.dropFirst(character == "\\" ? 2 : 1)
                }
                rest = rest.dropFirst()
            } else {
                while let character = rest.first, !character.isWhitespace {
                    rest = rest.dropFirst(character == "\\" ? 2 : 1)
                }
            }
        }
    }

    /// The sentence for a key=value string with a key libpq does not know, naming it (a key is
    /// never a secret; only keys shaped like libpq's are quoted) and the nearest known one.
    static func unknownKeyProblem(in conninfo: String, known: [String]) -> String? {
        guard let keys = keys(in: conninfo),
            let unknown = keys.first(where: { !known.contains($0) }),
            unknown.count <= 40, unknown.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { return nil }
        let nearest = known.map { ($0, distance($0, unknown.lowercased())) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
        let suggestion = nearest.map { " (did you mean \($0)?)" } ?? ""
        return
            "The connection string has no setting \"\(unknown)\"\(suggestion); settings such as host, port, dbname, user and sslmode are written key=value."
    }

    /// The edit distance between two short words.
    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    /// The sentence for a URL that cannot be read as meant.
    static let invalidURL = """
        The connection URL is not valid: characters such as @ / : ? # in a user name, password or \
        database name must be percent-encoded (@ as %40, / as %2F, : as %3A, ? as %3F, # as %23).
        """

    /// Whether a string is a URL, which libpq recognises by these two prefixes.
    static func isURL(_ conninfo: String) -> Bool {
        urlRemainder(of: conninfo) != nil
    }

    private static func urlRemainder(of conninfo: String) -> Substring? {
        let trimmed = conninfo.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        for prefix in ["postgresql://", "postgres://"] where trimmed.hasPrefix(prefix) {
            return trimmed.dropFirst(prefix.count)
        }
        return nil
    }

    /// A `host[:port]` or `[v6-address][:port]` item: the port, if given, is digits (after percent-decoding).
    private static func hasValidPort(_ item: Substring) -> Bool {
        let afterHost: Substring
        if item.hasPrefix("[") {
            guard let close = item.firstIndex(of: "]") else { return false }
            afterHost = item[item.index(after: close)...]
        } else {
            afterHost = item[(item.firstIndex(of: ":") ?? item.endIndex)...]
        }
        guard !afterHost.isEmpty else { return true }
        guard afterHost.hasPrefix(":") else { return false }
        let port = percentDecoded(afterHost.dropFirst())
        return port.isEmpty || port.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `scheme://anything@` up to the last `@` before the next white space becomes `scheme://********@`.
    private static func redactingURLUserInfo(in text: String) -> String {
        var result = ""
        var rest = text[...]
        while let separator = rest.range(of: "://") {
            result += rest[..<separator.upperBound]
            let afterScheme = rest[separator.upperBound...]
            let tokenEnd = afterScheme.firstIndex(where: \.isWhitespace) ?? afterScheme.endIndex
            if let at = afterScheme[..<tokenEnd].lastIndex(of: "@") {
                result += mask
                rest = afterScheme[at...]
            } else {
                rest = afterScheme
            }
        }
        return result + rest
    }

    /// `password=value` and `password='quoted value'` (any case, spaces around `=`) get the mask as value.
    private static func redactingPasswordValues(in text: String) -> String {
        var result = ""
        var rest = text[...]
        while let keyword = rest.range(of: "password", options: [.caseInsensitive]) {
            result += rest[..<keyword.upperBound]
            var cursor = rest[keyword.upperBound...]
            let spaces = cursor.prefix(while: { $0 == " " || $0 == "\t" })
            cursor = cursor.dropFirst(spaces.count)
            guard cursor.first == "=" else {
                rest = rest[keyword.upperBound...]
                continue
            }
            cursor = cursor.dropFirst()
            let spacesAfter = cursor.prefix(while: { $0 == " " || $0 == "\t" })
            result += spaces + "=" + spacesAfter
            cursor = cursor.dropFirst(spacesAfter.count)
            if cursor.first == "'" {
                // A quoted conninfo value: up to the next quote that no backslash escapes.
                var index = cursor.index(after: cursor.startIndex)
                while index < cursor.endIndex, cursor[index] != "'" {
                    if cursor[index] == "\\" { index = cursor.index(after: index) }
                    if index < cursor.endIndex { index = cursor.index(after: index) }
                }
                result += "'" + mask
                rest = cursor[index...]
            } else {
                // Unquoted: up to white space; a closing quote from the surrounding message stays.
                var end = cursor.firstIndex(where: \.isWhitespace) ?? cursor.endIndex
                if end > cursor.startIndex, "'\"`".contains(cursor[cursor.index(before: end)]) {
                    end = cursor.index(before: end)
                }
                result += end > cursor.startIndex ? mask : ""
                rest = cursor[end...]
            }
        }
        return result + rest
    }
}
