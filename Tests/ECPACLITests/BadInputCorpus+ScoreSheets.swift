import Foundation

extension BadInputCorpus {
    /// Score sheets a juror fills in a spreadsheet and reads back with `score import` (the
    /// scoring world: `juror_at` imports their own sheet; rows 2 to 6 are entry 2's five criteria).
    static let scoreSheets: [BadInput] = [
        BadInput(
            kind: .scoreSheet, name: "nul-byte-in-a-comment", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a sheet whose comment on line 4 holds a NUL byte",
            files: [.bytes("sheet.csv", Array(sheet(replacingRow: 2, with: row(2, "innovation", value: "7", comment: "New\u{0} approach")).utf8))],
            exit: 65,
            error:
                "sheet.csv:4: The line holds a NUL character (a zero byte), which is not text and cannot be stored. It is invisible: retype that row's comment or value in the spreadsheet, save the sheet again and import it.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "folder-instead-of-a-sheet", world: .scoring,
            command: "ecpa score import sheets --as juror_at",
            fed: "sheets is a folder",
            files: [.folder("sheets")],
            exit: 66, error: "ecpa: Cannot read sheets: it is a folder, not a file; give the score sheet's file name.\n"),
        BadInput(
            kind: .scoreSheet, name: "sheet-that-does-not-exist", world: .scoring,
            command: "ecpa score import scores.csv --as juror_at",
            exit: 66, error: "ecpa: Cannot read scores.csv: there is no such file. Check the name and the folder.\n"),
        BadInput(
            kind: .scoreSheet, name: "extra-column-in-the-header", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a sheet with a column \"notes\" added to the header and every row",
            files: [
                .text(
                    "sheet.csv",
                    sheet(criteria.map { row(2, $0) }).replacingOccurrences(of: "\r\n", with: ",\r\n")
                        .replacingOccurrences(of: "comment,\r\n", with: "comment,notes\r\n"))
            ],
            exit: 65,
            error:
                "sheet.csv:1: The header has a column the sheet does not have: \"notes\"; remove it.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "value-column-deleted", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a sheet whose value column was deleted",
            files: [.text("sheet.csv", "edition,juror,entry_id,country,entry_title,criterion,criterion_name,scale,comment\r\n")],
            exit: 65,
            error:
                "sheet.csv:1: The header lacks the column value. The first line must be the sheet's header: edition,juror,entry_id,country,entry_title,criterion,criterion_name,scale,value,comment.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "value-off-the-scale", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "11 for focus on a 0 to 10 scale",
            files: [.text("sheet.csv", sheet(replacingRow: 0, with: row(2, "focus", value: "11")))],
            exit: 65,
            error:
                "sheet.csv:2: value: 11 is not on the scale of Focus on everyday crime and fear of crime: scores go from 0 to 10 in steps of 1.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "value-in-words", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "\"seven\" as a value",
            files: [.text("sheet.csv", sheet(replacingRow: 1, with: row(2, "evaluation", value: "seven")))],
            exit: 65,
            error:
                "sheet.csv:3: value: \"seven\" is not a number; write the score in digits, such as 7.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "half-point-on-a-whole-point-scale", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "\"7,5\" (a decimal comma) on a scale in steps of 1",
            files: [.text("sheet.csv", sheet(replacingRow: 2, with: row(2, "innovation", value: "\"7,5\"")))],
            exit: 65,
            error:
                "sheet.csv:4: value: 7,5 is not on the scale of Innovation: scores go from 0 to 10 in steps of 1.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "entry-that-does-not-exist", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a row for entry 999",
            files: [.text("sheet.csv", sheet([row(999, "focus", country: "")]))],
            exit: 65,
            error: "sheet.csv:2: entry_id: there is no entry 999 in the 2018 edition.\necpa: 1 problem in sheet.csv; nothing was imported.\n"),
        BadInput(
            kind: .scoreSheet, name: "another-jurors-row", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a row naming juror_fi in juror_at's sheet",
            files: [.text("sheet.csv", sheet(replacingRow: 3, with: row(2, "cooperation", juror: "juror_fi")))],
            exit: 65,
            error:
                "sheet.csv:5: juror: the row names juror \"juror_fi\", but this sheet is juror_at's; a juror imports only their own scores.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "same-cell-twice", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "entry 2's focus on lines 2 and 6",
            files: [.text("sheet.csv", sheet(replacingRow: 4, with: row(2, "focus", value: "8")))],
            exit: 65,
            error:
                "sheet.csv:6: criterion: entry 2, focus is already on line 2; give each cell once.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "criterion-that-does-not-exist", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a row for the criterion \"impact\"",
            files: [.text("sheet.csv", sheet(replacingRow: 4, with: row(2, "impact")))],
            exit: 65,
            error:
                "sheet.csv:6: criterion: there is no criterion \"impact\"; the criteria are focus, evaluation, innovation, cooperation, transferability.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "comment-without-a-value", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a comment in a row whose value is empty",
            files: [.text("sheet.csv", sheet(replacingRow: 0, with: row(2, "focus", value: "", comment: "Strong local focus")))],
            exit: 65,
            error:
                "sheet.csv:2: comment: a comment needs a value in the same row; fill in the value or clear the comment.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "quote-never-closed-in-a-comment", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a comment that opens a double quote on line 3 and never closes it",
            files: [.text("sheet.csv", sheet(replacingRow: 1, with: row(2, "evaluation", comment: "\"Good results")))],
            exit: 65,
            error:
                "sheet.csv:3: The file ends inside a quoted field: the double quote (\") that opens a field on line 3 is never closed. Close it, or double a quote meant as text (\"\").\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "comma-in-an-unquoted-comment", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a comment with a comma, not in double quotes",
            files: [.text("sheet.csv", sheet(replacingRow: 1, with: row(2, "evaluation", comment: "Good, but small")))],
            exit: 65,
            error:
                "sheet.csv:3: The row has more fields than the header. A field with the separator in it needs double quotes.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "sheet-saved-as-latin-1", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a sheet saved as Windows-1252 (Latin-1), with an é in a comment",
            files: [
                .bytes(
                    "sheet.csv",
                    Array(
                        sheet(replacingRow: 2, with: row(2, "innovation", comment: "Original caf\u{E9} talks"))
                            .data(using: .isoLatin1) ?? Data()))
            ],
            exit: 65,
            error:
                "ecpa: sheet.csv: The file is not saved as UTF-8 text (line 4 has bytes that are not UTF-8), so its accented letters would be garbled. Save it again as \"CSV UTF-8\" (Excel: File > Save As > CSV UTF-8 (Comma delimited); LibreOffice: Save As > Text CSV, character set Unicode (UTF-8)) and import that file. Nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "sheet-saved-as-utf-16", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a sheet saved as Excel's \"Unicode Text\" (UTF-16)",
            files: [.bytes("sheet.csv", [0xFF, 0xFE] + Array(sheet(criteria.map { row(2, $0) }).data(using: .utf16LittleEndian) ?? Data()))],
            exit: 65,
            error:
                "ecpa: sheet.csv: The file is not saved as UTF-8 text (line 1 has bytes that are not UTF-8), so its accented letters would be garbled. Save it again as \"CSV UTF-8\" (Excel: File > Save As > CSV UTF-8 (Comma delimited); LibreOffice: Save As > Text CSV, character set Unicode (UTF-8)) and import that file. Nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "comment-too-long", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a comment of 2,001 characters",
            files: [.text("sheet.csv", sheet(replacingRow: 2, with: row(2, "innovation", comment: String(repeating: "c", count: 2_001))))],
            exit: 65,
            error:
                "sheet.csv:4: comment: has 2,001 characters; the limit is 2,000. Shorten the comment.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "escape-character-in-a-comment", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a comment with an escape sequence that would clear a screen",
            files: [.text("sheet.csv", sheet(replacingRow: 2, with: row(2, "innovation", comment: "New\u{1B}[2J approach")))],
            exit: 65,
            error:
                "sheet.csv:4: comment: holds a control character (such as the escape character), which cannot be stored; only line breaks and tabs may stay. Retype the comment.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "empty-sheet", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "an empty file",
            files: [.text("sheet.csv", "")],
            exit: 65,
            error:
                "sheet.csv:1: The first line is empty. The first line must be the sheet's header: edition,juror,entry_id,country,entry_title,criterion,criterion_name,scale,value,comment.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "entry-in-declared-conflict", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a value for entry 3, with which juror_at declared a conflict",
            files: [.text("sheet.csv", sheet([row(3, "focus")]))],
            exit: 65,
            error:
                "sheet.csv:2: entry_id: juror_at is in conflict with entry 3 \"My neighbour is the policeman!\" (declared: Worked with the project team.) and does not score it.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "own-countrys-entry", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_fi",
            fed: "a value from the Finnish juror for Finland's entry 1",
            files: [.text("sheet.csv", sheet([row(1, "focus", juror: "juror_fi")]))],
            exit: 65,
            error:
                "sheet.csv:2: entry_id: juror_fi is in conflict with entry 1 \"The Forssa approach\" (own country: the juror is from Finland) and does not score it.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "withdrawn-entry", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a value for entry 4, which Sweden withdrew",
            files: [.text("sheet.csv", sheet([row(4, "focus")]))],
            exit: 65,
            error:
                "sheet.csv:2: entry_id: entry 4 \"Safe in the metro\" is withdrawn; only eligible competing entries are scored.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "additional-entry", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a value for entry 6, an additional entry (good practice, not scored)",
            files: [.text("sheet.csv", sheet([row(6, "focus")]))],
            exit: 65,
            error:
                "sheet.csv:2: entry_id: entry 6 \"Good practice from Finland\" is an additional entry (good practice, published but not scored).\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "last-years-sheet", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "rows that say edition 2017",
            files: [.text("sheet.csv", sheet([row(2, "focus", edition: "2017")]))],
            exit: 65,
            error:
                "sheet.csv:2: edition: the row is for edition \"2017\", but this import is for the 2018 edition.\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "rows-sorted-by-one-column", world: .scoring,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "entry 2 (Lithuania) in a row that says FI",
            files: [.text("sheet.csv", sheet([row(2, "focus", country: "FI")]))],
            exit: 65,
            error:
                "sheet.csv:2: country: entry 2 is from LT, but the row says \"FI\"; were the rows sorted by one column only?\necpa: 1 problem in sheet.csv; nothing was imported.\n"
        ),
        BadInput(
            kind: .scoreSheet, name: "import-after-publication", world: .published,
            command: "ecpa score import sheet.csv --as juror_at",
            fed: "a filled-in sheet for entry 2",
            files: [.text("sheet.csv", sheet(criteria.map { row(2, $0, value: "9") }))],
            exit: 3, error: "ecpa: Scoring for the 2018 edition is over: the scores are frozen; nothing was imported.\n"),
    ]
}
