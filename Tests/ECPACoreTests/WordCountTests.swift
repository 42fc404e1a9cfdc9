import Foundation
import Testing
import ECPACore

@Suite("Word count of the description")
struct WordCountTests {
    /// The rule SQL mirrors: words are runs of anything but the six ASCII whitespace characters.
    @Test(
        "Words are runs of characters between ASCII whitespace",
        arguments: [
            ("", 0),
            ("   \t\n ", 0),
            ("police", 1),
            ("  Community   policing  ", 2),
            ("one\ttwo\nthree\rfour\u{0C}five\u{0B}six", 6),
            ("line one\r\nline two", 4),
            ("don't stop-and-search, please.", 3),
            ("Šiauliai District Discovers a Security Formula", 6),
            ("👮‍♀️ and 👮", 3),
            ("EUR 10 000", 3),
            // Unicode spaces do not separate words, exactly as in the SQL check.
            ("no\u{00A0}break", 1),
            ("em\u{2003}space", 1),
            ("ideographic\u{3000}space", 1),
        ])
    func counts(text: String, words: Int) {
        #expect(WordCount.count(text) == words)
    }

    @Test("The description limit is 600 words")
    func limit() {
        #expect(WordCount.descriptionLimit == 600)
        #expect(WordCount.count(Fixtures.words(600)) == 600)
    }
}
