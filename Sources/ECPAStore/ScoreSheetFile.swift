import ECPACore
import Foundation

/// A score sheet file opened for import: its header line, then its bytes as chunks for COPY,
/// without a UTF-8 byte order mark and with LF line ends (`LineEndNormalizer`). The CSV fields
/// themselves are left to PostgreSQL's COPY; nothing here parses rows.
final class ScoreSheetFile: Sequence, IteratorProtocol {
    let path: String
    /// The file's size in bytes (for progress).
    let size: Int
    /// How many bytes of the file have been read so far.
    private(set) var bytesRead = 0
    /// The first line, without its line end.
    private(set) var headerLine = ""
    /// Why reading stopped early, if it did; COPY then received a truncated stream.
    private(set) var readError: ScoreImportError?

    private let handle: FileHandle
    private let chunkSize: Int
    private var normalizer = LineEndNormalizer()
    private var first: [UInt8]?
    private var finished = false

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Opens the file and reads its header line.
    init(path: String, chunkSize: Int = 1 << 18) throws {
        self.path = path
        self.chunkSize = chunkSize
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ScoreImportError.unreadable(path: path, reason: "it is a folder, not a file; give the score sheet's file name")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw ScoreImportError.unreadable(path: path, reason: "there is no such file. Check the name and the folder")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ScoreImportError.unreadable(path: path, reason: "you may not read it; check its permissions")
        }
        self.handle = handle
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        size = (attributes?[.size] as? NSNumber)?.intValue ?? 0

        var start = try Self.read(handle, upTo: chunkSize, path: path)
        bytesRead = start.count
        if start.starts(with: Self.utf8BOM) {
            start.removeFirst(Self.utf8BOM.count)
        } else if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
            // UTF-16, as Excel's "Unicode Text" writes it.
            throw ScoreImportError.notUTF8(line: 1)
        }
        // The header is the first line; one longer than the first chunk cannot be the sheet's.
        let end = start.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) ?? start.count
        guard let header = String(validating: start[..<end], as: UTF8.self) else {
            throw ScoreImportError.notUTF8(line: 1)
        }
        headerLine = header
        first = start
    }

    deinit { try? handle.close() }

    /// The next normalized chunk, or nil at the end (or after a read error, kept in `readError`).
    func next() -> [UInt8]? {
        if let start = first {
            first = nil
            return textOnly(normalizer.process(start))
        }
        guard !finished else { return nil }
        do {
            let chunk = try Self.read(handle, upTo: chunkSize, path: path)
            if chunk.isEmpty {
                finished = true
                let rest = normalizer.finish()
                return rest.isEmpty ? nil : rest
            }
            bytesRead += chunk.count
            return textOnly(normalizer.process(chunk))
        } catch let error as ScoreImportError {
            readError = error
        } catch {
            readError = .unreadable(path: path, reason: error.localizedDescription)
        }
        finished = true
        return nil
    }

    /// The chunk, unless it holds a NUL byte: valid UTF-8, but not text PostgreSQL can store, and
    /// COPY would call the whole file "not UTF-8". Then reading stops with the line named.
    private func textOnly(_ chunk: [UInt8]) -> [UInt8]? {
        let hasNUL = chunk.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        guard hasNUL else { return chunk }
        let line = Self.lineOfFirstNUL(path: path)
        readError = .malformed(ScoreSheetProblem(line: line, column: nil, message: Self.nulMessage, rule: .malformed))
        finished = true
        return nil
    }

    static let nulMessage =
        "The line holds a NUL character (a zero byte), which is not text and cannot be stored. "
        + "It is invisible: retype that row's comment or value in the spreadsheet, save the sheet again and import it."

    /// The physical line of the file's first NUL byte (CR, LF and CR LF each end a line).
    static func lineOfFirstNUL(path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var line = 1
        var previousCR = false
        while let data = try? handle.read(upToCount: 1 << 18), !data.isEmpty {
            for byte in data {
                switch byte {
                case 0:
                    return line
                case UInt8(ascii: "\n") where !previousCR:
                    line += 1
                case UInt8(ascii: "\r"):
                    line += 1
                default:
                    break
                }
                previousCR = byte == UInt8(ascii: "\r")
            }
        }
        return nil
    }

    private static func read(_ handle: FileHandle, upTo count: Int, path: String) throws -> [UInt8] {
        do {
            guard let data = try handle.read(upToCount: count) else { return [] }
            return [UInt8](data)
        } catch {
            throw ScoreImportError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// The line where the quoted field that never closes begins, found by following the double
    /// quotes through the file; only called after COPY has said the file ends inside quotes.
    static func lineOfUnclosedQuote(path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var line = 1
        var opened = 0
        var quoted = false
        var previousCR = false
        while let data = try? handle.read(upToCount: 1 << 18), !data.isEmpty {
            for byte in data {
                switch byte {
                case UInt8(ascii: "\""):
                    quoted.toggle()
                    if quoted { opened = line }
                case UInt8(ascii: "\n") where !previousCR:
                    line += 1
                case UInt8(ascii: "\r"):
                    line += 1
                default:
                    break
                }
                previousCR = byte == UInt8(ascii: "\r")
            }
        }
        return quoted ? opened : nil
    }
}
