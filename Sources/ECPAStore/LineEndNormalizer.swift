import Foundation

/// Rewrites a byte stream's line ends to LF, chunk by chunk: CRLF and a lone CR become LF, and
/// blank lines at the very end are dropped. Then PostgreSQL's COPY counts every line end (also
/// those inside quoted fields) as a line, so its line numbers are the file's physical lines,
/// and a sheet saved with an empty last row still reads. Knows nothing of CSV fields.
struct LineEndNormalizer {
    private var pendingCR = false
    private var heldNewlines = 0

    /// The normalized bytes of the next chunk; line ends at its end are held back.
    mutating func process(_ chunk: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(chunk.count + heldNewlines + 1)
        var start = 0
        if pendingCR {
            pendingCR = false
            heldNewlines += 1
            // A CR that ended the previous chunk and the LF that starts this one are one line end.
            if chunk.first == UInt8(ascii: "\n") { start = 1 }
        }
        chunk.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var index = start
            let count = buffer.count
            while index < count {
                let remaining = count - index
                let found = memchr(base + index, Int32(UInt8(ascii: "\r")), remaining)
                let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                if end > index {
                    append(UnsafeBufferPointer(start: base + index, count: end - index), into: &out)
                }
                guard end < count else { break }
                if end + 1 == count {
                    pendingCR = true
                } else {
                    heldNewlines += 1
                    if base[end + 1] == UInt8(ascii: "\n") { index = end + 2; continue }
                }
                index = end + 1
            }
        }
        return out
    }

    /// What is left at the end of the stream: one line end if the data ended with any.
    mutating func finish() -> [UInt8] {
        let ended = pendingCR || heldNewlines > 0
        pendingCR = false
        heldNewlines = 0
        return ended ? [UInt8(ascii: "\n")] : []
    }

    /// Appends bytes that contain no CR, holding back the LFs at their end.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var last = bytes.count
        while last > 0, bytes[last - 1] == UInt8(ascii: "\n") { last -= 1 }
        if last == 0 {
            heldNewlines += bytes.count
            return
        }
        if heldNewlines > 0 {
            out.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: heldNewlines))
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<last]))
        heldNewlines = bytes.count - last
    }
}
