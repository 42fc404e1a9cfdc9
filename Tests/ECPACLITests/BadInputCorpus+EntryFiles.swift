import Foundation

extension BadInputCorpus {
    /// Entry files a national representative writes, checked with `entry validate` (no database)
    /// or sent with `entry submit`.
    static let entryFiles: [BadInput] = [
        BadInput(
            kind: .entryFile, name: "nul-byte-in-an-answer", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "the sample entry with a NUL byte (a zero byte) inside the objectives answer",
            files: [.bytes("entry.toml", Array(entry(replacing: "objectives", with: "objectives = \"Lower\u{0} tension.\"").utf8))],
            exit: 65, error: "", output: "entry.toml:12: objectives: contains the control character U+0000; remove it.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "nul-byte-in-an-answer-submitted", world: .submissions,
            command: "ecpa entry submit entry.toml --as rep_fi",
            fed: "the sample entry with a NUL byte inside the objectives answer",
            files: [.bytes("entry.toml", Array(entry(replacing: "objectives", with: "objectives = \"Lower\u{0} tension.\"").utf8))],
            exit: 65,
            error:
                "entry.toml:12: objectives: contains the control character U+0000; remove it.\necpa: 1 problem in entry.toml; nothing was submitted.\n"
        ),
        BadInput(
            kind: .entryFile, name: "nul-escape-in-the-title", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: #"the title written as "The Forssa\u0000 approach""#,
            files: [.text("entry.toml", entry(replacing: "title", with: #"title = "The Forssa\u0000 approach""#))],
            exit: 65, error: "", output: "entry.toml:4: title: contains the control character U+0000; remove it.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "escape-character-in-the-contact-name", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "the contact name with an escape sequence that would clear a screen",
            files: [.text("entry.toml", entry(replacing: "name =", with: "name = \"Anna\u{1B}[2J Virtanen\""))],
            exit: 65, error: "", output: "entry.toml:22: contact.name: contains the control character U+001B; remove it.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "ten-megabyte-answer", world: .submissions,
            command: "ecpa entry submit entry.toml --as rep_fi",
            fed: "the objectives answer 10,000,001 characters long (10 MB)",
            files: [.text("entry.toml", entry(replacing: "objectives", with: "objectives = \"" + String(repeating: "a", count: 10_000_001) + "\""))],
            exit: 65,
            error:
                "entry.toml:12: objectives: has 10,000,001 characters; the limit is 10,000.\necpa: 1 problem in entry.toml; nothing was submitted.\n"),
        BadInput(
            kind: .entryFile, name: "answer-one-character-too-long", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "the partners answer 10,001 characters long",
            files: [.text("entry.toml", entry(replacing: "partners", with: "partners = \"" + String(repeating: "p", count: 10_001) + "\""))],
            exit: 65, error: "", output: "entry.toml:17: partners: has 10,001 characters; the limit is 10,000.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "title-too-long", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "a title of 251 characters",
            files: [.text("entry.toml", entry(replacing: "title", with: "title = \"" + String(repeating: "T", count: 251) + "\""))],
            exit: 65, error: "", output: "entry.toml:4: title: has 251 characters; the limit is 250.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "contact-email-too-long", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "an e-mail address of 255 characters",
            files: [.text("entry.toml", entry(replacing: "email", with: "email = \"" + String(repeating: "a", count: 243) + "@example.org\""))],
            exit: 65, error: "", output: "entry.toml:23: contact.email: has 255 characters; the limit is 254.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "contact-phone-too-long", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "a [contact] phone of 51 characters",
            files: [.text("entry.toml", entry() + "phone = \"+358 " + String(repeating: "1", count: 46) + "\"\n")],
            exit: 65, error: "", output: "entry.toml:24: contact.phone: has 51 characters; the limit is 50.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "twenty-one-links", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "21 links",
            files: [
                .text(
                    "entry.toml",
                    entry(replacing: "links", with: "links = [" + (1...21).map { "\"https://example.org/\($0)\"" }.joined(separator: ", ") + "]"))
            ],
            exit: 65, error: "", output: "entry.toml:7: links: has 21 links; the limit is 20.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "link-too-long", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "a link of 2,001 characters",
            files: [
                .text("entry.toml", entry(replacing: "links", with: "links = [\"https://example.org/" + String(repeating: "x", count: 1_981) + "\"]"))
            ],
            exit: 65, error: "", output: "entry.toml:7: links: link 1 has 2,001 characters; the limit is 2,000.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "start-date-in-2099", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "start_date = 2099-01-01 in an entry for the 2018 edition",
            files: [.text("entry.toml", entry(replacing: "start_date", with: "start_date = 2099-01-01"))],
            exit: 65, error: "",
            output:
                "entry.toml:5: start_date: 2099-01-01 is after the 2018 edition; give the day the project started (an entry describes a project that has begun).\n1 problem found.\n"
        ),
        BadInput(
            kind: .entryFile, name: "end-date-in-2099", world: .submissions,
            command: "ecpa entry submit entry.toml --as rep_fi",
            fed: "still_running = false and end_date = 2099-12-31 in an entry for the 2018 edition",
            files: [.text("entry.toml", entry(replacing: "still_running", with: "still_running = false\nend_date = 2099-12-31"))],
            exit: 65,
            error:
                "entry.toml:7: end_date: 2099-12-31 is after the 2018 edition, but still_running = false says the project has ended; give the day it ended, or write still_running = true and end_date = \"\".\necpa: 1 problem in entry.toml; nothing was submitted.\n"
        ),
        BadInput(
            kind: .entryFile, name: "end-date-before-start-date", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "end_date = 2015-06-30, before start_date = 2016-01-01",
            files: [.text("entry.toml", entry(replacing: "still_running", with: "still_running = false\nend_date = 2015-06-30"))],
            exit: 65, error: "", output: "entry.toml:7: end_date: 2015-06-30 is before the start date 2016-01-01.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "end-date-while-still-running", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "still_running = true with end_date = 2020-06-30",
            files: [.text("entry.toml", entry(replacing: "still_running", with: "still_running = true\nend_date = 2020-06-30"))],
            exit: 65, error: "", output: "entry.toml:7: end_date: must be left empty (\"\") while the project is still running.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "no-end-date-after-the-project-ended", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "still_running = false without an end_date",
            files: [.text("entry.toml", entry(replacing: "still_running", with: "still_running = false"))],
            exit: 65, error: "", output: "entry.toml: end_date: is required when the project is no longer running.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "start-date-that-does-not-exist", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "start_date = 2021-02-30",
            files: [.text("entry.toml", entry(replacing: "start_date", with: "start_date = 2021-02-30"))],
            exit: 65, error: "", output: "entry.toml:5: start_date: 2021-02-30 is not a day that exists.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "start-date-written-the-european-way", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: #"start_date = "01/03/2016""#,
            files: [.text("entry.toml", entry(replacing: "start_date", with: #"start_date = "01/03/2016""#))],
            exit: 65, error: "", output: "entry.toml:5: start_date: must be a date such as 2019-06-30.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "still-running-as-perhaps", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: #"still_running = "perhaps""#,
            files: [.text("entry.toml", entry(replacing: "still_running", with: #"still_running = "perhaps""#))],
            exit: 65, error: "", output: "entry.toml:6: still_running: must be true or false.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "country-outside-the-eu", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: #"country = "NO""#,
            files: [.text("entry.toml", entry(replacing: "country", with: #"country = "NO""#))],
            exit: 65, error: "",
            output: "entry.toml:2: country: NO is not an EU member state; use the two-letter code of one, such as \"BE\".\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "united-kingdom-after-it-left", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: #"country = "GB" in an entry for the 2024 edition"#,
            files: [.text("entry.toml", entry(replacing: "country", with: #"country = "GB""#, edition: 2024))],
            exit: 65, error: "",
            output:
                "entry.toml:2: country: United Kingdom (GB) is no longer an EU member state and can only appear in editions up to 2019.\n1 problem found.\n"
        ),
        BadInput(
            kind: .entryFile, name: "kind-misspelt", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: #"kind = "competitive""#,
            files: [.text("entry.toml", entry(replacing: "kind", with: #"kind = "competitive""#))],
            exit: 65, error: "", output: "entry.toml:3: kind: must be \"competing\" or \"additional\".\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "answer-missing-in-a-competing-entry", world: .submissions,
            command: "ecpa entry submit entry.toml --as rep_se",
            fed: "a Swedish competing entry without the partners answer",
            files: [.text("entry.toml", entry(replacing: "partners", with: "").replacingOccurrences(of: "\"FI\"", with: "\"SE\""))],
            exit: 65, error: "entry.toml: partners: is required for a competing entry.\necpa: 1 problem in entry.toml; nothing was submitted.\n"),
        BadInput(
            kind: .entryFile, name: "description-over-600-words", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "a description of 601 words",
            files: [.text("entry.toml", entry(replacing: "A mediation approach", with: Array(repeating: "word", count: 601).joined(separator: " ")))],
            exit: 65, error: "", output: "entry.toml:9: description: has 601 words; the limit is 600.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "contact-email-without-an-at-sign", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: #"email = "anna at example.org""#,
            files: [.text("entry.toml", entry(replacing: "email", with: #"email = "anna at example.org""#))],
            exit: 65, error: "",
            output:
                "entry.toml:23: contact.email: \"anna at example.org\" does not look like an e-mail address such as name@example.org.\n1 problem found.\n"
        ),
        BadInput(
            kind: .entryFile, name: "link-without-https", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: #"links = ["www.example.org/project"]"#,
            files: [.text("entry.toml", entry(replacing: "links", with: #"links = ["www.example.org/project"]"#))],
            exit: 65, error: "",
            output:
                "entry.toml:7: links: the link \"www.example.org/project\" must be a web address starting with https:// or http://.\n1 problem found.\n"
        ),
        BadInput(
            kind: .entryFile, name: "misspelt-field", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: #"titel = "The Forssa approach" instead of title"#,
            files: [.text("entry.toml", entry(replacing: "title", with: #"titel = "The Forssa approach""#))],
            exit: 65, error: "",
            output: "entry.toml:4: titel: is not a field of the entry form; did you mean title?\nentry.toml: title: is required.\n2 problems found.\n"
        ),
        BadInput(
            kind: .entryFile, name: "answer-below-the-contact-heading", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "the partners answer moved below [contact]",
            files: [.text("entry.toml", entry(replacing: "partners", with: "") + "partners = \"Police and town.\"\n")],
            exit: 65, error: "",
            output:
                "entry.toml:24: contact.partners: partners belongs above [contact]: everything after [contact] is read as contact details.\nentry.toml: partners: is required for a competing entry.\n2 problems found.\n"
        ),
        BadInput(
            kind: .entryFile, name: "quote-never-closed", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: #"title = "The Forssa approach (the closing quote missing)"#,
            files: [.text("entry.toml", entry(replacing: "title", with: #"title = "The Forssa approach"#))],
            exit: 65, error: "",
            output:
                "entry.toml:4: title: has text whose closing \" is missing; for text over several lines use triple quotes \"\"\".\n1 problem found.\n"
        ),
        BadInput(
            kind: .entryFile, name: "saved-as-latin-1", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "the sample entry saved in Windows-1252 (Latin-1), with an é in the title",
            files: [.bytes("entry.toml", Array(entry(replacing: "title", with: "title = \"Caf\u{E9} talks\"").data(using: .isoLatin1) ?? Data()))],
            exit: 65,
            error:
                "ecpa: entry.toml is not saved as UTF-8 text (line 4 has bytes that are not UTF-8), so its accented letters would be garbled. Save it again as UTF-8 (in Notepad: Save As, Encoding UTF-8) and check it again.\n"
        ),
        BadInput(
            kind: .entryFile, name: "empty-file", world: .submissions,
            command: "ecpa entry submit entry.toml --as rep_fi",
            fed: "an empty file",
            files: [.text("entry.toml", "")],
            exit: 65,
            error:
                "entry.toml: country: is required.\nentry.toml: kind: is required: \"competing\" or \"additional\".\nentry.toml: title: is required.\nentry.toml: contact.name: is required.\nentry.toml: contact.email: is required.\nentry.toml: start_date: is required.\nentry.toml: still_running: is required: true or false.\nentry.toml: description: is required.\necpa: 8 problems in entry.toml; nothing was submitted.\n"
        ),
        BadInput(
            kind: .entryFile, name: "file-that-does-not-exist", world: .empty,
            command: "ecpa entry validate entrry.toml",
            exit: 66, error: "ecpa: Cannot read entrry.toml: there is no such file. Check the name and the folder.\n"),
        BadInput(
            kind: .entryFile, name: "folder-instead-of-a-file", world: .submissions,
            command: "ecpa entry submit entries --as rep_fi",
            fed: "entries is a folder",
            files: [.folder("entries")],
            exit: 66, error: "ecpa: Cannot read entries: it is a folder, not a file; give the entry file's name.\n"),
        BadInput(
            kind: .entryFile, name: "edition-before-the-first-award", world: .empty,
            command: "ecpa entry validate entry.toml",
            fed: "edition = 1990",
            files: [.text("entry.toml", entry(edition: 1990))],
            exit: 65, error: "", output: "entry.toml:1: edition: must be a year from 1997, when the award began, e.g. 2024.\n1 problem found.\n"),
        BadInput(
            kind: .entryFile, name: "edition-flag-and-file-disagree", world: .submissions,
            command: "ecpa entry submit entry.toml --edition 2017 --as rep_fi",
            fed: "the sample entry (edition = 2018)",
            files: [.text("entry.toml", entry())],
            exit: 65,
            error: "entry.toml: edition: the file says 2018 but --edition says 2017.\necpa: 1 problem in entry.toml; nothing was submitted.\n"),
        BadInput(
            kind: .entryFile, name: "entry-for-an-edition-that-does-not-exist", world: .submissions,
            command: "ecpa entry submit entry.toml --as rep_fi",
            fed: "the sample entry for edition = 2019",
            files: [.text("entry.toml", entry(edition: 2019))],
            exit: 2, error: "ecpa: There is no 2019 edition. `ecpa edition list` shows the editions.\n"),
        BadInput(
            kind: .entryFile, name: "another-countrys-entry", world: .submissions,
            command: "ecpa entry submit entry.toml --as rep_fi",
            fed: #"a Swedish entry (country = "SE") sent by Finland's representative"#,
            files: [.text("entry.toml", entry(country: "SE", title: "Safe in the metro"))],
            exit: 5, error: "ecpa: You represent FI; entries of SE are not yours to send or change.\n"),
        BadInput(
            kind: .entryFile, name: "second-competing-entry", world: .submissions,
            command: "ecpa entry submit entry.toml --as rep_fi",
            fed: "a second competing Finnish entry, while entry 1 is submitted",
            files: [.text("entry.toml", entry(title: "Another Finnish project"))],
            exit: 4,
            error:
                "ecpa: Finland already has a competing entry in the 2018 edition: entry 1 \"The Forssa approach\" (submitted). Change that entry with `ecpa entry submit FILE --entry 1`, or withdraw it first; another project can be sent as an additional entry.\n"
        ),
    ]
}
