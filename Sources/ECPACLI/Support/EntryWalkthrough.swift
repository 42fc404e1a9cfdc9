import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `entry submit` on a terminal without a file: asks for each field of the Annex I template in
/// turn (long answers in the person's editor, or typed ending with a line holding only "."),
/// checks each answer as it is given with the entry's own rules (`EntryForm.validate`) and asks
/// again at once, and writes every answer to the draft file as soon as it is given, so Ctrl-C or a
/// closed window loses nothing: `--resume FILE` goes on where the person stopped.
struct EntryWalkthrough {
    let env: CLIEnvironment
    let connection: ConnectionOptions
    let edition: Int?
    let entry: Int64?
    let saveAs: String?
    /// A draft saved by an earlier walkthrough to go on with.
    let resume: String?

    /// Runs the questions; returns the path of the draft file, complete. From the first answer on,
    /// Ctrl-C prints where the answers are and how to go on (`env.noteOnInterrupt`); the caller takes
    /// the note away when it is done.
    func run() throws -> String {
        let db = try connection.connect(env)
        let identity = try PersonRepository(db).currentIdentity()
        var path = saveAs ?? resume
        var resumed = try path.flatMap { try Self.readDraft($0) }
        let chosen = try EditionSelection.resolve(year: resumed?.edition ?? edition, db)
        // The kind is left unanswered until the person answers it (Enter takes "competing").
        var form = resumed ?? EntryForm(edition: chosen.year, country: identity.country)
        let entries = EntryRepository(db)
        // A competing entry goes on from the country's competing entry in the database; an
        // additional entry is another project and starts blank.
        var competing: Entry?
        if let entry, resumed == nil {
            form = try entries.requireEntry(id: EntryID(entry)).form
        } else if resumed == nil, let country = identity.country {
            competing = try entries.fetchActiveCompetingEntry(edition: chosen.id, country: country)
        }
        db.close()
        if path == nil {
            // Changing a named entry starts from that entry, never from an unfinished draft.
            let (name, earlier) = try Self.draftName(for: form, goingOn: entry == nil)
            path = name
            resumed = earlier
            if let earlier {
                form = earlier
                competing = nil
            }
        }
        let draft = path ?? "entry.toml"
        let note =
            "\n\nStopped. Your answers so far are saved in \(draft); nothing was submitted.\n"
            + "To go on where you stopped: ecpa entry submit --resume \(draft)\n"
        env.noteOnInterrupt(note)
        try save(form, to: draft)
        if resumed != nil {
            env.info("Going on with the answers saved in \(draft) (to start afresh instead, give --save-as NEW-FILE.toml).")
        }
        env.info(
            "The \(chosen.year) edition (\(chosen.theme)). Answer each question; Enter keeps the answer in [brackets]. "
                + "Each answer is saved in \(draft) as soon as you give it.")
        // Going on: what was answered before the last answer is done, unless a rule says otherwise.
        let done = resumed == nil ? -1 : (EntryField.allCases.lastIndex { form.text(of: $0) != nil } ?? -1)
        for (index, field) in EntryField.allCases.enumerated() {
            if field == .edition && form.edition != nil { continue }
            if field == .endDate && form.stillRunning != false {
                if form.endDate != nil {
                    form.endDate = nil
                    try save(form, to: draft)
                }
                continue
            }
            if index <= done && Self.problems(field, in: form).isEmpty { continue }
            try ask(field, form: &form, draft: draft)
            if field == .kind, form.kind == .competing, let existing = competing {
                competing = nil
                var from = existing.form
                from.edition = form.edition
                from.country = form.country
                from.kind = form.kind
                form = from
                try save(form, to: draft)
                env.info("Starting from your country's competing entry \(existing.id) (\(existing.state.rawValue)).")
            }
        }
        let problems = form.validate()
        guard problems.isEmpty else {
            env.info("")
            for problem in problems { env.info(EntryFileReader.line(problem, file: draft)) }
            throw CLIError(
                "The entry is not complete yet (\(problems.count) problem\(problems.count == 1 ? "" : "s") above); your answers are saved. Answer the rest with `ecpa entry submit --resume \(draft)`.",
                status: .invalidInput)
        }
        env.info("")
        env.info("Your answers are saved in \(draft).")
        return draft
    }

    /// What the entry's rules say about one field of the form (`EntryForm.validate`, the one place
    /// they are written).
    static func problems(_ field: EntryField, in form: EntryForm) -> [EntryProblem] {
        form.validate().filter { $0.field == field.key }
    }

    /// Asks for one field until the answer keeps the rules; every answer that can be read is saved
    /// at once, even one a rule refuses, so that nothing typed is lost.
    private func ask(_ field: EntryField, form: inout EntryForm, draft: String) throws {
        var refusal: String?
        while true {
            env.info("")
            env.info("\(field.label): \(field.guidance)")
            let current = form.text(of: field) ?? (field == .kind ? EntryKind.competing.rawValue : nil)
            let typed: String
            if field.isLongText {
                let guidance = [refusal, "\(field.label): \(field.guidance)"].compactMap { $0 }.joined(separator: " ")
                if let edited = env.editText(current ?? "", guidance) {
                    typed = edited
                } else {
                    typed = try readParagraph(current: current, draft: draft)
                }
            } else {
                env.writeError("\(field.label)\(current.map { " [\($0)]" } ?? ""): ")
                guard let line = env.readLine() else { throw ended(draft) }
                typed = line.trimmingCharacters(in: .whitespaces).isEmpty ? (current ?? "") : line
            }
            var attempt = form
            if let problem = attempt.set(field, from: typed) {
                env.info("\(field.label): \(problem) Try again.")
                continue
            }
            if attempt != form {
                try save(attempt, to: draft)
                form = attempt
            }
            let words = WordCount.count(form.description ?? "")
            if field == .description {
                env.info("Description: \(words) of \(WordCount.descriptionLimit) words.")
            }
            guard let problem = Self.problems(field, in: form).first else { return }
            env.info("\(field.label) \(problem.message) Try again.")
            refusal =
                field == .description && problem.kind == .tooLong
                ? "YOUR DESCRIPTION HAS \(words) WORDS; THE LIMIT IS \(WordCount.descriptionLimit). Shorten your text below, then save and close the editor."
                : "\(field.label) \(problem.message)"
        }
    }

    /// Without an editor: lines until one holding only ".", or Enter at once to keep the answer.
    private func readParagraph(current: String?, draft: String) throws -> String {
        env.info(
            current == nil
                ? "Type the answer; end with a line holding only a full stop (.)."
                : "Type a new answer, ending with a line holding only a full stop (.), or press Enter to keep:\n\(current ?? "")")
        var lines: [String] = []
        while true {
            guard let line = env.readLine() else { throw ended(draft) }
            if line == "." { break }
            if lines.isEmpty && line.isEmpty, let current { return current }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private func ended(_ draft: String) -> CLIError {
        CLIError(
            "The input ended before every question was answered; your answers so far are saved in \(draft) and nothing was submitted. Go on with `ecpa entry submit --resume \(draft)`.",
            status: .invalidInput)
    }

    /// Writes the draft whole or not at all: a temporary file beside it, then renamed over it, so
    /// the draft on disk is always the last complete set of answers.
    private func save(_ form: EntryForm, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(form.tomlText.utf8)),
            rename(temporary.path, url.path) == 0
        else {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError("Cannot write \(path); nothing was submitted. Choose a folder you may write to, or give --save-as FILE.", status: .noInput)
        }
    }

    /// An earlier draft's answers; nil when there is no such file.
    static func readDraft(_ path: String) throws -> EntryForm? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let (form, problems) = try EntryFileReader.read(path, requireComplete: false)
        if let unreadable = problems.first(where: { $0.kind == .unreadable }) {
            throw CLIError(
                "\(EntryFileReader.line(unreadable, file: path)) The walkthrough cannot go on from this file; fix it, or give --save-as NEW-FILE.toml to start afresh.",
                status: .invalidInput)
        }
        return form
    }

    /// The draft's file in the current folder, entry-CC-YEAR.toml: an unfinished one of the same
    /// name is gone on with (when `goingOn`); otherwise it is kept and the next free name is taken.
    static func draftName(for form: EntryForm, goingOn: Bool) throws -> (path: String, earlier: EntryForm?) {
        let base = "entry-\(form.country?.rawValue.lowercased() ?? "xx")-\(form.edition.map(String.init) ?? "edition")"
        var name = base + ".toml"
        var number = 2
        while FileManager.default.fileExists(atPath: name) {
            if goingOn, let earlier = try? readDraft(name), !earlier.validate().isEmpty { return (name, earlier) }
            name = "\(base)-\(number).toml"
            number += 1
        }
        return (name, nil)
    }
}
