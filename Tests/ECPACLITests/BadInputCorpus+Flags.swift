import Foundation

extension BadInputCorpus {
    /// Values typed on the command line: numbers, names, codes, texts and files named by flags.
    static let flags: [BadInput] = [
        BadInput(
            kind: .flag, name: "score-for-an-entry-that-does-not-exist", world: .scoring,
            command: "ecpa score enter --entry 999 --criterion focus=7 --as juror_at",
            exit: 2, error: "ecpa: There is no entry 999 in the 2018 edition; `ecpa score sheet` lists the entries you score. Nothing was written.\n"),
        BadInput(
            kind: .flag, name: "abstention-on-an-entry-that-does-not-exist", world: .scoring,
            command: "ecpa score enter --entry 999 --abstain --as juror_at",
            exit: 2, error: "ecpa: There is no entry 999 in the 2018 edition; `ecpa score sheet` lists the entries you score. Nothing was written.\n"),
        BadInput(
            kind: .flag, name: "score-for-an-unknown-criterion", world: .scoring,
            command: "ecpa score enter --entry 2 --criterion impact=7 --as juror_at",
            exit: 65,
            error:
                "ecpa: There is no criterion 'impact'; the criteria are focus, evaluation, innovation, cooperation, transferability. Nothing was written.\n"
        ),
        BadInput(
            kind: .flag, name: "score-off-the-scale", world: .scoring,
            command: "ecpa score enter --entry 2 --criterion focus=11 --criterion evaluation=-1 --as juror_at",
            exit: 65,
            error:
                "ecpa: 11 is not allowed for Focus on everyday crime and fear of crime: scores go from 0 to 10 in steps of 1. -1 is not allowed for Evaluated and effective: scores go from 0 to 10 in steps of 1. Nothing was written.\n"
        ),
        BadInput(
            kind: .flag, name: "score-in-words", world: .scoring,
            command: "ecpa score enter --entry 2 --criterion focus=seven --as juror_at",
            exit: 65, error: "ecpa: 'seven' is not a number (for focus); write the score in digits, such as focus=7. Nothing was written.\n"),
        BadInput(
            kind: .flag, name: "score-as-a-range", world: .scoring,
            command: "ecpa score enter --entry 2 --criterion focus=1-2 --as juror_at",
            exit: 65, error: "ecpa: '1-2' is not a number (for focus); write the score in digits, such as focus=7. Nothing was written.\n"),
        BadInput(
            kind: .flag, name: "score-as-a-dash", world: .scoring,
            command: "ecpa score enter --entry 2 --criterion focus=- --as juror_at",
            exit: 65, error: "ecpa: '-' is not a number (for focus); write the score in digits, such as focus=7. Nothing was written.\n"),
        BadInput(
            kind: .flag, name: "score-in-arabic-digits", world: .scoring,
            command: "ecpa score enter --entry 2 --criterion focus=٧ --as juror_at",
            exit: 65, error: "ecpa: '٧' is not a number (for focus); write the score in digits, such as focus=7. Nothing was written.\n"),
        BadInput(
            kind: .flag, name: "score-without-a-value", world: .scoring,
            command: "ecpa score enter --entry 2 --criterion focus --as juror_at",
            exit: 65, error: "ecpa: 'focus' is not CODE=VALUE; give a criterion and its score, such as focus=7. Nothing was written.\n"),
        BadInput(
            kind: .flag, name: "score-comment-too-long", world: .scoring,
            command: "ecpa score enter --entry 2 --criterion focus=7 --comment '{c*2001}' --as juror_at",
            exit: 64, error: "ecpa: --comment has 2,001 characters; the limit is 2,000. Shorten it.\n"),
        BadInput(
            kind: .flag, name: "score-for-own-countrys-entry", world: .scoring,
            command: "ecpa score enter --entry 1 --criterion focus=7 --as juror_fi",
            exit: 5, error: "ecpa: Juror juror_fi is from FI, the country of entry 1 \"The Forssa approach\", and does not score it.\n"),
        BadInput(
            kind: .flag, name: "score-after-publication", world: .published,
            command: "ecpa score enter --entry 2 --criterion focus=9 --as juror_at",
            exit: 3, error: "ecpa: The scores of the 2018 edition are frozen; nothing was changed.\n"),
        BadInput(
            kind: .flag, name: "entry-number-in-words", world: .scoring,
            command: "ecpa score enter --entry two --criterion focus=7 --as juror_at",
            exit: 64,
            error:
                "Error: The value 'two' is invalid for '--entry <entry>'\nHelp:  --entry <entry>  The entry's id.\nUsage: ecpa score enter [--db <url>] [--as <role>] [--edition <edition>] --entry <entry> [--criterion <code=value> ...] [--comment <comment>] [--abstain] [--withdraw-abstention] [--juror <juror>] [--format <format>] [--wide]\n  See 'ecpa score enter --help' for more information.\n"
        ),
        BadInput(
            kind: .flag, name: "empty-name", world: .empty,
            command: "ecpa user add rep_lt --kind national-representative --country LT --name '' --password-file -",
            fed: "a password on standard input", input: "correct horse battery\n",
            exit: 64, error: "ecpa: --name is empty; give the person's full name.\n"),
        BadInput(
            kind: .flag, name: "name-too-long", world: .empty,
            command: "ecpa user add rep_lt --kind national-representative --country LT --name '{n*201}' --password-file -",
            fed: "a password on standard input", input: "correct horse battery\n",
            exit: 64, error: "ecpa: --name has 201 characters; the limit is 200. Shorten it.\n"),
        BadInput(
            kind: .flag, name: "email-flag-without-an-at-sign", world: .empty,
            command:
                "ecpa user add rep_lt --kind national-representative --country LT --name 'Jonas Kazlauskas' --email jonas.example.lt --password-file -",
            fed: "a password on standard input", input: "correct horse battery\n",
            exit: 64, error: "ecpa: --email \"jonas.example.lt\" does not look like an e-mail address such as name@example.org.\n"),
        BadInput(
            kind: .flag, name: "country-code-unknown", world: .empty,
            command: "ecpa user add xx_rep --kind national-representative --country XX --name 'Jonas Kazlauskas' --password-file -",
            fed: "a password on standard input", input: "correct horse battery\n",
            exit: 64, error: "ecpa: --country \"XX\" is not a country code we know; use an ISO code such as FI, SE or GR (EL for Greece works too).\n"
        ),
        BadInput(
            kind: .flag, name: "password-too-short", world: .empty,
            command: "ecpa user add rep_lt --kind national-representative --country LT --name 'Jonas Kazlauskas' --password-file -",
            fed: "the password \"lietuva\" on standard input", input: "lietuva\n",
            exit: 65, error: "ecpa: The password must have at least 8 characters.\n"),
        BadInput(
            kind: .flag, name: "password-file-is-a-folder", world: .empty,
            command: "ecpa user add rep_lt --kind national-representative --country LT --name 'Jonas Kazlauskas' --password-file passwords",
            fed: "passwords is a folder", files: [.folder("passwords")],
            exit: 66, error: "ecpa: Cannot read passwords: it is a folder, not a file; give the password file's name.\n"),
        BadInput(
            kind: .flag, name: "login-name-with-capitals-and-a-dot", world: .empty,
            command: "ecpa user add Jonas.K --kind national-representative --country LT --name 'Jonas Kazlauskas' --password-file -",
            fed: "a password on standard input", input: "correct horse battery\n",
            exit: 64,
            error:
                "Error: \"Jonas.K\" is not a login name we accept: use 2 to 63 characters, lower-case letters a-z, digits and underscores, starting with a letter (e.g. anna_virtanen).\nUsage: ecpa user add [<options>] [<role>]\n  See 'ecpa user add --help' for more information.\n"
        ),
        BadInput(
            kind: .flag, name: "kind-of-person-unknown", world: .empty,
            command: "ecpa user add rep_lt --kind representative --country LT --name 'Jonas Kazlauskas' --password-file -",
            fed: "a password on standard input", input: "correct horse battery\n",
            exit: 64,
            error:
                "Error: The value 'representative' is invalid for '--kind <kind>'. Please provide one of 'secretariat' and 'national-representative'.\nHelp:  --kind <kind>  secretariat or national-representative.\nUsage: ecpa user add [<options>] [<role>]\n  See 'ecpa user add --help' for more information.\n"
        ),
        BadInput(
            kind: .flag, name: "host-country-unknown", world: .empty,
            command: "ecpa edition create --year 2031 --theme 'Safer public spaces' --host XX",
            exit: 64,
            error:
                "Error: --host \"XX\" is not a country code we know; use an ISO code such as FI, SE or GR (EL for Greece works too).\nUsage: ecpa edition create [<options>] --year <year> --theme <theme> --host <host>\n  See 'ecpa edition create --help' for more information.\n"
        ),
        BadInput(
            kind: .flag, name: "empty-theme", world: .empty,
            command: "ecpa edition create --year 2031 --theme ' ' --host FI",
            exit: 64, error: "ecpa: --theme is empty; give the theme the presidency chose.\n"),
        BadInput(
            kind: .flag, name: "theme-too-long", world: .empty,
            command: "ecpa edition create --year 2031 --theme '{t*301}' --host FI",
            exit: 64, error: "ecpa: --theme has 301 characters; the limit is 300. Shorten it.\n"),
        BadInput(
            kind: .flag, name: "city-too-long", world: .empty,
            command: "ecpa edition create --year 2031 --theme 'Safer public spaces' --host FI --city '{c*101}'",
            exit: 64, error: "ecpa: --city has 101 characters; the limit is 100. Shorten it.\n"),
        BadInput(
            kind: .flag, name: "escape-character-in-the-theme", world: .empty,
            command: "ecpa edition create --year 2031 --theme 'Safer{ESC}[2J spaces' --host FI",
            exit: 64, error: "ecpa: --theme contains the control character U+001B, which cannot be stored; remove it.\n"),
        BadInput(
            kind: .flag, name: "prize-with-two-decimal-points", world: .empty,
            command: "ecpa edition create --year 2031 --theme 'Safer public spaces' --host FI --prize-gold 1.2.3",
            exit: 64, error: "ecpa: --prize-gold \"1.2.3\" is not an amount in euros such as 10000 or 7500.50.\n"),
        BadInput(
            kind: .flag, name: "prize-with-a-thousands-separator", world: .empty,
            command: "ecpa edition create --year 2031 --theme 'Safer public spaces' --host FI --prize-gold 10,000",
            exit: 64, error: "ecpa: --prize-gold \"10,000\" is not an amount in euros such as 10000 or 7500.50.\n"),
        BadInput(
            kind: .flag, name: "prize-in-tenths-of-a-cent", world: .empty,
            command: "ecpa edition create --year 2031 --theme 'Safer public spaces' --host FI --prize-silver 5000.505",
            exit: 64, error: "ecpa: --prize-silver \"5000.505\" is not an amount in euros such as 10000 or 7500.50.\n"),
        BadInput(
            kind: .flag, name: "prize-with-the-currency", world: .empty,
            command: "ecpa edition create --year 2031 --theme 'Safer public spaces' --host FI --prize-bronze 'EUR 5000'",
            exit: 64, error: "ecpa: --prize-bronze \"EUR 5000\" is not an amount in euros such as 10000 or 7500.50.\n"),
        BadInput(
            kind: .flag, name: "year-before-the-first-award", world: .empty,
            command: "ecpa edition create --year 1990 --theme 'Safer public spaces' --host FI",
            exit: 65, error: "ecpa: The year must be between 1997 and 2200.\n"),
        BadInput(
            kind: .flag, name: "edition-that-exists", world: .submissions,
            command: "ecpa edition create --year 2018 --theme 'Community Policing' --host AT",
            exit: 4,
            error: "ecpa: There is already a 2018 edition (Community Policing); there is one edition a year. `ecpa edition show 2018` shows it.\n"),
        BadInput(
            kind: .flag, name: "scoring-opened-on-a-published-edition", world: .published,
            command: "ecpa edition scoring open 2018",
            exit: 3, error: "ecpa: The 2018 edition is published: its scores are final, so scoring cannot open again.\n"),
        BadInput(
            kind: .flag, name: "scoring-opened-while-submissions-are-open", world: .submissions,
            command: "ecpa edition scoring open 2018",
            exit: 3,
            error:
                "ecpa: Scoring opens only after the call for entries is closed, and the 2018 edition is in the submissions open phase. Close the call first: `ecpa edition close 2018`.\n"
        ),
        BadInput(
            kind: .flag, name: "scoring-closed-on-a-draft", world: .submissions,
            command: "ecpa edition scoring close 2030",
            exit: 3,
            error: "ecpa: Scoring for the 2030 edition has not opened yet (the edition is in the draft phase), so there is nothing to close.\n"),
        BadInput(
            kind: .flag, name: "published-edition-opened-for-submissions", world: .published,
            command: "ecpa edition open 2018",
            exit: 3,
            error:
                "ecpa: The 2018 edition cannot move from published to submissions open. Phases go draft, submissions open, submissions closed, scoring, frozen, published.\n"
        ),
        BadInput(
            kind: .flag, name: "scoring-opened-on-an-edition-that-does-not-exist", world: .submissions,
            command: "ecpa edition scoring open 2019",
            exit: 2, error: "ecpa: There is no 2019 edition. `ecpa edition list` shows the editions.\n"),
        BadInput(
            kind: .flag, name: "ineligible-without-a-reason", world: .submissions,
            command: "ecpa entry eligibility 1 --ineligible",
            exit: 64,
            error:
                "Error: '--ineligible' needs '--reason'.\nUsage: ecpa entry eligibility [--db <url>] [--as <role>] [--format <format>] [--wide] <id> [--eligible] [--ineligible] [--reason <reason>]\n  See 'ecpa entry eligibility --help' for more information.\n"
        ),
        BadInput(
            kind: .flag, name: "ineligibility-reason-too-long", world: .submissions,
            command: "ecpa entry eligibility 1 --ineligible --reason '{r*2001}'",
            exit: 64, error: "ecpa: --reason has 2,001 characters; the limit is 2,000. Shorten it.\n"),
        BadInput(
            kind: .flag, name: "late-acceptance-for-an-unknown-country", world: .submissions,
            command: "ecpa entry accept-late --edition 2017 --country XX --until '2099-10-02 12:00' --reason 'National selection delayed.'",
            exit: 64, error: "ecpa: --country \"XX\" is not a country code we know; use an ISO code such as FI, SE or GR (EL for Greece works too).\n"
        ),
        BadInput(
            kind: .flag, name: "late-acceptance-with-an-empty-reason", world: .submissions,
            command: "ecpa entry accept-late --edition 2017 --country FI --until '2099-10-02 12:00' --reason ''",
            exit: 64,
            error:
                "Error: '--reason' cannot be empty: a late acceptance must say why.\nUsage: ecpa entry accept-late [--db <url>] [--as <role>] [--format <format>] [--wide] --edition <edition> --country <country> --until <until> --reason <reason>\n  See 'ecpa entry accept-late --help' for more information.\n"
        ),
        BadInput(
            kind: .flag, name: "conflict-reason-too-long", world: .scoring,
            command: "ecpa jury conflict declare --entry 2 --reason '{r*2001}' --as juror_at",
            exit: 64, error: "ecpa: --reason has 2,001 characters; the limit is 2,000. Shorten it.\n"),
        BadInput(
            kind: .flag, name: "override-without-a-reason", world: .scoring,
            command: "ecpa results override --entry 2 --place 1",
            exit: 64,
            error:
                "Error: An override needs '--reason': the report prints it.\nUsage: ecpa results override [--db <url>] [--as <role>] [--edition <edition>] --entry <entry> [--place <place>] [--reason <reason>] [--clear]\n  See 'ecpa results override --help' for more information.\n"
        ),
        BadInput(
            kind: .flag, name: "juror-country-unknown", world: .scoring,
            command: "ecpa jury add juror_xx --country XX --name 'Juror X' --password-file -",
            fed: "a password on standard input", input: "correct horse battery\n",
            exit: 64, error: "ecpa: --country \"XX\" is not a country code we know; use an ISO code such as FI, SE or GR (EL for Greece works too).\n"
        ),
        BadInput(
            kind: .flag, name: "entry-state-unknown", world: .submissions,
            command: "ecpa entry list --state sent",
            exit: 64,
            error:
                "Error: The value 'sent' is invalid for '--state <state>'. Please provide one of 'draft', 'submitted', 'eligible', 'ineligible' or 'withdrawn'.\nHelp:  --state <state>  Only entries in this state: draft, submitted, eligible, ineligible or withdrawn.\nUsage: ecpa entry list [--db <url>] [--as <role>] [--format <format>] [--wide] [--edition <edition>] [--country <country>] [--state <state>]\n  See 'ecpa entry list --help' for more information.\n"
        ),
        BadInput(
            kind: .flag, name: "template-onto-an-existing-file", world: .empty,
            command: "ecpa entry template --edition 2018 --country FI -o entry.toml",
            fed: "entry.toml exists already (a filled-in entry)",
            files: [.text("entry.toml", entry())],
            exit: 4, error: "ecpa: entry.toml exists already; nothing was written. Choose another name, or add --force to replace it.\n"),
        BadInput(
            kind: .flag, name: "scheme-criterion-name-too-long", world: .submissions,
            command: "ecpa scheme set --edition 2018 --file scheme.toml",
            fed: "a scheme whose one criterion has a name of 201 characters",
            files: [.text("scheme.toml", scheme(criterionName: String(repeating: "n", count: 201)))],
            exit: 65,
            error:
                "scheme.toml:6: criteria.focus.name: has 201 characters; the limit is 200. Shorten it.\necpa: 1 problem in scheme.toml; the scheme was not set.\n"
        ),
        BadInput(
            kind: .flag, name: "scheme-criterion-description-too-long", world: .submissions,
            command: "ecpa scheme set --edition 2018 --file scheme.toml",
            fed: "a scheme whose one criterion has a description of 2,001 characters",
            files: [.text("scheme.toml", scheme(description: String(repeating: "d", count: 2_001)))],
            exit: 65,
            error:
                "scheme.toml:7: criteria.focus.description: has 2,001 characters; the limit is 2,000. Shorten it.\necpa: 1 problem in scheme.toml; the scheme was not set.\n"
        ),
        BadInput(
            kind: .flag, name: "scheme-file-that-does-not-exist", world: .submissions,
            command: "ecpa scheme set --edition 2018 --file scheme.toml",
            exit: 66, error: "ecpa: Cannot read scheme.toml: there is no such file. Check the name and the folder.\n"),
    ]
}
