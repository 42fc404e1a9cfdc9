import Foundation

extension BadInputCorpus {
    /// Times and durations: deadlines, windows, late acceptances and the session time limits.
    static let times: [BadInput] = [
        BadInput(
            kind: .time, name: "opening-after-the-deadline-passed", world: .submissions,
            command: "ecpa edition open 2024",
            exit: 65,
            error:
                "ecpa: The deadline of the 2024 edition, 2024-09-30 23:59 CEST (Europe/Brussels), has already passed, so every entry would be refused; nothing was changed. Give a later one: `ecpa edition open 2024 --closes \"YYYY-MM-DD HH:MM\"`.\n"
        ),
        BadInput(
            kind: .time, name: "opening-with-a-deadline-in-the-past", world: .submissions,
            command: "ecpa edition open 2030 --closes '2021-09-30 23:59'",
            exit: 65,
            error:
                "ecpa: The deadline of the 2030 edition, 2021-09-30 23:59 CEST (Europe/Brussels), has already passed, so every entry would be refused; nothing was changed. Give a later one: `ecpa edition open 2030 --closes \"YYYY-MM-DD HH:MM\"`.\n"
        ),
        BadInput(
            kind: .time, name: "moving-an-open-editions-deadline-into-the-past", world: .submissions,
            command: "ecpa edition open 2018 --closes '2018-09-30 23:59'",
            exit: 65,
            error:
                "ecpa: The deadline of the 2018 edition, 2018-09-30 23:59 CEST (Europe/Brussels), has already passed, so every entry would be refused; nothing was changed. Give a later one: `ecpa edition open 2018 --closes \"YYYY-MM-DD HH:MM\"`.\n"
        ),
        BadInput(
            kind: .time, name: "opening-without-a-deadline", world: .submissions,
            command: "ecpa edition open 2030",
            exit: 65,
            error:
                "ecpa: The 2030 edition has no submission deadline yet, so it was not opened. Give one: `ecpa edition open 2030 --closes \"YYYY-MM-DD HH:MM\"`.\n"
        ),
        BadInput(
            kind: .time, name: "entry-after-the-deadline", world: .submissions,
            command: "ecpa entry submit entry.toml --as rep_se",
            fed: "a complete Swedish entry for the 2017 edition, whose deadline has passed",
            files: [.text("entry.toml", entry(edition: 2017, country: "SE", title: "Safe in the metro"))],
            exit: 3,
            error:
                "ecpa: The deadline for the 2017 edition passed at 2017-09-30 23:59 (Europe/Brussels); nothing was changed. Only the secretariat can accept an entry after the deadline, with a recorded reason.\n"
        ),
        BadInput(
            kind: .time, name: "date-written-day-first", world: .empty,
            command: "ecpa edition create --year 2032 --theme 'Safer public spaces' --host FI --closes 30/09/2032",
            exit: 64,
            error:
                "ecpa: --closes \"30/09/2032\": \"30/09/2032\" is not a date and time such as 2024-09-30 23:59 or 2024-09-30T23:59+02:00. Write it as YYYY-MM-DD HH:MM (read in Europe/Brussels) or with an offset such as 2024-09-30T23:59+02:00.\n"
        ),
        BadInput(
            kind: .time, name: "day-that-does-not-exist", world: .empty,
            command: "ecpa edition create --year 2032 --theme 'Safer public spaces' --host FI --closes '2032-02-30 12:00'",
            exit: 64,
            error:
                "ecpa: --closes \"2032-02-30 12:00\": \"2032-02-30 12:00\" names a day that does not exist. Write it as YYYY-MM-DD HH:MM (read in Europe/Brussels) or with an offset such as 2024-09-30T23:59+02:00.\n"
        ),
        BadInput(
            kind: .time, name: "hour-skipped-by-summer-time", world: .empty,
            command: "ecpa edition create --year 2032 --theme 'Safer public spaces' --host FI --closes '2032-03-28 02:30'",
            exit: 64,
            error:
                "ecpa: --closes \"2032-03-28 02:30\": 2032-03-28 02:30 does not exist in Europe/Brussels: the clocks jump over it when summer time starts. Give a time outside that hour, or an explicit offset such as +01:00. Write it as YYYY-MM-DD HH:MM (read in Europe/Brussels) or with an offset such as 2024-09-30T23:59+02:00.\n"
        ),
        BadInput(
            kind: .time, name: "zone-abbreviation-after-the-time", world: .empty,
            command: "ecpa edition create --year 2032 --theme 'Safer public spaces' --host FI --closes '2032-09-30 23:59 CEST'",
            exit: 64,
            error:
                "ecpa: --closes \"2032-09-30 23:59 CEST\": \"2032-09-30 23:59 CEST\" is not a date and time such as 2024-09-30 23:59 or 2024-09-30T23:59+02:00. Write it as YYYY-MM-DD HH:MM (read in Europe/Brussels) or with an offset such as 2024-09-30T23:59+02:00.\n"
        ),
        BadInput(
            kind: .time, name: "hour-twenty-four", world: .empty,
            command: "ecpa edition create --year 2032 --theme 'Safer public spaces' --host FI --closes '2032-09-30 24:00'",
            exit: 64,
            error:
                "ecpa: --closes \"2032-09-30 24:00\": \"2032-09-30 24:00\" has no such time of day: hours go from 00 to 23, minutes and seconds from 00 to 59. Write it as YYYY-MM-DD HH:MM (read in Europe/Brussels) or with an offset such as 2024-09-30T23:59+02:00.\n"
        ),
        BadInput(
            kind: .time, name: "deadline-before-the-opening", world: .empty,
            command: "ecpa edition create --year 2032 --theme 'Safer public spaces' --host FI --opens '2032-09-30 09:00' --closes '2032-03-01 09:00'",
            exit: 64,
            error:
                "Error: '--closes' must be after '--opens'.\nUsage: ecpa edition create [<options>] --year <year> --theme <theme> --host <host>\n  See 'ecpa edition create --help' for more information.\n"
        ),
        BadInput(
            kind: .time, name: "conference-ending-before-it-starts", world: .empty,
            command:
                "ecpa edition create --year 2032 --theme 'Safer public spaces' --host FI --conference-start 2032-12-05 --conference-end 2032-12-04",
            exit: 64,
            error:
                "Error: '--conference-end' must not be before '--conference-start'.\nUsage: ecpa edition create [<options>] --year <year> --theme <theme> --host <host>\n  See 'ecpa edition create --help' for more information.\n"
        ),
        BadInput(
            kind: .time, name: "conference-day-in-words", world: .empty,
            command: "ecpa edition create --year 2032 --theme 'Safer public spaces' --host FI --conference-start '4 December 2032'",
            exit: 64, error: "ecpa: --conference-start \"4 December 2032\" is not a date; write it as YYYY-MM-DD.\n"),
        BadInput(
            kind: .time, name: "time-zone-misspelt", world: .empty,
            command: "ecpa edition create --year 2032 --theme 'Safer public spaces' --host FI --time-zone Europe/Brussel",
            exit: 64,
            error:
                "Error: --time-zone \"Europe/Brussel\" is not a time zone; use an IANA name such as Europe/Brussels.\nUsage: ecpa edition create [<options>] --year <year> --theme <theme> --host <host>\n  See 'ecpa edition create --help' for more information.\n"
        ),
        BadInput(
            kind: .time, name: "late-acceptance-until-a-past-time", world: .submissions,
            command: "ecpa entry accept-late --edition 2017 --country SE --until '2017-10-02 12:00' --reason 'The national jury met late.'",
            exit: 65,
            error:
                "ecpa: --until \"2017-10-02 12:00\" has already passed; a late acceptance runs until a time in the future (read in Europe/Brussels unless an offset is given).\n"
        ),
        BadInput(
            kind: .time, name: "late-acceptance-until-tomorrow-in-words", world: .submissions,
            command: "ecpa entry accept-late --edition 2017 --country SE --until tomorrow --reason 'The national jury met late.'",
            exit: 64,
            error:
                "ecpa: --until \"tomorrow\": \"tomorrow\" is not a date and time such as 2024-09-30 23:59 or 2024-09-30T23:59+02:00. Write it as YYYY-MM-DD HH:MM (read in Europe/Brussels) or with an offset such as 2024-09-30T23:59+02:00.\n"
        ),
        BadInput(
            kind: .time, name: "lock-timeout-in-words", world: .submissions,
            command: "ecpa edition list",
            environment: ["ECPA_LOCK_TIMEOUT": "ten seconds"],
            exit: 64,
            error:
                "ecpa: ECPA_LOCK_TIMEOUT is \"ten seconds\", which PostgreSQL cannot read as a length of time. Write it like 10s, 2min or 1 hour; 0 turns the limit off.\n"
        ),
        BadInput(
            kind: .time, name: "statement-timeout-negative", world: .submissions,
            command: "ecpa edition close 2018",
            environment: ["ECPA_STATEMENT_TIMEOUT": "-5min"],
            exit: 64, error: "ecpa: ECPA_STATEMENT_TIMEOUT must be between 0 (no limit) and 24 d 20 h; it is \"-5min\".\n"),
    ]
}
