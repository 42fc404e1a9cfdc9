/// Reads CSV as RFC 4180 has it (quoted fields, doubled quotes, CR LF or LF rows), so tests can
/// check what a spreadsheet gets from ecpa's CSV, field by field.
enum CSVReader {
    static func rows(_ text: String, separator: Unicode.Scalar = ",") -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return scalars.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    if let after = next() {
                        if after == "\"" { field.append("\"") } else { quoted = false; pending = after }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case separator: row.append(String(field)); field = String.UnicodeScalarView()
            case "\r":
                if let after = next(), after != "\n" { pending = after }
                fallthrough
            case "\n":
                row.append(String(field)); field = String.UnicodeScalarView()
                rows.append(row); row = []
            default: field.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
        return rows
    }
}
