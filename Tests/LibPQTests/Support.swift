import Foundation
import Testing

/// A single-quoted SQL literal, for the utility statements (CREATE ROLE...) that take no parameters.
func sqlLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
}

/// Runs `body` with file descriptor 2 redirected to a file and returns what was written there, then writes it back.
func capturingStandardError(_ body: () throws -> Void) throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("stderr-\(UUID().uuidString)").path
    fflush(nil)
    let saved = dup(2)
    let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    #expect(saved >= 0 && file >= 0)
    dup2(file, 2)
    close(file)
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
        try body()
    } catch {
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        throw error
    }
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    let captured = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    // Other tests run in parallel: give back whatever they printed meanwhile.
    FileHandle.standardError.write(Data(captured.utf8))
    return captured
}
