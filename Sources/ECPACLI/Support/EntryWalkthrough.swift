import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `entry submit` on a terminal without a file: asks for each field of the Annex I template in
/// turn (long answers in the person's editor, or typed ending with a line holding only "."),
/// checks each answer as it comes, shows the description's word count against the limit, and
/// saves the answers to a file so nothing typed is lost.
struct EntryWalkthrough {
    let env: CLIEnvironment
    let connection: ConnectionOptions
    let edition: Int?
    let entry: Int64?
    let saveAs: String?

    /// Runs the questions; returns the path of the saved entry file.
    func run() throws -> String {
        let db = try connection.connect(env)
        let chosen = try EditionSelection.resolve(year: edition, db)
        let identity = try PersonRepository(db).currentIdentity()
        var form = EntryForm(edition: chosen.year, country: identity.country, kind: .competing)
        let entries = EntryRepository(db)
        if let entry {
            form = try entries.requireEntry(id: EntryID(entry)).form
        } else if let country = identity.country,
            let draft = try entries.fetchActiveCompetingEntry(edition: chosen.id, country: country)
        {
            form = draft.form
            env.info("Starting from your country's entry \(draft.id) (\(draft.state.rawValue)).")
        }
        db.close()
        env.info("The \(chosen.year) edition (\(chosen.theme)). Answer each question; Enter keeps the answer in [brackets].")
        for field in EntryField.allCases {
            if field == .edition && form.edition != nil { continue }
            if field == .endDate && form.stillRunning != false {
                form.endDate = nil
                continue
            }
            try ask(field, form: &form)
        }
        return try save(form)
    }

    private func ask(_ field: EntryField, form: inout EntryForm) throws {
        while true {
            env.info("")
            env.info("\(field.label): \(field.guidance)")
            let current = form.text(of: field)
            let typed: String
            if field.isLongText {
                if let edited = env.editText(current ?? "", "\(field.label): \(field.guidance)") {
                    typed = edited
                } else {
                    typed = try readParagraph(current: current)
                }
            } else {
                env.writeError("\(field.label)\(current.map { " [\($0)]" } ?? ""): ")
                guard let line = env.readLine() else { throw ended }
                if line.trimmingCharacters(in: .whitespaces).isEmpty, current != nil { return }
                typed = line
            }
            var attempt = form
            if let problem = attempt.set(field, from: typed) {
                env.info("\(field.label): \(problem) Try again.")
                continue
            }
            let problems = attempt.validate().filter { $0.field == field.key && $0.kind != .required }
            if field == .description {
                env.info("Description: \(WordCount.count(attempt.description ?? "")) of \(WordCount.descriptionLimit) words.")
            }
            if let problem = problems.first {
                env.info("\(field.label) \(problem.message) Try again.")
                continue
            }
            form = attempt
            return
        }
    }

    /// Without an editor: lines until one holding only ".", or Enter at once to keep the answer.
    private func readParagraph(current: String?) throws -> String {
        env.info(
            current == nil
                ? "Type the answer; end with a line holding only a full stop (.)."
                : "Type a new answer, ending with a line holding only a full stop (.), or press Enter to keep:\n\(current ?? "")")
        var lines: [String] = []
        while true {
            guard let line = env.readLine() else { throw ended }
            if line == "." { break }
            if lines.isEmpty && line.isEmpty, let current { return current }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private var ended: CLIError {
        CLIError("The input ended before every question was answered; nothing was saved or submitted.", status: .invalidInput)
    }

    /// Saves the answers as an entry file (`--save-as`, or in the current folder without
    /// overwriting an existing file).
    private func save(_ form: EntryForm) throws -> String {
        let base = "entry-\(form.country?.rawValue.lowercased() ?? "xx")-\(form.edition.map(String.init) ?? "edition")"
        var name = saveAs ?? base + ".toml"
        var number = 2
        while saveAs == nil && FileManager.default.fileExists(atPath: name) {
            name = "\(base)-\(number).toml"
            number += 1
        }
        guard FileManager.default.createFile(atPath: name, contents: Data(form.tomlText.utf8)) else {
            throw CLIError("Cannot write \(name) in this folder; nothing was submitted.", status: .noInput)
        }
        env.info("")
        env.info("Your answers are saved in \(name).")
        let problems = form.validate()
        if !problems.isEmpty {
            for problem in problems { env.info(EntryFileReader.line(problem, file: name)) }
            throw CLIError(
                "The entry is not complete yet (\(problems.count) problem\(problems.count == 1 ? "" : "s") above). Fix them in \(name), then run `ecpa entry submit \(name)`.",
                status: .invalidInput)
        }
        return name
    }
}
