import ECPACore
import ECPAStore
import Foundation

/// The steps of the demo, each an `ecpa` command line run through the real command code.
struct DemoScript {
    static let participants = DemoEdition.countries.map { "demo_rep_\($0.lowercased())" }
    static let jurors = DemoEdition.jury.map(\.role)
    static let roles = participants + jurors

    let env: CLIEnvironment
    let folder: URL
    let now: Date
    /// Demo logins left from an earlier run on the same server are linked, not created again.
    let existingRoles: Set<String>
    /// How to run this same `ecpa` from a shell: the demo's last line tells people to.
    var program = "ecpa"

    static let illustrative =
        "Illustrative demo: the 2018 winners are real; the other entries, all texts and every score are made up so that the computed podium matches the real result."

    func play() throws {
        let brussels = TimeZone(identifier: Edition.defaultTimeZone) ?? .current
        let opens = LocalTime.formatISO(now.addingTimeInterval(-3600), in: brussels)
        let closes = LocalTime.formatISO(now.addingTimeInterval(14 * 86_400), in: brussels)
        env.print(Self.illustrative)

        section("1. The schema")
        try run(["db", "migrate"])

        section(
            "2. The secretariat creates the 2018 edition (Vienna, Community Policing) and opens the call; the window is set around today so the demo can submit"
        )
        try run([
            "edition", "create", "--year", "2018", "--theme", "Community Policing", "--host", "AT",
            "--city", "Vienna", "--conference-start", "2018-12-04", "--conference-end", "2018-12-06",
            "--time-zone", "Europe/Vienna",
            "--prize-gold", "10000", "--prize-silver", "5000", "--prize-bronze", "5000",
        ])
        try run(["edition", "open", "2018", "--opens", opens, "--closes", closes])

        section("3. The secretariat registers a national representative for each of \(DemoEdition.countries.count) member states")
        for (index, country) in DemoEdition.countries.enumerated() {
            let role = "demo_rep_\(country.lowercased())"
            let name = Country.named(CountryCode(country)!)?.name ?? country
            try run(
                [
                    "user", "add", role, "--kind", "national-representative", "--country", country,
                    "--name", "Representative of \(name) (demo)",
                ] + login(role), input: "demo-password-\(role)\n", quiet: index > 1)
        }
        note("(and the same for the other \(DemoEdition.countries.count - 2) representatives)")

        section("4. Each representative fills in the template, checks it and submits it")
        for (index, country) in DemoEdition.countries.enumerated() {
            let file = try write(DemoEdition.entryFile(country), name: "entry-\(country.lowercased()).toml")
            if index == 0 { try run(["entry", "validate", file]) }
            try run(["entry", "submit", file, "--as", "demo_rep_\(country.lowercased())"], quiet: index > 2)
        }
        note("(and the same for the other \(DemoEdition.countries.count - 3) countries)")

        section("5. PostgreSQL refuses what the rules forbid, whoever asks")
        let second = try write(
            DemoEdition.entryFile("FI").replacingOccurrences(of: DemoEdition.title("FI"), with: "A second Finnish project"),
            name: "entry-fi-second.toml")
        try run(["entry", "submit", second, "--as", "demo_rep_fi"], expectFailure: true)
        try run(["entry", "submit", folder.appendingPathComponent("entry-lt.toml").path, "--as", "demo_rep_fi"], expectFailure: true)

        section("6. The call closes; the secretariat checks eligibility and sets the scoring scheme")
        try run(["edition", "close", "2018"])
        for id in 1...DemoEdition.countries.count {
            try run(["entry", "eligibility", String(id), "--eligible"], quiet: id > 1)
        }
        note("(all \(DemoEdition.countries.count) entries are eligible)")
        // The shipped scheme, declaring a deliberation and a final ballot that decides.
        let scheme = try write(DemoEdition.schemeText, name: "scheme-2018.toml")
        try run(["scheme", "set", "--edition", "2018", "--file", scheme])
        try run(["scheme", "show", "--edition", "2018"])

        section("7. The jury: eight voting members from the current, previous and next two presidencies (AT, BG, RO, FI)")
        for (index, juror) in DemoEdition.jury.enumerated() {
            try run(
                ["jury", "add", juror.role, "--edition", "2018", "--country", juror.country, "--name", juror.name]
                    + (index == 0 ? ["--chair"] : []) + login(juror.role), input: "demo-password-\(juror.role)\n", quiet: index > 1)
        }
        note("(and six more)")
        try run([
            "jury", "conflict", "declare", "--edition", "2018", "--entry", String(DemoEdition.id(of: "HU")),
            "--reason", "Advised the project's partner in 2017 (illustrative).", "--as", "demo_juror_ro_2",
        ])
        try run(["jury", "list", "--edition", "2018"])
        try run(["jury", "conflict", "list", "--edition", "2018"])

        section("8. Scoring opens; each juror scores every entry they are not in conflict with (illustrative scores)")
        try run(["edition", "scoring", "open", "2018"])
        note("(opening scoring sealed the scheme, its method and its analysis settings as the edition's declaration; from now on they cannot change)")
        try run(["scheme", "show", "--edition", "2018", "--declared"])
        try run(["scheme", "set", "--edition", "2018"], expectFailure: true)
        var first = true
        for juror in DemoEdition.jury {
            for country in DemoEdition.countries where !DemoEdition.inConflict(juror: juror, entryCountry: country) {
                let values = DemoEdition.scores(juror: juror, entryCountry: country)
                    .flatMap { ["--criterion", "\($0.code)=\($0.value)"] }
                try run(
                    ["score", "enter", "--edition", "2018", "--entry", String(DemoEdition.id(of: country)), "--as", juror.role] + values,
                    quiet: !first)
                first = false
            }
        }
        note("(every juror enters their scores the same way: \(DemoEdition.jury.count) jurors, \(DemoEdition.countries.count) entries, 5 criteria)")
        let refused = DemoEdition.jury[6]
        try run(
            [
                "score", "enter", "--edition", "2018", "--entry", String(DemoEdition.id(of: "FI")), "--as", refused.role,
                "--criterion", "focus=10",
            ], expectFailure: true)
        try run(["score", "status", "--edition", "2018"])

        section("9. Ranking and its explanation (illustrative scores)")
        try run(["edition", "scoring", "close", "2018"])
        try run(["results", "rank", "--edition", "2018"])
        try run(["results", "explain", "--edition", "2018"])

        section("10. The jury decides: a deliberation and a final ballot on the podium (illustrative)")
        note("(no medal is contested here, so the jury discusses and votes on the three medal places)")
        let podium = ["FI", "LT", "HU"].map { String(DemoEdition.id(of: $0)) }
        try run(["edition", "deliberation", "open", "2018", "--yes"] + podium.flatMap { ["--entry", $0] })
        try run([
            "score", "revise", "--edition", "2018", "--entry", podium[2], "--criterion", "evaluation=8",
            "--reason", "The evaluation report answered the jury's question (illustrative).", "--as", DemoEdition.jury[0].role,
        ])
        try run(["score", "revisions", "--edition", "2018"])
        try run(["ballot", "open", "2018", "--top", "3"])
        for (index, juror) in DemoEdition.jury.enumerated() {
            let ranking = DemoEdition.ballot(juror: juror, shortlist: ["FI", "LT", "HU"])
            let file = try write(ranking.map(String.init).joined(separator: "\n") + "\n", name: "ballot-\(juror.role).txt")
            try run(["ballot", "cast", "--edition", "2018", "--file", file, "--as", juror.role], quiet: index > 0)
        }
        note("(every juror casts a ballot the same way, ranked by their own scores; those in conflict leave that entry out)")
        try run(["ballot", "status", "--edition", "2018"])
        try run(["ballot", "close", "2018", "--yes"])
        try run(["ballot", "count", "--edition", "2018"])
        note("(the jury's reasons: the chair names a rapporteur for each medal, each writes, a juror may add a minority view, the chair signs)")
        let chair = DemoEdition.jury[0].role
        for (index, (medal, rapporteur, reasons)) in DemoEdition.reasons.enumerated() {
            try run(["results", "rapporteur", "--edition", "2018", "--medal", medal, "--juror", rapporteur, "--as", chair], quiet: index > 0)
            try run(["results", "reasons", "--edition", "2018", "--medal", medal, "--text", reasons, "--as", rapporteur], quiet: index > 0)
        }
        try run([
            "results", "minority", "--edition", "2018", "--medal", "bronze", "--text",
            "I would have liked bronze to go to a project with a longer evaluation (illustrative).", "--as", DemoEdition.jury[3].role,
        ])
        try run(["results", "sign", "--edition", "2018", "--yes", "--as", chair])
        try run(["results", "record", "--edition", "2018"])

        section("11. The freeze, its verification and the publication")
        try run(["edition", "freeze", "2018", "--yes"])
        try run(["results", "verify", "--edition", "2018"])
        try run(
            ["score", "enter", "--edition", "2018", "--entry", "2", "--juror", DemoEdition.jury[0].role, "--criterion", "focus=1"],
            expectFailure: true)
        try run(["edition", "publish", "2018", "--yes"])

        section("12. The winners' report")
        let html = folder.appendingPathComponent("ecpa-2018-winners.html").path
        let markdown = folder.appendingPathComponent("ecpa-2018-winners.md").path
        try run(["report", "winners", "--edition", "2018", "--format", "html", "-o", html, "--force", "--label", Self.illustrative])
        try run(["report", "winners", "--edition", "2018", "--format", "md", "-o", markdown, "--force", "--label", Self.illustrative])
        try run(["report", "winners", "--edition", "2018", "--format", "md", "--label", Self.illustrative])

        section("13. What the representatives and the public read: the booklet and the feedback letters")
        let booklet = folder.appendingPathComponent("ecpa-2018-booklet.html").path
        let letters = folder.appendingPathComponent("letters").path
        try run(["report", "booklet", "--edition", "2018", "--format", "html", "-o", booklet, "--force"])
        try run(["report", "feedback", "--edition", "2018", "--format", "html", "-o", letters, "--force"], quiet: true)
        note("(one feedback letter per entry, written to \(letters); each representative can write their own country's, and only theirs)")
        let own = folder.appendingPathComponent("letter-fi").path
        try run(["report", "feedback", "--edition", "2018", "--entry", "1", "--format", "md", "-o", own, "--force", "--as", "demo_rep_fi"])
        try run(
            ["report", "feedback", "--edition", "2018", "--entry", "2", "--format", "md", "-o", own, "--force", "--as", "demo_rep_fi"],
            expectFailure: true)

        section("14. The public site: every published edition, its entries and the archive")
        let site = folder.appendingPathComponent("site")
        try run(["site", "build", site.path])
        note("(only what is published reaches it: it is read through the records PostgreSQL publishes to everyone)")
        env.print("")
        env.print("Demo finished. The entry files, the report (\(html)), the booklet and the letters are in \(folder.path).")
        env.print("Open the public site in a browser: \(site.appendingPathComponent("index.html").path)")
        if let url = env.variables["ECPA_DATABASE_URL"] {
            env.print("Look around: " + Self.command(program: program, ["results", "rank", "--db", url]))
        }
    }

    /// How `user add` or `jury add` gets the login: a new one with a password on standard input, or the existing one.
    private func login(_ role: String) -> [String] {
        existingRoles.contains(role) ? ["--existing-role"] : ["--password-file", "-"]
    }

    private func section(_ title: String) {
        env.print("")
        env.print("== \(title)")
    }

    private func note(_ text: String) { env.print(text) }

    private func write(_ text: String, name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs one command line; `quiet` runs it without printing (repeated steps), failing loudly all the same.
    private func run(_ arguments: [String], input: String = "", expectFailure: Bool = false, quiet: Bool = false) throws {
        var stepEnv = env
        stepEnv.readStandardInput = { Data(input.utf8) }
        if quiet {
            stepEnv.write = { _ in }
            stepEnv.writeError = { _ in }
        } else {
            env.print("$ ecpa " + arguments.map(Self.shellQuoted).joined(separator: " "))
            stepEnv.writeError = env.write
            // The step's refusals are shown on standard output: coloured only if it is a terminal.
            stepEnv.errorIsTerminal = env.outputIsTerminal
        }
        let status = ECPACommand.run(arguments: arguments, in: stepEnv)
        if expectFailure {
            guard status != 0 else { throw CLIError("The demo expected `ecpa \(arguments.joined(separator: " "))` to be refused, and it was not.") }
            if !quiet { env.print("(refused as expected, exit status \(status))") }
        } else if status != 0 {
            throw CLIError("The demo stopped: `ecpa \(arguments.joined(separator: " "))` failed with exit status \(status).")
        }
    }

    /// A command line a shell runs as printed.
    static func command(program: String, _ arguments: [String]) -> String {
        ([program] + arguments).map(shellQuoted).joined(separator: " ")
    }

    static func shellQuoted(_ argument: String) -> String {
        let safe = !argument.isEmpty && argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=+@".contains($0) }
        return safe ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
