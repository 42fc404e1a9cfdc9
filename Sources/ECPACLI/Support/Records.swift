import ECPACore
import ECPAStore
import Foundation

/// How domain values print: one place, so tables, CSV and JSON agree (the JSON keys are documented in docs/cli.md).
enum Records {
    static let editionColumns = [
        "year", "theme", "host_country", "host_city", "phase", "time_zone", "submissions_open_at", "deadline",
    ]

    static func edition(_ edition: Edition) -> Record {
        let zone = TimeText.zone(edition.timeZone)
        return Record([
            ("year", .integer(Int64(edition.year))),
            ("theme", .text(edition.theme)),
            ("host_country", .text(edition.hostCountry.rawValue)),
            ("host_city", .text(edition.hostCity.isEmpty ? nil : edition.hostCity)),
            ("phase", .text(edition.phase.rawValue)),
            ("time_zone", .text(edition.timeZone)),
            ("submissions_open_at", .time(edition.submissionsOpenAt, zone: zone)),
            ("deadline", .time(edition.submissionsCloseAt, zone: zone)),
        ])
    }

    static func editionDetail(_ edition: Edition) -> Record {
        var record = Records.edition(edition)
        record.fields.insert((key: "host_country_name", value: .text(Country.named(edition.hostCountry)?.name)), at: 3)
        record.fields += [
            (key: "conference_start", value: .text(edition.conferenceStart?.iso)),
            (key: "conference_end", value: .text(edition.conferenceEnd?.iso)),
            (key: "prize_gold_eur", value: .decimal(edition.prizes.gold)),
            (key: "prize_silver_eur", value: .decimal(edition.prizes.silver)),
            (key: "prize_bronze_eur", value: .decimal(edition.prizes.bronze)),
            (key: "scoring_open", value: .bool(edition.scoringOpen)),
            (key: "max_voting_jurors", value: .integer(Int64(edition.maxVotingJurors))),
            (key: "own_country_conflict", value: .bool(edition.ownCountryConflict)),
        ]
        return record
    }

    static let entryColumns = ["id", "edition", "country", "kind", "state", "title", "submitted_at", "accepted_late"]

    static func entry(_ entry: Entry, zone: TimeZone) -> Record {
        Record([
            ("id", .integer(entry.id.rawValue)),
            ("edition", .integer(Int64(entry.editionYear))),
            ("country", .text(entry.country.rawValue)),
            ("kind", .text(entry.kind.rawValue)),
            ("state", .text(entry.state.rawValue)),
            ("title", .text(entry.form.title)),
            ("submitted_at", .time(entry.submittedAt, zone: zone)),
            ("accepted_late", .bool(entry.acceptedLate)),
        ])
    }

    static func entryDetail(_ entry: Entry, zone: TimeZone) -> Record {
        let form = entry.form
        var record = Records.entry(entry, zone: zone)
        record.fields += [
            (key: "ineligible_reason", value: .text(entry.ineligibleReason)),
            (key: "contact_name", value: .text(form.contact.name)),
            (key: "contact_organisation", value: .text(form.contact.organisation)),
            (key: "contact_email", value: .text(form.contact.email)),
            (key: "contact_phone", value: .text(form.contact.phone)),
            (key: "start_date", value: .text(form.startDate?.iso)),
            (key: "still_running", value: .bool(form.stillRunning)),
            (key: "end_date", value: .text(form.endDate?.iso)),
            (key: "links", value: .list(form.links)),
            (key: "description_words", value: .integer(Int64(WordCount.count(form.description ?? "")))),
            (key: "description", value: .text(form.description)),
            (key: "objectives", value: .text(form.objectives)),
            (key: "target_group", value: .text(form.targetGroup)),
            (key: "evaluation_method", value: .text(form.evaluationMethod)),
            (key: "evaluation_results", value: .text(form.evaluationResults)),
            (key: "innovation", value: .text(form.innovation)),
            (key: "partners", value: .text(form.partners)),
            (key: "transferability", value: .text(form.transferability)),
            (key: "costs_funding", value: .text(form.costsFunding)),
            (key: "created_at", value: .time(entry.createdAt, zone: zone)),
            (key: "created_by", value: .text(entry.createdBy)),
            (key: "updated_at", value: .time(entry.updatedAt, zone: zone)),
            (key: "withdrawn_at", value: .time(entry.withdrawnAt, zone: zone)),
            (key: "sha256", value: .text(form.receiptDigest)),
        ]
        return record
    }

    static let personColumns = ["role", "kind", "country", "name", "email"]

    static func person(_ person: Person) -> Record {
        Record([
            ("role", .text(person.roleName)),
            ("kind", .text(person.kind.rawValue)),
            ("country", .text(person.country?.rawValue)),
            ("name", .text(person.displayName)),
            ("email", .text(person.email)),
        ])
    }
}
