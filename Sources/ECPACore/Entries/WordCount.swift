import Foundation

/// Counts words the way the 600-word limit of the project description is checked (Annex I).
///
/// A word is a maximal run of characters other than ASCII whitespace (space, tab, line feed,
/// carriage return, form feed, vertical tab). The SQL side mirrors this exactly with
/// `regexp_split_to_array(btrim(t, E' \t\n\r\f\v'), E'[ \t\n\r\f\v]+')`, so Unicode spaces such as
/// the no-break space do not separate words here either.
public enum WordCount {
    /// The description limit of the entry template (Annex I).
    public static let descriptionLimit = 600

    /// The number of words in `text`.
    public static func count(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            if isSeparator(byte) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words
    }

    /// Whether a UTF-8 byte is one of the six ASCII whitespace characters. Bytes of multi-byte
    /// characters are all 0x80 or above, so they never match.
    static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B: true
        default: false
        }
    }
}
