@testable import ECPAStore
import Testing

/// The stream rewrite under score imports: every line end becomes one LF, whatever the chunking.
@Suite struct LineEndNormalizerTests {
    static func normalize(_ chunks: [String]) -> String {
        var normalizer = LineEndNormalizer()
        var out: [UInt8] = []
        for chunk in chunks { out += normalizer.process(Array(chunk.utf8)) }
        out += normalizer.finish()
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: [
        (["a,b\r\n1,2\r\n"], "a,b\n1,2\n"),
        (["a,b\n1,2\n"], "a,b\n1,2\n"),
        (["a,b\r1,2\r"], "a,b\n1,2\n"),
        (["a,b\r", "\n1,2\r", "\n"], "a,b\n1,2\n"),
        (["a,b\r", "1,2"], "a,b\n1,2"),
        (["a,\"x\r\ny\"\r\n"], "a,\"x\ny\"\n"),
        (["a,b\r\n1,2\r\n\r\n\r\n"], "a,b\n1,2\n"),
        (["a,b\n", "\n", "\n", "1,2\n", "\n"], "a,b\n\n\n1,2\n"),
        (["a,b"], "a,b"),
        ([""], ""),
        (["\r\n"], "\n"),
    ])
    func lineEnds(chunks: [String], expected: String) {
        #expect(Self.normalize(chunks) == expected)
    }

    @Test func anyChunkingGivesTheSameBytes() {
        let text = "edition,juror\r\n2018,\"a\r\nb\"\r\n\r2019,c\n\r\n\r\n"
        let whole = Self.normalize([text])
        let bytes = Array(text.utf8)
        for size in 1...bytes.count {
            let chunks = stride(from: 0, to: bytes.count, by: size).map {
                String(decoding: bytes[$0..<min($0 + size, bytes.count)], as: UTF8.self)
            }
            #expect(Self.normalize(chunks) == whole, "chunks of \(size)")
        }
        #expect(whole == "edition,juror\n2018,\"a\nb\"\n\n2019,c\n")
    }
}
