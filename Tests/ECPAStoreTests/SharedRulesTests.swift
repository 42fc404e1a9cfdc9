import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// Rules that must hold on both sides, in Swift (to say so kindly and early) and in PostgreSQL (to
/// hold against every client), driven from one table of cases each.
@Suite struct SharedRulesTests {
    let database: TestDatabase
    let admin: Connection

    init() throws {
        database = try TestDatabase.make(migrations: try Schema.migrations())
        admin = try database.connect()
    }

    @Test(arguments: 0...7)
    func aPlaceHasTheSameMedalInSwiftAndInPostgreSQL(place: Int) throws {
        let stored: String? = try admin.query("SELECT ecpa.medal_of_place(\(place)::integer) AS m").first?.decode("m")
        #expect(stored == Medal(place: place)?.rawValue)
    }

    static let texts: [(String, String)] = [
        ("plain words", "Community policing in Forssa"),
        ("accents and other scripts", "Šiauliai, Zugló, Πάτρα, 東京 🚓"),
        ("line feed", "first line\nsecond line"),
        ("carriage return", "first line\r\nsecond line"),
        ("tab", "a\tb"),
        ("escape", "Harmless\u{1B}[2J"),
        ("bell", "ring\u{07}"),
        ("null-like start of heading", "\u{01}x"),
        ("delete", "back\u{7F}space"),
        ("C1 control sequence introducer", "a\u{9B}31m"),
        ("next line", "a\u{85}b"),
        ("no-break space", "a\u{A0}b"),
        ("lone carriage return", "Our project works well.\rTHE SECRETARIAT APPROVED THIS"),
        ("carriage return at the end", "line\r"),
        ("right-to-left override", "Safe streets \u{202E}noitceles\u{202C}"),
        ("isolate", "a\u{2066}b\u{2069}"),
        ("zero-width space", "Zero\u{200B}width"),
        ("left-to-right mark", "a\u{200E}b"),
        ("line separator", "Line one\u{2028}Line two"),
        ("byte order mark", "\u{FEFF}bom"),
        ("zero-width joiner in an emoji", "👩\u{200D}💻 at work"),
    ]

    @Test(arguments: texts.map(\.0))
    func aTextIsCleanOrNotAlikeInSwiftAndInPostgreSQL(name: String) throws {
        let text = try #require(Self.texts.first { $0.0 == name }?.1)
        for multiline in [false, true] {
            let clean: Bool? = try admin.query("SELECT ecpa.is_clean_text(\(text), \(multiline)) AS c").first?.decode("c")
            #expect(clean == (ControlCharacters.first(in: text, multiline: multiline) == nil), "\(name), multiline \(multiline)")
        }
    }
}
