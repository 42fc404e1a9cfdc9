import CLibPQ
import Foundation

extension Connection {
    /// Streams chunks to a `COPY ... FROM STDIN` and returns the rows copied; `progress` gets the bytes sent so far.
    public func copyIn<S: Sequence>(
        _ sql: SQL, chunks: S, progress: ((Int) -> Void)? = nil
    ) throws -> Int where S.Element == [UInt8] {
        try copyIn(sql, progress: progress) { send in
            for chunk in chunks {
                try chunk.withUnsafeBytes { try send($0) }
            }
        }
    }

    /// Streams a file to a `COPY ... FROM STDIN` chunk by chunk and returns the rows copied.
    public func copyIn(
        _ sql: SQL, fileAt path: String, chunkSize: Int = 1 << 16, progress: ((Int) -> Void)? = nil
    ) throws -> Int {
        guard chunkSize > 0 else { throw PQError.usage("The COPY chunk size must be positive.") }
        let file: FileHandle
        do {
            file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw PQError.usage("Cannot open \(path) for COPY: \(error.localizedDescription)")
        }
        defer { try? file.close() }
        return try copyIn(sql, progress: progress) { send in
            while true {
                let data: Data?
                do {
                    data = try file.read(upToCount: chunkSize)
                } catch {
                    throw PQError.usage("Cannot read \(path) for COPY: \(error.localizedDescription)")
                }
                guard let data, !data.isEmpty else { return }
                try data.withUnsafeBytes { try send($0) }
            }
        }
    }

    /// Runs a `COPY ... TO STDOUT` and hands each row to `row` as the server sent it (one line
    /// of COPY's text format, with its newline); returns the number of rows. Rows arrive one at a
    /// time, so a million of them never sit in memory together. When `row` throws, the remaining
    /// rows are read and dropped, so the connection stays usable, and the error is rethrown.
    public func copyOut(_ sql: SQL, row: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        let connection = try openHandle()
        let start = try run(sql, allowCopyOut: true)
        let status = PQresultStatus(start)
        PQclear(start)
        guard status == PGRES_COPY_OUT else {
            throw PQError.usage("copyOut needs a COPY ... TO STDOUT statement; the statement given was run as is.")
        }
        var rows = 0
        var failure: Error?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(connection, &buffer, 0)
            guard length > 0, let buffer else {
                if let buffer { PQfreemem(buffer) }
                // -1: the COPY is done; -2: it failed, and finishCopy reads why.
                break
            }
            defer { PQfreemem(buffer) }
            guard failure == nil else { continue }
            do {
                try row(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
                rows += 1
            } catch {
                failure = error
            }
        }
        _ = try finishCopy(on: connection)
        if let failure { throw failure }
        return rows
    }

    private struct CopyStoppedByServer: Error {}

    private func copyIn(
        _ sql: SQL, progress: ((Int) -> Void)?,
        produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws -> Int {
        let connection = try openHandle()
        let start = try run(sql, allowCopyIn: true)
        let status = PQresultStatus(start)
        PQclear(start)
        guard status == PGRES_COPY_IN else {
            throw PQError.usage("copyIn needs a COPY ... FROM STDIN statement; the statement given was run as is.")
        }
        var sent = 0
        do {
            try produce { buffer in
                guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
                var offset = 0
                while offset < buffer.count {
                    let length = min(buffer.count - offset, Int(Int32.max))
                    let pointer = base.advanced(by: offset).assumingMemoryBound(to: CChar.self)
                    guard PQputCopyData(connection, pointer, Int32(length)) == 1 else {
                        throw CopyStoppedByServer()
                    }
                    offset += length
                }
                sent += buffer.count
                progress?(sent)
            }
        } catch is CopyStoppedByServer {
            return try finishCopy(on: connection)
        } catch {
            _ = PQputCopyEnd(connection, "COPY cancelled by the client: its data source failed")
            _ = try? finishCopy(on: connection)
            throw error
        }
        // A failed end is reported by the results that finishCopy reads.
        _ = PQputCopyEnd(connection, nil)
        return try finishCopy(on: connection)
    }

    /// Reads the COPY's outcome and every remaining result, so the connection is ready again.
    private func finishCopy(on connection: OpaquePointer) throws -> Int {
        var outcome: Result<Int, PQError>?
        while let result = PQgetResult(connection) {
            if outcome == nil {
                do {
                    let checked = try check(result, on: connection, allowCopyIn: false)
                    outcome = .success(Connection.affectedRows(of: checked))
                    PQclear(checked)
                } catch let error as PQError {
                    outcome = .failure(error)
                }
            } else {
                PQclear(result)
            }
        }
        switch outcome {
        case .success(let rows): return rows
        case .failure(let error): throw error
        case nil:
            throw PQError(kind: kind(of: connection), message: Connection.errorMessage(of: connection))
        }
    }
}
